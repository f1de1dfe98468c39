"""Small middleware the libraries we use do not provide."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def permissions_policy(get_response: Callable[[HttpRequest], HttpResponse]):
    """Turn off browser features the app never uses (camera, location, ...)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware

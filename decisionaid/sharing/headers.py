"""Headers for private pages and pages reached by a secret token (share links, invitations,
a new link shown once): no search engine indexes them, and no Referer carries a token anywhere.
(No cache holds a copy of them either, like every page: `decisionaid.middleware.never_cache`.)

Share-link pages have no forms and send `Referrer-Policy: no-referrer`. A page with a POST
form cannot: under no-referrer, browsers send `Origin: null` with the post, and Django's CSRF
check (rightly) refuses it. Those pages send `strict-origin`, which also leaves out every path,
and so every token, out of the Referer header, for other sites and for our own.
"""

from collections.abc import Callable
from functools import wraps

from django.http import HttpRequest, HttpResponse

NO_REFERRER = "no-referrer"
ORIGIN_ONLY = "strict-origin"


def private(response: HttpResponse, referrer_policy: str = ORIGIN_ONLY) -> HttpResponse:
    response["Referrer-Policy"] = referrer_policy
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _with_policy(referrer_policy: str):
    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            return private(view(request, *args, **kwargs), referrer_policy)

        return wrapped

    return decorator


# Pages without forms (a share link's summary and print view, the dead-link page).
token_page = _with_policy(NO_REFERRER)
# Pages with a POST form (an invitation's Start button, the person's own links page).
token_form_page = _with_policy(ORIGIN_ONLY)

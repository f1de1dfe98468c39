"""Small middleware the libraries we use do not provide."""

import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers


def permissions_policy(get_response: Callable[[HttpRequest], HttpResponse]):
    """Turn off browser features the app never uses (camera, location, ...)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


# When this session last moved its end on, in seconds since the epoch.
SEEN_KEY = "signed_in_seen"


def extend_signed_in_session(session) -> None:
    """End this session SIGNED_IN_IDLE_MINUTES from now (Django stores the expiry as an age,
    so each save moves it on)."""
    session.set_expiry(settings.SIGNED_IN_IDLE_MINUTES * 60)
    session[SEEN_KEY] = int(time.time())


def start_idle_clock(sender, request: HttpRequest, user, **kwargs) -> None:
    """At sign-in (Django's user_logged_in signal, connected in clinicians/apps.py)."""
    extend_signed_in_session(request.session)


def signed_in_idle_timeout(get_response: Callable[[HttpRequest], HttpResponse]):
    """A signed-in user's (a clinician's, an editor's) session ends SIGNED_IN_IDLE_MINUTES
    after their last request; each request moves the end on, saving the session at most once a
    minute. Patients never sign in, so their sessions last Django's SESSION_COOKIE_AGE."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        if signed_in and time.time() - request.session.get(SEEN_KEY, 0) >= 60:
            extend_signed_in_session(request.session)
        return response

    return middleware


def never_cache(get_response: Callable[[HttpRequest], HttpResponse]):
    """No response the app makes is stored, by the browser or by anything in between: the one
    rule for "never cache", so no view has to remember it.

    Every page shows something of the person's: whether this browser holds answers ("Delete
    my answers" in the footer), the crisis banner after a risk answer, and most pages their
    answers, results, a share link's summary or a clinician's patients. A stored copy could
    show them after "Delete my answers", to the next person at a shared computer, or from a
    proxy. Only static files may be stored: WhiteNoise, before this in MIDDLEWARE, serves them
    with their own long-lived headers and never reaches this."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        add_never_cache_headers(response)
        return response

    return middleware

"""Who may see the clinician pages: a signed-in user with a ClinicianProfile. Everything a
clinician opens is looked up through their own user, so another's is simply not found."""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from decisionaid import ratelimit

from .models import ClinicianProfile


def profile_of(user) -> ClinicianProfile | None:
    try:
        return user.clinician
    except ObjectDoesNotExist:
        return None


def clinician_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        profile = profile_of(request.user)
        if profile is None or not request.user.is_active:
            return render(request, "clinicians/not_clinician.html", status=403)
        request.clinician = profile
        return view(request, *args, **kwargs)

    return wrapped


def over_limit(request: HttpRequest, action: str, limit: int, message: str, back: str, back_label: str):
    """The kind 429 page once the signed-in user has done `action` `limit` times in the last
    hour, with a way back to the page named `back`; None (counting this one) while they may."""
    if ratelimit.allow(action, str(request.user.pk), limit):
        return None
    return ratelimit.too_many(request, message, back_url=reverse(back), back_label=back_label)

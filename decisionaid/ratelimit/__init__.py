"""Rate limits, "at most N of this, per who, per hour", and the pages that say "please wait".

Each limit is a token bucket in the database (models.TokenBucket): it holds `limit` actions,
refills evenly over the window and loses one per action, so there is no hourly edge to rush,
and every worker and app server counts together. PDFs are also bounded per process: each
takes seconds of work, so only PDF_CONCURRENCY are made at once (`pdf_slot`).
"""

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

HOUR = 60 * 60
# How long a request waits for a PDF slot before it gets the "busy" page.
PDF_WAIT_SECONDS = 5.0
# A little room for floating-point sums: five fifths are a whole action.
EPSILON = 1e-9


def allow(action: str, who: str, limit: int, window: int = HOUR) -> bool:
    """Count one more `action` by `who`; False, counting nothing, once `limit` are used up.
    Used-up actions come back evenly: one every `window / limit` seconds."""
    from .models import TokenBucket

    if limit <= 0:
        return False
    # Hashed, so session keys and user ids never sit in the table as they are.
    key = f"{action}:{hashlib.sha256(f'{action}:{who}'.encode()).hexdigest()[:40]}"
    now = timezone.now()
    with transaction.atomic():
        # A new bucket starts full, less this action.
        bucket, created = TokenBucket.objects.select_for_update().get_or_create(
            key=key, defaults={"tokens": float(limit - 1), "updated_at": now}
        )
        if created:
            return True
        refilled = (now - bucket.updated_at).total_seconds() * limit / window
        bucket.tokens = min(float(limit), bucket.tokens + max(refilled, 0.0))
        if bucket.tokens < 1 - EPSILON:
            return False
        bucket.tokens -= 1
        bucket.updated_at = now
        bucket.save(update_fields=["tokens", "updated_at"])
    return True


def client_address(request: HttpRequest) -> str:
    """The client's address as the sign-in lockout sees it (TRUSTED_PROXY_COUNT in settings)."""
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or "unknown"


def client_key(request: HttpRequest) -> str:
    """Who is asking, for a limit: the signed-in user, else the session, else the address
    (a visitor without a cookie, such as someone opening a share link)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    session_key = request.session.session_key if hasattr(request, "session") else None
    if session_key:
        return f"session:{session_key}"
    return f"address:{client_address(request)}"


def _please_wait(request: HttpRequest, title: str, message: str, status: int, **back) -> HttpResponse:
    context = {"title": title, "message": message, "nothing_lost": True, **back}
    return render(request, "pages/message.html", context, status=status)


def too_many(
    request: HttpRequest, message: str, back_url: str = "", back_label: str = "", title: str = ""
) -> HttpResponse:
    """The one kind 429 page: what was refused, that nothing was lost, and a way back
    (the start page unless `back_url` and its `back_label` say otherwise)."""
    title = title or _("Please wait a while")
    return _please_wait(request, title, message, 429, back_url=back_url, back_label=back_label)


class Busy(Exception):
    """Every PDF slot of this process stayed taken for PDF_WAIT_SECONDS."""


_slots: dict[int, threading.BoundedSemaphore] = {}
_slots_lock = threading.Lock()


@contextmanager
def pdf_slot() -> Iterator[None]:
    """Hold one of this process's PDF_CONCURRENCY slots while making a PDF; Busy if none
    frees up in time, so PDFs never tie up every worker thread."""
    size = max(settings.PDF_CONCURRENCY, 1)
    with _slots_lock:
        slots = _slots.setdefault(size, threading.BoundedSemaphore(size))
    if not slots.acquire(timeout=PDF_WAIT_SECONDS):
        raise Busy
    try:
        yield
    finally:
        slots.release()


def busy(request: HttpRequest) -> HttpResponse:
    """The kind 503 page when every PDF slot is taken."""
    response = _please_wait(
        request,
        _("We are busy right now"),
        _("Many PDFs are being made at the moment. Please try again in a minute, or use the print view."),
        503,
    )
    response["Retry-After"] = "30"
    return response

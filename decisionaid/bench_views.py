"""Views that exist only while the benchmark runs (settings.BENCH_ENDPOINTS)."""

from django.http import HttpRequest, HttpResponse

_BODIES: dict[int, bytes] = {}


def limit(request: HttpRequest) -> HttpResponse:
    """A constant page of the requested size: the fastest any page of ours could be."""
    raw = request.GET.get("bytes", "8000")
    size = min(max(int(raw), 1), 1_000_000) if raw.isdigit() else 8000
    body = _BODIES.setdefault(size, b"<!doctype html><title>limit</title>" + b"x" * max(size - 35, 0))
    return HttpResponse(body, content_type="text/html; charset=utf-8")

"""Turning the printable summary's HTML into a PDF with WeasyPrint, on request, never stored.

WeasyPrint may only read our own static files (stylesheet, fonts): any other address is
refused, so a PDF never fetches anything from outside."""

from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation

BASE_URL = "https://decisionaid.invalid/"


class ForbiddenFetch(ValueError):
    pass


def _static_file(url: str) -> Path:
    parts = urlsplit(url)
    if f"{parts.scheme}://{parts.netloc}/" != BASE_URL or not parts.path.startswith(settings.STATIC_URL):
        raise ForbiddenFetch(url)
    relative = parts.path[len(settings.STATIC_URL) :]
    root = Path(settings.STATIC_ROOT)
    candidate = (root / relative).resolve()
    if candidate.is_file() and candidate.is_relative_to(root.resolve()):
        return candidate
    try:
        found = finders.find(relative)
    except SuspiciousFileOperation as error:
        raise ForbiddenFetch(url) from error
    if not found:
        raise ForbiddenFetch(url)
    return Path(found)


def _fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            path = _static_file(url)
            mime = {".css": "text/css", ".ttf": "font/ttf", ".svg": "image/svg+xml"}.get(path.suffix, "")
            return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": mime})

    return StaticOnlyFetcher(fail_on_errors=False)


_font_config = None
_paper_sheets: dict = {}


def html_to_pdf(html: str, paper: str = "A4") -> bytes:
    """`paper` is a CSS page size ("A4", "letter"): print.css leaves the size to the browser's
    print dialog, so the PDF sets it here."""
    # Imported here: WeasyPrint loads Pango at import, which only the PDF view needs.
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    global _font_config
    if _font_config is None:
        _font_config = FontConfiguration()
    if paper not in _paper_sheets:
        _paper_sheets[paper] = CSS(string=f"@page {{ size: {paper}; }}", font_config=_font_config)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher())
    return document.write_pdf(stylesheets=[_paper_sheets[paper]], font_config=_font_config)

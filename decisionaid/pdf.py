"""Turning the printable summary's HTML into a PDF with WeasyPrint, on request, never stored.

WeasyPrint may only read our own static files (stylesheet, fonts): any other address is
refused, so a PDF never fetches anything from outside."""

import atexit
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


PRINT_CSS = "css/print.css"
_cache: dict = {}
# Dropped before the interpreter tears WeasyPrint's modules down: a FontConfiguration freed
# after that fails in its __del__ and prints a traceback on the way out.
atexit.register(_cache.clear)


def _stylesheets(paper: str) -> tuple:
    """The paper stylesheet and the page size, parsed once per process (each parse, with its
    fonts, costs more than laying out a page), and again when the file changes."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    url = f"{BASE_URL}{settings.STATIC_URL.lstrip('/')}{PRINT_CSS}"
    path = _static_file(url)
    version = (path, path.stat().st_mtime_ns)
    if _cache.get("version") != version:
        _cache.clear()
        _cache["version"] = version
        _cache["fonts"] = FontConfiguration()
        _cache["print"] = CSS(
            string=path.read_text(), base_url=url, url_fetcher=_fetcher(), font_config=_cache["fonts"]
        )
    if paper not in _cache:
        _cache[paper] = CSS(string=f"@page {{ size: {paper}; }}", font_config=_cache["fonts"])
    return _cache["fonts"], [_cache["print"], _cache[paper]]


def html_to_pdf(html: str, paper: str = "A4") -> bytes:
    """`html` is the print view made for the PDF (without its stylesheet link, which is
    parsed once here). `paper` is a CSS page size ("A4", "letter"): print.css leaves the
    size to the browser's print dialog, so the PDF sets it here."""
    # Imported here: WeasyPrint loads Pango at import, which only the PDF view needs.
    from weasyprint import HTML

    fonts, stylesheets = _stylesheets(paper)
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=_fetcher())
    return document.write_pdf(stylesheets=stylesheets, font_config=fonts)

"""Whole pages kept briefly in this process's memory: the pages a person loads again and again
(a questionnaire step as first shown, the results page and its print view).

A kept page is served to anyone whose key is the same, so the key must name everything the
page shows. The view names what its own template shows (the answers it displays, say);
`kept_page` adds the template's name (a whole page, or the part htmx asked for) and what
every page shows through base.html and the context processors: the language, the content as
read now, the crisis banner and its region, and the "Delete my answers" link.

The CSRF token is the one thing that differs on every response (Django masks it afresh
against BREACH). A page is kept in pieces split where the token goes, and the pieces are
joined around this request's token on the way out, so forms on a kept page work as usual.

Compressing a large page costs more than everything else a kept page needs (about 2 ms for
the results page), so each piece is also kept compressed. Deflate lets independently
compressed pieces be joined into one valid stream when each ends with a sync flush; only the
token is compressed per request, on its own, so it shares no compression context with the
page around it. GZipMiddleware passes such a response through untouched."""

import re
import secrets
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language

from decisionaid.content import snapshot
from decisionaid.digest import digest
from decisionaid.questionnaire import session

# Random per process, so that no text a person types can ever be taken for it.
TOKEN_STAND_IN = "csrf-" + secrets.token_hex(16)
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# Django's GZipMiddleware pads the gzip header with up to this many bytes against BREACH.
MAX_RANDOM_BYTES = 100


def _deflated(data: bytes) -> bytes:
    """Raw deflate blocks ending on a byte boundary with the stream left open."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)


# An empty last block: what closes a stream of joined pieces.
_LAST_BLOCK = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS).flush(zlib.Z_FINISH)


@dataclass(frozen=True)
class KeptPage:
    pieces: tuple[bytes, ...]  # the page as UTF-8, split where the CSRF token goes
    deflated: tuple[bytes, ...]  # each piece compressed on its own

    @classmethod
    def of(cls, html: str) -> "KeptPage":
        pieces = tuple(piece.encode() for piece in html.split(TOKEN_STAND_IN))
        return cls(pieces, tuple(_deflated(piece) for piece in pieces))

    def body(self, token: bytes) -> bytes:
        return token.join(self.pieces)

    def gzipped(self, token: bytes) -> bytes:
        stream = _deflated(token).join(self.deflated) + _LAST_BLOCK
        crc = zlib.crc32(self.pieces[0])
        for piece in self.pieces[1:]:
            crc = zlib.crc32(piece, zlib.crc32(token, crc))
        size = sum(map(len, self.pieces)) + len(token) * (len(self.pieces) - 1)
        # Header: magic, deflate, FNAME flag, no time, no extra flags, unknown OS; then the
        # padding "file name" of random length, as GZipMiddleware does.
        header = b"\x1f\x8b\x08\x08\x00\x00\x00\x00\x00\xff" + b"a" * secrets.randbelow(MAX_RANDOM_BYTES) + b"\x00"
        return header + stream + struct.pack("<II", crc, size & 0xFFFFFFFF)


def kept_page(
    request: HttpRequest,
    template: str,
    shows: object,
    context: Callable[[], dict],
    *,
    region: str | None = None,
) -> HttpResponse:
    """The page drawn from `template` with `context()`, or the same page kept from a request
    whose key was the same. `shows` is everything the template shows beyond base.html;
    `region` is the person's region code, which the crisis banner shows when it is on."""
    crisis = session.crisis_active(request)
    key = "page:" + digest(
        template,
        shows,
        get_language(),
        snapshot.current().serial,
        session.has_answers(request),
        (region or "OTHER") if crisis else None,
    )
    pages = caches[settings.KEPT_PAGES_CACHE]
    page = pages.get(key)
    if page is None:
        page = KeptPage.of(render_to_string(template, {**context(), "csrf_token": TOKEN_STAND_IN}, request))
        pages.set(key, page)
    # Asked for on every response, as a drawn {% csrf_token %} would: it sets the CSRF cookie.
    token = get_token(request).encode() if len(page.pieces) > 1 else b""
    if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(page.gzipped(token))
        response["Content-Encoding"] = "gzip"
    else:
        response = HttpResponse(page.body(token))
    patch_vary_headers(response, ["Accept-Encoding"])
    return response

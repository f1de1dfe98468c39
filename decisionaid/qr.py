"""QR codes for invitation links, made by segno as SVG on the server.

The SVG carries no `style=` attribute and no XML declaration, so it can sit inline in a page
under the strict Content-Security-Policy; size and colours come from classes in CSS."""

import io

import segno
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe


def inline_svg(url: str, label: str) -> SafeString:
    qr = segno.make(url, error="m")
    svg = qr.svg_inline(svgclass="qr", lineclass="qr-line", omitsize=True, border=4)
    # segno escapes nothing of ours into it; the accessible name is escaped here.
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" focusable="false" ', 1)
    return mark_safe(svg)  # noqa: S308 (segno's own markup plus an escaped label)


def svg_file(url: str, title: str) -> bytes:
    """A standalone SVG file to download and print (black on white, with its own size)."""
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=8, border=4, light="#fff", title=title)
    return buffer.getvalue()

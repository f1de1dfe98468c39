"""The paper summary as a PDF, made on request and never stored.

The results page, a share link and a clinician's copy all offer the same PDF: the document
`paper.paper_summary` builds, laid out by Typst (templates/results/summary.typ)."""

import json
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from decisionaid import ratelimit

from . import paper_summary

LETTER_REGIONS = {"US", "CA"}
LAYOUT = Path(settings.BASE_DIR) / "templates" / "results" / "summary.typ"
# Atkinson Hyperlegible, with DejaVu Sans for the marks it lacks, shipped with the app under
# their licences (fonts/README.md), so every server lays out the same paper.
FONTS = Path(__file__).resolve().parent.parent / "fonts"


def paper_size(summary: dict) -> str:
    """Letter where that is the usual paper, A4 elsewhere."""
    return "letter" if summary["region"] in LETTER_REGIONS else "A4"


def summary_pdf(summary: dict) -> bytes:
    """The paper summary as a tagged PDF (PDF/UA-1). Its words come as JSON data, so no
    value is ever read as Typst markup."""
    import typst  # imported here: only the PDF needs it

    document = paper_summary(summary, made_on=timezone.localdate())
    document["paper"] = {"A4": "a4", "letter": "us-letter"}[paper_size(summary)]
    return typst.compile(
        str(LAYOUT),
        root=str(LAYOUT.parent),
        font_paths=[str(FONTS)],
        ignore_system_fonts=True,
        sys_inputs={"paper": json.dumps(document, ensure_ascii=False)},
        pdf_standards=["ua-1"],
    )


def pdf_refused(request: HttpRequest) -> HttpResponse | None:
    """A kind 429 once this person (or clinician) has made many PDFs this hour, or anyone
    from their address has: each one takes real work on the server, so a loop cannot tie it
    up, however many sessions it starts."""
    limit = settings.PDF_LIMIT_PER_HOUR
    who = ratelimit.client_key(request)
    # A session is free to make, so a visitor's PDFs are also counted by their address.
    by_address = who.startswith("user:") or ratelimit.allow("pdf_address", ratelimit.client_address(request), limit)
    if by_address and ratelimit.allow("pdf", who, limit):
        return None
    return ratelimit.too_many(
        request, _("You have made many PDFs in the last hour. Please try again later, or use the print view.")
    )


def pdf_response(request: HttpRequest, summary: dict) -> HttpResponse:
    """The summary's PDF, made now and not stored; its name carries the date, never the person."""
    try:
        with ratelimit.pdf_slot():
            body = summary_pdf(summary)
    except ratelimit.Busy:
        return ratelimit.busy(request)
    response = HttpResponse(body, content_type="application/pdf")
    filename = f"decisionaid-summary-{timezone.localdate().isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

"""The safety plan as a one-page PDF, made on request and never stored: laid out by Typst
(templates/safetyplan/plan.typ) in the fonts shipped with the app, every word passed as JSON
data (nothing the person wrote is read as markup), every phone number a live tel: link."""

import json
from pathlib import Path

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from decisionaid import ratelimit
from decisionaid.content.templatetags.phone_links import PRINTED_NUMBER, dialled, sms_href
from decisionaid.paper.pdf import FONTS

LAYOUT = Path(settings.BASE_DIR) / "templates" / "safetyplan" / "plan.typ"


def linked(words: str, href_for) -> list[dict]:
    """`words` in pieces, each printed number that `href_for(printed)` gives an address a link."""
    pieces, start = [], 0
    for match in PRINTED_NUMBER.finditer(words):
        href = href_for(match.group())
        if href:
            pieces += [{"text": words[start : match.start()]}, {"text": match.group(), "href": href}]
            start = match.end()
    pieces.append({"text": words[start:]})
    return [piece for piece in pieces if piece["text"]]


def line_href(line: dict):
    """A line's phone number as a call link, its text number as a text link."""

    def href_for(printed: str) -> str:
        number = dialled(printed)
        if number == line.get("phone"):
            return f"tel:{number}"
        if number == line.get("text_number"):
            return sms_href(printed, line.get("text_keyword", ""))
        return ""

    return href_for


MAX_LINES = 6


def _fewer_lines(text: str) -> str:
    """A part's words; a long list of short lines is run together, so the plan keeps to one page."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return "\n".join(lines) if len(lines) <= MAX_LINES else "; ".join(lines)


def plan_data(context: dict) -> dict:
    region = context["region"] or {}
    emergency = region.get("emergency_number", "")
    if any(c.isdigit() for c in emergency):
        danger = linked(_("In danger now? Call %(number)s.") % {"number": emergency}, lambda p: f"tel:{dialled(p)}")
    else:
        danger = [{"text": _("In danger now? Call your local emergency number.")}]
    written = sum(len(item["text"]) for item in context["parts"])
    return {
        # One page whatever they wrote: smaller type only for a long plan.
        "size": 11 if written <= 1200 else 9.5 if written <= 2200 else 8.5,
        "title": _("My safety plan"),
        "lang": (get_language() or "en").split("-")[0],
        "made_on": _("Made on %(date)s") % {"date": date_format(timezone.localdate(), "j F Y")},
        "intro": _("When things feel hard, go through these steps in order, until you feel safer."),
        "danger": danger,
        "parts": [
            {"number": str(index), "title": str(item["part"].title), "text": _fewer_lines(item["text"])}
            for index, item in enumerate(context["parts"], start=1)
        ],
        "lines_title": _("Crisis lines"),
        "lines": [
            {"name": line["name"], "pieces": linked(line.get("contact", ""), line_href(line))}
            for line in context["crisis_lines"]
        ],
        "blank": _("Not filled in yet. You can write here."),
    }


def plan_pdf(context: dict) -> bytes:
    import typst  # imported here: only the PDF needs it

    data = json.dumps(plan_data(context), ensure_ascii=False)
    paper = "us-letter" if (context["region"] or {}).get("code") in {"US", "CA"} else "a4"
    return typst.compile(
        str(LAYOUT),
        root=str(LAYOUT.parent),
        font_paths=[str(FONTS)],
        ignore_system_fonts=True,
        sys_inputs={"plan": data, "paper": paper},
        pdf_standards=["ua-1"],
    )


def plan_pdf_response(request: HttpRequest, context: dict) -> HttpResponse:
    try:
        with ratelimit.pdf_slot():
            body = plan_pdf(context)
    except ratelimit.Busy:
        return ratelimit.busy(request)
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="my-safety-plan.pdf"'
    return response

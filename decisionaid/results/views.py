"""The results page: the person's summary, the five options side by side, and the SURE test.

Every view renders the one object `build_summary` returns; the grid below only arranges it
into rows and cards. Answers are health information, so no response is cached by a browser
or proxy; the server keeps drawn pages briefly in its own memory (decisionaid/pagecache.py)."""

from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from decisionaid import ratelimit
from decisionaid.pagecache import kept_page
from decisionaid.pdf import html_to_pdf
from decisionaid.questionnaire import session, steps
from decisionaid.sharing.results import results_actions_context, shows_invitation
from decisionaid.summary import build_summary, scores_given, sure_summary

from .forms import SureForm

SURE_KEY = "sure"
LETTER_REGIONS = {"US", "CA"}


def _private(response: HttpResponse) -> HttpResponse:
    add_never_cache_headers(response)
    patch_vary_headers(response, ["HX-Request"])
    return response


def with_answers(view):
    """For the views of a person's results: the view gets their complete answers, or the
    person is sent to the first step they still have to answer."""

    @wraps(view)
    def wrapper(request: HttpRequest) -> HttpResponse:
        answers = session.current_answers(request)
        if answers is None:
            return redirect("step", slug=steps.FIRST.slug)
        missing = steps.first_missing_required(answers)
        if missing is not None:
            return redirect("step", slug=missing.slug)
        return view(request, answers)

    return wrapper


@require_GET
@with_answers
def results(request: HttpRequest, answers: dict) -> HttpResponse:
    sure = request.session.get(SURE_KEY)
    if shows_invitation(request):
        # The sharing choices then change without the answers changing: drawn afresh each time.
        return _page(request, answers, SureForm(initial=sure or None), sure)
    page = kept_page(
        request,
        "results/results.html",
        (answers, sure),
        lambda: _context(request, answers, SureForm(initial=sure or None), sure),
        region=answers.get("region"),
    )
    return _private(page)


@require_POST
@with_answers
def sure(request: HttpRequest, answers: dict) -> HttpResponse:
    form = SureForm(request.POST)
    if not form.is_valid():
        # Under htmx a 4xx response would not be swapped in, so the kind error comes as a 200.
        return _page(request, answers, form, request.session.get(SURE_KEY), status=200 if request.htmx else 422)
    request.session[SURE_KEY] = form.answers()
    if request.htmx:
        return _page(request, answers, SureForm(initial=form.answers()), form.answers())
    return redirect(reverse("results") + "#sure")


def _page(request: HttpRequest, answers: dict, form: SureForm, sure: dict | None, status: int = 200) -> HttpResponse:
    template = "results/results.html"
    if request.htmx and request.method == "POST":
        template += "#sure"
    return _private(render(request, template, _context(request, answers, form, sure), status=status))


def _context(request: HttpRequest, answers: dict, form: SureForm, sure: dict | None) -> dict:
    summary = build_summary(answers, sure=sure)
    sure_state = sure_summary(sure)
    return {
        "summary": summary,
        "grid": comparison_grid(summary),
        "sure_state": sure_state,
        "sure_form": form,
        "sure_fields": [(item, form[item["code"]]) for item in sure_state["items"]],
        "first_step": steps.FIRST.slug,
        **results_actions_context(request),
    }


def printable_context(summary: dict) -> dict:
    """What the print view and the PDF need: the one summary, laid out for paper."""
    return {
        "summary": summary,
        "grid": comparison_grid(summary, paper=True),
        "sure_state": summary["sure"],
        "print_view": True,
        "base_template": "results/print_base.html",
        "made_on": timezone.localdate(),
    }


def pdf_refused(request: HttpRequest) -> HttpResponse | None:
    """A kind 429 once this person (or clinician) has made many PDFs this hour: each one
    takes real work on the server, so a loop cannot tie it up."""
    who = f"user:{request.user.pk}" if request.user.is_authenticated else f"session:{request.session.session_key}"
    if ratelimit.allow("pdf", who, settings.PDF_LIMIT_PER_HOUR):
        return None
    context = {
        "title": _("Please wait a while"),
        "message": _("You have made many PDFs in the last hour. Please try again later, or use the print view."),
    }
    return _private(render(request, "pages/error.html", context, status=429))


def summary_pdf(summary: dict, request: HttpRequest | None = None) -> bytes:
    """The print view as a PDF, on Letter where that is the usual paper, A4 elsewhere."""
    html = render_to_string("results/results.html", {**printable_context(summary), "for_pdf": True}, request)
    return html_to_pdf(html, paper="letter" if summary["region"] in LETTER_REGIONS else "A4")


def pdf_response(request: HttpRequest, summary: dict) -> HttpResponse:
    """The summary's PDF, made now and not stored; its name carries the date, never the person."""
    response = HttpResponse(summary_pdf(summary, request), content_type="application/pdf")
    filename = f"decisionaid-summary-{timezone.localdate().isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return _private(response)


@require_GET
@with_answers
def print_view(request: HttpRequest, answers: dict) -> HttpResponse:
    sure = request.session.get(SURE_KEY)
    page = kept_page(
        request,
        "results/results.html",
        ("print", answers, sure, timezone.localdate()),
        lambda: printable_context(build_summary(answers, sure=sure)),
        region=answers.get("region"),
    )
    return _private(page)


@require_GET
@with_answers
def pdf(request: HttpRequest, answers: dict) -> HttpResponse:
    if refused := pdf_refused(request):
        return refused
    summary = build_summary(answers, sure=request.session.get(SURE_KEY))
    return pdf_response(request, summary)


def comparison_grid(summary: dict, paper: bool = False) -> dict:
    """The summary's options arranged as table rows and as one card per option. Both show
    the same cells, rendered by one template partial. On paper the reasons give way to the
    answers behind them, so the source list keeps only the sources paper still cites."""
    rows = [
        ("what_it_is", "fact", _("What it is")),
        ("session", "fact", _("What a session is like")),
        ("course", "fact", _("How many sessions, how often, how long")),
        ("time_to_change", "fact", _("How soon people notice a change")),
        ("cost", "cost", _("Cost for you")),
        ("evidence", "evidence", _("How well it works for what you chose")),
        ("risks", "fact", _("Side effects and risks")),
        ("lasting", "fact", _("How long the good effects last")),
        ("asks", "fact", _("What it asks of you")),
        ("fits", "fits", _("How it fits what you said")),
        ("considerations", "considerations", _("Things to think about")),
    ]
    cells = {}
    for option in summary["options"]:
        facts = {fact["row"]: fact for fact in option["facts"]}
        reasons = {"fits": option["fit_reasons"], "considerations": option["consideration_reasons"]}
        for code, kind, label in rows:
            cells[option["slug"], code] = {
                "code": code,
                "kind": kind,
                "label": label,
                "option": option,
                "fact": facts.get(code),
                "reasons": reasons.get(kind, []),
                # Paper has room for the answers behind the reasons, not the reasons in full.
                "answer_labels": list(dict.fromkeys(reason["answer_label"] for reason in reasons.get(kind, []))),
            }
    sources = summary["sources"]
    if paper:
        cited = {key for score in scores_given(summary) for key in score["sources"]}
        for option in summary["options"]:
            cited.update(key for fact in option["facts"] for key in fact["sources"])
            cited.update(option["cost"].get("sources", []))
            cited.update(key for item in option["evidence"] for key in item["sources"])
        sources = [source for source in sources if source["key"] in cited]
    return {
        "sources": sources,
        "source_numbers": {source["key"]: number for number, source in enumerate(sources, start=1)},
        "rows": [
            {"code": code, "label": label, "cells": [cells[option["slug"], code] for option in summary["options"]]}
            for code, _kind, label in rows
        ],
        "cards": [
            {"option": option, "cells": [cells[option["slug"], code] for code, _kind, _label in rows]}
            for option in summary["options"]
        ],
    }

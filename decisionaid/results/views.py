"""The results page: the person's summary, the five options side by side, and the SURE test.

Every view renders the one object `build_summary` returns; `grid.py` arranges it into the
first view's rows and each option's details. Answers are health information, so no
response is cached anywhere (`never_cache`), and a page and its htmx fragment are told
apart by `HX-Request`."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers

from decisionaid.pdf import pdf_refused, pdf_response, printable_context
from decisionaid.questionnaire import steps
from decisionaid.questionnaire.session import with_answers
from decisionaid.sharing.results import results_actions_context
from decisionaid.summary import build_summary

from .forms import SureForm
from .grid import comparison_grid, crisis_region

SURE_KEY = "sure"


@require_GET
@never_cache
@vary_on_headers("HX-Request")
@with_answers
def results(request: HttpRequest, answers: dict) -> HttpResponse:
    sure = request.session.get(SURE_KEY)
    return _page(request, answers, SureForm(initial=sure or None), sure)


@require_POST
@never_cache
@vary_on_headers("HX-Request")
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
    return render(request, template, _context(request, answers, form, sure), status=status)


def _context(request: HttpRequest, answers: dict, form: SureForm, sure: dict | None) -> dict:
    summary = build_summary(answers, sure=sure)
    sure_state = summary["sure"]
    return {
        "summary": summary,
        "grid": comparison_grid(summary),
        "crisis_region": crisis_region(summary),
        "sure_state": sure_state,
        "sure_form": form,
        "sure_fields": [(item, form[item["code"]]) for item in sure_state["items"]],
        "first_step": steps.FIRST.slug,
        **results_actions_context(request),
    }


@require_GET
@never_cache
@with_answers
def print_view(request: HttpRequest, answers: dict) -> HttpResponse:
    summary = build_summary(answers, sure=request.session.get(SURE_KEY))
    return render(request, "results/results.html", printable_context(summary))


@require_GET
@never_cache
@with_answers
def pdf(request: HttpRequest, answers: dict) -> HttpResponse:
    if refused := pdf_refused(request):
        return refused
    summary = build_summary(answers, sure=request.session.get(SURE_KEY))
    return pdf_response(request, summary)

"""The results page: the person's five options first, and everything else a click away.

Every view renders the one object `build_summary` returns; `grid.py` arranges it into the
option cards, the comparison and each option's details. The first view holds only what it
shows: each option's details, the condition texts, the icon arrays, the comparison and the
sources each have an address of their own, fetched into place by htmx when opened and
followed as a plain link without JavaScript. Like every response, none is cached anywhere
(`decisionaid.middleware.never_cache`); a page and its htmx fragment are told apart by
`HX-Request`."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from decisionaid.followup.history import attach_history
from decisionaid.paper import paper_summary
from decisionaid.paper.pdf import pdf_refused, pdf_response
from decisionaid.questionnaire import steps
from decisionaid.questionnaire.session import with_answers
from decisionaid.sharing.practice import mark_for_person
from decisionaid.sharing.results import results_actions_context
from decisionaid.summary import build_summary, grid, scores_given, sure_summary

from .forms import SureForm

SURE_KEY = "sure"


def results_view(view):
    """A GET view of the person's own results: told apart from its htmx fragment by
    `HX-Request`, and only for complete answers."""
    return require_GET(vary_on_headers("HX-Request")(with_answers(view)))


@results_view
def results(request: HttpRequest, answers: dict) -> HttpResponse:
    sure = request.session.get(SURE_KEY)
    # The four questions are a click away (`ready`) until answered: no form to build before then.
    return _page(request, answers, SureForm(initial=sure) if sure else None, sure)


@vary_on_headers("HX-Request")
def sure(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        # A bookmark or a reload after saving: a kind page that leads back, not a bare 405.
        response = render(
            request,
            "pages/message.html",
            {
                "title": _("This address only saves your answers"),
                "message": _("Your answers to the four questions are saved from your results page."),
                "nothing_lost": True,
                "back_url": reverse("results") + "#sure",
                "back_label": _("Back to my results"),
            },
            status=405,
        )
        response["Allow"] = "POST"
        return response
    return _save_sure(request)


@with_answers
def _save_sure(request: HttpRequest, answers: dict) -> HttpResponse:
    form = SureForm(request.POST)
    if not form.is_valid():
        # The page's htmx settings swap a 422 in, so one status serves both.
        return _page(request, answers, form, request.session.get(SURE_KEY), status=422)
    request.session[SURE_KEY] = form.answers()
    if request.htmx:
        return _page(request, answers, SureForm(initial=form.answers()), form.answers())
    return redirect(reverse("results") + "#sure")


def _page(
    request: HttpRequest, answers: dict, form: SureForm | None, sure: dict | None, status: int = 200
) -> HttpResponse:
    template = "results/results.html"
    if request.htmx and request.method == "POST":
        template = "results/after_options.html#sure"
    return render(request, template, _context(request, answers, form, sure), status=status)


def _context(request: HttpRequest, answers: dict, form: SureForm | None, sure: dict | None) -> dict:
    summary = build_summary(answers, sure=sure, first_view=True)
    sure_state = summary["sure"]
    return {
        "summary": summary,
        "cards": grid.option_cards(summary),
        "concerns": grid.concern_lines(summary),
        "scores": scores_given(summary),
        "notices": grid.notices(summary),
        "crisis_region": grid.crisis_region(summary),
        "sure_state": sure_state,
        "sure_form": form,
        "sure_fields": [(item, form[item["code"]]) for item in sure_state["items"]] if form else [],
        **results_actions_context(request, summary=summary, first_view=True),
    }


def _on_demand(request: HttpRequest, part: str, title: str, anchor: str, context: dict, **options) -> HttpResponse:
    """One part of the results a click away: under htmx, the part alone and open, put in
    place of the link that asked for it (id `anchor`); without JavaScript, a page of its own
    with a way back to that link. Its citations are plain names, with one link to the
    block's sources (`sources_block`). `level` is its headings' level where it lands."""
    context = {
        "part": part,
        "title": title,
        "anchor": anchor,
        "back": options.get("back", anchor),
        "sources_block": options.get("sources_block"),
        "level": options.get("level", 3) if request.htmx else 2,
        "plain_citations": True,
        **context,
    }
    template = "results/on_demand.html#fragment" if request.htmx else "results/on_demand.html"
    return render(request, template, context)


@results_view
def option_details(request: HttpRequest, answers: dict, slug: str) -> HttpResponse:
    summary = build_summary(answers)
    item = grid.option_details(summary, slug)
    if item is None:
        raise Http404
    title = _("More about %(name)s") % {"name": item["option"]["name"]}
    # It opens inside the option's card, under the option's name (h3).
    return _on_demand(request, "option", title, f"more-{slug}", {"item": item}, sources_block=slug, level=4)


@results_view
def conditions(request: HttpRequest, answers: dict) -> HttpResponse:
    summary = build_summary(answers)
    cited = grid.cited_conditions(summary, grid.source_labels(summary))
    # In place, it opens beside the block's own "Sources" link; on a page of its own it needs one.
    return _on_demand(
        request,
        "conditions",
        _("More about what you chose"),
        "more-conditions",
        {"conditions": cited},
        sources_block=None if request.htmx else "conditions",
    )


@results_view
def figures(request: HttpRequest, answers: dict) -> HttpResponse:
    summary = build_summary(answers)
    cited = grid.cited_figures(summary["figures"], grid.source_labels(summary))
    return _on_demand(
        request, "figures", _("Some numbers from studies"), "more-figures", {"figures": cited}, sources_block="figures"
    )


@results_view
def compare(request: HttpRequest, answers: dict) -> HttpResponse:
    summary = build_summary(answers)
    context = {"summary": summary, "grid": {"rows": grid.comparison_rows(summary)}}
    return _on_demand(request, "compare", _("All five side by side"), "more-compare", context, sources_block="compare")


@results_view
def sources(request: HttpRequest, answers: dict, block: str) -> HttpResponse:
    summary = build_summary(answers)
    listed = grid.block_sources(summary, block)
    if listed is None:
        raise Http404
    # An option's sources open inside its details; without JavaScript, lead back to its card.
    back = f"option-{block}" if block not in grid.SOURCE_BLOCKS else f"more-sources-{block}"
    context = {"summary": summary, "grid": {"sources": listed}}
    return _on_demand(request, "sources", _("Sources"), f"more-sources-{block}", context, back=back)


@results_view
def share(request: HttpRequest, answers: dict) -> HttpResponse:
    context = results_actions_context(request)
    return _on_demand(request, "share", _("Share your summary"), "more-share", context)


@results_view
def ready(request: HttpRequest, answers: dict) -> HttpResponse:
    """The four SURE questions, a click away from the first view (they post to `sure`)."""
    sure_state = sure_summary(request.session.get(SURE_KEY))
    form = SureForm(initial=request.session.get(SURE_KEY) or None)
    context = {"sure_form": form, "sure_fields": [(item, form[item["code"]]) for item in sure_state["items"]]}
    return _on_demand(request, "sure", _("Are you ready to choose?"), "more-sure", context, back="sure")


@results_view
def leaning_form(request: HttpRequest, answers: dict) -> HttpResponse:
    """What the person leans toward and their questions: optional, so a click away."""
    context = results_actions_context(request)
    return _on_demand(request, "leaning", _("What you lean toward, and your questions"), "more-leaning", context)


@results_view
def care(request: HttpRequest, answers: dict) -> HttpResponse:
    """The care often offered first for the person's concerns that is none of the five."""
    context = {"summary": build_summary(answers)}
    return _on_demand(request, "care", _("Care often offered first"), "more-care", context)


@results_view
def questions(request: HttpRequest, answers: dict) -> HttpResponse:
    summary = build_summary(answers)
    context = {"questions": summary["questions_for_clinician"]}
    return _on_demand(request, "questions", _("What to ask your clinician"), "more-questions", context)


@results_view
def change(request: HttpRequest, answers: dict) -> HttpResponse:
    """ "Change my answers": the person picks the step to go back to."""
    return _on_demand(
        request, "change", _("Which answers do you want to change?"), "more-change", {"steps": steps.STEPS}
    )


@require_GET
@with_answers
def print_view(request: HttpRequest, answers: dict) -> HttpResponse:
    paper = paper_summary(_whole_summary(request, answers), made_on=timezone.localdate())
    return render(request, "results/print.html", {"paper": paper, "back_url": reverse("results")})


@require_GET
@with_answers
def pdf(request: HttpRequest, answers: dict) -> HttpResponse:
    if refused := pdf_refused(request):
        return refused
    return pdf_response(request, _whole_summary(request, answers))


def _whole_summary(request: HttpRequest, answers: dict) -> dict:
    """What paper shows (print view and PDF alike): the whole summary with the SURE answers,
    the date answered, the practice's options marked and the scores over time."""
    summary = build_summary(answers, sure=request.session.get(SURE_KEY), answered_on=request.answered_on)
    return attach_history(mark_for_person(request, summary), request)

"""The questionnaire's views: a step at a time, POST-redirect-GET, with htmx swapping only
the step when JavaScript is there. Crisis answers interrupt the flow at once."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from decisionaid.content import snapshot
from decisionaid.content.snapshot import RegionInfo
from decisionaid.pagecache import kept_page

from . import forms, session, steps
from .answers import merged

NEXT_AFTER_CRISIS_KEY = "after_crisis"


def _private(response: HttpResponse) -> HttpResponse:
    # Answers are health information: never cached by the browser or anything between.
    add_never_cache_headers(response)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _go(request: HttpRequest, url: str, *, full_page: bool = False) -> HttpResponse:
    """Redirect. A full-page destination (crisis, results) under htmx needs a client
    redirect, since only the step is swapped in place."""
    if full_page and request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, slug: str) -> HttpResponse:
    current = steps.BY_SLUG.get(slug)
    if current is None:
        raise Http404("No such step")
    answers = session.current_answers(request) or {}
    region = _region(answers)
    if request.method == "POST":
        form = current.form_class(request.POST)
        if form.is_valid():
            new, cleared = form.to_answers()
            answers = merged(answers, new, cleared)
            session.save_answers(request, answers)
            return _after_save(request, current, answers)
        # Shown again with the person's own values and the errors: drawn afresh, never kept.
        return _private(render(request, _template(request), _context(current, form, region), status=422))

    initial = current.form_class.initial_from(answers)
    shows = (current.slug, initial, region.code if region else None)
    page = kept_page(
        request,
        _template(request),
        shows,
        lambda: _context(current, current.form_class(initial=initial), region),
        region=answers.get("region"),
    )
    return _private(page)


def _template(request: HttpRequest) -> str:
    template = "questionnaire/step.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#step"
    return template


def _context(current: steps.Step, form, region: RegionInfo | None) -> dict:
    return {
        "step": current,
        "form": form,
        "position": steps.position(current),
        "total": len(steps.STEPS),
        "previous": steps.previous_step(current),
        "region": region,
        "is_last": steps.next_step(current) is None,
        "phq9_stem": forms.PHQ9_STEM,
        "gad7_stem": forms.GAD7_STEM,
        "attribution": forms.PHQ_ATTRIBUTION,
    }


def _after_save(request: HttpRequest, current: steps.Step, answers: dict) -> HttpResponse:
    following = steps.next_step(current)
    next_url = reverse("step", args=[following.slug]) if following else reverse("results")
    if current.slug in ("safety", "mood") and steps.signals_risk(answers):
        session.mark_crisis(request)
        request.session[NEXT_AFTER_CRISIS_KEY] = next_url
        return _go(request, reverse("crisis"), full_page=True)
    if current.slug == "place" and answers.get("age_band") == "under_18":
        return _go(request, reverse("youth"), full_page=True)
    return _go(request, next_url, full_page=following is None)


def _region(answers: dict) -> RegionInfo | None:
    return snapshot.region(answers.get("region"))


def crisis(request: HttpRequest) -> HttpResponse:
    region = snapshot.region(session.current_region_code(request))
    continue_url = request.session.get(NEXT_AFTER_CRISIS_KEY) or reverse("step", args=[steps.FIRST.slug])
    return _private(render(request, "questionnaire/crisis.html", {"region": region, "continue_url": continue_url}))


def youth(request: HttpRequest) -> HttpResponse:
    region = snapshot.region(session.current_region_code(request))
    next_url = reverse("step", args=[steps.STEPS[1].slug])
    return _private(render(request, "questionnaire/youth.html", {"region": region, "next_url": next_url}))


@require_POST
def start_over(request: HttpRequest) -> HttpResponse:
    session.delete(request)
    return redirect("step", slug=steps.FIRST.slug)


@require_http_methods(["GET", "POST"])
def delete_answers(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        session.delete(request)
        return redirect("deleted")
    return _private(render(request, "questionnaire/delete.html"))


def deleted(request: HttpRequest) -> HttpResponse:
    return _private(render(request, "questionnaire/deleted.html"))

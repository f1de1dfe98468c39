"""The questionnaire's views: a step at a time, POST-redirect-GET, with htmx swapping only
the step when JavaScript is there. A risk answer interrupts the flow at once, whatever else
was posted with it. Answers are health information: no page here is ever cached."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from decisionaid.content import snapshot
from decisionaid.content.snapshot import RegionInfo
from decisionaid.instruments import ATTRIBUTION
from decisionaid.summary.risk import signals_risk

from . import session, steps
from .answers import merged

NEXT_AFTER_CRISIS_KEY = "after_crisis"
# Set when the step that led to the crisis page had answers missing or wrong: it is asked again.
ASK_AGAIN_KEY = "after_crisis_ask_again"
SKIP = "skip"


def _go(request: HttpRequest, url: str, *, full_page: bool = False) -> HttpResponse:
    """Redirect. A full-page destination (crisis, results) under htmx needs a client
    redirect, since only the step is swapped in place."""
    if full_page and request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, slug: str) -> HttpResponse:
    current = steps.BY_SLUG.get(slug)
    if current is None:
        raise Http404("No such step")
    answers = session.current_answers(request) or {}
    region = snapshot.region(answers.get("region"))
    if request.method == "GET":
        if signals_risk(answers) and not session.crisis_active(request):
            # Saved before this session knew (another device's session, say): help shows now.
            session.mark_crisis(request)
        form = current.form_class(initial=current.form_class.initial_from(answers), region=region)
        return render(request, _template(request), _context(current, form, region))

    form = current.form_class(request.POST, region=region)
    valid = form.is_valid()
    if steps.posts_risk(request.POST):
        return _crisis_interrupt(request, current, form, answers, complete=valid)
    if current.form_class.skippable and SKIP in request.POST:
        # "Skip these questions": none of the step's answers are recorded, even earlier ones.
        answers = merged(answers, {}, list(current.form_class.base_fields))
        session.save_answers(request, answers)
        return _after_save(request, current, answers)
    if valid:
        new, cleared = form.to_answers()
        answers = merged(answers, new, cleared)
        session.save_answers(request, answers)
        return _after_save(request, current, answers)
    # Shown again with the person's own values and the errors; nothing is saved.
    return render(request, _template(request), _context(current, form, region), status=422)


def _crisis_interrupt(request: HttpRequest, current: steps.Step, form, answers: dict, *, complete: bool):
    """Save what was valid on the step (the risk answer among it), set the crisis flag in
    the same update and show the crisis page. Going on from there leads to the next step,
    or back to this one when something on it was missing or wrong."""
    new, cleared = form.to_answers()
    session.save_answers(request, merged(answers, new, cleared), crisis=True)
    following = steps.next_step(current) if complete else current
    request.session[NEXT_AFTER_CRISIS_KEY] = reverse("step", args=[following.slug]) if following else reverse("results")
    request.session[ASK_AGAIN_KEY] = not complete
    return _go(request, reverse("crisis"), full_page=True)


def _template(request: HttpRequest) -> str:
    template = "questionnaire/step.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#step"
    return template


def _context(current: steps.Step, form, region: RegionInfo | None) -> dict:
    instrument = current.form_class.instrument
    return {
        "step": current,
        "form": form,
        "position": steps.position(current),
        "total": len(steps.STEPS),
        "previous": steps.previous_step(current),
        "region": region,
        "is_last": steps.next_step(current) is None,
        "instrument": instrument,
        "attribution": ATTRIBUTION if instrument else "",
    }


def _after_save(request: HttpRequest, current: steps.Step, answers: dict) -> HttpResponse:
    following = steps.next_step(current)
    next_url = reverse("step", args=[following.slug]) if following else reverse("results")
    if current.slug == "place" and answers.get("age_band") == "under_18":
        return _go(request, reverse("youth"), full_page=True)
    return _go(request, next_url, full_page=following is None)


def crisis(request: HttpRequest) -> HttpResponse:
    answers = session.current_answers(request) or {}
    region = snapshot.region(answers.get("region") or "OTHER")
    continue_url = request.session.get(NEXT_AFTER_CRISIS_KEY) or reverse("step", args=[steps.FIRST.slug])
    context = {
        "region": region,
        "answers": answers,
        "continue_url": continue_url,
        "ask_again": request.session.get(ASK_AGAIN_KEY, False),
    }
    return render(request, "questionnaire/crisis.html", context)


def youth(request: HttpRequest) -> HttpResponse:
    answers = session.current_answers(request) or {}
    region = snapshot.region(answers.get("region") or "OTHER")
    next_url = reverse("step", args=[steps.STEPS[1].slug])
    return render(request, "questionnaire/youth.html", {"region": region, "answers": answers, "next_url": next_url})


@require_http_methods(["GET", "POST"])
def start_over(request: HttpRequest) -> HttpResponse:
    """GET asks once whether to start over (a page, so it works without JavaScript); POST
    deletes the answers and goes to the first step."""
    if request.method == "POST":
        crisis = session.delete(request)
        return session.keep_banner(redirect("step", slug=steps.FIRST.slug), crisis)
    return render(request, "questionnaire/start_over.html")


@require_http_methods(["GET", "POST"])
def delete_answers(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        crisis = session.delete(request)
        return session.keep_banner(redirect("deleted"), crisis)
    return render(request, "questionnaire/delete.html")


def deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "questionnaire/deleted.html")

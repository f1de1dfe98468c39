"""The safety plan's pages: what it is, the parts one step at a time or all at once, the plan
itself, its print view and its PDF. A person without answers yet (from help-now) gets an
empty answer set to keep the plan with. What they write is never logged: the views hide
their posts from error reports, and nothing here logs."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from decisionaid.content import lines, snapshot
from decisionaid.paper.pdf import pdf_refused
from decisionaid.questionnaire import session
from decisionaid.questionnaire.models import AnswerSet

from .forms import InSummaryForm, PlanForm
from .models import SafetyPlan
from .parts import PARTS
from .pdf import plan_pdf_response


def _person(request: HttpRequest) -> tuple[dict, SafetyPlan | None]:
    """This browser's answers (none yet, from help-now: {}) and their plan, if there is one."""
    answer_set = session.current(request)
    plan = SafetyPlan.objects.filter(answer_set=answer_set).first() if answer_set else None
    return (answer_set.answers if answer_set else {}), plan


def plan_context(answers: dict, plan: SafetyPlan | None) -> dict:
    """The plan as pages and paper show it: each part's words, and the crisis lines and
    emergency number for this person (lines.for_person), filled in for them."""
    region = snapshot.region(answers.get("region") or "OTHER")
    return {
        "region": region,
        "answers": answers,
        "crisis_lines": lines.for_person(region.resources if region else [], answers),
        "parts": [{"part": part, "text": getattr(plan, part.code, "") if plan else ""} for part in PARTS],
        "plan": plan,
    }


def _save(request: HttpRequest, form: PlanForm) -> SafetyPlan:
    answer_set = session.current_or_new(request)
    plan = form.save(commit=False)
    plan.answer_set = answer_set
    plan.save()
    # The plan is kept as long as the answers: a change to it counts as a change to them.
    AnswerSet.objects.filter(pk=answer_set.pk).update(updated_at=timezone.now())
    return plan


@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    answers, plan = _person(request)
    context = plan_context(answers, plan)
    context["has_words"] = plan is not None and not plan.is_empty
    context["summary_form"] = InSummaryForm(instance=plan) if plan else None
    return render(request, "safetyplan/overview.html", context)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest) -> HttpResponse:
    """Every part on one page."""
    answers, plan = _person(request)
    region_code = answers.get("region")
    form = PlanForm(request.POST or None, instance=plan or SafetyPlan(), region_code=region_code)
    if request.method == "POST" and form.is_valid():
        _save(request, form)
        return redirect("safety_plan")
    context = plan_context(answers, plan) | {"form": form}
    return render(request, "safetyplan/edit.html", context, status=422 if form.errors else 200)


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, number: int) -> HttpResponse:
    """One part a page: "Save and go on" leads to the next, the last back to the plan."""
    if not 1 <= number <= len(PARTS):
        raise Http404("No such part")
    part = PARTS[number - 1]
    answers, plan = _person(request)
    form = PlanForm(
        request.POST or None, instance=plan or SafetyPlan(), region_code=answers.get("region"), parts=[part]
    )
    if request.method == "POST" and form.is_valid():
        _save(request, form)
        if number < len(PARTS):
            return redirect("safety_plan_step", number=number + 1)
        return redirect("safety_plan")
    context = plan_context(answers, plan) | {
        "form": form,
        "part": part,
        "number": number,
        "total": len(PARTS),
        "previous_url": reverse("safety_plan_step", args=[number - 1]) if number > 1 else reverse("safety_plan"),
    }
    return render(request, "safetyplan/step.html", context, status=422 if form.errors else 200)


@require_POST
def in_summary(request: HttpRequest) -> HttpResponse:
    _answers, plan = _person(request)
    if plan is not None:
        form = InSummaryForm(request.POST, instance=plan)
        if form.is_valid():
            form.save()
    return redirect("safety_plan")


@require_GET
def print_view(request: HttpRequest) -> HttpResponse:
    answers, plan = _person(request)
    return render(request, "safetyplan/print.html", plan_context(answers, plan) | {"print_view": True})


@require_GET
def pdf(request: HttpRequest) -> HttpResponse:
    if refused := pdf_refused(request):
        return refused
    answers, plan = _person(request)
    return plan_pdf_response(request, plan_context(answers, plan))

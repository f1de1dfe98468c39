"""The person's safety plan, for the summary they bring to a clinician (one query)."""

from django import template

from decisionaid.questionnaire import session
from decisionaid.safetyplan.models import SafetyPlan

register = template.Library()


@register.simple_tag
def summary_plan(request, answer_set_id=None) -> dict | None:
    """The plan's context (views.plan_context) when its person chose to add it to their
    summary and wrote something in it; else None. `answer_set_id` for a shared summary,
    else the answers of this browser's session."""
    from decisionaid.safetyplan.views import plan_context

    if answer_set_id:
        plans = SafetyPlan.objects.filter(answer_set_id=answer_set_id)
    elif request is not None and request.session.get(session.ANSWERS_KEY):
        plans = SafetyPlan.objects.filter(answer_set__public_id=request.session[session.ANSWERS_KEY])
    else:
        return None
    plan = plans.filter(in_summary=True).select_related("answer_set").first()
    if plan is None or plan.is_empty:
        return None
    return plan_context(plan.answer_set.answers, plan)

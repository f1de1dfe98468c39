"""The follow-up's parts of other apps' pages: the "Come back in a few weeks" section of the
results page and the return links on the person's links page. Tags rather than view code, so
those views stay as they are; each costs no query for a person who never made a return link."""

from django import template

from decisionaid.questionnaire import session

from .. import history
from ..change import history_rows
from ..models import ReturnLink

register = template.Library()


@register.simple_tag(takes_context=True)
def come_back(context) -> dict:
    """{"link": the live return link or None, "rows": the visits, oldest first}."""
    request = context.get("request")
    if request is None or not request.session.get(history.FOLLOWUP_KEY):
        return {"link": None, "rows": []}
    answers_id = request.session.get(session.ANSWERS_KEY)
    link = ReturnLink.objects.live().filter(answer_set__public_id=answers_id).only("created_at").first()
    entries = history.entries(answers_id)
    return {"link": link, "rows": history_rows(entries) if len(entries) > 1 else []}


@register.simple_tag(takes_context=True)
def return_links(context) -> list[ReturnLink]:
    """This browser's return links, newest first (the links page)."""
    request = context.get("request")
    answers_id = request.session.get(session.ANSWERS_KEY) if request is not None else None
    if not answers_id or not request.session.get(history.FOLLOWUP_KEY):
        return []
    return list(ReturnLink.objects.filter(answer_set__public_id=answers_id))

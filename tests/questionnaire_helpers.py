"""Walking a test client through the questionnaire as a person would, with form posts."""

import re

from django.test import Client

from decisionaid.questionnaire import steps
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.questionnaire.session import ANSWERS_KEY, CRISIS_KEY


def form_data(slug: str, answers: dict) -> dict:
    """The POST body a person's browser sends for one step, from contract answers."""
    data = {}
    for name in steps.BY_SLUG[slug].form_class.base_fields:
        value = answers
        for part in name.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if value is None:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        data[name] = value
    return data


def complete(client: Client, answers: dict) -> None:
    """Post every step in order, following crisis and youth interruptions."""
    for step in steps.STEPS:
        response = client.post(f"/questions/{step.slug}/", form_data(step.slug, answers))
        assert response.status_code == 302, (step.slug, response.content[:2000])


def with_answers(client: Client, answers: dict, *, crisis: bool = False) -> AnswerSet:
    """Give the client's session these stored answers at once, as if it had posted them."""
    answer_set = AnswerSet.objects.create(answers=answers, crisis=crisis)
    session = client.session
    session[ANSWERS_KEY] = str(answer_set.public_id)
    if crisis:
        session[CRISIS_KEY] = True
    session.save()
    return answer_set


def page_text(html: str) -> str:
    """The words on a page as a person reads them, numbers that are links included."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))

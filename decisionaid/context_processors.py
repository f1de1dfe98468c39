"""What every page shows: the content version in the footer and, after a risk answer,
the crisis banner with the person's own region's lines."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from decisionaid.content import snapshot
from decisionaid.questionnaire import session as answer_session


def _crisis_answers(request: HttpRequest) -> dict:
    # Only the answers that choose the lines (decisionaid/content/lines.py), and only when
    # the banner is rendered.
    answers = answer_session.current_answers(request) or {}
    return {key: answers[key] for key in ("region", "age_band", "uk_nation") if key in answers}


def site(request: HttpRequest) -> dict:
    crisis = answer_session.crisis_active(request)
    answers = SimpleLazyObject(lambda: _crisis_answers(request)) if crisis else None
    return {
        "content_version": SimpleLazyObject(lambda: snapshot.current().version),
        "crisis_active": crisis,
        "crisis_region": SimpleLazyObject(lambda: snapshot.region(answers.get("region") or "OTHER"))
        if crisis
        else None,
        "crisis_answers": answers,
        "has_answers": answer_session.has_answers(request),
    }

"""What every page shows: the content version in the footer and, after a risk answer,
the crisis banner with the person's own region's lines."""

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from decisionaid.content import snapshot
from decisionaid.content.snapshot import RegionInfo
from decisionaid.questionnaire import session as answer_session


def _crisis_region(request: HttpRequest) -> RegionInfo | None:
    return snapshot.region(answer_session.current_region_code(request))


def site(request: HttpRequest) -> dict:
    crisis = answer_session.crisis_active(request)
    return {
        "content_version": SimpleLazyObject(lambda: snapshot.current().version),
        "crisis_active": crisis,
        "crisis_region": SimpleLazyObject(lambda: _crisis_region(request)) if crisis else None,
        "has_answers": answer_session.has_answers(request),
    }

"""What every page shows: the content version in the footer and the crisis banner."""

from django.http import HttpRequest

from decisionaid.content.models import ContentVersion
from decisionaid.questionnaire import session as answer_session


def site(request: HttpRequest) -> dict:
    return {
        "content_version": ContentVersion.current(),
        "crisis_active": answer_session.crisis_active(request),
        "has_answers": answer_session.has_answers(request),
    }

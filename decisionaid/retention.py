"""How long what a person enters is kept: answers nobody asked to keep are deleted after
ANSWER_RETENTION_DAYS of no change. Safe to run at any time, and twice."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from decisionaid.questionnaire.models import AnswerSet


@dataclass
class Purged:
    answer_sets: int = 0
    sessions: int = 0


def kept_answer_sets():
    """Answers someone asked to keep. Extended by sharing (sent to a clinician, live links)."""
    return AnswerSet.objects.none()


@transaction.atomic
def purge_expired(now: datetime | None = None) -> Purged:
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ANSWER_RETENTION_DAYS)
    stale = AnswerSet.objects.filter(updated_at__lt=cutoff).exclude(pk__in=kept_answer_sets().values("pk"))
    answer_sets, _ = stale.delete()
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    return Purged(answer_sets=answer_sets, sessions=sessions)

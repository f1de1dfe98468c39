"""How long what a person enters is kept: answers nobody asked to keep are deleted after
ANSWER_RETENTION_DAYS of no change. Safe to run at any time, and twice."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from decisionaid.questionnaire.models import AnswerSet


@dataclass
class Purged:
    answer_sets: int = 0
    sessions: int = 0
    share_links: int = 0


def kept_answer_sets(now: datetime | None = None):
    """Answers someone asked to keep: those sent to a clinician, and those behind a share
    link that still works (not expired, not revoked)."""
    from decisionaid.sharing.models import SentSummary, ShareLink

    sent = SentSummary.objects.filter(answer_set__isnull=False).values("answer_set")
    shared = ShareLink.objects.live(now or timezone.now()).values("answer_set")
    return AnswerSet.objects.filter(Q(pk__in=sent) | Q(pk__in=shared))


def dead_share_links(cutoff: datetime):
    """Share links that expired or were revoked before `cutoff` (the retention period ago)."""
    from decisionaid.sharing.models import ShareLink

    return ShareLink.objects.filter(Q(expires_at__lt=cutoff) | Q(revoked_at__lt=cutoff))


@transaction.atomic
def purge_expired(now: datetime | None = None) -> Purged:
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ANSWER_RETENTION_DAYS)
    # Counted per model: deleting answers also deletes their links and invitation rows.
    _, deleted = dead_share_links(cutoff).delete()
    share_links = deleted.get("sharing.ShareLink", 0)
    stale = AnswerSet.objects.filter(updated_at__lt=cutoff).exclude(pk__in=kept_answer_sets(now).values("pk"))
    _, deleted = stale.delete()
    answer_sets = deleted.get(AnswerSet._meta.label, 0)
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    return Purged(answer_sets=answer_sets, sessions=sessions, share_links=share_links)

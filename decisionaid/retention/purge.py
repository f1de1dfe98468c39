"""How long what a person enters is stored: answers nobody asked us to store are deleted after
ANSWER_RETENTION_DAYS of no change, and the clinician's copy of a sent summary after
SENT_SUMMARY_RETENTION_DAYS (by then they have copied it into their own records; the person
can no longer reach or delete it). Safe to run at any time, and twice."""

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
    sent_summaries: int = 0


def answer_sets_in_use(now: datetime | None = None):
    """Answers someone asked us to store: those sent to a clinician, and those behind a share
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
    from decisionaid.ratelimit.models import TokenBucket
    from decisionaid.sharing.models import SentSummary

    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.ANSWER_RETENTION_DAYS)
    # First, so the answers only they held on to go in the same run. Their openings go too.
    sent_cutoff = now - timedelta(days=settings.SENT_SUMMARY_RETENTION_DAYS)
    _, deleted = SentSummary.objects.filter(sent_at__lt=sent_cutoff).delete()
    sent_summaries = deleted.get(SentSummary._meta.label, 0)
    # Counted per model: deleting answers also deletes their links and invitation rows.
    _, deleted = dead_share_links(cutoff).delete()
    share_links = deleted.get("sharing.ShareLink", 0)
    stale = AnswerSet.objects.filter(updated_at__lt=cutoff).exclude(pk__in=answer_sets_in_use(now).values("pk"))
    _, deleted = stale.delete()
    answer_sets = deleted.get(AnswerSet._meta.label, 0)
    sessions, _ = Session.objects.filter(expire_date__lt=now).delete()
    # Rate-limit counts untouched for a day are full again: nothing to remember.
    TokenBucket.objects.filter(updated_at__lt=now - timedelta(days=1)).delete()
    return Purged(answer_sets=answer_sets, sessions=sessions, share_links=share_links, sent_summaries=sent_summaries)

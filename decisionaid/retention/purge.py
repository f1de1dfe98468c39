"""How long what a person enters is stored: answers nobody asked us to store are deleted after
ANSWER_RETENTION_DAYS of no change, and the clinician's copy of a sent summary after
SENT_SUMMARY_RETENTION_DAYS (by then they have copied it into their own records; the person
can no longer reach or delete it), and the sign-in records of clinicians and editors after
SIGN_IN_RECORD_DAYS. Answers a live share link shows are kept while it works, and so are
answers behind a return link until it has gone unused for FOLLOWUP_RETENTION_DAYS or is turned
off. Safe to run at any time, and twice."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from decisionaid.questionnaire.models import AnswerSet


@dataclass
class Purged:
    """Rows deleted, by model label ("questionnaire.AnswerSet"), every kind counted, also
    those deleted along with another row (a link's openings, an invitation's answers)."""

    deleted: Counter = field(default_factory=Counter)

    def add(self, deleted: dict) -> None:
        self.deleted.update(deleted)

    def __getattr__(self, name: str) -> int:
        # purged.answer_sets, purged.share_links...: the rows of that model.
        if name in BY_NAME:
            return self.deleted[BY_NAME[name]]
        raise AttributeError(name)

    def report(self) -> str:
        """One line: every kind of row the purge can delete, with how many it did."""
        kinds = sorted(
            {label.lower() for label in KINDS} | {label.lower() for label, count in self.deleted.items() if count}
        )
        counts = {label.lower(): count for label, count in self.deleted.items()}
        names = {label.lower(): apps.get_model(label)._meta.verbose_name_plural for label in kinds}
        return "Deleted " + ", ".join(f"{counts.get(label, 0)} {names[label]}" for label in kinds) + "."


BY_NAME = {
    "answer_sets": "questionnaire.AnswerSet",
    "share_links": "sharing.ShareLink",
    "sent_summaries": "sharing.SentSummary",
    "sessions": "sessions.Session",
}
# What the purge deletes by itself; others go along with these (see Purged).
KINDS = [
    "questionnaire.AnswerSet",
    "sharing.ShareLink",
    "sharing.SentSummary",
    "followup.ReturnLink",
    "sessions.Session",
    "ratelimit.TokenBucket",
    "axes.AccessAttempt",
    "axes.AccessLog",
    "axes.AccessFailureLog",
]


def answer_sets_in_use(now: datetime | None = None):
    """Answers a live share link shows (not expired, not revoked), and answers behind a live
    return link. A summary sent to a clinician is a copy of its own, and holds on to nothing."""
    from decisionaid.followup.models import ReturnLink
    from decisionaid.sharing.models import ShareLink

    shared = ShareLink.objects.live(now or timezone.now()).values("answer_set")
    returning = ReturnLink.objects.live(now or timezone.now()).values("answer_set")
    return AnswerSet.objects.filter(Q(pk__in=shared) | Q(pk__in=returning))


def dead_share_links(cutoff: datetime):
    """Share links that expired or were revoked before `cutoff` (the retention period ago)."""
    from decisionaid.sharing.models import ShareLink

    return ShareLink.objects.filter(Q(expires_at__lt=cutoff) | Q(revoked_at__lt=cutoff))


@transaction.atomic
def purge_expired(now: datetime | None = None) -> Purged:
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    from decisionaid.ratelimit.models import TokenBucket
    from decisionaid.sharing.models import SentSummary

    now = now or timezone.now()
    purged = Purged()
    cutoff = now - timedelta(days=settings.ANSWER_RETENTION_DAYS)
    # First, so the answers only they held on to go in the same run. Their openings go too.
    sent_cutoff = now - timedelta(days=settings.SENT_SUMMARY_RETENTION_DAYS)
    purged.add(SentSummary.objects.filter(sent_at__lt=sent_cutoff).delete()[1])
    # Counted per model: deleting answers also deletes their links and invitation rows.
    purged.add(dead_share_links(cutoff).delete()[1])
    # A return link unused for FOLLOWUP_RETENTION_DAYS, or turned off, goes at once: then the
    # answers it kept (and their re-takes) go below, like any others no one asked us to keep.
    from decisionaid.followup.models import ReturnLink

    purged.add(ReturnLink.objects.exclude(pk__in=ReturnLink.objects.live(now).values("pk")).delete()[1])
    stale = AnswerSet.objects.filter(updated_at__lt=cutoff).exclude(pk__in=answer_sets_in_use(now).values("pk"))
    purged.add(stale.delete()[1])
    purged.add(Session.objects.filter(expire_date__lt=now).delete()[1])
    # Rate-limit counts untouched for a day are full again: nothing to remember.
    purged.add(TokenBucket.objects.filter(updated_at__lt=now - timedelta(days=1)).delete()[1])
    # Sign-in records (django-axes): tries, failures and sign-ins of clinicians and editors.
    sign_in_cutoff = now - timedelta(days=settings.SIGN_IN_RECORD_DAYS)
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        purged.add(model.objects.filter(attempt_time__lt=sign_in_cutoff).delete()[1])
    return purged

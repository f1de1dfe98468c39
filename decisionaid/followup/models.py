"""What coming back stores, all of it deleted with the person's answers.

- ReturnLink: a private link back to a person's answers. Only the SHA-256 hash of its token
  is stored; the token is shown once. It works until revoked or until it has gone unused for
  FOLLOWUP_RETENTION_DAYS (each opening moves `expires_at` on).
- Visit: one taking of the PHQ-9 and GAD-7, with the day it was taken: the first visit's,
  copied when the person first comes back, then each re-take, and what treatment they had
  started by then. The AnswerSet keeps only the newest scores, so every page renders the
  summary of the newest answers; the visits are the history beside it.
"""

import uuid
from datetime import datetime

from django.db import models
from django.utils import timezone

from decisionaid.instruments import INSTRUMENTS
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.sharing.models import LinkQuerySet

# The answer codes a visit holds: the PHQ-9 and GAD-7 items and the PHQ-9's closing question.
SCORE_CODES = [
    *(item.code for instrument in INSTRUMENTS for item in instrument.items),
    *(instrument.difficulty.code for instrument in INSTRUMENTS if instrument.difficulty),
]


class ReturnLink(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    answer_set = models.ForeignKey(AnswerSet, on_delete=models.CASCADE, related_name="return_links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_opened_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = LinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["expires_at"], name="returnlink_expires")]

    def __str__(self) -> str:
        return str(self.public_id)

    def is_live(self, now: datetime | None = None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())


class VisitQuerySet(models.QuerySet):
    def completed(self):
        return self.filter(completed_at__isnull=False).order_by("taken_at", "id")


class Visit(models.Model):
    class Started(models.TextChoices):
        # The five options' codes (decisionaid.codes.OPTION_SLUGS), "something else" and "none yet".
        PSYCHODYNAMIC = "psychodynamic"
        CBT = "cbt"
        MEDICATION = "medication"
        COMBINED = "combined"
        SELF_HELP = "self_help"
        OTHER = "other"
        NONE = "none"

    class Since(models.TextChoices):
        UNDER_2 = "under_2_weeks"
        WEEKS_2_4 = "2_4_weeks"
        WEEKS_4_6 = "4_6_weeks"
        WEEKS_6_8 = "6_8_weeks"
        OVER_8 = "over_8_weeks"

    public_id = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    answer_set = models.ForeignKey(AnswerSet, on_delete=models.CASCADE, related_name="visits")
    # Only SCORE_CODES, as the contract codes them.
    answers = models.JSONField(default=dict)
    started = models.CharField(max_length=20, choices=Started.choices, blank=True)
    started_since = models.CharField(max_length=20, choices=Since.choices, blank=True)
    taken_at = models.DateTimeField(default=timezone.now)
    # None while a re-take is under way: only completed visits are history.
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = VisitQuerySet.as_manager()

    class Meta:
        ordering = ["taken_at", "id"]
        indexes = [models.Index(fields=["answer_set", "taken_at"], name="visit_answers_taken")]

    def __str__(self) -> str:
        return str(self.public_id)

    def entry(self) -> dict:
        """The visit as plain data, as history rows and a clinician's copy store it."""
        return {
            "date": timezone.localdate(self.taken_at).isoformat(),
            "answers": dict(self.answers),
            "started": self.started,
            "started_since": self.started_since,
        }

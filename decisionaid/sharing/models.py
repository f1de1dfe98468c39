"""What a person shares and who opened it.

- ShareLink: a read-only link to a person's summary. Only the SHA-256 hash of its token is
  stored; the token itself is shown once. It follows the person's answers (and is deleted
  with them).
- InvitedAnswers: which clinician's invitation a person started from (the questionnaire's
  AnswerSet knows nothing of sharing).
- SentSummary: the copy a person chose to send to that clinician. It stores what the
  dashboard lists (scores, bands, crisis flag, content version) and a snapshot of the
  answers, so the list never recomputes a summary and the copy stays when the person
  deletes their own answers: it belongs to the clinician's records.
- SummaryOpening: one row each time a shared summary is opened, by a clinician or a link.
"""

import uuid
from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from decisionaid.clinicians.models import Invitation
from decisionaid.questionnaire.models import AnswerSet


class ShareLinkQuerySet(models.QuerySet):
    def live(self, now: datetime | None = None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ShareLink(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    answer_set = models.ForeignKey(AnswerSet, on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expires_at__gt=models.F("created_at")), name="sharelink_expires_after_created"
            ),
        ]

    def __str__(self) -> str:
        return str(self.public_id)

    def is_live(self, now: datetime | None = None) -> bool:
        return self.revoked_at is None and self.expires_at > (now or timezone.now())

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])


class InvitedAnswers(models.Model):
    answer_set = models.OneToOneField(AnswerSet, on_delete=models.CASCADE, related_name="invited")
    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="answer_sets")
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name_plural = "invited answers"

    def __str__(self) -> str:
        return f"{self.answer_set} via {self.invitation}"


PHQ9_BAND_LABELS = {
    "minimal": _("Minimal"),
    "mild": _("Mild"),
    "moderate": _("Moderate"),
    "moderately_severe": _("Moderately severe"),
    "severe": _("Severe"),
}
GAD7_BAND_LABELS = {"minimal": _("Minimal"), "mild": _("Mild"), "moderate": _("Moderate"), "severe": _("Severe")}


class SentSummary(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_summaries")
    invitation = models.ForeignKey(Invitation, on_delete=models.SET_NULL, null=True, related_name="sent_summaries")
    # Set while the person still has their answers (retention stores those); cleared when they delete them.
    answer_set = models.ForeignKey(AnswerSet, on_delete=models.SET_NULL, null=True, related_name="sent_summaries")
    answers = models.JSONField()
    content_version = models.CharField(max_length=20)
    phq9_total = models.PositiveSmallIntegerField()
    phq9_band = models.CharField(max_length=20)
    gad7_total = models.PositiveSmallIntegerField(null=True)
    gad7_band = models.CharField(max_length=20, blank=True)
    crisis = models.BooleanField(default=False)
    sent_at = models.DateTimeField(default=timezone.now)
    # Each visit's date and PHQ-9 and GAD-7 answers, oldest first, when the person came back to
    # re-take them (followup.models.Visit.entry()); empty for a first summary.
    score_history = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name_plural = "sent summaries"
        indexes = [models.Index(fields=["clinician", "-sent_at"], name="sentsummary_clinician_sent")]
        constraints = [
            models.CheckConstraint(condition=models.Q(phq9_total__lte=27), name="sentsummary_phq9_in_range"),
            models.CheckConstraint(
                condition=models.Q(gad7_total__isnull=True) | models.Q(gad7_total__lte=21),
                name="sentsummary_gad7_in_range",
            ),
        ]

    def __str__(self) -> str:
        return str(self.public_id)

    def phq9_band_label(self) -> str:
        return str(PHQ9_BAND_LABELS.get(self.phq9_band, self.phq9_band))

    def gad7_band_label(self) -> str:
        return str(GAD7_BAND_LABELS.get(self.gad7_band, self.gad7_band))


class SummaryOpening(models.Model):
    class View(models.TextChoices):
        PAGE = "page", _("Page")
        PRINT = "print", _("Print")
        FHIR = "fhir", _("FHIR export")
        PDF = "pdf", _("PDF")

    opened_at = models.DateTimeField(default=timezone.now)
    view = models.CharField(max_length=8, choices=View.choices, default=View.PAGE)
    # Exactly one of: a link (anyone holding it), or a sent summary (opened by its clinician).
    share_link = models.ForeignKey(ShareLink, on_delete=models.CASCADE, null=True, related_name="openings")
    sent_summary = models.ForeignKey(SentSummary, on_delete=models.CASCADE, null=True, related_name="openings")
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, null=True, related_name="summary_openings"
    )

    class Meta:
        ordering = ["-opened_at", "-id"]
        indexes = [models.Index(fields=["clinician", "-opened_at"], name="opening_clinician_opened")]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(share_link__isnull=False, sent_summary__isnull=True, clinician__isnull=True)
                    | models.Q(share_link__isnull=True, sent_summary__isnull=False, clinician__isnull=False)
                ),
                name="opening_by_link_or_by_clinician",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.view} at {self.opened_at:%Y-%m-%d %H:%M}"

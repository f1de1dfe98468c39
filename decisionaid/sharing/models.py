"""What a person shares and who opened it.

- Invitation: a link a clinician hands to many patients: it names the practice, may pre-fill
  a few answers, and says which options the practice offers, at what fee and wait.
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
from datetime import date, datetime
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from decisionaid import codes
from decisionaid.instruments import FREQUENCY, GAD7, PHQ9
from decisionaid.questionnaire.models import AnswerSet

from .reference import format_reference, new_reference
from .tokens import new_invitation_token

OPTION_SLUGS = [slug for slug, _name in codes.OPTION_SLUGS]


class InvitationQuerySet(models.QuerySet):
    def live(self, today: date | None = None):
        today = today or timezone.localdate()
        return self.filter(revoked_at__isnull=True, expires_on__gte=today)


class Invitation(models.Model):
    # The dashboard addresses an invitation by public_id; patients by token. The token is
    # stored as it is (unlike share links): the clinician copies and prints the link again
    # and again, and it opens nothing but a page naming the practice.
    public_id = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token, editable=False)
    clinician = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations")
    label = models.CharField(_("label"), max_length=80)
    practice_name = models.CharField(_("practice name"), max_length=120)
    contact = models.CharField(_("how patients contact the practice"), max_length=200)
    region = models.CharField(_("region"), max_length=8, choices=codes.REGIONS, blank=True)
    not_offered = models.JSONField(_("options not offered here"), default=list, blank=True)
    session_fee = models.DecimalField(_("fee per session"), max_digits=9, decimal_places=2, null=True, blank=True)
    wait_weeks = models.PositiveSmallIntegerField(_("typical wait in weeks"), null=True, blank=True)
    # Per option offered: {slug: {"fee": "60.00" | None, "wait_weeks": 3 | None}}; where an
    # option has none of its own, the practice's usual fee and wait above stand.
    option_terms = models.JSONField(_("fee and wait for each option"), default=dict, blank=True)
    urgent_contact = models.CharField(_("same-day or crisis contact at the practice"), max_length=200, blank=True)
    expires_on = models.DateField(_("last day it works"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        # The table kept its name when the model moved here from the clinicians app.
        db_table = "clinicians_invitation"
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["clinician", "-created_at"], name="invitation_clinician_created")]
        constraints = [
            models.CheckConstraint(condition=models.Q(session_fee__gte=0), name="invitation_fee_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.practice_name})"

    def is_live(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return self.revoked_at is None and self.expires_on >= today

    def revoke(self) -> None:
        if self.revoked_at is None:
            self.revoked_at = timezone.now()
            self.save(update_fields=["revoked_at"])

    def prefilled_answers(self) -> dict:
        """The answers this invitation fills in for a patient, in the contract's codes."""
        answers = {}
        if self.region:
            answers["region"] = self.region
        if self.session_fee is not None:
            fee = self.session_fee
            answers["session_fee"] = int(fee) if fee == fee.to_integral_value() else float(fee)
        return answers

    def not_offered_names(self) -> list[str]:
        names = dict(codes.OPTION_SLUGS)
        return [names[slug] for slug in OPTION_SLUGS if slug in self.not_offered]

    def offers(self) -> list[dict]:
        """Each option with whether it is offered here and, if so, its fee and wait."""
        return [
            {"slug": slug, "name": name, "offered": slug not in self.not_offered, **self.terms_for(slug)}
            for slug, name in codes.OPTION_SLUGS
        ]

    def terms_for(self, slug: str) -> dict:
        """The fee (Decimal or None) and wait in weeks (or None) for one option offered here."""
        own = self.option_terms.get(slug) or {}
        fee = own.get("fee")
        return {
            "fee": Decimal(fee) if fee not in (None, "") else self.session_fee,
            "wait_weeks": own.get("wait_weeks") if own.get("wait_weeks") is not None else self.wait_weeks,
        }


class LinkQuerySet(models.QuerySet):
    """Links opened by a token (share links, return links): `live` ones are neither turned off
    nor past their end."""

    def live(self, now: datetime | None = None):
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ShareLink(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    answer_set = models.ForeignKey(AnswerSet, on_delete=models.CASCADE, related_name="share_links")
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = LinkQuerySet.as_manager()

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


class Leaning(models.Model):
    """What the person leans toward, what they are unsure about and their own questions for a
    clinician: optional, kept with their answers and deleted with them."""

    answer_set = models.OneToOneField(AnswerSet, on_delete=models.CASCADE, related_name="leaning")
    option = models.CharField(max_length=20, choices=codes.OPTION_SLUGS, blank=True)
    unsure = models.TextField(blank=True)
    questions = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"leaning of {self.answer_set}"

    def as_dict(self) -> dict:
        return {"option": self.option, "unsure": self.unsure, "questions": self.questions}


def _band_label(instrument, name: str) -> str:
    # One wording of the bands everywhere: instruments.py's.
    return str(next((band.label for band in instrument.bands if band.name == name), name))


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
    # The two risk answers, apart, so the dashboard can show and filter them without the answers.
    in_danger_now = models.BooleanField(null=True)
    item9 = models.PositiveSmallIntegerField(null=True)
    answered_on = models.DateField(null=True)
    # Short and readable aloud ("K7M-4QX"), so a person and their clinician can match a summary.
    reference = models.CharField(max_length=6, unique=True, default=new_reference, editable=False)
    # The readiness (SURE) answers and the leaning, as they were when sent.
    sure = models.JSONField(default=dict, blank=True)
    leaning = models.JSONField(default=dict, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
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
        return _band_label(PHQ9, self.phq9_band)

    def gad7_band_label(self) -> str:
        return _band_label(GAD7, self.gad7_band)

    def item9_label(self) -> str:
        return dict(FREQUENCY).get(self.item9, "")

    @property
    def reference_display(self) -> str:
        return format_reference(self.reference)


class SummaryOpening(models.Model):
    class View(models.TextChoices):
        PAGE = "page", _("Page")
        PRINT = "print", _("Print")
        FHIR = "fhir", _("FHIR export")
        PDF = "pdf", _("PDF")
        REVIEWED = "reviewed", _("Marked as reviewed")

    opened_at = models.DateTimeField(default=timezone.now)
    view = models.CharField(max_length=10, choices=View.choices, default=View.PAGE)
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

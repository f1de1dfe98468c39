"""A clinician is a user with a ClinicianProfile (made by an admin in the Django admin).
An Invitation is a link a clinician hands to many patients: it names the practice, may
pre-fill a few answers and says which options the practice does not offer."""

import secrets
import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from decisionaid import codes

OPTION_SLUGS = [slug for slug, _name in codes.OPTION_SLUGS]


class ClinicianProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinician")
    practice_name = models.CharField(_("practice name"), max_length=120)
    contact = models.CharField(
        _("how patients contact the practice"), max_length=200, help_text=_("A phone number, email or web address.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.practice_name})"


def new_invitation_token() -> str:
    return secrets.token_urlsafe(24)


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
    expires_on = models.DateField(_("last day it works"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
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

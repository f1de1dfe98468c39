"""A clinician is a user with a ClinicianProfile (made by an admin in the Django admin).
The invitation links they hand to patients live with the rest of sharing
(`decisionaid.sharing.models.Invitation`)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClinicianProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clinician")
    practice_name = models.CharField(_("practice name"), max_length=120)
    contact = models.CharField(
        _("how patients contact the practice"), max_length=200, help_text=_("A phone number, email or web address.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.user.get_username()} ({self.practice_name})"

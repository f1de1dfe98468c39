"""What differs between the four UK nations: how care is paid for, where to get each option,
and the routes to a professional. A UK person who names their nation reads only its rows; one
who does not reads the rows for the whole UK, which say what differs."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from decisionaid import codes

from .models import DIALLED, Option, Source


class NationText(models.Model):
    class Topic(models.TextChoices):
        PAYMENT = "payment", _("How care is paid for (in place of the UK's words)")
        ACCESS = "access", _("Where to get one option (in place of the UK's words)")
        PROFESSIONAL = "professional", _("A route to a professional")

    nation = models.CharField(max_length=20, choices=codes.UK_NATIONS)
    topic = models.CharField(max_length=20, choices=Topic.choices)
    option = models.ForeignKey(Option, on_delete=models.CASCADE, null=True, blank=True, related_name="nation_texts")
    # A route's name ("NHS 24"), as a resource shows it; blank for payment and access.
    name = models.CharField(max_length=120, blank=True)
    text = models.TextField(help_text="The words a person reads; for a route, how to use it.")
    url = models.URLField(blank=True)
    # What a phone dials for a route, digits only, as for a Resource; blank if none.
    phone = models.CharField(max_length=20, blank=True, validators=[DIALLED])
    sources = models.ManyToManyField(Source, related_name="nation_texts")
    order = models.PositiveSmallIntegerField(default=0)
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["nation", "topic", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(topic="access", option__isnull=False)
                | (~models.Q(topic="access") & models.Q(option__isnull=True)),
                name="nation_text_option_only_for_access",
            )
        ]

    def __str__(self) -> str:
        return f"{self.nation}: {self.topic}"

"""What each option costs by its own pattern of care, and where to get it, in each region."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from decisionaid import codes

from .models import Option, Region, Source


class CostItem(models.Model):
    """One part of what an option costs, in one region (or every region when `region` is
    blank), with what it counts. A region's own rows of a kind replace the every-region rows
    of that kind.

    `sessions` are therapy sessions priced at the person's own fee; `group_sessions` are
    counted but never priced at a fee meant for one-to-one sessions; `visits` are prescriber
    visits, priced at `amount_low` to `amount_high` a visit where the region has a figure
    (0 where the public system pays), never at a therapy fee; `medicine` is the medicine
    itself, `amount_low` to `amount_high` a month in the region's currency; `short_sessions`
    are short supported contacts (guided self-help), priced at `amount_low` to `amount_high`
    as a share of the person's session fee (0.5 is half); `year_sessions` are a year of weekly
    sessions, shown beside the short course to a person ready for longer, open-ended therapy.
    `uk_nation` narrows a UK row to one nation. `approximate` marks our own arithmetic on a
    source (such as visits counted from how often a guide says to review)."""

    class Kind(models.TextChoices):
        SESSIONS = "sessions", _("Therapy sessions")
        GROUP_SESSIONS = "group_sessions", _("Group sessions")
        VISITS = "visits", _("Visits with a prescriber")
        MEDICINE = "medicine", _("The medicine itself")
        SHORT_SESSIONS = "short_sessions", _("Short supported contacts")
        YEAR_SESSIONS = "year_sessions", _("A year of weekly sessions")

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="cost_items")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, null=True, blank=True, related_name="cost_items")
    uk_nation = models.CharField(max_length=20, blank=True, choices=codes.UK_NATIONS)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    order = models.PositiveSmallIntegerField(default=0)
    count_low = models.PositiveSmallIntegerField(null=True, blank=True)
    count_high = models.PositiveSmallIntegerField(null=True, blank=True)
    amount_low = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    amount_high = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    text = models.TextField(help_text="What this figure counts, in plain words, shown with it.")
    approximate = models.BooleanField(default=False)
    sources = models.ManyToManyField(Source, blank=True, related_name="cost_items")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["option__order", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(count_low__isnull=True) | models.Q(count_high__gte=models.F("count_low")),
                name="cost_item_count_range",
            ),
            models.CheckConstraint(
                condition=models.Q(amount_low__isnull=True) | models.Q(amount_high__gte=models.F("amount_low")),
                name="cost_item_amount_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.option.slug}: {self.kind} ({self.region.code if self.region else 'every region'})"


class OptionAccess(models.Model):
    """Where to get one option in one region, in plain words: the "where to get it" line."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="access")
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="access")
    text = models.TextField()
    sources = models.ManyToManyField(Source, blank=True, related_name="access")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["option__order", "region"]
        verbose_name_plural = "option access"
        constraints = [models.UniqueConstraint(fields=["option", "region"], name="one_access_per_option_region")]

    def __str__(self) -> str:
        return f"{self.option.slug} in {self.region.code}"

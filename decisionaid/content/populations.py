"""What changes for a group of people: young people, older people, pregnancy, breastfeeding,
planning a pregnancy, and milder symptoms. Each row is one sourced text the summary adds for
that group: a notice at the top (or a sentence of it, for one region), an option's own row
text in place of the usual one, or a fit or consideration for one option."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Option, OptionFact, Region, Source


class PopulationText(models.Model):
    class Population(models.TextChoices):
        UNDER_18 = "under_18", _("Young people (under 18)")
        OLDER = "65_plus", _("Older people (65 or older)")
        PREGNANT = "pregnant", _("Pregnant")
        BREASTFEEDING = "breastfeeding", _("Breastfeeding")
        PLANNING = "planning", _("Planning a pregnancy")
        # Answers saved before the split said only "yes": pregnant, planning or breastfeeding.
        PREGNANCY_UNSAID = "pregnancy_unsaid", _("Pregnant, planning or breastfeeding (not said which)")
        # Pregnant, breastfeeding or not said which: help in pregnancy and the year after birth.
        PERINATAL = "perinatal", _("Pregnant or after a birth (perinatal help)")
        MILD = "mild", _("Milder symptoms (PHQ-9 and GAD-7 under 10)")

    class Part(models.TextChoices):
        NOTICE = "notice", _("A notice at the top of the summary")
        FIT = "fit", _("A fit for the option (the group's fits replace the option's usual ones)")
        CONSIDERATION = "consideration", _("A consideration for the option")
        # Any other part is an OptionFact row: the text replaces the option's row for this group.

    population = models.CharField(max_length=20, choices=Population.choices)
    option = models.ForeignKey(Option, on_delete=models.CASCADE, null=True, blank=True, related_name="population_texts")
    # A notice row for one region only (perinatal help where the region has it); blank for all.
    region = models.ForeignKey(Region, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    part = models.CharField(max_length=20, choices=Part.choices + OptionFact.Row.choices)
    # The notice's heading; for a row, its short form (25 words or fewer) for the first view.
    title = models.CharField(max_length=200, blank=True)
    text = models.TextField()
    sources = models.ManyToManyField(Source, related_name="population_texts")
    order = models.PositiveSmallIntegerField(default=0)
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["population", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(part="notice", option__isnull=True)
                | (~models.Q(part="notice") & models.Q(option__isnull=False)),
                name="population_notice_has_no_option",
            )
        ]

    def __str__(self) -> str:
        return f"{self.population}: {self.option.slug if self.option else 'notice'} {self.part}"

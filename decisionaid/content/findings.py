"""Study results in an option's rows that hold for some concerns only."""

from django.db import models

from .models import Concern, Option, OptionFact, Source


class FactFinding(models.Model):
    """A study result (a figure, or what one study found) for one row of an option, shown
    only to a person who chose one of `concerns`: a relapse figure from a study of low mood
    is never read by someone who chose only psychosis. The row's own text stays general; the
    summary adds the findings of the person's concerns to it (summary/findings.py)."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="findings")
    row = models.CharField(max_length=20, choices=OptionFact.Row.choices)
    concerns = models.ManyToManyField(
        Concern, related_name="findings", help_text="The concerns the study was about. At least one."
    )
    text = models.TextField(help_text="Plain words that name the problem the study was about.")
    sources = models.ManyToManyField(Source, related_name="findings")
    order = models.PositiveSmallIntegerField(default=0)
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["option__order", "row", "order", "id"]

    def __str__(self) -> str:
        return f"{self.option.slug}: {self.row} ({self.order})"

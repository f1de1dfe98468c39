"""Icon arrays: how many in 100 people in each arm of one study had an outcome."""

from django.db import models

from .models import Concern, Option, Source


class Figure(models.Model):
    """An icon array: what happened to people in each arm of one study, out of 100.

    Shown to a person who chose one of `concerns` (every person when it has none); `options`
    are the options whose results it shows. A `harm` figure (a side effect) is shown only
    beside a benefit figure of the same option for the same chosen concern, so harms never
    stand alone and one medicine's harms are never shown for another's concern."""

    code = models.SlugField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    outcome = models.CharField(max_length=200, help_text='What the count counts: "felt much better".')
    time_frame = models.CharField(max_length=200, help_text='When it was measured: "After 12 weeks."')
    people = models.CharField(max_length=200, help_text="Who was studied, in plain words.")
    uncertainty = models.TextField()
    concerns = models.ManyToManyField(Concern, blank=True, related_name="figures")
    options = models.ManyToManyField(Option, related_name="figures")
    harm = models.BooleanField(default=False, help_text="A side effect or harm, not a benefit.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="figures")
    order = models.PositiveSmallIntegerField(default=0)
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.code


class FigureGroup(models.Model):
    """One arm of a figure's study: its plain label and how many in 100 had the outcome."""

    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="groups")
    label = models.CharField(max_length=120, help_text='Who they were: "People who had CBT".')
    count = models.PositiveSmallIntegerField()
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["figure", "order", "id"]
        constraints = [models.CheckConstraint(condition=models.Q(count__lte=100), name="figure_group_out_of_100")]

    def __str__(self) -> str:
        return f"{self.figure.code}: {self.label} {self.count}"

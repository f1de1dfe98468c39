"""The SURE test of decisional conflict: its four questions, in their published wording."""

from django.db import models

from .models import Source


class SureItem(models.Model):
    """One question of the SURE test of decisional conflict, in its published wording, and
    the help shown when the answer is no."""

    code = models.CharField(max_length=30, unique=True)
    letter = models.CharField(max_length=1)
    label = models.CharField(max_length=80)
    question = models.CharField(max_length=200)
    help = models.TextField()
    order = models.PositiveSmallIntegerField(unique=True)
    sources = models.ManyToManyField(Source, related_name="sure_items")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.code

"""The plain-words glossary: words a person may not know, and what they mean."""

from django.db import models

from .models import Source


class GlossaryTerm(models.Model):
    """A word a person may not know, and what it means in plain words."""

    term = models.CharField(max_length=60, unique=True)
    meaning = models.TextField()
    order = models.PositiveSmallIntegerField(default=0)
    sources = models.ManyToManyField(Source, blank=True, related_name="glossary_terms")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["order", "term"]

    def __str__(self) -> str:
        return self.term

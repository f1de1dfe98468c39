"""A person's safety plan: one for each set of answers, deleted with them (on_delete=CASCADE),
so "Delete my answers" and the retention purge remove it too. No name or contact details of
the person; what they write is theirs, shown only to them and to whoever they share it with."""

from django.db import models

from decisionaid.questionnaire.models import AnswerSet

# A few lines of a person's own words: a box to fill, not a document, and six of them still fit
# on the one page of the PDF.
PART_LENGTH = 500


class SafetyPlan(models.Model):
    answer_set = models.OneToOneField(AnswerSet, on_delete=models.CASCADE, related_name="safety_plan")
    warning_signs = models.TextField(blank=True, max_length=PART_LENGTH)
    coping = models.TextField(blank=True, max_length=PART_LENGTH)
    distractions = models.TextField(blank=True, max_length=PART_LENGTH)
    people = models.TextField(blank=True, max_length=PART_LENGTH)
    professionals = models.TextField(blank=True, max_length=PART_LENGTH)
    safer = models.TextField(blank=True, max_length=PART_LENGTH)
    # The person's choice: show the plan with the summary they bring to a clinician.
    in_summary = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        # Never the person's words: this may reach a log or the admin's lists.
        return f"Safety plan {self.pk}"

    @property
    def is_empty(self) -> bool:
        from .parts import PARTS

        return not any(getattr(self, part.code).strip() for part in PARTS)

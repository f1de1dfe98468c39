"""A person's saved answers. No name, email or other personal data: only the answers,
under an unguessable id that the person's session holds."""

import uuid

from django.db import models


class AnswerSet(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    # Keys and values are the contract's codes (answers.schema.json), saved step by step.
    answers = models.JSONField(default=dict)
    # Set once any answer signals risk, and never unset: the crisis banner stays.
    crisis = models.BooleanField(default=False)
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["updated_at"], name="answerset_updated")]

    def __str__(self) -> str:
        return str(self.public_id)

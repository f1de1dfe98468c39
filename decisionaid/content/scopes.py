"""Content that holds for some people only: an evidence cell as it reads for them
(`EvidenceScope`), and the care often offered first for a concern that is none of the five
options (`OtherCare`).

A guideline's first choice often depends on who the person is. NICE NG69 puts
eating-disorder-focused family therapy first for young people, CBT-ED, MANTRA or SSCM first
for adults with anorexia, and guided self-help first only for binge eating and adult
bulimia; NICE CG192 puts psychological therapy first in pregnancy and after birth. The
summary reads the first row, by `order`, whose conditions all hold for the person."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from decisionaid import codes

from .models import Concern, Evidence, Option, Source


class PersonScope(models.Model):
    """Who a row is for. A blank condition holds for everyone; a row holds for a person when
    every condition it sets does."""

    class Age(models.TextChoices):
        YOUNG = "under_18", _("Young people (under 18)")
        ADULT = "adult", _("Adults (18 or older)")

    age = models.CharField(max_length=10, blank=True, choices=Age.choices)
    eating_pattern = models.CharField(max_length=20, blank=True, choices=codes.EATING_PATTERNS)
    # Pregnant, breastfeeding, planning a pregnancy, or "yes" (one of those, saved before the
    # split): the people NICE CG192 covers.
    perinatal = models.BooleanField(default=False, help_text="Only for someone pregnant, after birth or planning.")
    # A fact of one region's services (Australia's Eating Disorder Plan, say).
    region = models.CharField(max_length=10, blank=True, choices=codes.REGIONS)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True

    def scope_words(self) -> str:
        """Who the row is for, for the content report."""
        parts = [str(self.get_age_display())] if self.age else []
        if self.eating_pattern:
            parts.append(self.eating_pattern)
        if self.perinatal:
            parts.append("perinatal")
        if self.region:
            parts.append(self.region)
        return ", ".join(parts) or "everyone"


class EvidenceScope(PersonScope):
    """One evidence cell (option x concern) as it reads for some people only. It replaces the
    cell's level, summary and guideline stance for them; other people read the cell itself."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="evidence_scopes")
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="evidence_scopes")
    level = models.CharField(max_length=20, choices=codes.EVIDENCE_LEVELS)
    summary = models.TextField()
    guideline_body = models.CharField(max_length=40, blank=True)
    guideline_code = models.CharField(max_length=40, blank=True)
    guideline_position = models.CharField(max_length=20, blank=True, choices=Evidence.Position.choices)
    guideline_for = models.CharField(max_length=80, blank=True, help_text='For whom, e.g. "for adults with bulimia".')
    guideline_severity = models.CharField(max_length=20, blank=True, choices=Evidence.Severity.choices)
    approximate = models.BooleanField(default=False)
    course = models.TextField(blank=True, help_text="How long it takes for these people, from the row's sources.")
    sources = models.ManyToManyField(Source, related_name="evidence_scopes")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["option__order", "concern__order", "order", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(guideline_body="", guideline_code="", guideline_position="")
                    | (~models.Q(guideline_body="") & ~models.Q(guideline_code="") & ~models.Q(guideline_position=""))
                ),
                name="evidence_scope_guideline_whole_or_blank",
            ),
            # A first choice always says for whom (issue 23.6).
            models.CheckConstraint(
                condition=~models.Q(guideline_position="first_line") | ~models.Q(guideline_for=""),
                name="evidence_scope_first_line_for_whom",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.option.slug} x {self.concern.code} for {self.scope_words()}: {self.level}"


class OtherCare(PersonScope):
    """Care often offered first for a concern that is none of the five options (EMDR for
    PTSD, exposure and response prevention for OCD, family therapy for a young person's
    eating problems...), in two or three plain sentences with their sources. For each concern
    the summary reads the first general row that holds for the person (so general rows go from
    the most to the least specific), then every row of the person's region, which adds that
    region's own facts."""

    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="other_care")
    text = models.TextField()
    sources = models.ManyToManyField(Source, related_name="other_care")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["concern__order", "order", "id"]
        verbose_name_plural = "other care"

    def __str__(self) -> str:
        return f"{self.concern.code} for {self.scope_words()}"

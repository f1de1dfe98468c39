"""Clinical content as data: every claim a person reads is a row here, tied to its sources
and the date it was last reviewed. Content editors change it in the admin; the fixtures in
`fixtures/` hold the reviewed release."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from decisionaid import codes


class ContentVersion(models.Model):
    """One reviewed release of the content. The newest by review date is the one in use."""

    version = models.CharField(max_length=20, unique=True)
    reviewed_on = models.DateField()
    next_review_on = models.DateField()
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["-reviewed_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(next_review_on__gt=models.F("reviewed_on")),
                name="content_next_review_after_review",
            )
        ]

    def __str__(self) -> str:
        return f"{self.version} (reviewed {self.reviewed_on})"

    @classmethod
    def current(cls) -> "ContentVersion | None":
        return cls.objects.first()


class Source(models.Model):
    """A full citation. `approximate` marks a source whose figures FACTS.md asks us to
    verify; anything citing only such sources is shown to the reader as approximate."""

    key = models.SlugField(max_length=60, unique=True)
    citation = models.TextField()
    doi = models.CharField(max_length=120, blank=True)
    url = models.URLField(blank=True)
    approximate = models.BooleanField(default=False)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class Concern(models.Model):
    code = models.CharField(max_length=30, unique=True, choices=codes.CONCERNS)
    label = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.label


class Option(models.Model):
    """A treatment option. Every option is always shown, in `order`, whatever the answers."""

    slug = models.CharField(max_length=30, unique=True, choices=codes.OPTION_SLUGS)
    name = models.CharField(max_length=120)
    order = models.PositiveSmallIntegerField(unique=True)
    # The typical course in sessions, for the cost range. Null where sessions are not the
    # main cost (medicine), so no cost figure is made up.
    sessions_low = models.PositiveSmallIntegerField(null=True, blank=True)
    sessions_high = models.PositiveSmallIntegerField(null=True, blank=True)
    sessions_sources = models.ManyToManyField(Source, blank=True, related_name="+")

    class Meta:
        ordering = ["order"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sessions_low__isnull=True) | models.Q(sessions_high__gte=models.F("sessions_low")),
                name="option_sessions_range",
            )
        ]

    def __str__(self) -> str:
        return self.name


class OptionFact(models.Model):
    """One row of the side-by-side comparison for one option."""

    class Row(models.TextChoices):
        WHAT_IT_IS = "what_it_is", _("What it is")
        SESSION = "session", _("What a session is like")
        COURSE = "course", _("How many sessions, how often, how long")
        TIME_TO_CHANGE = "time_to_change", _("How soon people notice change")
        COST = "cost", _("Cost and how it is paid for")
        RISKS = "risks", _("Side effects and risks")
        LASTING = "lasting", _("How long the benefits last")
        ASKS = "asks", _("What it asks of you")

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="facts")
    row = models.CharField(max_length=20, choices=Row.choices)
    text = models.TextField()
    sources = models.ManyToManyField(Source, related_name="option_facts")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["option__order", "row"]
        constraints = [models.UniqueConstraint(fields=["option", "row"], name="one_fact_per_option_row")]

    def __str__(self) -> str:
        return f"{self.option.slug}: {self.row}"


class Evidence(models.Model):
    """How strong the evidence is for one option and one concern, in one plain sentence."""

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="evidence")
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="evidence")
    level = models.CharField(max_length=20, choices=codes.EVIDENCE_LEVELS)
    summary = models.TextField()
    sources = models.ManyToManyField(Source, related_name="evidence")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["option__order", "concern__order"]
        verbose_name_plural = "evidence"
        constraints = [models.UniqueConstraint(fields=["option", "concern"], name="one_evidence_per_pair")]

    def __str__(self) -> str:
        return f"{self.option.slug} × {self.concern.code}: {self.level}"


class FitRule(models.Model):
    """A sentence tying one answer to one option's facts.

    `question` is a contract code (`style`, `goals`, `importance.quick_relief`...); `value`
    is the answer that triggers it: an enum code, a member of a list answer, or `high`
    for an importance of 3 or 4. The summary builder shows the sentence with the answer
    that caused it, so a person can see why it is there.
    """

    class Kind(models.TextChoices):
        FIT = "fit", _("Fits what you said")
        CONSIDERATION = "consideration", _("May not fit, or needs care")

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="fit_rules")
    question = models.CharField(max_length=60)
    value = models.CharField(max_length=40)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text = models.TextField()
    sources = models.ManyToManyField(Source, blank=True, related_name="fit_rules")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["option__order", "question", "value", "kind"]

    def __str__(self) -> str:
        return f"{self.option.slug}: {self.question}={self.value} ({self.kind})"


class Region(models.Model):
    code = models.CharField(max_length=10, unique=True, choices=codes.REGIONS)
    name = models.CharField(max_length=80)
    currency = models.CharField(max_length=3, blank=True, help_text="ISO 4217 code; blank for OTHER.")
    emergency_number = models.CharField(max_length=40)
    # Where the emergency number was checked; blank for OTHER, which names no number.
    emergency_sources = models.ManyToManyField(Source, blank=True, related_name="+")
    payment = models.TextField(help_text="How care is usually paid for here, in plain words.")
    payment_sources = models.ManyToManyField(Source, blank=True, related_name="+")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Resource(models.Model):
    """A crisis line, a youth service or a route to a professional in one region."""

    class Kind(models.TextChoices):
        CRISIS = "crisis", _("Crisis line")
        YOUTH = "youth", _("Service for young people")
        PROFESSIONAL = "professional", _("Where to find a professional")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=120)
    contact = models.CharField(
        max_length=200, help_text="As a person would use it: a number, a text code or a web address."
    )
    hours = models.CharField(max_length=80, blank=True)
    url = models.URLField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    sources = models.ManyToManyField(Source, related_name="resources")

    class Meta:
        ordering = ["region", "kind", "order"]

    def __str__(self) -> str:
        return f"{self.region.code}: {self.name}"

    def as_dict(self) -> dict:
        """The contract's `resource` shape."""
        data = {"name": self.name, "contact": self.contact}
        if self.hours:
            data["hours"] = self.hours
        if self.url:
            data["url"] = self.url
        return data

"""Clinical content as data: every claim a person reads is a row here, tied to its sources
and the date it was last reviewed. Content editors change it in the admin; the fixtures in
`fixtures/` hold the reviewed release."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
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
    # How people cite it in a sentence ("Kroenke 2001", "NICE NG222"): the link text.
    label = models.CharField(max_length=80)
    citation = models.TextField()
    doi = models.CharField(max_length=120, blank=True)
    url = models.URLField(blank=True)
    approximate = models.BooleanField(default=False)

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.key


class Concern(models.Model):
    """A concern a person can choose, and the plain description of it the summary shows:
    what it is, how common it is, what often happens without treatment."""

    code = models.CharField(max_length=30, unique=True, choices=codes.CONCERNS)
    label = models.CharField(max_length=200)
    order = models.PositiveSmallIntegerField(default=0)
    description = models.TextField(blank=True, help_text="Two or three plain sentences, each claim sourced.")
    description_sources = models.ManyToManyField(Source, blank=True, related_name="described_concerns")

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
    # The same fact in 25 words or fewer, from the same sources: the cell of the first view.
    brief = models.TextField(blank=True)
    sources = models.ManyToManyField(Source, related_name="option_facts")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["option__order", "row"]
        constraints = [models.UniqueConstraint(fields=["option", "row"], name="one_fact_per_option_row")]

    def __str__(self) -> str:
        return f"{self.option.slug}: {self.row}"


class Evidence(models.Model):
    """One cell of the evidence grid: how strong the evidence is for one option and one
    concern, in one plain sentence, with what the main guideline for the concern says."""

    class Position(models.TextChoices):
        FIRST_LINE = "first_line", _("Suggested first")
        OPTION = "option", _("One of the options offered")
        SECOND_LINE = "second_line", _("Offered if first choices do not help or do not suit")
        NOT_RECOMMENDED = "not_recommended", _("Advised against")
        NOT_COVERED = "not_covered", _("Not named in the guideline")

    class Severity(models.TextChoices):
        # NICE NG222's split of depression by PHQ-9 total (summary/notices.py LESS_SEVERE_BELOW).
        LESS_SEVERE = "less_severe", _("Less severe low mood (PHQ-9 under 16)")
        MORE_SEVERE = "more_severe", _("More severe low mood (PHQ-9 16 or more)")
        # The guideline narrows its first choice by something this aid does not ask (how
        # severe OCD is, say): the mark is shown with its scope, and is neither a fit nor first.
        NOT_ASKED = "not_asked", _("Something this aid does not ask (e.g. how severe OCD is)")

    option = models.ForeignKey(Option, on_delete=models.CASCADE, related_name="evidence")
    concern = models.ForeignKey(Concern, on_delete=models.CASCADE, related_name="evidence")
    level = models.CharField(max_length=20, choices=codes.EVIDENCE_LEVELS)
    summary = models.TextField()
    # The guideline's stance; all three blank where no guideline speaks to this concern.
    guideline_body = models.CharField(max_length=40, blank=True, help_text='Who wrote it, e.g. "NICE".')
    guideline_code = models.CharField(max_length=40, blank=True, help_text='Its code, e.g. "NG116".')
    guideline_position = models.CharField(max_length=20, blank=True, choices=Position.choices)
    # A guideline often puts an option first for some people only (NICE NG222: guided self-help
    # for less severe depression, both together for more severe). `guideline_for` says for
    # whom, in words the reader sees; `guideline_severity` lets the PHQ-9 total decide it.
    guideline_for = models.CharField(
        max_length=80, blank=True, help_text='For whom it is suggested first, e.g. "for mild OCD".'
    )
    guideline_severity = models.CharField(max_length=20, blank=True, choices=Severity.choices)
    # Set where the cell rests on a figure still to be checked against the original study
    # (FACTS.md "from memory, verify"); the reader is told so in plain words.
    approximate = models.BooleanField(default=False)
    # How long this option usually takes for this concern, where it differs from the option's
    # own course (which comes from studies of low mood): CBT-ED runs 20 to 40 weeks.
    course = models.TextField(blank=True, help_text="How long it takes for this concern, from the cell's sources.")
    # For medicine and both together: which medicine the level is about ("an antipsychotic",
    # "naltrexone or acamprosate, not an antidepressant"), so no kind's level is lent to another.
    medicine = models.CharField(
        max_length=120, blank=True, help_text='Which medicine this level is about, e.g. "an antipsychotic".'
    )
    # That medicine's own side effects and what it asks of a person, added to the option's
    # "Side effects and risks" and "What it asks of you" rows when this concern is chosen.
    medicine_risks = models.TextField(blank=True)
    medicine_asks = models.TextField(blank=True)
    sources = models.ManyToManyField(Source, related_name="evidence")
    reviewed_on = models.DateField()

    class Meta:
        ordering = ["option__order", "concern__order"]
        verbose_name_plural = "evidence"
        constraints = [
            models.UniqueConstraint(fields=["option", "concern"], name="one_evidence_per_pair"),
            models.CheckConstraint(
                condition=(
                    models.Q(guideline_body="", guideline_code="", guideline_position="")
                    | (~models.Q(guideline_body="") & ~models.Q(guideline_code="") & ~models.Q(guideline_position=""))
                ),
                name="evidence_guideline_whole_or_blank",
            ),
        ]

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
    # Shown only to someone who chose one of these concerns (low mood when they chose none),
    # for a sentence whose evidence comes from studies of those concerns only. Blank: everyone.
    concerns = models.ManyToManyField(Concern, blank=True, related_name="fit_rules")

    class Meta:
        ordering = ["option__order", "question", "value", "kind"]

    def __str__(self) -> str:
        return f"{self.option.slug}: {self.question}={self.value} ({self.kind})"


# Numbers to dial or text: digits, with a + in front for an international number.
DIALLED = RegexValidator(r"^\+?[0-9]+$", "Digits only, with + in front if needed.")
KEYWORD = RegexValidator(r"^[A-Za-z0-9]+$", "One word of letters or digits, no spaces.")


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
        # Named in the notices for eating problems and for drinking (summary/concern_notices.py).
        EATING = "eating", _("Help line for eating problems")
        ALCOHOL = "alcohol", _("Help line for alcohol")

    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=120)
    contact = models.CharField(
        max_length=200, help_text="As a person would use it: a number, a text code or a web address."
    )
    # What a phone dials or texts: the tap-to-call and tap-to-text links are made from these,
    # and `contact` keeps the words a person reads (on paper too).
    phone = models.CharField(
        max_length=20,
        blank=True,
        validators=[DIALLED],
        help_text="What to dial, digits only (+ in front if needed), e.g. 116123. Blank if there is no phone line.",
    )
    text_number = models.CharField(
        max_length=20,
        blank=True,
        validators=[DIALLED],
        help_text="Where to send a text, digits only, e.g. 741741. Blank if there is no text line.",
    )
    text_keyword = models.CharField(
        max_length=20,
        blank=True,
        validators=[KEYWORD],
        help_text="The word to send, e.g. HOME for 741741. Blank if any message will do.",
    )
    hours = models.CharField(max_length=80, blank=True)
    url = models.URLField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    sources = models.ManyToManyField(Source, related_name="resources")
    # Who a line is for, so each person sees the right ones (decisionaid/content/lines.py):
    # a line for adults only (a veterans' or a men's line) is never shown to someone under 18,
    # and a UK line of one nation only to people there (or, with no nation given, named as its).
    audience = models.CharField(
        max_length=10,
        blank=True,
        choices=[("adults", _("Adults only: never shown to people under 18"))],
        help_text="Blank: people of any age.",
    )
    nation = models.CharField(
        max_length=20,
        blank=True,
        choices=codes.UK_NATIONS,
        help_text="For a UK line that only one nation has. Blank: the whole region.",
    )

    class Meta:
        ordering = ["region", "kind", "order"]

    def __str__(self) -> str:
        return f"{self.region.code}: {self.name}"

    def clean(self) -> None:
        # The contact words are what paper shows, so every number a link dials is in them too.
        errors = {}
        for name in ("phone", "text_number"):
            number = getattr(self, name)
            if number and number.lstrip("+") not in digits_only(self.contact):
                errors[name] = _("Write this number in the contact words too, so it shows on paper.")
        if self.text_keyword and not self.text_number:
            errors["text_keyword"] = _("A text word needs a number to send it to.")
        if errors:
            raise ValidationError(errors)

    def as_dict(self) -> dict:
        """The contract's `resource` shape, with the numbers to dial and text where there are any."""
        data = {"name": self.name, "contact": self.contact}
        for name in ("phone", "text_number", "text_keyword", "hours", "url"):
            if getattr(self, name):
                data[name] = getattr(self, name)
        return data


def digits_only(text: str) -> str:
    return "".join(character for character in text if character.isdigit())


class ContentGeneration(models.Model):
    """One row counting committed saves of the clinical content. Each worker's content cache
    (snapshot.py) reads it once a request and reads the content again when it has moved."""

    number = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"content generation {self.number}"

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(number=models.F("number") + 1):
            cls.objects.get_or_create(pk=1)

    @classmethod
    def read(cls) -> int:
        return cls.objects.filter(pk=1).values_list("number", flat=True).first() or 0


# Content models of their own modules, imported here so Django finds them.
from .costs import CostItem, OptionAccess  # noqa: E402, F401
from .figures import Figure, FigureGroup  # noqa: E402, F401
from .findings import FactFinding  # noqa: E402, F401
from .glossary import GlossaryTerm  # noqa: E402, F401
from .nations import NationText  # noqa: E402, F401
from .populations import PopulationText  # noqa: E402, F401
from .scopes import EvidenceScope, OtherCare  # noqa: E402, F401
from .sure import SureItem  # noqa: E402, F401

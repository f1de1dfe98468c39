"""The PHQ-9 and GAD-7, defined once: item codes (the contract's), validated wording, answer
scales, LOINC codes, score bands with their labels, and the sources of the cut points.

Forms, the summary, the FHIR export and tests import them from here. The items, stems and
answer scales are in the instruments' validated English wording (FACTS.md sections 7 and 8) and
are not marked for translation: a translation must use the official translated versions.
LOINC codes were checked against published FHIR resources (HL7 personal-health-record IG)."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

LOINC_SYSTEM = "http://loinc.org"

# The shared answer scale, in the instruments' own words, with LOINC answer codes by value.
FREQUENCY = [
    (0, "Not at all"),
    (1, "Several days"),
    (2, "More than half the days"),
    (3, "Nearly every day"),
]
FREQUENCY_LOINC = ("LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9")

DIFFICULTY = [
    (0, "Not difficult at all"),
    (1, "Somewhat difficult"),
    (2, "Very difficult"),
    (3, "Extremely difficult"),
]
DIFFICULTY_LOINC = ("LA6572-7", "LA6573-5", "LA6575-0", "LA6574-3")

ATTRIBUTION = (
    "PHQ-9 and GAD-7: Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke "
    "and colleagues, with an educational grant from Pfizer Inc. No permission required to "
    "reproduce, translate, display or distribute."
)


@dataclass(frozen=True)
class Item:
    code: str  # the contract's answer code, also the form field's name
    text: str
    loinc: str


@dataclass(frozen=True)
class Band:
    name: str  # the contract's band code
    minimum: int  # the lowest total in the band
    label: Promise  # plain words for a person


@dataclass(frozen=True)
class Instrument:
    key: str  # "phq9" or "gad7": the summary's key for its score
    name: Promise
    stem: str
    items: tuple[Item, ...]
    bands: tuple[Band, ...]  # highest first
    sources: tuple[str, ...]  # content source keys for the bands' cut points
    loinc: str  # the panel
    loinc_text: str
    total_loinc: str
    total_text: str
    difficulty: Item | None = None  # the PHQ-9's closing question, not part of the total

    @property
    def codes(self) -> list[str]:
        return [item.code for item in self.items]

    @property
    def max_total(self) -> int:
        return len(self.items) * FREQUENCY[-1][0]

    def total(self, answers: dict) -> int | None:
        """The total score, or None unless every item is answered (a partial total would
        understate how someone feels)."""
        values = [answers.get(code) for code in self.codes]
        if any(value is None for value in values):
            return None
        return sum(int(value) for value in values)

    def band(self, total: int) -> Band:
        return next(band for band in self.bands if total >= band.minimum)


def _numbered(prefix: str, rows: list[tuple[str, str]]) -> tuple[Item, ...]:
    """An instrument's items from (text, LOINC code) rows in order, coded prefix_1, prefix_2, …"""
    return tuple(Item(f"{prefix}_{number}", text, loinc) for number, (text, loinc) in enumerate(rows, start=1))


PHQ9 = Instrument(
    key="phq9",
    name=_("Low mood (PHQ-9)"),
    stem="Over the last 2 weeks, how often have you been bothered by any of the following problems?",
    items=_numbered(
        "phq9",
        [
            ("Little interest or pleasure in doing things", "44250-9"),
            ("Feeling down, depressed, or hopeless", "44255-8"),
            ("Trouble falling or staying asleep, or sleeping too much", "44259-0"),
            ("Feeling tired or having little energy", "44254-1"),
            ("Poor appetite or overeating", "44251-7"),
            (
                "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
                "44258-2",
            ),
            ("Trouble concentrating on things, such as reading the newspaper or watching television", "44252-5"),
            (
                "Moving or speaking so slowly that other people could have noticed? Or the opposite — "
                "being so fidgety or restless that you have been moving around a lot more than usual",
                "44253-3",
            ),
            ("Thoughts that you would be better off dead or of hurting yourself in some way", "44260-8"),
        ],
    ),
    bands=(
        Band("severe", 20, _("Severe low mood")),
        Band("moderately_severe", 15, _("Fairly severe low mood")),
        Band("moderate", 10, _("Moderate low mood")),
        Band("mild", 5, _("Mild low mood")),
        Band("minimal", 0, _("Few or no signs of low mood")),
    ),
    sources=("kroenke-2001",),
    loinc="44249-1",
    loinc_text="PHQ-9 quick depression assessment panel",
    total_loinc="44261-6",
    total_text="Patient Health Questionnaire 9 item (PHQ-9) total score",
    difficulty=Item(
        "phq9_difficulty",
        "If you checked off any problems, how difficult have these problems made it for you to do "
        "your work, take care of things at home, or get along with other people?",
        "69722-7",
    ),
)

GAD7 = Instrument(
    key="gad7",
    name=_("Worry (GAD-7)"),
    stem="Over the last 2 weeks, how often have you been bothered by the following problems?",
    items=_numbered(
        "gad7",
        [
            ("Feeling nervous, anxious, or on edge", "69725-0"),
            ("Not being able to stop or control worrying", "68509-9"),
            ("Worrying too much about different things", "69733-4"),
            ("Trouble relaxing", "69734-2"),
            ("Being so restless that it is hard to sit still", "69735-9"),
            ("Becoming easily annoyed or irritable", "69689-8"),
            ("Feeling afraid, as if something awful might happen", "69736-7"),
        ],
    ),
    bands=(
        Band("severe", 15, _("Severe worry")),
        Band("moderate", 10, _("Moderate worry")),
        Band("mild", 5, _("Mild worry")),
        Band("minimal", 0, _("Few or no signs of worry")),
    ),
    sources=("spitzer-2006", "kroenke-2007"),
    loinc="69737-5",
    loinc_text="Generalized anxiety disorder 7 item (GAD-7)",
    total_loinc="70274-6",
    total_text="Generalized anxiety disorder 7 item (GAD-7) total score",
)

INSTRUMENTS = (PHQ9, GAD7)

# The item whose answer above "Not at all" signals risk and shows crisis help at once.
RISK_ITEM = "phq9_9"

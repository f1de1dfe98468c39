"""What IPDAS asks a decision aid to say about itself: who funds it, who wrote it, conflicts of
interest, how the content was chosen and is kept up to date, how hard each page is to read, and
what user testing has been done. The About page shows these; the paper summary's footer
gives `footer()`.

The reading levels are measured by the project's own readability check
(tests/readability.py: Flesch-Kincaid and SMOG, US school grades) and rounded up;
tests/test_disclosures.py measures each page again and fails if a stated figure is not true."""

import datetime

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Measured on 2026-12-01. (path, page name, Flesch-Kincaid grade or below, SMOG grade or below)
READING_LEVELS = [
    ("/", gettext_lazy("Start page"), 4, 8),
    # Re-measured 2026-12-04 (issue 23 added the eating and past-treatment questions): 4.9 and 8.0.
    ("/questions/", gettext_lazy("The questions (the hardest step)"), 6, 9),
    ("/results/", gettext_lazy("Your results"), 6, 9),
    ("/about/", gettext_lazy("This page"), 4, 8),
    ("/help-now/", gettext_lazy("Get help now"), 4, 8),
    ("/privacy/", gettext_lazy("Privacy"), 4, 8),
]
MEASURED_ON = datetime.date(2026, 12, 1)


def reading_levels() -> list[dict]:
    return [
        {"path": path, "name": str(name), "grade": grade, "smog": smog} for path, name, grade, smog in READING_LEVELS
    ]


def footer() -> str:
    """One line for the foot of the paper summary."""
    highest = max(grade for _path, _name, grade, _smog in READING_LEVELS)
    return _(
        "Made by the decisionaid team, a small group of software engineers. No one funds it, and no one pays "
        "to be in it. Written to read at US school grade %(grade)s or below. Not yet tested with patients. "
        "More on the About page."
    ) % {"grade": highest}

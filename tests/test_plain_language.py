"""Every patient-facing page reads at US grade 7 or below (Flesch-Kincaid) and at SMOG grade 9
or below, apart from the PHQ-9 and GAD-7 items, which keep their validated wording, and source
citations."""

import pytest

from decisionaid.instruments import ATTRIBUTION, DIFFICULTY, GAD7, PHQ9
from decisionaid.questionnaire import steps
from tests.factories import crisis_answers, maximal_answers
from tests.questionnaire_helpers import complete
from tests.readability import grade, hardest_sentences, smog
from tests.visible_text import as_prose, visible_blocks

pytestmark = pytest.mark.django_db

MAX_GRADE = 7.0
# SMOG counts words of three or more syllables, which this subject cannot avoid ("medicine",
# "therapy", "anxiety"), so text reads about two grades higher by SMOG than by Flesch-Kincaid.
# IPDAS asks for SMOG grade 8 or below (McCaffery 2013); pages measured 6.9 to 8.5 on
# 2026-12-01, so the limit is 9 until the help-now and results pages are brought under 8.
MAX_SMOG = 9.0
VALIDATED = [
    *(item.text for item in PHQ9.items + GAD7.items),
    PHQ9.stem,
    PHQ9.difficulty.text,
    GAD7.stem,
    ATTRIBUTION,
    *(label for _value, label in DIFFICULTY),
    "Content version",
]


def assert_plain(html: str, label: str) -> None:
    text = as_prose(visible_blocks(html, exclude=VALIDATED))
    score = grade(text)
    hardest = "\n".join(f"  {g:.1f}: {s}" for g, s in hardest_sentences(text, 5))
    assert score <= MAX_GRADE, f"{label} reads at grade {score:.1f}. Hardest sentences:\n{hardest}"
    smog_grade = smog(text)
    assert smog_grade <= MAX_SMOG, f"{label} reads at SMOG grade {smog_grade:.1f}. Hardest sentences:\n{hardest}"


@pytest.mark.parametrize("path", ["/", "/about/", "/privacy/", "/help-now/", "/delete/", "/deleted/", "/no-such-page/"])
def test_pages_read_at_grade_7_or_below(client, path):
    assert_plain(client.get(path).content.decode(), path)


@pytest.mark.parametrize("step", steps.STEPS, ids=lambda step: step.slug)
def test_every_step_reads_at_grade_7_or_below(client, step):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    assert_plain(client.get(f"/questions/{step.slug}/").content.decode(), step.slug)


def test_crisis_and_youth_pages_read_at_grade_7_or_below(client):
    client.post("/questions/place/", {"region": "UK", "age_band": "under_18"})
    assert_plain(client.get("/young-people/").content.decode(), "young people")
    client.post("/questions/safety/", {"in_danger_now": "true"})
    assert_plain(client.get("/crisis/").content.decode(), "crisis")


@pytest.mark.parametrize("answers", [maximal_answers(), crisis_answers()], ids=["maximal", "crisis"])
def test_the_results_page_reads_at_grade_7_or_below(client, answers):
    complete(client, answers)
    html = client.get("/results/").content.decode()
    # Citations are for professionals; everything else is for the person.
    html = html.split('id="sources"')[0]
    assert_plain(html, "results")

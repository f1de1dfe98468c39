"""Every patient-facing page reads at US grade 7 or below (Flesch-Kincaid), apart from the
PHQ-9 and GAD-7 items, which keep their validated wording, and source citations."""

import pytest

from decisionaid.questionnaire import forms, steps
from decisionaid.readability import grade, hardest_sentences
from tests.factories import crisis_answers, maximal_answers
from tests.questionnaire_helpers import complete
from tests.visible_text import as_prose, visible_blocks

pytestmark = pytest.mark.django_db

MAX_GRADE = 7.0
VALIDATED = [
    *forms.PHQ9_ITEMS,
    forms.PHQ9_STEM,
    forms.PHQ9_DIFFICULTY,
    *forms.GAD7_ITEMS,
    forms.GAD7_STEM,
    forms.PHQ_ATTRIBUTION,
    "Not difficult at all",
    "Somewhat difficult",
    "Very difficult",
    "Extremely difficult",
    "Content version",
]


def assert_plain(html: str, label: str) -> None:
    text = as_prose(visible_blocks(html, exclude=VALIDATED))
    score = grade(text)
    hardest = "\n".join(f"  {g:.1f}: {s}" for g, s in hardest_sentences(text, 5))
    assert score <= MAX_GRADE, f"{label} reads at grade {score:.1f}. Hardest sentences:\n{hardest}"


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

"""The About page says what IPDAS asks of a decision aid, and the reading level it states for
each page is what the project's readability check measures."""

import pytest

from decisionaid import disclosures
from decisionaid.questionnaire import steps
from tests.factories import maximal_answers
from tests.questionnaire_helpers import complete
from tests.readability import grade, smog
from tests.test_plain_language import VALIDATED
from tests.visible_text import as_prose, visible_blocks

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    # Citations are for professionals, as in tests/test_plain_language.py.
    return as_prose(visible_blocks(html.split('id="sources"')[0], exclude=VALIDATED))


def _measure(client, path: str) -> tuple[float, float]:
    if path == "/questions/":
        client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
        texts = [_text(client.get(f"/questions/{step.slug}/").content.decode()) for step in steps.STEPS]
        return max(grade(text) for text in texts), max(smog(text) for text in texts)
    if path == "/results/":
        complete(client, maximal_answers())
    text = _text(client.get(path).content.decode())
    return grade(text), smog(text)


@pytest.mark.parametrize(
    ("path", "stated_grade", "stated_smog"), [(p, g, s) for p, _n, g, s in disclosures.READING_LEVELS]
)
def test_the_stated_reading_level_of_each_page_is_true_and_not_far_above_the_measured_one(
    client, path, stated_grade, stated_smog
):
    # "Grade N or below" must hold, and must not hide an easier page behind a loose figure.
    measured_grade, measured_smog = _measure(client, path)
    assert measured_grade <= stated_grade < measured_grade + 2, f"{path}: Flesch-Kincaid {measured_grade:.1f}"
    assert measured_smog <= stated_smog < measured_smog + 2, f"{path}: SMOG {measured_smog:.1f}"


def test_the_about_page_states_funding_authors_conflicts_review_updates_reading_level_and_testing(client):
    text = as_prose(visible_blocks(client.get("/about/").content.decode()))
    for words in [
        "No one funds this aid",
        "software engineers",
        "None of us is a doctor, nurse or therapist",
        "None of us is paid by a drug maker",
        "Each claim names its source",
        "at least once a year",
        "Flesch-Kincaid and SMOG",
        "We have not yet tested this aid with patients",
        "Not recommended",
        "Not enough research",
        "SURE test",
    ]:
        assert words in text, words
    for _path, name, _grade, _smog in disclosures.READING_LEVELS:
        assert str(name) in text


def test_details_are_one_click_away(client):
    html = client.get("/about/").content.decode()
    assert html.count("<details>") >= 4


def test_the_paper_footer_line_states_funding_reading_level_and_testing():
    line = disclosures.footer()
    highest = max(stated for _p, _n, stated, _s in disclosures.READING_LEVELS)
    assert "No one funds it" in line
    assert f"grade {highest} or below" in line
    assert "Not yet tested with patients" in line

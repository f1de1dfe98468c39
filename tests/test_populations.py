"""Issue 18.2-18.5: young people, older people, pregnancy, breastfeeding, planning, and milder
symptoms each read their own words, through the summary and the results page."""

import re

import pytest

from decisionaid.summary import build_summary
from tests.factories import crisis_answers, mild_answers
from tests.people_issue18 import breastfeeding_mother_in_canada, teen_in_the_us, widow_in_scotland
from tests.questionnaire_helpers import form_data, with_answers
from tests.summary_helpers import with_totals

pytestmark = pytest.mark.django_db


def _notice(data: dict, code: str) -> dict | None:
    return next((notice for notice in data["notices"] if notice["code"] == code), None)


def _option(data: dict, slug: str) -> dict:
    return next(option for option in data["options"] if option["slug"] == slug)


def _row(option: dict, row: str) -> dict:
    return next(fact for fact in option["facts"] if fact["row"] == row)


# --- 2. Young people ---------------------------------------------------------------------------


def test_a_young_person_reads_therapy_first_and_fluoxetine_only_after_a_specialist():
    data = build_summary(teen_in_the_us())
    notice = _notice(data, "youth")
    for words in ("talking therapy comes first", "specialist", "fluoxetine", "adult you trust", "kept private"):
        assert words in notice["text"], words
    assert "nice-ng134" in notice["sources"] and "gmc-0-18" in notice["sources"]
    medicine = _option(data, "medication")
    assert "fluoxetine" in _row(medicine, "what_it_is")["text"]
    assert "never on its own" in _row(medicine, "what_it_is")["text"]
    assert "close check-ups" in _row(medicine, "session")["text"]


def test_a_young_person_never_reads_medicine_fits_as_only_check_ups():
    medicine = _option(
        build_summary(teen_in_the_us(commitment="up_to_3_months", importance={"few_sessions": 4})), "medication"
    )
    assert medicine["fits"] == []
    assert not [text for text in medicine["fits"] + medicine["considerations"] if "only check-ups" in text]
    assert any("under 18" in text for text in medicine["considerations"])
    adult = _option(build_summary(mild_answers(importance={"quick_relief": 4})), "medication")
    assert adult["fits"], "an adult still reads the medicine's fits"


def test_the_teen_is_in_crisis_and_never_told_their_symptoms_are_mild():
    answers = {**teen_in_the_us(), "phq9_1": 0, "phq9_2": 0, "phq9_3": 0, "phq9_4": 0, "phq9_5": 0}
    data = build_summary(answers)
    assert data["crisis"]["active"]
    assert _notice(data, "mild_symptoms") is None


# --- 3. Older people ---------------------------------------------------------------------------


def test_an_older_person_reads_the_cautions_for_medicine_and_that_therapy_works_at_any_age():
    notice = _notice(build_summary(widow_in_scotland()), "older_adult")
    for words in (
        "as well for older people",
        "lower dose",
        "sodium",
        "falls",
        "bleeding",
        "blood thinners",
        "Sleeping pills",
    ):
        assert words in notice["text"], words
    assert _notice(build_summary(mild_answers()), "older_adult") is None


def test_prescriptions_are_free_at_60_or_over_in_england():
    data = build_summary(mild_answers(region="UK", uk_nation="england", age_band="65_plus"))
    medicine = next(line for line in _option(data, "medication")["cost"]["lines"] if line["kind"] == "medicine")
    assert medicine["figure"] == "Free to you." and "free in England at 60 or over" in medicine["counts"]
    younger = build_summary(mild_answers(region="UK", uk_nation="england"))
    line = next(line for line in _option(younger, "medication")["cost"]["lines"] if line["kind"] == "medicine")
    assert "£9.90" in line["counts"]


# --- 4. Pregnancy, breastfeeding, planning ------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "code", "words"),
    [
        ("pregnant", "pregnancy_medication", "You said you are pregnant."),
        ("planning", "pregnancy_medication", "You said you are planning a pregnancy."),
        ("breastfeeding", "breastfeeding", "Sertraline is one"),
        ("yes", "pregnancy_medication", "pregnant, planning a baby or breastfeeding"),
    ],
)
def test_each_pregnancy_answer_gets_its_own_words(answer, code, words):
    data = build_summary(mild_answers(pregnant_or_breastfeeding=answer))
    notice = _notice(data, code)
    assert words in notice["text"]
    assert "suddenly" in notice["text"] or "all at once" in notice["text"]
    assert "nice-cg192" in notice["sources"]
    other = {"pregnancy_medication": "breastfeeding", "breastfeeding": "pregnancy_medication"}[code]
    assert _notice(data, other) is None


def test_perinatal_help_is_named_only_where_the_region_has_it():
    us = _notice(build_summary(mild_answers(region="US", pregnant_or_breastfeeding="pregnant")), "pregnancy_medication")
    assert "1-833-852-6262" in us["text"]
    canada = _notice(build_summary(breastfeeding_mother_in_canada()), "breastfeeding")
    assert "1-833" not in canada["text"] and "PANDA" not in canada["text"]
    planning = _notice(
        build_summary(mild_answers(region="US", pregnant_or_breastfeeding="planning")), "pregnancy_medication"
    )
    assert "1-833" not in planning["text"], "perinatal help is for pregnancy and after birth"


def test_the_medicine_step_offers_the_three_answers_and_keeps_a_saved_yes_valid(client):
    from decisionaid.questionnaire.forms import MedicationForm

    choices = [code for code, _label in MedicationForm.base_fields["pregnant_or_breastfeeding"].choices]
    assert {"pregnant", "breastfeeding", "planning"} <= set(choices) and "yes" not in choices
    with_answers(client, mild_answers(pregnant_or_breastfeeding="yes"))
    assert client.get("/results/").status_code == 200


# --- 5. Milder symptoms ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "shown"),
    [
        (with_totals(9, 9, concerns=["relationships"]), True),
        (with_totals(9, concerns=["sleep"]), True),
        (with_totals(10, 3, concerns=["relationships"]), False),
        (with_totals(4, 10, concerns=["anxiety"]), False),
    ],
    ids=["both-under-10", "gad7-unanswered", "phq9-10", "gad7-10"],
)
def test_mild_symptoms_notice_whatever_the_concerns(answers, shown):
    notice = _notice(build_summary(answers), "mild_symptoms")
    assert (notice is not None) == shown
    if shown:
        assert "guided self-help" in notice["text"]


def test_the_breastfeeding_mother_reads_her_notices_on_the_results_page(client):
    with_answers(client, breastfeeding_mother_in_canada())
    html = client.get("/results/").content.decode()
    assert 'id="notice-breastfeeding"' in html and 'id="notice-mild_symptoms"' in html
    assert "Sertraline is one" in html


def test_the_crisis_notice_still_comes_first_for_a_young_person(client):
    data = build_summary(crisis_answers(age_band="under_18"))
    codes_shown = [notice["code"] for notice in data["notices"]]
    assert codes_shown[0] == "crisis" and "youth" in codes_shown


def test_the_place_step_posts_without_javascript():
    # The nation is on the same step as the region, so no script is needed to ask it.
    assert "uk_nation" in form_data("place", widow_in_scotland())


def test_a_young_person_who_did_not_choose_low_mood_reads_fluoxetine_only_as_low_moods_medicine():
    """The youth rows replace medicine's own; fluoxetine, its weeks and its months are NG134's for
    low mood, so for a young person drinking they are said to be about low mood, never theirs."""
    summary = build_summary(mild_answers(age_band="under_18", concerns=["substance_use"]))
    medicine = next(option for option in summary["options"] if option["slug"] == "medication")
    texts = [fact.get("brief") or "" for fact in medicine["facts"]] + [fact["text"] for fact in medicine["facts"]]
    sentences = [s for text in texts for s in re.split(r"(?<=[.!?])\s+", text)]
    for words in ("fluoxetine", "2 to 4 weeks", "6 months"):
        said = [sentence for sentence in sentences if words in sentence]
        assert said and all("low mood" in sentence for sentence in said), (words, said)

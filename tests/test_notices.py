"""The summary's notices: each shown exactly when its condition holds, in plain words."""

import pytest
from hypothesis import given

from decisionaid import codes
from decisionaid.content.models import (
    Resource,
)
from decisionaid.summary import build_summary
from tests.factories import (
    mild_answers,
    minimal_answers,
)
from tests.summary_helpers import (
    HYPOTHESIS,
    answers_strategy,
    with_totals,
)

pytestmark = pytest.mark.django_db


def expected_notices(answers: dict) -> list[str]:
    expected = []
    if answers["in_danger_now"] or answers["phq9_9"] > 0:
        expected.append("crisis")
    if sum(answers[f"phq9_{n}"] for n in range(1, 10)) >= 20:
        expected.append("severe_depression")
    adult = answers["age_band"] != "under_18"  # the less severe notice is the adults' guideline's
    if (
        sum(answers[f"phq9_{n}"] for n in range(1, 10)) < 16
        and "depression" in (answers.get("concerns") or [])
        and adult
    ):
        expected.append("less_severe_depression")
    if answers["age_band"] == "under_18":
        expected.append("youth")
    if answers["age_band"] == "65_plus":
        expected.append("older_adult")
    if answers.get("pregnant_or_breastfeeding") in ("pregnant", "planning", "yes"):
        expected.append("pregnancy_medication")
    if answers.get("pregnant_or_breastfeeding") == "breastfeeding":
        expected.append("breastfeeding")
    gad7_given = all(f"gad7_{n}" in answers for n in range(1, 8))
    gad7 = sum(answers.get(f"gad7_{n}", 0) for n in range(1, 8))
    mild = sum(answers[f"phq9_{n}"] for n in range(1, 10)) < 10 and (not gad7_given or gad7 < 10)
    if mild and "crisis" not in expected:
        expected.append("mild_symptoms")
    # The dangers that come with some concerns (issue 23.2, 23.5).
    concerns = answers.get("concerns") or []
    if "eating" in concerns:
        expected.append("physical_risk")
    if "substance_use" in concerns:
        expected.append("alcohol_withdrawal")
    if "ocd" in (concerns or ["depression"]) and answers.get("pregnant_or_breastfeeding") in (
        "pregnant",
        "breastfeeding",
        "yes",
    ):
        expected.append("perinatal_ocd")
    # Always: the choices beyond our five.
    expected.append("other_options")
    return expected


@HYPOTHESIS
@given(answers=answers_strategy())
def test_each_notice_appears_exactly_when_its_condition_holds(answers):
    data = build_summary(answers)
    codes_shown = [notice["code"] for notice in data["notices"]]
    assert codes_shown == expected_notices(answers)
    assert all(notice["text"] for notice in data["notices"])


@pytest.mark.parametrize(
    ("answers", "code"),
    [
        (with_totals(20), "severe_depression"),
        (minimal_answers(age_band="under_18"), "youth"),
        (mild_answers(pregnant_or_breastfeeding="yes"), "pregnancy_medication"),
    ],
    ids=["severe", "youth", "pregnancy"],
)
def test_a_notice_is_shown_for_its_condition(answers, code):
    assert code in [notice["code"] for notice in build_summary(answers)["notices"]]


@pytest.mark.parametrize(
    "answers",
    [
        with_totals(19),
        with_totals(12, age_band="18_24"),
        with_totals(12, 3, pregnant_or_breastfeeding="prefer_not_say", concerns=["anxiety"]),
    ],
    ids=["phq9-19", "adult", "pregnancy-not-said"],
)
def test_no_notice_is_shown_without_its_condition(answers):
    assert [notice["code"] for notice in build_summary(answers)["notices"]] == ["other_options"]


def test_the_youth_notice_lists_the_regions_services_for_young_people():
    notice = build_summary(minimal_answers(age_band="under_18", region="CA"))["notices"][0]
    stored = list(Resource.objects.filter(region__code="CA", kind="youth").values_list("name", flat=True))
    assert notice["code"] == "youth"
    assert [resource["name"] for resource in notice["resources"]] == stored
    assert "adults" in notice["text"]


def test_the_youth_notice_says_where_to_ask_when_the_region_has_no_youth_services():
    with_youth = set(Resource.objects.filter(kind="youth").values_list("region__code", flat=True))
    without = [code for code, _label in codes.REGIONS if code not in with_youth and code != "OTHER"]
    if not without:
        pytest.skip("every region has services for young people")
    notice = build_summary(minimal_answers(age_band="under_18", region=without[0]))["notices"][0]
    assert notice["code"] == "youth"
    assert notice["resources"] == []
    assert notice["text"].endswith(".")


def test_the_pregnancy_notice_says_not_to_stop_medicine_suddenly_without_advice():
    notices = build_summary(mild_answers(pregnant_or_breastfeeding="yes"))["notices"]
    notice = next(notice for notice in notices if notice["code"] == "pregnancy_medication")
    assert "Do not stop" in notice["text"]
    assert "without advice" in notice["text"]


@pytest.mark.parametrize(("total", "shown"), [(0, True), (15, True), (16, False), (27, False)])
def test_less_severe_low_mood_is_told_medicine_is_not_the_usual_first_choice(total, shown):
    # NICE NG222 1.5.3, for a PHQ-9 under 16 (NG222's "less severe") in someone who chose low mood.
    data = build_summary(with_totals(total, concerns=["depression"]))
    notice = next((notice for notice in data["notices"] if notice["code"] == "less_severe_depression"), None)
    assert (notice is not None) == shown
    if shown:
        assert "should not be the usual first choice" in notice["text"]
        assert notice["sources"] == ["nice-ng222"]


def test_the_less_severe_notice_needs_low_mood_to_be_a_chosen_concern():
    data = build_summary(with_totals(8, concerns=["panic"]))
    assert "less_severe_depression" not in [notice["code"] for notice in data["notices"]]


def test_everyone_is_told_of_the_choices_beyond_these_five_and_to_ask_a_clinician():
    notice = build_summary(minimal_answers())["notices"][-1]
    assert notice["code"] == "other_options"
    assert "other care often comes first" in notice["text"]
    assert "doctor or therapist can tell you more" in notice["text"]
    assert notice["sources"] == ["nice-ng222"]


def test_a_young_person_reads_no_adult_medicine_advice_in_the_low_mood_notices():
    """NG222's "unless you would prefer it" and "add medicine" are for adults; a young person's
    medicine is a specialist's, with therapy (the youth notice)."""
    mild = build_summary(mild_answers(age_band="under_18", concerns=["depression"]))
    assert "less_severe_depression" not in [n["code"] for n in mild["notices"]]
    assert "youth" in [n["code"] for n in mild["notices"]]
    severe = build_summary(with_totals(22, age_band="under_18"))
    text = next(n["text"] for n in severe["notices"] if n["code"] == "severe_depression")
    assert "add medicine" not in text and "see a doctor" in text
    adult = build_summary(with_totals(22, age_band="25_64"))
    assert "add medicine" in next(n["text"] for n in adult["notices"] if n["code"] == "severe_depression")

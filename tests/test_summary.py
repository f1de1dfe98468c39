"""The summary: one object for every view, valid against the contract, complete and balanced."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import given

from decisionaid import codes, summary
from decisionaid.content import snapshot
from decisionaid.content.models import (
    Concern,
    Evidence,
    FitRule,
    Option,
    OptionFact,
    Region,
    Resource,
    Source,
)
from decisionaid.summary import build_summary, validate_answers
from tests.factories import (
    ALL_CONCERNS,
    crisis_answers,
    maximal_answers,
    mild_answers,
    minimal_answers,
)
from tests.summary_helpers import (
    FACTORIES,
    HYPOTHESIS,
    ROOT,
    SHARED,
    all_strings,
    answers_strategy,
    schema_errors,
    with_totals,
)

pytestmark = pytest.mark.django_db


# --- The contract ------------------------------------------------------------------------------


@pytest.mark.skipif(not SHARED.is_dir(), reason="no upstream copy of the contract beside this clone")
@pytest.mark.parametrize("name", ["answers", "summary"])
def test_the_app_copy_of_the_contract_is_identical_to_the_shared_one(name):
    copy = ROOT / "decisionaid" / "contract" / f"{name}.schema.json"
    assert copy.read_bytes() == (SHARED / f"{name}.schema.json").read_bytes()


@pytest.mark.parametrize("name", FACTORIES)
def test_the_summary_validates_against_the_contract(contract_schema, name):
    data = build_summary(FACTORIES[name]())
    assert schema_errors(contract_schema, data) == []
    json.dumps(data)  # plain data, ready for JSON as it is


@HYPOTHESIS
@given(answers=answers_strategy())
def test_any_valid_answers_give_a_summary_that_validates(contract_schema, answers):
    assert validate_answers(answers) == []
    data = build_summary(answers)
    assert schema_errors(contract_schema, data) == []
    json.dumps(data)


# --- Options: all five, same order, same rows, no ranking ------------------------------------------


@HYPOTHESIS
@given(answers=answers_strategy())
def test_all_five_options_are_listed_in_the_same_order_with_the_same_rows_whatever_the_answers(answers):
    data = build_summary(answers)
    assert [option["slug"] for option in data["options"]] == list(
        Option.objects.order_by("order").values_list("slug", flat=True)
    )
    assert len(data["options"]) == 5
    rows = [row for row, _label in OptionFact.Row.choices]
    expected_concerns = answers.get("concerns") or ["depression"]
    for option in data["options"]:
        assert [fact["row"] for fact in option["facts"]] == rows
        assert [item["concern"] for item in option["evidence"]] == expected_concerns
        assert {"fits", "considerations", "fit_reasons", "consideration_reasons", "time", "cost"} <= set(option)


@HYPOTHESIS
@given(answers=answers_strategy())
def test_no_text_recommends_or_ranks_an_option(answers):
    data = build_summary(answers)
    # Citations are publishers' own titles, not our words to the person.
    for text in all_strings({key: value for key, value in data.items() if key != "sources"}):
        if re.fullmatch(r"[a-z0-9_]+", text):
            continue  # a code, such as the evidence level "not_recommended", not words a person reads
        # "Not recommended" is an evidence level (a guideline advises against it), not advice from us.
        lowered = text.lower().replace("not recommended", "")
        assert "recommend" not in lowered, text
        assert "best option" not in lowered, text
        assert "we suggest" not in lowered, text
    for option in data["options"]:
        assert not {"rank", "score", "recommended", "best", "match"} & set(option)


def test_every_option_has_the_eight_facts_from_the_content():
    # Each row's own words first; study findings of the person's concerns may follow.
    data = build_summary(mild_answers())
    for option in data["options"]:
        stored = dict(OptionFact.objects.filter(option__slug=option["slug"]).values_list("row", "text"))
        assert {fact["row"] for fact in option["facts"]} == set(stored)
        for fact in option["facts"]:
            assert fact["text"].startswith(stored[fact["row"]]), (option["slug"], fact["row"])
        assert all(fact["label"] for fact in option["facts"])


def test_evidence_is_given_for_each_chosen_concern_with_its_level_and_sources():
    data = build_summary(mild_answers(concerns=["anxiety", "sleep"]))
    for option in data["options"]:
        assert [item["concern"] for item in option["evidence"]] == ["anxiety", "sleep"]
        for item in option["evidence"]:
            stored = Evidence.objects.get(option__slug=option["slug"], concern__code=item["concern"])
            assert item["level"] == stored.level
            assert item["summary"] == stored.summary
            assert sorted(item["sources"]) == sorted(stored.sources.values_list("key", flat=True))
            assert item["concern_label"] == dict(codes.CONCERNS)[item["concern"]]
            assert item["level_label"] == dict(codes.EVIDENCE_LEVELS)[item["level"]]


def test_evidence_is_for_depression_when_no_concern_is_chosen():
    data = build_summary(minimal_answers())
    for option in data["options"]:
        assert [item["concern"] for item in option["evidence"]] == ["depression"]


def test_the_maximal_person_gets_evidence_for_every_concern():
    data = build_summary(maximal_answers())
    for option in data["options"]:
        assert [item["concern"] for item in option["evidence"]] == ALL_CONCERNS


# --- Crisis -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("item_9", [1, 2, 3])
def test_crisis_is_active_for_any_item_9_answer_above_not_at_all(item_9):
    data = build_summary(minimal_answers(phq9_9=item_9))
    assert data["crisis"]["active"] is True
    assert data["notices"][0]["code"] == "crisis"


def test_crisis_is_active_when_the_person_is_in_danger_now():
    data = build_summary(minimal_answers(in_danger_now=True))
    assert data["crisis"]["active"] is True
    assert data["notices"][0]["code"] == "crisis"
    assert data["emergency_number"] in data["notices"][0]["text"]


@pytest.mark.parametrize("region", [code for code, _label in codes.REGIONS])
def test_crisis_lines_are_present_even_when_crisis_is_not_active(region):
    data = build_summary(minimal_answers(region=region))
    assert data["crisis"]["active"] is False
    assert data["crisis"]["resources"]
    assert all(line["name"] and line["contact"] for line in data["crisis"]["resources"])
    assert data["emergency_number"]
    assert data["referral"]["resources"]


def test_crisis_lines_are_the_persons_own_region():
    data = build_summary(minimal_answers(region="US"))
    stored = list(Resource.objects.filter(region__code="US", kind="crisis").values_list("name", flat=True))
    assert [line["name"] for line in data["crisis"]["resources"]] == stored
    assert data["emergency_number"] == Region.objects.get(code="US").emergency_number


# --- Scores ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "moderately_severe"),
        (19, "moderately_severe"),
        (20, "severe"),
        (27, "severe"),
    ],
)
def test_phq9_bands_at_every_cut_point(total, band):
    data = build_summary(with_totals(total))
    assert data["scores"]["phq9"]["total"] == total
    assert data["scores"]["phq9"]["band"] == band
    assert data["scores"]["phq9"]["band_label"]


@pytest.mark.parametrize(
    ("total", "band"),
    [
        (0, "minimal"),
        (4, "minimal"),
        (5, "mild"),
        (9, "mild"),
        (10, "moderate"),
        (14, "moderate"),
        (15, "severe"),
        (21, "severe"),
    ],
)
def test_gad7_bands_at_every_cut_point(total, band):
    data = build_summary(with_totals(3, total))
    assert data["scores"]["gad7"]["total"] == total
    assert data["scores"]["gad7"]["band"] == band


def test_gad7_is_null_when_any_item_is_missing():
    answers = mild_answers()
    del answers["gad7_4"]
    assert build_summary(answers)["scores"]["gad7"] is None
    assert build_summary(minimal_answers())["scores"]["gad7"] is None


def test_scores_say_they_are_screening_not_a_diagnosis():
    note = build_summary(mild_answers())["scores"]["note"]
    assert "screening" in note
    assert "not a diagnosis" in note


# --- Values, numbers, questions, referral, echo ------------------------------------------------------


def test_every_source_key_written_in_the_code_exists_in_the_content():
    keys = {key for sources in summary.SCORE_SOURCES.values() for key in sources}
    keys.add(summary.GUIDELINE_SOURCE)
    stored = set(Source.objects.filter(key__in=keys).values_list("key", flat=True))
    assert keys - stored == set()


@HYPOTHESIS
@given(answers=answers_strategy())
def test_there_are_5_to_10_questions_for_the_clinician(answers):
    questions = build_summary(answers)["questions_for_clinician"]
    assert 5 <= len(questions) <= 10
    assert len(set(questions)) == len(questions)
    assert all(question.endswith("?") for question in questions)


def test_questions_follow_the_answers():
    crisis = build_summary(crisis_answers(medication_view="open", pregnant_or_breastfeeding="yes"))
    assert any("unsafe" in question for question in crisis["questions_for_clinician"])
    assert any("pregnant" in question for question in crisis["questions_for_clinician"])
    assert any("side effects" in question for question in crisis["questions_for_clinician"])
    calm = build_summary(minimal_answers(medication_view="prefer_not"))
    assert not any("unsafe" in question for question in calm["questions_for_clinician"])
    assert not any("side effects" in question for question in calm["questions_for_clinician"])


def test_the_referral_says_the_aid_does_not_replace_a_professional():
    referral = build_summary(minimal_answers(region="AU"))["referral"]
    assert "does not replace a professional" in referral["text"]
    stored = list(Resource.objects.filter(region__code="AU", kind="professional").values_list("name", flat=True))
    assert [resource["name"] for resource in referral["resources"]] == stored


def test_answers_echo_gives_plain_labels_for_the_header():
    echo = build_summary(mild_answers())["answers_echo"]
    assert echo["region_name"] == "United Kingdom"
    assert echo["age_band_label"] == "25 to 64"
    assert [concern["label"] for concern in echo["concerns"]] == ["Feeling low or depressed", "Worry or anxiety"]
    assert [goal["code"] for goal in echo["goals"]] == ["coping_skills", "symptom_relief"]


def test_content_version_and_review_date_are_given():
    data = build_summary(minimal_answers())
    assert data["content_version"] == data["content"]["version"] != "unknown"
    assert data["content"]["reviewed_on"]


# --- Sources: every key cited in full, none left dangling ---------------------------------------------


def used_keys(data: dict) -> set[str]:
    """Every source key cited anywhere in the summary, outside the source list itself."""
    keys = set()

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                if key == "sources" and all(isinstance(k, str) for k in item):
                    keys.update(item)
                elif key == "source" and isinstance(item, str):
                    keys.add(item)
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk({key: value for key, value in data.items() if key != "sources"})
    return keys


@HYPOTHESIS
@given(answers=answers_strategy())
def test_every_source_key_used_resolves_to_a_full_citation(answers):
    data = build_summary(answers)
    cited = {source["key"]: source for source in data["sources"]}
    assert used_keys(data) == set(cited)
    for source in cited.values():
        assert source["citation"]
        assert isinstance(source["approximate"], bool)


def test_sources_carry_the_doi_when_the_content_has_one():
    data = build_summary(maximal_answers())
    stored = dict(Source.objects.exclude(doi="").values_list("key", "doi"))
    for source in data["sources"]:
        assert source.get("doi", "") == stored.get(source["key"], "")


# --- SURE ----------------------------------------------------------------------------------------------


def test_sure_answers_are_carried_into_the_summary():
    sure = {"sure_of_myself": "no", "understand_information": "yes", "risk_benefit_ratio": "yes", "encouragement": "no"}
    data = build_summary(mild_answers(), sure=sure)["sure"]
    assert [item["answer"] for item in data["items"]] == ["no", "yes", "yes", "no"]
    assert data["answered"] and data["any_no"] and not data["all_yes"]
    assert [item["letter"] for item in data["items"]] == ["S", "U", "R", "E"]
    assert all(item["help"] for item in data["items"])


def test_sure_is_unanswered_without_answers_and_ignores_forged_values():
    assert build_summary(mild_answers())["sure"]["answered"] is False
    forged = build_summary(mild_answers(), sure={"sure_of_myself": "maybe", "bogus": "yes"})["sure"]
    assert all(item["answer"] is None for item in forged["items"])


# --- Queries ------------------------------------------------------------------------------------------


# Reading the content afresh is one query for each content model and one for each of its
# many-to-many fields; once cached, a summary costs none (tests/test_content_snapshot.py).


# 2026.4 added four (group and nation texts, with their sources); 2026.5 five (fit rules'
# concerns, evidence scopes and other care, each with its sources); 2026.6 three (study
# findings, with their concerns and sources).
CONTENT_QUERIES = 42


@pytest.mark.parametrize("name", FACTORIES)
def test_a_summary_takes_a_fixed_handful_of_queries(django_assert_max_num_queries, name):
    with django_assert_max_num_queries(CONTENT_QUERIES):
        build_summary(FACTORIES[name]())


def test_the_query_count_stays_flat_as_the_content_grows(django_assert_num_queries):
    # Intended to prevent an N+1: more rules, evidence sources and lines must not add queries.
    with CaptureQueriesContext(connection) as before:
        build_summary(maximal_answers())
    extra = Source.objects.create(key="extra-source", label="Extra 2026", citation="An extra source.")
    for option in Option.objects.all():
        for index in range(10):
            rule = FitRule.objects.create(
                option=option,
                question="goals",
                value="work",
                kind=FitRule.Kind.FIT,
                text=f"Extra sentence {index}.",
                reviewed_on="2026-01-01",
            )
            rule.sources.add(extra)
        for evidence in Evidence.objects.filter(option=option):
            evidence.sources.add(extra)
    region = Region.objects.get(code="UK")
    for index in range(10):
        Resource.objects.create(region=region, kind="crisis", name=f"Line {index}", contact="123", order=50 + index)
    assert Concern.objects.count() == 14
    snapshot.forget()  # the saves above commit only when the test ends: read the content afresh
    with django_assert_num_queries(len(before.captured_queries)):
        data = build_summary(maximal_answers())
    assert "extra-source" in {source["key"] for source in data["sources"]}


def test_the_glossary_explains_each_technical_word_in_plain_words():
    data = build_summary(minimal_answers())
    terms = {term["term"]: term for term in data["glossary"]}
    for word in ("Psychodynamic therapy", "Prescriber", "SSRI", "DIT", "CBT-I", "Withdrawal", "Dummy pill"):
        assert terms[word]["meaning"], word
    cited = {source["key"] for source in data["sources"]}
    assert {key for term in data["glossary"] for key in term["sources"]} <= cited


def test_the_sure_test_cites_its_source():
    data = build_summary(minimal_answers())
    assert all(item["sources"] == ["legare-2010"] for item in data["sure"]["items"])
    assert "legare-2010" in {source["key"] for source in data["sources"]}

"""The summary: one object for every view, valid against the contract, complete and balanced."""

import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from decisionaid import codes, summary
from decisionaid.content.models import Concern, Evidence, FitRule, Option, OptionFact, Region, Resource, Source
from decisionaid.summary import NUMBERS, build_summary, validate_answers
from tests.factories import (
    ALL_CONCERNS,
    crisis_answers,
    gad7,
    maximal_answers,
    mild_answers,
    minimal_answers,
    phq9,
    severe_answers,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "contract"
ANSWERS_SCHEMA = json.loads((SHARED / "answers.schema.json").read_text())
FACTORIES = {
    "mild": mild_answers,
    "severe": severe_answers,
    "crisis": crisis_answers,
    "minimal": minimal_answers,
    "maximal": maximal_answers,
}
HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


# --- Answers from the contract, for property tests ------------------------------------------


def _strategy_for(spec: dict) -> st.SearchStrategy:
    if "$ref" in spec:
        return _strategy_for(ANSWERS_SCHEMA["$defs"][spec["$ref"].rsplit("/", 1)[1]])
    if "enum" in spec:
        return st.sampled_from(spec["enum"])
    kind = spec.get("type")
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(spec["minimum"], spec["maximum"])
    if kind == ["number", "null"]:
        low, high = spec["minimum"], spec["maximum"]
        return st.one_of(
            st.none(),
            st.integers(low, high),
            st.floats(low, high, allow_nan=False, allow_infinity=False).map(lambda fee: round(fee, 2)),
        )
    if kind == "array":
        return st.lists(st.sampled_from(spec["items"]["enum"]), unique=True)
    if kind == "object":
        return st.fixed_dictionaries(
            {}, optional={name: _strategy_for(sub) for name, sub in spec["properties"].items()}
        )
    raise AssertionError(f"No strategy for {spec}")


def answers_strategy() -> st.SearchStrategy:
    """Any valid answer set: the required codes always, every other code maybe."""
    properties = ANSWERS_SCHEMA["properties"]
    required = ANSWERS_SCHEMA["required"]
    return st.fixed_dictionaries(
        {name: _strategy_for(properties[name]) for name in required},
        optional={name: _strategy_for(spec) for name, spec in properties.items() if name not in required},
    )


def with_totals(phq9_total: int, gad7_total: int | None = None, **overrides) -> dict:
    """Minimal answers whose PHQ-9 (item 9 kept at 0 up to 24) and GAD-7 add up to the totals."""
    items = [*_spread(min(phq9_total, 24), 8), max(phq9_total - 24, 0)]
    answers = minimal_answers(**phq9(*items))
    if gad7_total is not None:
        answers.update(gad7(*_spread(gad7_total, 7)))
    answers.update(overrides)
    return answers


def _spread(total: int, count: int) -> list[int]:
    items = []
    for _index in range(count):
        item = min(3, total)
        items.append(item)
        total -= item
    return items


def all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)


def validator(contract_schema):
    return Draft202012Validator(contract_schema("summary"))


def schema_errors(contract_schema, data) -> list[str]:
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator(contract_schema).iter_errors(data)]


# --- The contract ------------------------------------------------------------------------------


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
    for text in all_strings(data):
        lowered = text.lower()
        assert "recommend" not in lowered, text
        assert "best option" not in lowered, text
        assert "we suggest" not in lowered, text
    for option in data["options"]:
        assert not {"rank", "score", "recommended", "best", "match"} & set(option)


def test_every_option_has_the_eight_facts_from_the_content():
    data = build_summary(mild_answers())
    for option in data["options"]:
        stored = dict(OptionFact.objects.filter(option__slug=option["slug"]).values_list("row", "text"))
        assert {fact["row"]: fact["text"] for fact in option["facts"]} == stored
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


# --- Notices ---------------------------------------------------------------------------------------


def expected_notices(answers: dict) -> list[str]:
    expected = []
    if answers["in_danger_now"] or answers["phq9_9"] > 0:
        expected.append("crisis")
    if sum(answers[f"phq9_{n}"] for n in range(1, 10)) >= 20:
        expected.append("severe_depression")
    if answers["age_band"] == "under_18":
        expected.append("youth")
    if answers.get("pregnant_or_breastfeeding") == "yes":
        expected.append("pregnancy_medication")
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
    [with_totals(19), minimal_answers(age_band="18_24"), mild_answers(pregnant_or_breastfeeding="prefer_not_say")],
    ids=["phq9-19", "adult", "pregnancy-not-said"],
)
def test_no_notice_is_shown_without_its_condition(answers):
    assert build_summary(answers)["notices"] == []


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
    notice = build_summary(mild_answers(pregnant_or_breastfeeding="yes"))["notices"][0]
    assert "Do not stop" in notice["text"]
    assert "without advice" in notice["text"]


# --- Fits and considerations: every sentence traceable to an answer -----------------------------------


def _person_said(answers: dict, question: str, value: str) -> bool:
    if question.startswith("importance."):
        given = (answers.get("importance") or {}).get(question.split(".", 1)[1])
        if given is None:
            return False
        return given >= 3 if value == "high" else given <= 1 if value == "low" else str(given) == value
    given = answers.get(question)
    if isinstance(given, list):
        return value in given
    if isinstance(given, bool):
        return value == str(given).lower()
    return given is not None and str(given) == value


@HYPOTHESIS
@given(answers=answers_strategy())
def test_every_fit_and_consideration_is_traceable_to_an_answer_the_person_gave(answers):
    data = build_summary(answers)
    for option in data["options"]:
        assert option["fits"] == [reason["text"] for reason in option["fit_reasons"]]
        assert option["considerations"] == [reason["text"] for reason in option["consideration_reasons"]]
        for reason in option["fit_reasons"] + option["consideration_reasons"]:
            assert _person_said(answers, reason["question"], reason["value"]), reason
            assert reason["answer_label"]


def test_every_matching_fit_rule_is_shown_with_the_answer_that_caused_it():
    answers = mild_answers()
    data = build_summary(answers)
    by_slug = {option["slug"]: option for option in data["options"]}
    for rule in FitRule.objects.select_related("option"):
        option = by_slug[rule.option.slug]
        reasons = option["fit_reasons"] if rule.kind == FitRule.Kind.FIT else option["consideration_reasons"]
        shown = [reason for reason in reasons if reason["text"] == rule.text]
        assert bool(shown) == _person_said(answers, rule.question, rule.value), rule


def test_a_because_you_said_label_names_the_answer_in_plain_words():
    answers = mild_answers(style="structured")
    assert summary.answer_label("style", "structured") == dict(codes.STYLES)["structured"]
    assert summary.answer_label("importance.low_cost", 3) == "Keeping the cost low: matters a lot"
    assert summary.answer_label("goals", "work") == dict(codes.GOALS)["work"]
    data = build_summary(answers)
    for option in data["options"]:
        for reason in option["fit_reasons"] + option["consideration_reasons"]:
            assert reason["answer_label"] == summary.answer_label(reason["question"], reason["answer"])


def test_high_importance_means_3_or_4():
    assert summary.match_rule("importance.low_cost", "high", {"importance": {"low_cost": 3}}) == 3
    assert summary.match_rule("importance.low_cost", "high", {"importance": {"low_cost": 4}}) == 4
    assert summary.match_rule("importance.low_cost", "high", {"importance": {"low_cost": 2}}) is None
    assert summary.match_rule("importance.low_cost", "high", {}) is None
    assert summary.match_rule("goals", "work", {"goals": ["work"]}) == "work"
    assert summary.match_rule("goals", "work", {"goals": ["self_esteem"]}) is None
    assert summary.match_rule("style", "structured", {"style": "structured"}) == "structured"
    assert summary.match_rule("style", "structured", {"style": "open_ended"}) is None


# --- Cost and time -----------------------------------------------------------------------------------


@HYPOTHESIS
@given(answers=answers_strategy())
def test_cost_is_the_fee_times_the_number_of_sessions(answers):
    data = build_summary(answers)
    sessions = {row["slug"]: row for row in Option.objects.values("slug", "sessions_low", "sessions_high")}
    fee = answers.get("session_fee")
    region = Region.objects.get(code=answers["region"])
    for option in data["options"]:
        stored = sessions[option["slug"]]
        cost = option["cost"]
        assert cost["currency"] == region.currency
        assert region.payment in cost["notes"]
        if fee is None or stored["sessions_low"] is None:
            assert cost["low"] is None and cost["high"] is None
            assert cost["display"] == "We can't estimate this."
        else:
            assert Decimal(str(cost["low"])) == (Decimal(str(fee)) * stored["sessions_low"]).quantize(Decimal("0.01"))
            assert Decimal(str(cost["high"])) == (Decimal(str(fee)) * stored["sessions_high"]).quantize(Decimal("0.01"))
        assert option["time"]["sessions_low"] == stored["sessions_low"]
        assert option["time"]["sessions_high"] == stored["sessions_high"]


def test_cost_for_a_60_pound_fee_is_shown_as_a_range_in_pounds():
    data = build_summary(mild_answers(session_fee=60))
    for option in data["options"]:
        stored = Option.objects.get(slug=option["slug"])
        if stored.sessions_low is None:
            assert option["cost"]["display"] == "We can't estimate this."
            continue
        assert option["cost"]["low"] == 60 * stored.sessions_low
        assert option["cost"]["high"] == 60 * stored.sessions_high
        assert option["cost"]["display"].startswith(f"£{60 * stored.sessions_low:,}")


def test_when_low_cost_matters_a_lot_each_option_names_its_cost():
    data = build_summary(mild_answers(session_fee=60, importance={"low_cost": 4}))
    for option in data["options"]:
        cost_reasons = [r for r in option["consideration_reasons"] if r["question"] == "importance.low_cost"]
        assert len(cost_reasons) >= 1, option["slug"]
        if option["cost"]["estimated"]:
            assert f"£{option['cost']['high']:,}" in " ".join(r["text"] for r in cost_reasons)


def test_money_is_formatted_with_the_regions_currency():
    assert summary.format_money(1200, "GBP") == "£1,200"
    assert summary.format_money(95.5, "CAD") == "CA$95.50"
    assert summary.format_money(60, "EUR") == "€60"
    assert summary.format_money(60, "") == "60"


# --- Values, numbers, questions, referral, echo ------------------------------------------------------


def test_values_list_each_importance_answer_with_its_label_and_related_sentences():
    answers = mild_answers()
    data = build_summary(answers)
    assert {value["code"] for value in data["values"]} == set(answers["importance"])
    for value in data["values"]:
        assert value["value"] == answers["importance"][value["code"]]
        assert value["label"] == dict(codes.IMPORTANCE_ITEMS)[value["code"]]
        assert value["value_label"] == dict(codes.IMPORTANCE_SCALE)[value["value"]]
        assert [option["slug"] for option in value["options"]] == [option["slug"] for option in data["options"]]
        for related, option in zip(value["options"], data["options"], strict=True):
            question = f"importance.{value['code']}"
            assert related["fits"] == [r["text"] for r in option["fit_reasons"] if r["question"] == question]
            assert related["considerations"] == [
                r["text"] for r in option["consideration_reasons"] if r["question"] == question
            ]


def test_values_are_empty_when_the_person_skipped_them():
    assert build_summary(minimal_answers())["values"] == []


def test_every_source_key_written_in_the_code_exists_in_the_content():
    keys = {figure["source"] for figure in NUMBERS}
    keys.add(summary.GUIDELINE_SOURCE)
    stored = set(Source.objects.filter(key__in=keys).values_list("key", flat=True))
    assert keys - stored == set()


def test_numbers_are_natural_frequencies_out_of_100_with_time_frame_and_uncertainty():
    data = build_summary(mild_answers())
    assert len(data["numbers"]) == len(NUMBERS)
    for figure in data["numbers"]:
        assert figure["denominator"] == 100
        assert len(figure["groups"]) == 2
        assert all(0 <= group["count"] <= 100 for group in figure["groups"])
        assert all(f"{group['count']} in 100" in group["text"] for group in figure["groups"])
        assert figure["time_frame"] and figure["uncertainty"]
        assert figure["sources"] == [figure["source"]]


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


# --- Answers validation --------------------------------------------------------------------------------


def test_valid_answers_have_no_problems():
    for factory in FACTORIES.values():
        assert validate_answers(factory()) == []


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"region": "FR"}, "region", "not an allowed code"),
        ({"phq9_3": 5}, "phq9_3", "out of range"),
        ({"phq9_3": -1}, "phq9_3", "out of range"),
        ({"phq9_3": "2"}, "phq9_3", "must be integer"),
        ({"in_danger_now": "no"}, "in_danger_now", "must be boolean"),
        ({"favourite_colour": "blue"}, "favourite_colour", "unknown question code"),
        ({"importance": {"quick_relief": 9}}, "importance.quick_relief", "out of range"),
        ({"importance": {"speed": 3}}, "importance.speed", "unknown question code"),
        ({"concerns": ["anxiety", "anxiety"]}, "concerns", "more than once"),
        ({"concerns": ["boredom"]}, "concerns.0", "not an allowed code"),
        ({"session_fee": -5}, "session_fee", "out of range"),
    ],
)
def test_invalid_answers_give_one_line_naming_the_field(change, field, words):
    problems = validate_answers(mild_answers(**change))
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{field}: ")
    assert words in problems[0]


def test_each_missing_required_answer_is_named():
    answers = mild_answers()
    del answers["phq9_9"]
    del answers["region"]
    assert validate_answers(answers) == ["phq9_9: this answer is required.", "region: this answer is required."]


def test_answers_that_are_not_an_object_are_named():
    assert validate_answers([1, 2]) == ["answers: must be object, not array."]


# --- Queries ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FACTORIES)
def test_a_summary_takes_a_few_flat_queries(django_assert_max_num_queries, name):
    with django_assert_max_num_queries(8):
        build_summary(FACTORIES[name]())


def test_the_query_count_stays_flat_as_the_content_grows(django_assert_max_num_queries):
    # Intended to prevent an N+1: more rules, evidence sources and lines must not add queries.
    extra = Source.objects.create(key="extra-source", citation="An extra source.")
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
    with django_assert_max_num_queries(8):
        data = build_summary(maximal_answers())
    assert "extra-source" in {source["key"] for source in data["sources"]}

"""Issue 23: the right first step for each concern, and the dangers that come with it, for the
three people of the second clinical review, through the summary and the pages."""

import json
from io import StringIO

import pytest
from django.core.management import call_command

from decisionaid.summary import build_summary, validate_answers
from tests.factories import gad7, phq9
from tests.questionnaire_helpers import page_text, with_answers

pytestmark = pytest.mark.django_db


def teen_in_australia(**overrides) -> dict:
    # 15, restricting food, with low mood.
    answers = {
        "region": "AU",
        "age_band": "under_18",
        "in_danger_now": False,
        **phq9(2, 2, 1, 2, 2, 2, 1, 1, 0),
        "concerns": ["eating", "depression"],
        "eating_pattern": "restricting",
        "commitment": "up_to_3_months",
    }
    return {**answers, **overrides}


def drinker_in_ireland(**overrides) -> dict:
    # 47, drinking heavily, nightmares after an assault.
    answers = {
        "region": "IE",
        "age_band": "25_64",
        "in_danger_now": False,
        **phq9(1, 1, 2, 1, 1, 1, 1, 0, 0),
        **gad7(2, 2, 1, 1, 1, 1, 1),
        "concerns": ["substance_use", "trauma"],
        "goals": ["symptom_relief"],
    }
    return {**answers, **overrides}


def pregnant_woman_in_england(**overrides) -> dict:
    # 24 weeks pregnant, OCD with unwanted thoughts of harm to the baby, on sertraline,
    # after psychodynamic therapy that did not help.
    answers = {
        "region": "UK",
        "age_band": "25_64",
        "in_danger_now": False,
        **phq9(1, 1, 1, 1, 0, 1, 1, 0, 0),
        "concerns": ["ocd"],
        "medication_view": "already_taking",
        "pregnant_or_breastfeeding": "pregnant",
        "past_treatments": ["psychodynamic", "medication"],
        "past_treatment_outcomes": {"psychodynamic": "did_not_help", "medication": "helped"},
    }
    return {**answers, **overrides}


def by_slug(summary: dict) -> dict:
    return {option["slug"]: option for option in summary["options"]}


def entry(summary: dict, slug: str, concern: str) -> dict:
    return next(e for e in by_slug(summary)[slug]["evidence"] if e["concern"] == concern)


def notice(summary: dict, code: str) -> dict | None:
    return next((n for n in summary["notices"] if n["code"] == code), None)


def concern_fits(summary: dict, slug: str, concern: str) -> list[str]:
    return [r["text"] for r in by_slug(summary)[slug]["fit_reasons"] if r["value"] == concern]


# 1. Eating problems by pattern and age (NICE NG69) ----------------------------------------------


def test_the_restricting_teenager_is_offered_family_therapy_first_and_never_waiting():
    data = build_summary(teen_in_australia())
    assert not validate_answers(teen_in_australia())
    self_help = entry(data, "self_help", "eating")
    assert self_help["guideline"]["position"] == "not_covered"
    assert "family therapy first" in self_help["summary"] and "Waiting" in self_help["summary"]
    assert concern_fits(data, "self_help", "eating") == []
    assert entry(data, "cbt", "eating")["guideline"]["position"] == "second_line"
    [care] = [c for c in data["other_care"] if c["concern"] == "eating"]
    assert "family therapy" in care["text"] and "nice-ng69-ifp" in care["sources"]
    # Only the row for young people, then Australia's own: not the general one as well.
    assert "different help for different eating problems" not in care["text"]
    assert care["text"].endswith("ask your GP.")
    # No option is a first choice for her eating problem.
    assert all(concern_fits(data, slug, "eating") == [] for slug in by_slug(data))
    assert entry(data, "medication", "eating")["level"] == "not_recommended"


def test_guided_self_help_comes_first_only_for_binge_eating_and_adult_bulimia():
    for pattern, age, first in [
        ("binge_eating", "under_18", True),
        ("binge_eating", "25_64", True),
        ("binge_purge", "25_64", True),
        ("binge_purge", "under_18", False),
        ("restricting", "25_64", False),
    ]:
        data = build_summary(teen_in_australia(eating_pattern=pattern, age_band=age))
        assert bool(concern_fits(data, "self_help", "eating")) == first, (pattern, age)


def test_an_adult_who_eats_too_little_gets_cbt_ed_first_with_its_own_course_length():
    data = build_summary(teen_in_australia(age_band="25_64"))
    cbt = entry(data, "cbt", "eating")
    assert cbt["guideline"]["position"] == "first_line" and "eat too little" in cbt["guideline"]["for"]
    assert "40 weeks" in cbt["summary"]
    assert concern_fits(data, "cbt", "eating")
    # The course length for low mood is not lent to eating problems (issue 23.7).
    considerations = by_slug(build_summary(teen_in_australia(age_band="25_64", concerns=["eating"])))["cbt"]
    texts = " ".join(considerations["considerations"])
    assert "20 to 40 weeks" in texts and "3 to 4 months" not in texts


# 2. Physical danger --------------------------------------------------------------------------------


def test_anyone_choosing_eating_is_told_to_see_a_gp_and_when_to_call_the_emergency_number():
    risk = notice(build_summary(teen_in_australia()), "physical_risk")
    assert "GP" in risk["text"] and "faint or have chest pain, call 000" in risk["text"]
    assert "parent" in risk["text"]
    assert [line["name"] for line in risk["resources"]] == ["Butterfly National Helpline"]
    assert "meed-2022" in risk["sources"]


def test_the_heavy_drinker_is_told_not_to_stop_suddenly_and_given_irelands_line():
    data = build_summary(drinker_in_ireland())
    alcohol = notice(data, "alcohol_withdrawal")
    assert "do not stop all at once" in alcohol["text"] and "fits" in alcohol["text"]
    assert "thoughts of suicide" in alcohol["text"]
    assert [line["contact"] for line in alcohol["resources"]] == ["1800 459 459"]
    assert {"nice-cg100", "borges-2017"} <= set(alcohol["sources"])
    codes = [n["code"] for n in data["notices"]]
    assert codes.index("alcohol_withdrawal") < codes.index("other_options")


# 3. Other care per concern -------------------------------------------------------------------------


def test_other_care_names_emdr_and_supervised_withdrawal_and_not_the_depression_list():
    data = build_summary(drinker_in_ireland())
    care = {c["concern"]: c for c in data["other_care"]}
    assert set(care) == {"substance_use", "trauma"}
    assert "EMDR" in care["trauma"]["text"]
    assert "supervised withdrawal" in care["substance_use"]["text"] and "AA" in care["substance_use"]["text"]
    assert "behavioural activation" not in json.dumps(data)
    assert "interpersonal therapy" in build_summary({**drinker_in_ireland(), "concerns": []})["other_care"][0]["text"]


def test_the_results_page_shows_the_other_care(client):
    with_answers(client, drinker_in_ireland())
    text = page_text(client.get("/results/").content.decode())
    assert "Care often offered first" in text and 'href="/results/care/"' in client.get("/results/").content.decode()
    # What it is, a click away.
    assert "EMDR" in page_text(client.get("/results/care/").content.decode())


# 4, 5. Pregnancy and perinatal OCD ---------------------------------------------------------------


def test_in_pregnancy_medicine_is_never_suggested_first_and_therapy_is():
    data = build_summary(pregnant_woman_in_england())
    for slug in ("medication", "combined"):
        assert entry(data, slug, "ocd")["guideline"]["position"] == "option"
        assert concern_fits(data, slug, "ocd") == []
    med = entry(data, "medication", "ocd")["summary"]
    assert "stop it slowly" in med and "carry on" in med and "lower risks" in med
    cbt = entry(data, "cbt", "ocd")
    assert cbt["guideline"]["code"] == "CG192" and "pregnancy" in cbt["guideline"]["for"]
    assert concern_fits(data, "cbt", "ocd")
    # Low mood in pregnancy: medicine is not first there either, and it says why.
    low = build_summary(pregnant_woman_in_england(concerns=["depression", "psychosis"]))
    assert concern_fits(low, "combined", "depression") == []
    psychosis = [r["text"] for r in by_slug(low)["medication"]["consideration_reasons"] if r["value"] == "psychosis"]
    assert any("pregnant" in text for text in psychosis)


def test_perinatal_ocd_thoughts_are_said_to_be_common_and_not_a_sign_of_acting():
    text = notice(build_summary(pregnant_woman_in_england()), "perinatal_ocd")["text"]
    assert "common" in text and "does not mean you will act" in text and "perinatal mental health team" in text
    assert notice(build_summary(pregnant_woman_in_england(pregnant_or_breastfeeding="no")), "perinatal_ocd") is None


# 6. Every first-line mark says for whom ------------------------------------------------------------


def test_every_first_line_mark_says_for_whom_and_unknown_severity_is_not_a_fit():
    data = build_summary(pregnant_woman_in_england(pregnant_or_breastfeeding="no", concerns=["ocd", "anxiety"]))
    for option in data["options"]:
        for item in option["evidence"]:
            if item.get("guideline", {}).get("position") == "first_line":
                assert item["guideline"]["for"], (option["slug"], item["concern"])
    assert concern_fits(data, "combined", "ocd") == [] and concern_fits(data, "self_help", "ocd") == []
    assert concern_fits(data, "cbt", "ocd")


# 7. Depression evidence lent to other concerns -----------------------------------------------------


def test_no_low_mood_evidence_or_cocaine_trial_is_shown_for_drinking_and_ptsd():
    data = build_summary(drinker_in_ireland())
    words = json.dumps([o["fits"] + o["considerations"] for o in data["options"]])
    assert "In studies of low mood" not in words
    assert "cocaine" in entry(data, "psychodynamic", "substance_use")["summary"]
    assert "For alcohol" in entry(data, "psychodynamic", "substance_use")["summary"]
    assert "depend on alcohol" in entry(data, "self_help", "substance_use")["summary"]


# 8. Past treatment outcomes ------------------------------------------------------------------------


def test_a_past_treatment_that_did_not_help_is_a_consideration_and_one_that_helped_a_fit():
    options = by_slug(build_summary(pregnant_woman_in_england()))
    assert any("did not help last time" in t for t in options["psychodynamic"]["considerations"])
    assert any("helped you before" in t for t in options["medication"]["fits"])
    # Medicine helped: nothing reads as if it failed.
    assert not any("different way to get help" in t for o in options.values() for t in o["fits"])


def test_the_past_step_asks_how_each_treatment_went_without_javascript(client):
    with_answers(client, pregnant_woman_in_england(past_treatments=[], past_treatment_outcomes={}))
    page = client.get("/questions/past/").content.decode()
    assert 'name="past_treatment_outcomes.psychodynamic"' in page
    response = client.post(
        "/questions/past/",
        {"past_treatments": ["psychodynamic"], "past_treatment_outcomes.psychodynamic": "did_not_help"},
    )
    assert response.status_code == 302
    from decisionaid.questionnaire.models import AnswerSet

    saved = AnswerSet.objects.latest("id").answers
    assert saved["past_treatment_outcomes"] == {"psychodynamic": "did_not_help"}
    # An outcome for a treatment not ticked gets a kind error, and nothing is lost.
    response = client.post("/questions/past/", {"past_treatment_outcomes.cbt": "helped"})
    assert response.status_code == 422 and "Please tick it above too" in response.content.decode()


def test_the_concerns_step_asks_the_eating_pattern_and_keeps_it_only_with_eating(client):
    from decisionaid.questionnaire.models import AnswerSet

    answers = teen_in_australia(concerns=[])
    del answers["eating_pattern"]
    with_answers(client, answers)
    assert 'name="eating_pattern"' in client.get("/questions/concerns/").content.decode()
    client.post("/questions/concerns/", {"concerns": ["eating"], "eating_pattern": "restricting"})
    assert AnswerSet.objects.latest("id").answers["eating_pattern"] == "restricting"
    client.post("/questions/concerns/", {"concerns": ["sleep"], "eating_pattern": "restricting"})
    assert "eating_pattern" not in AnswerSet.objects.latest("id").answers


# 9. Regional facts and the report ------------------------------------------------------------------


def test_australia_names_the_eating_disorder_plan_and_ireland_the_medical_card_charge():
    care = next(c for c in build_summary(teen_in_australia())["other_care"] if c["concern"] == "eating")
    assert "40 psychology sessions" in care["text"] and "20 dietitian sessions" in care["text"]
    medication = by_slug(build_summary(drinker_in_ireland()))["medication"]
    assert any("€1.50" in t and "€15 a month" in t for t in medication["considerations"])


def test_content_report_shows_each_first_line_scope_and_the_other_care():
    out = StringIO()
    call_command("content_report", stdout=out)
    text = out.getvalue()
    assert "NICE NG69: first_line for adults who eat too little" in text
    assert "NICE CG31: first_line for severe OCD (not asked)" in text
    assert "Other care" in text and "EMDR" in text


# Through `manage.py summarize` and the results page ------------------------------------------------


@pytest.mark.parametrize("person", [teen_in_australia, drinker_in_ireland, pregnant_woman_in_england])
def test_summarize_prints_a_valid_summary_for_each_reviewed_person(tmp_path, contract_schema, person):
    from jsonschema import Draft202012Validator

    path = tmp_path / "answers.json"
    path.write_text(json.dumps(person()))
    out = StringIO()
    call_command("summarize", str(path), stdout=out)
    summary = json.loads(out.getvalue())
    assert list(Draft202012Validator(contract_schema("summary")).iter_errors(summary)) == []
    assert summary["other_care"], person.__name__
    cited = {source["key"] for source in summary["sources"]}
    assert {key for care in summary["other_care"] for key in care["sources"]} <= cited


def test_the_results_pages_show_the_dangers_and_whom_each_first_choice_is_for(client):
    with_answers(client, teen_in_australia())
    teen = page_text(client.get("/results/").content.decode())
    assert "faint or have chest pain, call 000" in teen and "Butterfly National Helpline" in teen
    assert "40 psychology sessions" in page_text(client.get("/results/care/").content.decode())

    client.cookies.clear()
    with_answers(client, pregnant_woman_in_england())
    pregnant = page_text(client.get("/results/").content.decode())
    assert "does not mean you will act on them" in pregnant
    # Whom a first choice is for is in each option's details, a click away from the cards.
    cbt = page_text(client.get("/results/options/cbt/").content.decode())
    assert "Suggested first, for OCD in pregnancy or after birth" in cbt
    psychodynamic = page_text(client.get("/results/options/psychodynamic/").content.decode())
    assert "did not help last time" in pregnant + psychodynamic


def test_the_teenagers_low_mood_marks_are_for_young_people_not_adults():
    # NICE NG222's first choices are for adults; NG134 puts a talking therapy first for young people.
    data = build_summary(teen_in_australia())
    assert concern_fits(data, "self_help", "depression") == []
    assert entry(data, "cbt", "depression")["guideline"]["code"] == "NG134"
    assert concern_fits(data, "cbt", "depression") == [
        "NICE suggests this first for young people with low mood (a talking therapy)."
    ]
    assert entry(data, "medication", "depression")["guideline"]["position"] == "second_line"


def test_the_course_length_is_the_concerns_own_not_the_one_for_low_mood():
    data = build_summary(teen_in_australia(age_band="25_64", concerns=["eating"]))
    cbt = by_slug(data)["cbt"]
    course = next(fact for fact in cbt["facts"] if fact["row"] == "course")
    assert course["brief"] == "For eating problems: weekly for up to 40 weeks, twice a week at first."
    assert "3 to 4 months" not in course["brief"]
    assert [c["concern"] for c in cbt["time"]["by_concern"]] == ["eating"]
    ptsd = by_slug(build_summary(drinker_in_ireland()))["cbt"]
    assert "For PTSD: often 8 to 12 sessions." in next(f for f in ptsd["facts"] if f["row"] == "course")["text"]

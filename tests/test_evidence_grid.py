"""The evidence grid (5 options x 14 concerns): each cell's level follows EVIDENCE.md, is
sourced and plainly worded, says what the guideline says, and never calls a treatment
unstudied because our own sheet lacked a fact. Also the concerns' plain descriptions and
`manage.py content_report`."""

import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from decisionaid import codes
from decisionaid.content.models import Concern, Evidence, Source
from decisionaid.summary import build_summary
from decisionaid.summary.conditions import conditions
from decisionaid.summary.content import load
from tests.factories import maximal_answers, minimal_answers
from tests.readability import grade, sentences

pytestmark = pytest.mark.django_db

MAX_GRADE = 7.0
OPTIONS = ["psychodynamic", "cbt", "medication", "combined", "self_help"]

# The reviewed evidence table's proposed level of each cell, written out here so the test
# needs nothing outside the repository. Where the table gives two levels for one cell
# ("strong (more severe) / moderate (less severe)"), the first one listed is the cell's level
# and its summary names the other case.
EXPECTED_LEVELS = {
    #                 psychodynamic      cbt         medication         combined           self_help
    "depression": ("moderate", "strong", "strong", "strong", "moderate"),
    "anxiety": ("limited", "strong", "strong", "limited", "strong"),
    "panic": ("limited", "strong", "strong", "moderate", "moderate"),
    "relationships": ("limited", "moderate", "insufficient", "insufficient", "moderate"),
    "eating": ("moderate", "strong", "not_recommended", "limited", "strong"),
    "sleep": ("insufficient", "strong", "limited", "limited", "moderate"),
    "trauma": ("insufficient", "strong", "moderate", "limited", "moderate"),
    "ocd": ("insufficient", "strong", "strong", "strong", "moderate"),
    "psychosis": ("not_recommended", "moderate", "strong", "strong", "limited"),
    "substance_use": ("limited", "moderate", "moderate", "moderate", "moderate"),
    "grief": ("limited", "moderate", "limited", "limited", "moderate"),
    "personality": ("moderate", "moderate", "not_recommended", "not_recommended", "insufficient"),
    "self_esteem": ("insufficient", "limited", "insufficient", "insufficient", "limited"),
    "physical_stress": ("moderate", "moderate", "moderate", "insufficient", "moderate"),
}

# Guideline stances EVIDENCE.md verifies, one or more per guideline, checked cell by cell.
EXPECTED_GUIDELINES = {
    ("depression", "self_help"): ("NICE", "NG222", "first_line"),
    ("depression", "medication"): ("NICE", "NG222", "option"),
    ("anxiety", "self_help"): ("NICE", "CG113", "first_line"),
    ("panic", "cbt"): ("NICE", "CG113", "first_line"),
    ("eating", "medication"): ("NICE", "NG69", "not_recommended"),
    ("eating", "psychodynamic"): ("NICE", "NG69", "second_line"),
    ("sleep", "cbt"): ("NICE", "TA922", "first_line"),
    ("trauma", "cbt"): ("NICE", "NG116", "first_line"),
    ("ocd", "cbt"): ("NICE", "CG31", "first_line"),
    ("psychosis", "psychodynamic"): ("NICE", "CG178", "not_recommended"),
    ("psychosis", "combined"): ("NICE", "CG178", "first_line"),
    ("personality", "medication"): ("NICE", "CG78", "not_recommended"),
    ("physical_stress", "cbt"): ("NICE", "NG193", "option"),
}
# No guideline covers these concerns as conditions (EVIDENCE.md sections 4, 11, 13).
NO_GUIDELINE = ["relationships", "grief", "self_esteem"]

# Words that must never reach a patient: a missing fact turned into a verdict, or our notes.
NEVER_SHOWN = re.compile(
    r"no good studies|from memory|still to be checked|not yet checked|verify|\bseed\b|EVIDENCE\.md|FACTS\.md",
    re.I,
)


def cell(concern: str, option: str) -> Evidence:
    return Evidence.objects.get(concern__code=concern, option__slug=option)


def test_the_expected_table_covers_every_concern_of_the_contract():
    assert list(EXPECTED_LEVELS) == [code for code, _label in codes.CONCERNS]
    assert {level for row in EXPECTED_LEVELS.values() for level in row} <= dict(codes.EVIDENCE_LEVELS).keys()


def test_evidence_levels_are_exactly_the_contracts(contract_schema):
    levels = contract_schema("summary")["$defs"]["level"]["enum"]
    assert [code for code, _label in codes.EVIDENCE_LEVELS] == levels
    assert set(Evidence.objects.values_list("level", flat=True)) <= set(levels)


@pytest.mark.parametrize("concern", list(EXPECTED_LEVELS))
def test_every_options_level_for_the_concern_follows_evidence_md(concern):
    levels = dict(Evidence.objects.filter(concern__code=concern).values_list("option__slug", "level"))
    assert levels == dict(zip(OPTIONS, EXPECTED_LEVELS[concern], strict=True))


def test_the_grid_has_all_70_cells_and_no_more():
    assert Evidence.objects.count() == 70
    pairs = set(Evidence.objects.values_list("concern__code", "option__slug"))
    assert pairs == {(concern, option) for concern in EXPECTED_LEVELS for option in OPTIONS}


def test_every_cell_has_a_source_and_a_plain_summary_at_grade_7_or_below():
    for evidence in Evidence.objects.prefetch_related("sources"):
        assert evidence.sources.exists(), evidence
        assert 1 <= len(sentences(evidence.summary)) <= 2, evidence
        assert grade(evidence.summary) <= MAX_GRADE, f"{grade(evidence.summary):.1f}: {evidence.summary}"


def test_not_enough_research_is_said_only_with_the_search_or_review_that_found_little():
    # Each "insufficient" cell cites the search that found little, or a review that says so,
    # and its words say what was found, not that the option is worthless.
    for evidence in Evidence.objects.filter(level="insufficient").prefetch_related("sources"):
        keys = {source.key for source in evidence.sources.all()}
        assert keys & {"fonagy-2015", "leichsenring-2015", "gava-2007", "ponniah-2013"} or any(
            key.startswith("search-") for key in keys
        ), evidence
        assert re.search(r"\b(no trials?|few|small|only)\b", evidence.summary, re.I), evidence.summary


def test_searches_cited_for_not_enough_research_name_what_was_searched_for():
    for source in Source.objects.filter(key__startswith="search-"):
        assert re.search(r"Search of .+ for '.+'", source.citation), source.key
        assert source.evidence.exists(), source.key


def test_a_cells_sources_are_about_that_concern_where_the_source_is_condition_specific():
    # A guideline for one condition is never the source for another condition's cell.
    guideline_concerns = {
        "nice-ng222": {"depression"},
        "nice-cg113": {"anxiety", "panic"},
        "nice-cg31": {"ocd"},
        "nice-ng116": {"trauma"},
        "nice-ng69": {"eating"},
        "nice-qs175": {"eating"},
        "nice-cg178": {"psychosis"},
        "nice-cg115": {"substance_use"},
        "nice-cg51": {"substance_use"},
        "nice-cg78": {"personality"},
        "nice-ng193": {"physical_stress"},
        "nice-ta922": {"sleep"},
        "nice-mtg70": {"sleep"},
    }
    for evidence in Evidence.objects.select_related("concern").prefetch_related("sources"):
        for source in evidence.sources.all():
            allowed = guideline_concerns.get(source.key)
            assert allowed is None or evidence.concern.code in allowed, (str(evidence), source.key)


@pytest.mark.parametrize(("pair", "guideline"), list(EXPECTED_GUIDELINES.items()))
def test_the_guideline_position_is_given_where_evidence_md_shows_it(pair, guideline):
    evidence = cell(*pair)
    assert (evidence.guideline_body, evidence.guideline_code, evidence.guideline_position) == guideline


def test_concerns_without_a_guideline_give_no_guideline_position():
    assert not Evidence.objects.filter(concern__code__in=NO_GUIDELINE).exclude(guideline_position="").exists()


def test_not_recommended_cells_say_what_the_guideline_advises_against():
    for evidence in Evidence.objects.filter(level="not_recommended"):
        assert evidence.guideline_position == "not_recommended", evidence
        assert re.search(r"health guides", evidence.summary, re.I), evidence.summary


def test_no_cell_text_or_citation_shows_internal_notes_or_says_no_good_studies():
    texts = [
        *Evidence.objects.values_list("summary", flat=True),
        *Concern.objects.values_list("description", flat=True),
        *Source.objects.values_list("citation", flat=True),
    ]
    assert not [text for text in texts if NEVER_SHOWN.search(text)]


def test_no_summary_a_person_can_get_says_no_good_studies_or_shows_an_internal_note():
    text = json.dumps(build_summary(maximal_answers()), ensure_ascii=False)
    assert not NEVER_SHOWN.search(text), NEVER_SHOWN.search(text)


# --- In the summary ------------------------------------------------------------------------------


def evidence_entry(summary: dict, option: str, concern: str) -> dict:
    item = next(item for item in summary["options"] if item["slug"] == option)
    return next(entry for entry in item["evidence"] if entry["concern"] == concern)


def test_the_summary_gives_each_entry_its_level_summary_sources_and_guideline():
    summary = build_summary(minimal_answers(concerns=["trauma"]))
    entry = evidence_entry(summary, "cbt", "trauma")
    assert entry["level"] == "strong"
    assert entry["summary"] == cell("trauma", "cbt").summary
    assert "nice-ng116" in entry["sources"]
    assert entry["guideline"] == {
        "body": "NICE",
        "code": "NG116",
        "position": "first_line",
        "position_label": "Suggested first, for PTSD",
        "for": "for PTSD",
    }
    assert "guideline" not in evidence_entry(summary, "combined", "trauma")


def test_medicine_for_ptsd_and_self_help_for_panic_are_no_longer_shown_as_unstudied():
    summary = build_summary(minimal_answers(concerns=["trauma", "panic"]))
    assert evidence_entry(summary, "medication", "trauma")["level"] == "moderate"
    assert evidence_entry(summary, "self_help", "panic")["level"] == "moderate"
    assert evidence_entry(summary, "medication", "panic")["level"] == "strong"


def test_an_approximate_cell_is_marked_but_shows_no_note_meant_for_reviewers():
    summary = build_summary(minimal_answers(concerns=["relationships"]))
    entry = evidence_entry(summary, "cbt", "relationships")
    assert entry["approximate"] is True
    assert entry["approximate_note"] == ""
    assert "original study" not in json.dumps({key: value for key, value in summary.items() if key != "sources"})
    exact = evidence_entry(summary, "self_help", "relationships")
    assert (exact["approximate"], exact["approximate_note"]) == (False, "")


def test_a_cell_with_a_figure_from_memory_says_about():
    Evidence.objects.filter(concern__code="trauma", option__slug="medication").update(approximate=True)
    summary = build_summary(minimal_answers(concerns=["trauma"]))
    entry = evidence_entry(summary, "medication", "trauma")
    assert "about 58 in 100 people with PTSD" in entry["summary"]
    assert "about 35 in 100" in entry["summary"] and "about about" not in entry["summary"]
    assert "original study" not in json.dumps({key: value for key, value in summary.items() if key != "sources"})


def test_a_cell_nobody_has_reviewed_is_left_out_not_called_unstudied():
    Evidence.objects.filter(concern__code="grief", option__slug="combined").delete()
    summary = build_summary(minimal_answers(concerns=["grief"]))
    combined = next(item for item in summary["options"] if item["slug"] == "combined")
    assert combined["evidence"] == []
    cbt = next(item for item in summary["options"] if item["slug"] == "cbt")
    assert [entry["concern"] for entry in cbt["evidence"]] == ["grief"]


# --- Describing the condition --------------------------------------------------------------------


def test_every_concern_is_described_in_two_to_four_plain_sentences_with_sources():
    for concern in Concern.objects.prefetch_related("description_sources"):
        assert 2 <= len(sentences(concern.description)) <= 4, concern.code
        assert grade(concern.description) <= MAX_GRADE, f"{concern.code}: {grade(concern.description):.1f}"
        assert concern.description_sources.exists(), concern.code


def test_each_description_says_how_common_the_concern_is_where_a_figure_exists():
    counted = Concern.objects.exclude(code__in=["relationships", "self_esteem"])
    for concern in counted:
        assert re.search(r"\d+ in \d+|\d+ million", concern.description), concern.code


def test_conditions_describe_each_chosen_concern_with_its_sources():
    answers = minimal_answers(concerns=["sleep", "eating"])
    entries = conditions(answers, load(answers))
    assert [entry["concern"] for entry in entries] == ["sleep", "eating"]
    sleep, eating = entries
    assert sleep["label"] == "Sleep problems"
    assert "10 in 100 adults" in sleep["text"]
    assert sleep["sources"] == ["morin-jarrin-2022"]
    assert (sleep["approximate"], sleep["approximate_note"]) == (False, "")
    # The binge-eating trial's first author is from memory: its figures say "about", and no
    # note meant for reviewers reaches the reader.
    assert eating["approximate"] is True
    assert eating["approximate_note"] == ""
    assert "original study" not in eating["text"]


def test_the_summary_describes_each_chosen_concern_and_cites_its_sources_in_full():
    summary = build_summary(minimal_answers(concerns=["trauma", "grief"]))
    assert [entry["concern"] for entry in summary["conditions"]] == ["trauma", "grief"]
    cited = {source["key"] for source in summary["sources"]}
    assert {"who-ptsd", "lundorff-2017"} <= cited
    assert "up to 40 in 100 within a year" in summary["conditions"][0]["text"]


def test_conditions_describe_low_mood_when_no_concern_is_chosen():
    answers = minimal_answers()
    assert [entry["concern"] for entry in conditions(answers, load(answers))] == ["depression"]


# --- manage.py content_report --------------------------------------------------------------------


def report() -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("content_report", stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_content_report_prints_every_cell_with_level_guideline_sources_and_review_date():
    out, _err = report()
    assert "Content 2026.6: reviewed 2026-12-04, next review 2027-12-04" in out
    assert "70 cells, 0 problems." in out
    lines = out.splitlines()
    trauma = lines.index("trauma: Trauma, or PTSD")
    cbt_line = next(line for line in lines[trauma:] if line.strip().startswith("cbt "))
    assert "strong" in cbt_line and "NICE NG116: first_line" in cbt_line and "reviewed 2026-12-04" in cbt_line
    assert "nice-ng116" in lines[lines.index(cbt_line) + 1]
    grid = out.split("Cells for some people only")[0]
    assert grid.count("  reviewed 2026-12-0") == 70
    # 2026.4: the medicine each medicine and both-together cell is about, and the group rules.
    assert grid.count("medicine: ") == 28
    assert "medicine: an antipsychotic, not an antidepressant" in grid
    assert "under_18: medication what_it_is: For young people, medicine is not the first choice." in out
    assert "scotland: payment: " in out
    assert "roddy-2020 (approximate)" in out


def test_content_report_fails_naming_a_cell_without_a_source():
    cell("trauma", "medication").sources.clear()
    with pytest.raises(CommandError, match="trauma x medication: no source"):
        report()


def test_content_report_fails_naming_a_cell_without_a_level_or_a_missing_cell():
    Evidence.objects.filter(concern__code="ocd", option__slug="cbt").update(level="")
    Evidence.objects.filter(concern__code="grief", option__slug="self_help").delete()
    with pytest.raises(CommandError) as failure:
        report()
    assert "ocd x cbt: no level" in str(failure.value)
    assert "grief x self_help: no cell" in str(failure.value)

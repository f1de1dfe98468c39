"""The clinical content release: complete, sourced, reviewed, and in plain words."""

from datetime import timedelta

import pytest

from decisionaid.content.models import (
    Concern,
    ContentVersion,
    Evidence,
    FitRule,
    Option,
    OptionFact,
    Region,
    Resource,
)
from decisionaid.readability import grade

pytestmark = pytest.mark.django_db

MAX_GRADE = 7.0


def test_every_evidence_statement_cites_an_existing_source():
    uncited = [str(row) for row in Evidence.objects.all() if not row.sources.exists()]
    assert not uncited


def test_there_is_evidence_for_every_option_and_every_concern():
    assert Evidence.objects.count() == Option.objects.count() * Concern.objects.count() == 5 * 14


def test_every_option_has_every_comparison_row_with_a_source():
    for option in Option.objects.all():
        rows = {fact.row: fact for fact in option.facts.all()}
        assert set(rows) == set(OptionFact.Row.values), option.slug
        for fact in rows.values():
            assert fact.sources.exists(), f"{option.slug} {fact.row}"


def test_options_come_in_one_fixed_order():
    assert list(Option.objects.values_list("slug", flat=True)) == [
        "psychodynamic",
        "cbt",
        "medication",
        "combined",
        "self_help",
    ]


def test_a_session_count_is_only_given_with_its_sources():
    for option in Option.objects.all():
        if option.sessions_low is not None:
            assert option.sessions_sources.exists(), option.slug


def test_every_contract_region_exists_with_a_crisis_line_and_a_route_to_a_professional(contract_schema):
    codes = contract_schema("answers")["properties"]["region"]["enum"]
    assert sorted(Region.objects.values_list("code", flat=True)) == sorted(codes)
    for region in Region.objects.all():
        kinds = set(region.resources.values_list("kind", flat=True))
        assert {"crisis", "professional"} <= kinds, region.code
        assert region.emergency_number


def test_every_resource_names_its_source():
    assert not [str(resource) for resource in Resource.objects.all() if not resource.sources.exists()]


def test_samaritans_is_never_listed_with_a_text_number():
    # Samaritans ended its text service in 2020 (FACTS.md section 9).
    for resource in Resource.objects.filter(name__icontains="samaritans"):
        assert "text" not in resource.contact.lower()


def test_concern_codes_are_exactly_the_contracts(contract_schema):
    codes = contract_schema("answers")["properties"]["concerns"]["items"]["enum"]
    assert list(Concern.objects.values_list("code", flat=True)) == codes


def test_fit_rules_use_contract_codes(contract_schema):
    properties = contract_schema("answers")["properties"]
    for rule in FitRule.objects.all():
        if rule.question.startswith("importance."):
            assert rule.question.split(".", 1)[1] in properties["importance"]["properties"], rule
            assert rule.value == "high", rule
            continue
        schema = properties[rule.question]
        allowed = schema.get("enum") or schema.get("items", {}).get("enum")
        assert rule.value in allowed, rule


def test_every_option_gets_fits_and_considerations_from_the_rules():
    for option in Option.objects.all():
        kinds = set(option.fit_rules.values_list("kind", flat=True))
        assert kinds == {"fit", "consideration"}, option.slug


def test_the_content_is_reviewed_at_least_once_a_year():
    version = ContentVersion.current()
    assert version.next_review_on - version.reviewed_on <= timedelta(days=366)


def test_no_seed_error_is_repeated():
    texts = " ".join(
        [*Evidence.objects.values_list("summary", flat=True), *OptionFact.objects.values_list("text", flat=True)]
    ).lower()
    assert "fancy term for talk therapy" not in texts
    assert "no major risks" not in texts
    assert "0.974" not in texts
    assert "1.51" not in texts  # Shedler's follow-up effect size is not set beside drug figures


def test_every_patient_facing_content_text_reads_at_grade_7_or_below():
    texts = [
        *Evidence.objects.values_list("summary", flat=True),
        *OptionFact.objects.values_list("text", flat=True),
        *FitRule.objects.values_list("text", flat=True),
        *Region.objects.values_list("payment", flat=True),
    ]
    hard = sorted(((grade(text), text) for text in texts), reverse=True)
    too_hard = [f"{score:.1f}: {text}" for score, text in hard if score > MAX_GRADE]
    assert not too_hard, "Texts above grade 7:\n" + "\n".join(too_hard)

"""Costs by each option's own pattern of care, and text for the person's own region, on screen
and on paper."""

import re
from decimal import Decimal

import pytest
from hypothesis import given

from decisionaid import codes, summary
from decisionaid.content.models import CostItem, OptionAccess, Region
from decisionaid.summary import build_summary
from tests.factories import ALL_CONCERNS, mild_answers, severe_answers
from tests.questionnaire_helpers import with_answers
from tests.readability import grade
from tests.summary_helpers import HYPOTHESIS, all_strings, answers_strategy
from tests.visible_text import as_prose, visible_blocks

pytestmark = pytest.mark.django_db


def _by_slug(data: dict) -> dict:
    return {option["slug"]: option for option in data["options"]}


def _sessions(slug: str) -> CostItem | None:
    return CostItem.objects.filter(option__slug=slug, kind="sessions", region=None).first()


@HYPOTHESIS
@given(answers=answers_strategy())
def test_therapy_sessions_are_the_fee_times_the_sessions_and_nothing_else_is_priced_at_it(answers):
    data = build_summary(answers)
    without_fee = build_summary({**answers, "session_fee": None})
    fee = answers.get("session_fee")
    region = Region.objects.get(code=answers["region"])
    for option, plain in zip(data["options"], without_fee["options"], strict=True):
        cost = option["cost"]
        assert cost["currency"] == region.currency
        assert data["payment"] in cost["notes"]
        assert all(line["counts"] for line in cost["lines"]), "every figure says what it counts"
        figures = cost["display"] + " ".join(line["figure"] for line in cost["lines"])
        assert cost["display"] == "Free to you" or any(char.isdigit() for char in figures), "a figure everywhere"
        sessions = _sessions(option["slug"])
        for line, plain_line in zip(cost["lines"], plain["cost"]["lines"], strict=True):
            if line["kind"] == "sessions" and fee is not None and sessions is not None:
                assert Decimal(str(line["low"])) == (Decimal(str(fee)) * sessions.count_low).quantize(Decimal("0.01"))
                assert Decimal(str(line["high"])) == (Decimal(str(fee)) * sessions.count_high).quantize(Decimal("0.01"))
            elif line["kind"] in ("visits", "medicine", "group_sessions"):
                # A prescriber visit or the medicine is never priced at a therapy fee.
                assert line == plain_line


def test_a_us_person_at_150_dollars_has_medicine_costed_as_prescriber_visits_plus_the_medicine():
    medication = _by_slug(build_summary(severe_answers(session_fee=150)))["medication"]
    cost = medication["cost"]
    assert "$150" not in " ".join(all_strings(cost))
    visits = [line for line in cost["lines"] if line["kind"] == "visits"]
    assert [line["figure"] for line in visits] == [
        "About 3 to 5 visits at about $70 to $250 each: about $210 to $1,250 in all."
    ]
    assert all(line["approximate"] for line in visits), "the visit count and US fees are estimates"
    medicine = next(line for line in cost["lines"] if line["kind"] == "medicine")
    assert medicine["figure"] == "About $4 to $20 a month: about $12 to $60 over 3 months."
    assert medicine["approximate"], "the US generic price is shown as approximate"
    assert (cost["low"], cost["high"]) == (222, 1310)
    assert cost["display"] == "About $222 to $1,310 over 3 months", "an estimate says so"


def test_combined_is_costed_as_both_sessions_and_the_medicine():
    cost = _by_slug(build_summary(severe_answers(session_fee=150)))["combined"]["cost"]
    assert [line["kind"] for line in cost["lines"]] == ["sessions", "visits", "medicine"]
    assert cost["low"] == 150 * 16 + 222 and cost["high"] == 150 * 20 + 1310


def test_group_cbt_is_counted_but_never_priced_at_a_fee_for_one_to_one_sessions():
    cost = _by_slug(build_summary(severe_answers(session_fee=150)))["cbt"]["cost"]
    group = next(line for line in cost["lines"] if line["kind"] == "group_sessions")
    assert "$" not in group["figure"]
    assert cost["low"] == 150 * _sessions("cbt").count_low, "the low end is not group sessions at $150"


@pytest.mark.parametrize("region", ["CA", "UK", "US"])
def test_a_fee_of_0_says_free_to_you_never_0_a_session(region):
    data = build_summary(mild_answers(region=region, session_fee=0))
    text = " ".join(all_strings(data))
    for symbol in ("CA$0 ", "£0 ", "$0 ", "CA$0.", "£0.", "$0."):
        assert symbol not in text
    for slug in ("psychodynamic", "cbt", "self_help"):
        cost = _by_slug(data)[slug]["cost"]
        assert cost["display"] == "Free to you"
        assert cost["lines"][0]["figure"].endswith("sessions, free to you.")


def test_public_cover_without_a_fee_says_to_ask_if_it_is_free():
    data = build_summary(mild_answers(session_fee=None, coverage="public"))
    line = _by_slug(data)["cbt"]["cost"]["lines"][0]
    assert line["figure"] == "16 to 20 sessions. A public service may pay: ask if they are free to you."


def test_the_uk_medicine_line_gives_the_prescription_charge_prepayment_and_free_nations():
    cost = _by_slug(build_summary(mild_answers(region="UK")))["medication"]["cost"]
    medicine = next(line for line in cost["lines"] if line["kind"] == "medicine")
    for words in ("£9.90", "£114.50", "Scotland, Wales and Northern Ireland, prescriptions are free"):
        assert words in medicine["counts"]
    assert medicine["figure"] == "Up to £9.90 a month: up to £29.70 over 3 months."
    assert set(medicine["sources"]) == {"nhs-prescription-charges", "prescriptions-free-uk-nations"}


@pytest.mark.parametrize("region", [code for code, _label in codes.REGIONS])
def test_medicine_always_has_a_figure_never_the_therapy_fee(region):
    cost = _by_slug(build_summary(mild_answers(region=region, session_fee=95)))["medication"]["cost"]
    assert any(char.isdigit() for char in cost["display"]) or cost["display"] == "Free to you", cost["display"]
    assert "95 each" not in " ".join(line["figure"] for line in cost["lines"])
    visits = next(line for line in cost["lines"] if line["kind"] == "visits")
    assert "3 to 5 visits" in visits["figure"]


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


# --- Text for the person's own region -------------------------------------------------------------

# Words that name one region's own health system; no other region's page may show them.
SYSTEMS = {
    "UK": ["NHS", "Talking Therapies", "prescription charge", "prepayment certificate", "Scotland"],
    "IE": ["HSE", "medical card"],
    "CA": ["province"],
    "AU": ["Medicare", "Mental Health Treatment Plan"],
    "NZ": ["Access and Choice"],
    "US": ["in its network", "drug stores"],
}


def test_every_option_has_a_where_to_get_it_line_for_every_region():
    for region in codes.REGIONS:
        for option in build_summary(mild_answers(region=region[0]))["options"]:
            assert option["access"] and option["access"]["text"], (region, option["slug"])
    assert OptionAccess.objects.count() == len(codes.REGIONS) * 5


@pytest.mark.parametrize("region", [code for code, _label in codes.REGIONS])
@pytest.mark.parametrize("path", ["/results/", "/results/print/"])
def test_the_results_name_no_other_regions_health_system_on_screen_or_paper(client, region, path):
    answers = mild_answers(region=region, concerns=list(ALL_CONCERNS), session_fee=None)
    with_answers(client, answers)
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode().split('id="sources"')[0]
    # Citations name their publishers ("NHS Talking Therapies"), wherever the reader lives.
    html = re.sub(r'<a href="#source-[^"]*">.*?</a>|<p class="cite">.*?</p>', "", html, flags=re.S)
    text = as_prose(visible_blocks(html))
    for other, words in SYSTEMS.items():
        if other == region:
            continue
        for word in words:
            assert word not in text, f"{region} {path} names {other}'s {word!r}"


def test_the_summary_itself_names_no_other_regions_system():
    for region, _label in codes.REGIONS:
        data = build_summary(mild_answers(region=region, concerns=list(ALL_CONCERNS)))
        text = " ".join(all_strings({key: value for key, value in data.items() if key != "sources"}))
        for other, words in SYSTEMS.items():
            if other != region:
                assert not [word for word in words if word in text], (region, other)


def test_cost_and_where_to_get_it_lines_read_at_grade_7_or_below():
    texts = [
        *CostItem.objects.values_list("text", flat=True),
        *OptionAccess.objects.values_list("text", flat=True),
    ]
    too_hard = sorted((grade(text), text) for text in texts if grade(text) > 7.0)
    assert not too_hard, too_hard


# --- Issue 18.7: costs by each option's own pattern of care -------------------------------------


def test_guided_self_help_is_priced_as_short_contacts_below_cbt():
    options = _by_slug(build_summary(mild_answers(region="UK", session_fee=60)))
    self_help, cbt = options["self_help"]["cost"], options["cbt"]["cost"]
    assert self_help["lines"][0]["kind"] == "short_sessions"
    # Half to two-thirds of £60, in whole pounds: our own estimate, never to the penny.
    assert (self_help["low"], self_help["high"]) == (180, 320)
    assert self_help["high"] < cbt["low"]


@pytest.mark.parametrize(
    ("commitment", "style", "shown"),
    [("over_a_year", "open_ended", True), ("over_a_year", "structured", False), ("3_to_6_months", "open_ended", False)],
)
def test_a_year_of_weekly_psychodynamic_sessions_is_shown_beside_the_short_course(commitment, style, shown):
    cost = _by_slug(build_summary(mild_answers(session_fee=60, commitment=commitment, style=style)))["psychodynamic"][
        "cost"
    ]
    year = [line for line in cost["lines"] if line["kind"] == "year_sessions"]
    assert bool(year) == shown
    if shown:
        assert year[0]["figure"] == "40 to 50 sessions at £60 each: £2,400 to £3,000 in all."
        assert year[0]["beside"] and (cost["low"], cost["high"]) == (720, 1440), "not added to the short course"


def test_somewhere_else_never_shows_a_bare_number_as_money():
    data = build_summary(mild_answers(region="OTHER", session_fee=1000))
    for option in data["options"]:
        display = option["cost"]["display"]
        if re.search(r"\d,\d{3}|\d{3}", display):
            assert "in your own currency" in display, display
    assert _by_slug(data)["cbt"]["cost"]["display"] == "16,000 to 20,000 in your own currency"


def test_canada_shows_the_provincial_plans_for_visits_and_medicine():
    cost = _by_slug(build_summary(mild_answers(region="CA")))["medication"]["cost"]
    visits, medicine = (next(line for line in cost["lines"] if line["kind"] == kind) for kind in ("visits", "medicine"))
    assert visits["figure"] == "About 3 to 5 visits, free to you."
    assert "province's health plan" in visits["counts"]
    assert "Ontario" in medicine["counts"] and "British Columbia" in medicine["counts"]
    assert medicine["figure"] == "No one price: it depends on your drug plan."
    assert cost["display"] == "About 3 to 5 visits, free to you, plus the medicine: its price depends on your drug plan"


# --- Cost words read naturally (issue 18, 2026.6) ---------------------------------------------------

PLACES = [("US", None), ("UK", None), ("UK", "england"), ("UK", "scotland"), ("UK", "wales")]
PLACES += [("UK", "northern_ireland"), ("IE", None), ("CA", None), ("AU", None), ("NZ", None), ("OTHER", None)]
# Two hedges on one figure in the wrong order ("About up to £29.70"), or a hedge said twice;
# "up to about £29.70" is how it reads naturally.
DOUBLED_HEDGE = re.compile(
    r"\b(about|around|roughly|approximately)\s+(about|around|roughly|approximately|up to)\b|\bup to\s+up to\b", re.I
)


def _place(region: str, nation: str | None, **overrides) -> dict:
    answers = mild_answers(region=region, **overrides)
    if nation:
        answers["uk_nation"] = nation
    return answers


def _cost_words(data: dict) -> list[str]:
    words = []
    for option in data["options"]:
        cost = option["cost"]
        words += [cost["display"], *(line["figure"] for line in cost["lines"]), *option["considerations"]]
    return words


@pytest.mark.parametrize(("region", "nation"), PLACES)
@pytest.mark.parametrize(
    "overrides",
    [{}, {"session_fee": None}, {"session_fee": 0}, {"age_band": "65_plus"}, {"importance": {"low_cost": 4}}],
)
def test_no_cost_phrase_doubles_its_hedge_anywhere(region, nation, overrides):
    for words in _cost_words(build_summary(_place(region, nation, **overrides))):
        assert not DOUBLED_HEDGE.search(words), words
        assert "in 3 months" not in words, words  # "over 3 months", or what the sum counts


@pytest.mark.parametrize(("region", "nation"), PLACES)
def test_the_cards_and_the_print_view_say_each_cost_once_hedged(client, region, nation):
    from tests.questionnaire_helpers import page_text, with_answers

    with_answers(client, _place(region, nation, importance={"low_cost": 4}))
    for path in ("/results/", "/results/print/", "/results/options/medication/"):
        text = page_text(client.get(path).content.decode())
        assert not DOUBLED_HEDGE.search(text), (path, DOUBLED_HEDGE.search(text))


def test_medicine_estimates_read_up_to_about_and_over_3_months():
    uk = _by_slug(build_summary(_place("UK", "england", session_fee=None)))
    assert uk["medication"]["cost"]["display"] == "Up to about £29.70 over 3 months"
    nz = _by_slug(build_summary(_place("NZ", None)))
    assert nz["medication"]["cost"]["display"] == "About NZ$60 to NZ$365 over 3 months"
    both = _by_slug(build_summary(_place("US", None, session_fee=150)))["combined"]["cost"]
    assert both["display"] == "About $2,622 to $4,310 for the sessions and the first 3 months of medicine"


@pytest.mark.parametrize(
    ("region", "words"),
    [
        ("US", "about $70 to $250 each"),  # self-pay visit fees: commercial pages only (FACTS 14.E.2)
        ("NZ", "about NZ$20 to NZ$70 each"),  # practice fee pages (FACTS 14.E.4 cross-ref)
        ("IE", "About €1.50 to €80 a month"),  # two schemes' bounds, not a price (FACTS 14.E.5)
    ],
)
def test_weak_prices_are_said_to_be_about(region, words):
    cost = _by_slug(build_summary(mild_answers(region=region)))["medication"]["cost"]
    assert words in " ".join(line["figure"] for line in cost["lines"])


def test_a_share_of_a_session_fee_for_self_help_is_said_to_be_about():
    cost = _by_slug(build_summary(mild_answers(region="US", session_fee=60)))["self_help"]["cost"]
    assert cost["display"] == "About $180 to $320"
    assert cost["lines"][0]["figure"] == "6 to 8 sessions at about $30 to $40 each: about $180 to $320 in all."

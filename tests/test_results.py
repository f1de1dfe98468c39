"""The results page: the first view (the questions people ask, option against option),
details a click away, crisis help and the referral block, sources, the SURE test."""

import itertools
import re
from html.parser import HTMLParser

import pytest
from django.utils.html import escape

from decisionaid.content.models import Option, OptionFact, Resource
from decisionaid.results.grid import QUESTIONS
from decisionaid.summary import build_summary
from tests.factories import crisis_answers, maximal_answers, mild_answers, severe_answers
from tests.questionnaire_helpers import complete, with_answers
from tests.visible_text import visible_blocks

pytestmark = pytest.mark.django_db

ALL_NO = {"sure_of_myself": "no", "understand_information": "no", "risk_benefit_ratio": "no", "encouragement": "no"}
ALL_YES = dict.fromkeys(ALL_NO, "yes")


def page(client, answers: dict | None = None) -> str:
    if answers is not None:
        with_answers(client, answers)
    response = client.get("/results/")
    assert response.status_code == 200
    return response.content.decode()


class Outline(HTMLParser):
    """Headings in order, which ids sit inside a <details>, and each link's text."""

    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.details = 0
        self.ids_in_details: set[str] = set()
        self.links: list[tuple[str, str, bool]] = []  # (href, text, inside a <details>)
        self._link: list | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "details":
            self.details += 1
        if self.details and attrs.get("id"):
            self.ids_in_details.add(attrs["id"])
        if tag == "a":
            self._link = [attrs.get("href", ""), "", bool(self.details)]

    def handle_data(self, data):
        if self._link is not None:
            self._link[1] += data

    def handle_endtag(self, tag):
        if tag == "details":
            self.details -= 1
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join(self._link[1].split()), self._link[2]))
            self._link = None


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


def first_view(html: str) -> str:
    """The page as first shown: everything outside a closed <details>."""
    return re.sub(r"<details\b.*?</details>", "", html, flags=re.S)


# --- Getting there -------------------------------------------------------------------------------


def test_without_answers_the_results_page_sends_the_person_to_the_first_step(client):
    response = client.get("/results/")
    assert response.status_code == 302
    assert response["Location"] == "/questions/place/"


def test_with_required_answers_missing_the_page_sends_the_person_to_that_step(client):
    answers = mild_answers()
    del answers["phq9_4"]
    with_answers(client, answers)
    response = client.get("/results/")
    assert response.status_code == 302
    assert response["Location"] == "/questions/mood/"


def test_the_last_questionnaire_step_leads_to_a_full_results_page(client):
    complete(client, mild_answers())
    assert "Your results" in page(client)


def test_the_results_page_is_never_cached_and_varies_with_htmx(client):
    with_answers(client, mild_answers())
    response = client.get("/results/")
    assert "no-store" in response["Cache-Control"]
    assert "HX-Request" in response["Vary"]


def test_two_people_never_see_each_others_results(client):
    from django.test import Client

    def told(html: str) -> str:
        return html[html.index('id="told-us-title"') : html.index('id="options"')]

    mine = page(client, mild_answers(region="UK"))
    theirs = page(Client(), severe_answers(region="US"))
    assert "United Kingdom" in told(mine) and "United Kingdom" not in told(theirs)
    assert "Severe low mood" in theirs and "Severe low mood" not in mine
    assert "United Kingdom" in told(page(client))  # asked again, each sees their own


def test_the_results_page_only_answers_get(client):
    with_answers(client, mild_answers())
    assert client.post("/results/").status_code == 405


def test_the_page_has_a_meta_description(client):
    assert re.search(r'<meta name="description" content="[^"]{20,}">', page(client, mild_answers()))


# --- The first view --------------------------------------------------------------------------------


def test_the_first_view_is_a_real_table_of_the_questions_people_ask(client):
    html = page(client, mild_answers())
    table = html[html.index('<table class="compare"') : html.index("</table>")]
    assert "<caption>" in table and "not a ranking" in table
    names = list(Option.objects.order_by("order").values_list("name", flat=True))
    assert re.findall(r'<th scope="col">(.*?)</th>', table) == [escape(name) for name in names]
    assert re.findall(r'<th scope="row">(.*?)</th>', table) == [escape(str(label)) for _code, _kind, label in QUESTIONS]
    assert len(re.findall(r"<tr", table)) == 1 + len(QUESTIONS)
    for word in ("recommend", "best option", "ranked"):
        assert word not in table.lower()


def test_on_a_phone_each_answer_names_its_option_in_the_fixed_order(client):
    html = page(client, mild_answers())
    names = [escape(name) for name in Option.objects.order_by("order").values_list("name", flat=True)]
    for row in re.findall(r"<tr class=\"row-[a-z_]+\">(.*?)</tr>", html, flags=re.S):
        assert re.findall(r'<span class="cell-option">(.*?)</span>', row) == names


def test_each_fact_cell_is_the_short_text_of_25_words_or_fewer(client):
    html = first_view(page(client, mild_answers()))
    facts = OptionFact.objects.filter(row__in=[code for code, kind, _label in QUESTIONS if kind in ("fact", "cost")])
    assert facts.count() == 30
    for fact in facts:
        assert fact.brief and len(fact.brief.split()) <= 25, fact
        assert escape(fact.brief) in html, fact
        assert escape(fact.text) not in html, f"{fact}: the long text belongs in the details"


def test_every_option_fact_has_a_short_text_from_its_sources():
    for fact in OptionFact.objects.prefetch_related("sources"):
        assert 0 < len(fact.brief.split()) <= 25, fact
        assert fact.sources.exists(), fact


def test_how_well_it_works_gives_each_concern_a_level_in_words_and_a_mark(client):
    html = page(client, mild_answers())
    row = html[html.index('<tr class="row-evidence">') : html.index("</tr>", html.index('<tr class="row-evidence">'))]
    for option in build_summary(mild_answers())["options"]:
        for item in option["evidence"]:
            assert f'<strong class="level level-{item["level"]}">{escape(item["level_label"])}</strong>' in row
    assert row.count('<span class="mark" aria-hidden="true">') == 10  # 5 options x 2 concerns


def test_cost_is_a_range_in_the_regions_currency_or_says_we_cannot_estimate(client):
    html = page(client, mild_answers(session_fee=60))
    summary = build_summary(mild_answers(session_fee=60))
    row = html[html.index('<tr class="row-cost">') : html.index("</tr>", html.index('<tr class="row-cost">'))]
    for option in summary["options"]:
        if option["cost"].get("display"):
            assert escape(option["cost"]["display"]) in row
    assert "How care is paid for in United Kingdom" in html


def test_the_fits_cell_names_what_matters_and_the_details_give_the_reasons(client):
    answers = mild_answers()
    html = page(client, answers)
    row = html[html.index('<tr class="row-fits">') : html.index("</tr>", html.index('<tr class="row-fits">'))]
    assert "Avoiding side effects" in row
    summary = build_summary(answers)
    details = html[html.index('id="details"') :]
    reasons = [r for option in summary["options"] for r in option["fit_reasons"] + option["consideration_reasons"]]
    assert reasons
    for reason in reasons:
        expected = (
            f'{escape(reason["text"])} <span class="because">Because you said: {escape(reason["answer_label"])}</span>'
        )
        assert expected in details
        assert escape(reason["text"]) not in first_view(html)


def test_the_page_shows_the_sections_in_order(client):
    html = page(client, crisis_answers(pregnant_or_breastfeeding="yes"))
    markers = [
        'id="crisis-now"',
        'id="scores-title"',
        'id="notice-pregnancy_medication"',
        'id="told-us-title"',
        'id="options"',
        'id="details"',
        'id="values-title"',
        'id="referral"',
        'id="questions-title"',
        'id="sure"',
        'id="sources"',
    ]
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)


def test_headings_go_down_one_level_at_a_time(client):
    levels = outline(page(client, maximal_answers())).headings
    assert levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


def test_the_crisis_notice_comes_first_with_the_emergency_number_and_lines(client):
    html = page(client, crisis_answers())
    main = html[html.index('<main id="main"') :]
    summary = build_summary(crisis_answers())
    crisis = main[main.index('id="crisis-now"') : main.index('id="scores-title"')]
    text = " ".join(visible_blocks(crisis))
    assert summary["emergency_number"] in text
    for line in summary["crisis"]["resources"]:
        assert escape(line["name"]) in crisis
    assert 'href="tel:' in crisis
    assert main.index('id="crisis-now"') < main.index('class="lead"')
    assert "crisis-now" not in outline(html).ids_in_details


def test_no_crisis_notice_without_a_risk_answer(client):
    assert 'id="crisis-now"' not in page(client, mild_answers())


def test_scores_are_shown_in_plain_words_as_screening_not_a_diagnosis(client):
    html = page(client, severe_answers())
    assert "Severe low mood" in html
    assert "out of 27" in html
    assert "not a diagnosis" in html
    assert "Please see someone soon" in html


def test_what_you_told_us_lists_concerns_and_goals(client):
    html = page(client, mild_answers())
    told = html[html.index('id="told-us-title"') : html.index('id="options"')]
    for label in ("Feeling low or depressed", "Worry or anxiety", "Learn ways to cope", "United Kingdom"):
        assert label in told


def test_what_matters_to_you_shows_each_importance_answer(client):
    html = page(client, mild_answers())
    values = html[html.index('id="values-title"') : html.index('id="referral"')]
    assert 'Avoiding side effects: <span class="value-level">matters a great deal</span>' in values
    assert "Understanding myself better" in values


def test_questions_to_ask_stay_in_the_first_view(client):
    html = first_view(page(client, mild_answers()))
    assert "What to ask your clinician" in html
    for question in build_summary(mild_answers())["questions_for_clinician"]:
        assert escape(question) in html


def test_the_referral_block_is_always_visible_with_professional_routes_and_crisis_lines(client):
    html = page(client, mild_answers(region="NZ"))
    assert "referral" not in outline(html).ids_in_details
    start = html.index('id="referral"')
    referral = html[start : html.index('id="questions-title"')]
    assert "does not replace a professional" in referral
    for resource in Resource.objects.filter(region__code="NZ", kind__in=["professional", "crisis"]):
        assert escape(resource.name) in referral
    assert "<details" not in referral
    # neither `hidden` nor `aria-hidden` (a number's digits spelled for screen readers are fine)
    assert "hidden" not in referral.replace('class="visually-hidden"', "")
    assert "<button" not in referral  # nothing to dismiss it with


def test_start_over_asks_first_and_does_not_sit_beside_change_my_answers(client):
    html = page(client, mild_answers())
    actions = html[html.index('class="actions results-actions"') : html.index("</div>", html.index("results-actions"))]
    assert 'href="/questions/place/"' in actions and "Start over" not in actions
    assert re.search(r'<a href="/start-over/">Start over</a>', html)  # a link: its page asks before it acts
    assert 'href="/delete/"' in html


# --- Details a click away ------------------------------------------------------------------------


def test_each_option_has_details_with_every_fact_in_full_and_its_evidence(client):
    html = page(client, mild_answers())
    summary = build_summary(mild_answers())
    for option in summary["options"]:
        start = html.index(f'<details class="option-detail" id="details-{option["slug"]}">')
        detail = html[start : html.index("</details>", start)]
        assert f"More about {escape(option['name'])}" in detail
        for fact in option["facts"]:
            assert escape(fact["text"]) in detail
        for item in option["evidence"]:
            assert escape(item["summary"]) in detail


def test_numbers_are_icon_arrays_with_a_text_equivalent_behind_a_disclosure(client):
    html = page(client, mild_answers())
    assert "numbers" in outline(html).ids_in_details
    assert len(set(re.findall(r'<pattern id="([^"]+)"', html))) == html.count("<pattern "), "pattern ids are unique"
    numbers = html[html.index('id="numbers"') : html.index("</details>", html.index('id="numbers"'))]
    svgs = re.findall(r"<svg[^>]*>.*?</svg>", numbers, flags=re.S)
    assert svgs
    for svg in svgs:
        assert 'role="img"' in svg
        dark = int(re.search(r'aria-label="Picture of 100 dots, (\d+) of them dark', svg).group(1))
        dots = {"on": 0, "off": 0}
        for width, height, kind in re.findall(
            r'<rect [^>]*width="(\d+)" height="(\d+)" fill="url\(#dots-(on|off)-', svg
        ):
            dots[kind] += int(width) * int(height) // 100
        assert dots == {"on": dark, "off": 100 - dark}
    for figure in build_summary(mild_answers())["numbers"]:
        for group in figure["groups"]:
            assert escape(group["text"]) in numbers


def test_captions_keep_the_capitals_of_option_names(client):
    text = " ".join(visible_blocks(page(client, maximal_answers())))
    assert not re.search(r"\b(cbt|dit|ssri)\b", text), "an abbreviation lost its capitals"


# --- Forms, markup, queries -------------------------------------------------------------------------


def test_every_form_on_the_page_has_a_csrf_token(client):
    forms = re.findall(r"<form\b.*?</form>", page(client, mild_answers()), flags=re.S)
    assert forms and all("csrfmiddlewaretoken" in form for form in forms)


def test_the_page_has_no_inline_scripts_or_styles(client):
    html = page(client, maximal_answers())
    assert not re.search(r"\sstyle=", html)
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html)


def test_the_youth_notice_lists_services_for_young_people(client):
    html = page(client, mild_answers(age_band="under_18"))
    notice = html[html.index('id="notice-youth"') : html.index('id="told-us-title"')]
    for resource in Resource.objects.filter(region__code="UK", kind="youth"):
        assert escape(resource.name) in notice


def test_the_results_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # Intended to prevent an N+1 as content grows: with the content snapshot read, a page
    # costs its session, its answers and nothing per option, concern or source.
    with_answers(client, maximal_answers())
    assert client.get("/results/").status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get("/results/").status_code == 200

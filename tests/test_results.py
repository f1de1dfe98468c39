"""The results page: the first view (the questions people ask, option against option),
details a click away, crisis help and the referral block, sources, the SURE test."""

import itertools
import re
from html.parser import HTMLParser

import pytest
from django.utils.html import escape

from decisionaid.content.models import Option, OptionFact, Resource
from decisionaid.questionnaire.steps import STEPS
from decisionaid.summary import build_summary
from decisionaid.summary.grid import QUESTIONS, first_sentence
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

    def chose(html: str) -> str:
        return html[html.index('id="you-title"') : html.index('id="scores-title"')]

    mine = page(client, mild_answers(region="UK"))
    theirs = page(Client(), severe_answers(region="US"))
    assert "Worry or anxiety" in chose(mine) and "Worry or anxiety" not in chose(theirs)
    assert "Severe low mood" in theirs and "Severe low mood" not in mine
    assert "£" in mine and "£" not in theirs
    assert "Worry or anxiety" in chose(page(client))  # asked again, each sees their own


def test_the_results_page_only_answers_get(client):
    with_answers(client, mild_answers())
    assert client.post("/results/").status_code == 405


def test_the_page_has_a_meta_description(client):
    assert re.search(r'<meta name="description" content="[^"]{20,}">', page(client, mild_answers()))


# --- The first view: options first --------------------------------------------------------------


def cards(html: str) -> dict[str, str]:
    """Each option's card on the first view, by the option's slug."""
    found = re.findall(r'<li class="option-card" id="option-([a-z_]+)">(.*?)\n      </li>', html, flags=re.S)
    return dict(found)


def test_one_plain_sentence_then_the_five_options(client):
    html = page(client, mild_answers())
    main = html[html.index('<main id="main"') :]
    between = main[main.index("</h1>") : main.index('id="options"')]
    assert re.findall(r"<p\b", between) == ["<p"] and 'class="lead"' in between
    names = list(Option.objects.order_by("order").values_list("slug", flat=True))
    assert list(cards(html)) == names
    assert "not a ranking" in main[main.index('id="options"') : main.index('class="option-card"')]


def test_each_card_gives_the_evidence_for_each_own_concern_the_cost_the_time_and_what_fits(client):
    answers = mild_answers(session_fee=60)
    html = page(client, answers)
    summary = build_summary(answers)
    for option in summary["options"]:
        card = cards(html)[option["slug"]]
        for item in option["evidence"]:
            level = f'<strong class="level level-{item["level"]}">{escape(item["level_label"])}:</strong>'
            assert level in card, (option["slug"], item["concern"])
            # The concern, with the medicine its level is about where that is not plain (issue 18).
            assert f"<li>{escape(item['concern_label'])}" in card
        facts = {fact["row"]: fact for fact in option["facts"]}
        assert escape(option["cost"].get("display") or facts["cost"]["brief"]) in card
        assert escape(facts["course"]["brief"]) in card
        assert escape(facts["what_it_is"]["brief"]) in card
        for reason in option["fit_reasons"] + option["consideration_reasons"]:
            assert escape(reason["text"]) not in card, "the reasons in full are in the details"
    # Two concerns, five options: each concern's level is marked with dots beside its words.
    assert sum(card.count("<li>Feeling low or depressed") for card in cards(html).values()) == 5
    assert html.count('<span class="mark" aria-hidden="true">') >= 5


def test_the_fits_name_what_matters_most_to_the_person(client):
    html = page(client, mild_answers())
    assert "Avoiding side effects" in cards(html)["medication"]


def with_summary(monkeypatch, change) -> None:
    """The results views render a summary that `change` has altered, as another engineer's
    part of the summary (a practice's offer, the medicine named) would."""
    from decisionaid.results import views

    def changed(*args, **kwargs):
        summary = build_summary(*args, **kwargs)
        change(summary)
        return summary

    monkeypatch.setattr(views, "build_summary", changed)


def test_a_named_medicine_is_shown_beside_its_level(client, monkeypatch):
    def name_it(summary):
        for option in summary["options"]:
            if option["slug"] == "medication":
                option["evidence"][0]["medicine"] = "an antidepressant (SSRI)"

    with_summary(monkeypatch, name_it)
    html = page(client, mild_answers())
    assert '<span class="medicine">(an antidepressant (SSRI))</span>' in cards(html)["medication"]
    assert "SSRI" not in cards(html)["cbt"]
    compare = client.get("/results/compare/").content.decode()
    assert compare.count('<span class="medicine">(an antidepressant (SSRI))</span>') == 1


def test_an_option_a_practice_does_not_offer_says_so_on_its_card(client, monkeypatch):
    def not_here(summary):
        for option in summary["options"]:
            option["offered_here"] = option["slug"] != "psychodynamic"

    with_summary(monkeypatch, not_here)
    html = page(client, mild_answers())
    assert "Not offered here" in cards(html)["psychodynamic"]
    assert all("Not offered here" not in card for slug, card in cards(html).items() if slug != "psychodynamic")


def test_no_card_says_not_offered_when_no_practice_said_so(client):
    assert "Not offered here" not in page(client, mild_answers())


def test_the_buttons_come_after_the_options_and_change_my_answers_lets_the_person_pick_the_step(client):
    html = page(client, mild_answers())
    actions = html[html.index('class="actions results-actions"') : html.index("</div>", html.index("results-actions"))]
    assert html.index('id="options"') < html.index('class="actions results-actions"') < html.index('id="scores-title"')
    assert 'href="/results/print/"' in actions and 'href="/results/summary.pdf"' in actions
    assert 'href="/results/change/"' in actions and "Start over" not in actions
    steps_page = client.get("/results/change/").content.decode()
    for step in STEPS:
        assert f'<a href="/questions/{step.slug}/">{escape(str(step.title))}</a>' in steps_page
    assert re.search(r'<a href="/start-over/">Start over</a>', html)  # a link: its page asks before it acts
    assert 'href="/delete/"' in html


def test_each_chosen_concern_is_described_in_one_line_and_in_full_a_click_away(client):
    answers = mild_answers()
    html = page(client, answers)
    chose = html[html.index('id="you-title"') : html.index('id="scores-title"')]
    full = client.get("/results/conditions/").content.decode()
    for condition in build_summary(answers)["conditions"]:
        assert escape(first_sentence(condition["text"])) in chose
        assert escape(condition["text"]) not in html
        assert escape(condition["text"]) in full


def test_the_comparison_puts_the_persons_own_rows_before_the_general_ones():
    codes = [code for code, _kind, _label in QUESTIONS]
    assert codes[:3] == ["evidence", "cost", "course"]
    assert set(codes[3:]) >= {"what_it_is", "risks", "asks"}


def test_all_five_side_by_side_is_a_real_table_a_click_away(client):
    with_answers(client, mild_answers())
    html = client.get("/results/compare/").content.decode()
    table = html[html.index('<table class="compare"') : html.index("</table>")]
    assert "<caption>" in table and "not a ranking" in table
    names = list(Option.objects.order_by("order").values_list("name", flat=True))
    assert re.findall(r'<th scope="col">(.*?)</th>', table) == [escape(name) for name in names]
    assert re.findall(r'<th scope="row">(.*?)</th>', table) == [escape(str(label)) for _code, _kind, label in QUESTIONS]
    assert len(re.findall(r"<tr", table)) == 1 + len(QUESTIONS)
    for word in ("recommend", "best option", "ranked"):
        assert word not in table.lower()
    for row in re.findall(r"<tr class=\"row-[a-z_]+\">(.*?)</tr>", table, flags=re.S):
        assert re.findall(r'<span class="cell-option">(.*?)</span>', row) == [escape(name) for name in names]
    assert '<table class="compare"' not in page(client)


def test_each_fact_cell_is_the_short_text_of_25_words_or_fewer(client):
    with_answers(client, mild_answers())
    html = client.get("/results/compare/").content.decode()
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


def test_the_page_shows_the_sections_in_order(client):
    html = page(client, crisis_answers(pregnant_or_breastfeeding="yes"))
    markers = [
        'id="crisis-now"',
        'class="lead"',
        'id="options"',
        'class="actions results-actions"',
        'id="you-title"',
        'id="scores-title"',
        'id="notice-pregnancy_medication"',
        'id="sure"',
        'id="referral"',
        'id="questions-title"',
        'id="other-actions-title"',
    ]
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)


def test_the_sections_after_the_options_live_in_one_template_others_can_add_to(client):
    from django.template.loader import get_template

    source = get_template("results/results.html").template.source
    assert source.count('{% include "results/after_options.html" %}') == 1
    assert source.index('id="options"') < source.index('{% include "results/after_options.html" %}')


def test_headings_go_down_one_level_at_a_time(client):
    levels = outline(page(client, maximal_answers())).headings
    assert levels[0] == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


def test_the_crisis_help_comes_first_once_with_the_emergency_number_and_lines(client):
    html = page(client, crisis_answers())
    main = html[html.index('<main id="main"') :]
    summary = build_summary(crisis_answers())
    crisis = main[main.index('id="crisis-now"') : main.index('class="lead"')]
    text = " ".join(visible_blocks(crisis))
    assert summary["emergency_number"] in text
    for line in summary["crisis"]["resources"]:
        assert escape(line["name"]) in crisis
    assert 'href="tel:' in crisis
    assert main.index("</h1>") < main.index('id="crisis-now"') < main.index('class="lead"')
    # One crisis block: the banner gives way to it, and the referral block points up to it.
    assert "crisis-banner" not in html
    assert html.count('class="crisis-lines') == 1
    assert '<a href="#crisis-now">' in main[main.index('id="referral"') :]


def test_the_banner_still_shows_on_other_pages_for_a_person_in_crisis(client):
    with_answers(client, crisis_answers(), crisis=True)
    assert "crisis-banner" in client.get("/about/").content.decode()
    assert "crisis-banner" not in client.get("/results/").content.decode()


def test_no_crisis_notice_without_a_risk_answer(client):
    assert 'id="crisis-now"' not in page(client, mild_answers())


def test_scores_sit_together_with_screening_not_a_diagnosis(client):
    html = page(client, severe_answers())
    scores = html[html.index('id="scores-title"') : html.index("</section>", html.index('id="scores-title"'))]
    assert "Severe low mood" in scores
    assert "out of 27" in scores
    assert "These are screening scores, not a diagnosis" in scores
    assert "Please see someone soon" in html


def test_questions_to_ask_are_a_click_away(client):
    html = page(client, mild_answers())
    assert "What to ask your clinician" in html
    questions = build_summary(mild_answers())["questions_for_clinician"]
    assert 'href="/results/questions/"' in html
    on_demand = client.get("/results/questions/").content.decode()
    for question in questions:
        assert escape(question) not in html
        assert escape(question) in on_demand


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


# --- Details on demand ----------------------------------------------------------------------------

ON_DEMAND = [
    "/results/options/cbt/",
    "/results/conditions/",
    "/results/figures/",
    "/results/compare/",
    "/results/sources/options/",
    "/results/sources/cbt/",
    "/results/share/",
    "/results/questions/",
    "/results/change/",
    "/results/leaning/form/",
    "/results/care/",
    "/results/ready/",
]


def test_the_first_view_holds_no_details_and_no_closed_disclosure(client):
    html = page(client, maximal_answers())
    summary = build_summary(maximal_answers())
    assert "<details" not in html
    for option in summary["options"]:
        for fact in option["facts"]:
            assert escape(fact["text"]) not in html, fact["row"]
        assert f'href="/results/options/{option["slug"]}/" hx-get="/results/options/{option["slug"]}/"' in html
    assert "<svg" not in html
    assert 'class="source-list"' not in html


@pytest.mark.parametrize("path", ON_DEMAND)
def test_each_part_has_its_own_address_as_a_page_and_as_an_htmx_fragment(client, path):
    with_answers(client, mild_answers())
    full = client.get(path)
    fragment = client.get(path, headers={"HX-Request": "true"})
    assert full.status_code == fragment.status_code == 200
    full_html, part = full.content.decode(), fragment.content.decode()
    assert "<html" in full_html and '<a class="button secondary" href="/results/#' in full_html
    assert "<html" not in part and re.match(r'\s*<div class="on-demand" id="more-[a-z_-]+">\s*<details open>', part)
    anchor = re.search(r'id="(more-[a-z_-]+)"', part).group(1)
    assert f'id="{anchor}"' in page(client) or path.startswith("/results/sources/cbt")
    for response in (full, fragment):
        assert "no-store" in response["Cache-Control"]
        assert "HX-Request" in response["Vary"]


@pytest.mark.parametrize("path", ON_DEMAND)
def test_each_part_serves_only_the_persons_own_complete_answers(client, path):
    from django.test import Client

    assert client.get(path)["Location"] == "/questions/place/"
    with_answers(client, {"region": "UK"})
    assert client.get(path)["Location"] == "/questions/place/" or client.get(path).status_code == 302
    with_answers(Client(), severe_answers(region="US"))
    with_answers(client, mild_answers(region="UK"))
    assert "$" not in client.get("/results/options/cbt/").content.decode()


@pytest.mark.parametrize("path", ["/results/options/nothing/", "/results/sources/nothing/"])
def test_an_unknown_part_is_the_kind_not_found_page(client, path):
    with_answers(client, mild_answers())
    response = client.get(path)
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_each_option_has_details_with_every_fact_in_full_and_its_evidence(client):
    with_answers(client, mild_answers())
    summary = build_summary(mild_answers())
    for option in summary["options"]:
        detail = client.get(f"/results/options/{option['slug']}/", headers={"HX-Request": "true"}).content.decode()
        assert f"More about {escape(option['name'])}" in detail
        for fact in option["facts"]:
            assert escape(fact["text"]) in detail
        for item in option["evidence"]:
            assert escape(item["summary"]) in detail
        for reason in option["fit_reasons"] + option["consideration_reasons"]:
            because = f'<span class="because">Because you said: {escape(reason["answer_label"])}</span>'
            assert f"{escape(reason['text'])} {because}" in detail
        # Under the option's name (h3) in its card, its own headings are h4.
        assert "<h4>" in detail and "<h3>" not in detail


def test_citations_on_demand_are_plain_names_with_one_sources_link_per_block(client):
    html = page(client, maximal_answers())
    assert "#source-" not in html
    assert re.findall(r'href="/results/sources/([a-z]+)/"', html) == ["options", "conditions", "scores"]
    detail = client.get("/results/options/cbt/", headers={"HX-Request": "true"}).content.decode()
    assert "From:" in detail and "#source-" not in detail
    assert re.findall(r'<a href="([^"]+)"', detail) == ["/results/sources/cbt/"]


def test_numbers_are_icon_arrays_with_a_text_equivalent_a_click_away(client):
    with_answers(client, mild_answers())
    numbers = client.get("/results/figures/", headers={"HX-Request": "true"}).content.decode()
    assert len(set(re.findall(r'<pattern id="([^"]+)"', numbers))) == numbers.count("<pattern "), "unique ids"
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
    for figure in build_summary(mild_answers())["figures"]:
        for group in figure["groups"]:
            assert escape(group["text"]) in numbers


def test_the_sure_address_answers_a_get_with_the_kind_page(client):
    with_answers(client, mild_answers())
    response = client.get("/results/sure/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    html = response.content.decode()
    assert "<h1" in html and 'href="/results/#sure"' in html and "Nothing you saved before was lost." in html


def test_the_captions_keep_the_capitals_of_option_names(client):
    text = " ".join(visible_blocks(page(client, maximal_answers())))
    assert not re.search(r"\b(cbt|dit|ssri)\b", text), "an abbreviation lost its capitals"


# --- Notices ----------------------------------------------------------------------------------------


def region_names(html: str) -> list[str]:
    """The names of the page's named regions: the text of each heading a section is labelled by."""
    names = []
    for label in re.findall(r'<(?:section|aside|nav)[^>]*aria-labelledby="([^"]+)"', html):
        heading = re.search(rf'id="{label}"[^>]*>(.*?)</', html, flags=re.S)
        names.append(" ".join(heading.group(1).split()) if heading else label)
    return names


@pytest.mark.parametrize("path", ["/results/", "/results/print/"])
def test_no_two_regions_share_a_name(client, path):
    answers = maximal_answers(age_band="under_18", pregnant_or_breastfeeding="yes", **{"phq9_9": 1})
    with_answers(client, answers, crisis=True)
    names = region_names(client.get(path).content.decode())
    assert len(names) > 5 and len(names) == len(set(names)), names


def test_no_two_regions_of_a_share_link_or_a_clinicians_copy_share_a_name(client):
    from django.test import Client

    from tests.sharing_people import make_clinician, make_invitation, sent_summary
    from tests.test_sharing_links import make_link

    answers = maximal_answers(age_band="under_18", pregnant_or_breastfeeding="yes")
    with_answers(client, answers)
    path = make_link(client)
    doctor = Client()
    clinician = make_clinician("dr_regions")
    doctor.force_login(clinician)
    sent = sent_summary(make_invitation(clinician), answers)
    for reader, view in [
        (Client(), path),
        (Client(), f"{path}print/"),
        (doctor, f"/clinic/summaries/{sent.public_id}/"),
    ]:
        names = region_names(reader.get(view).content.decode())
        assert len(names) > 5 and len(names) == len(set(names)), (view, [n for n in names if names.count(n) > 1])


def test_every_notice_the_contract_names_has_a_title_of_its_own():
    from decisionaid.summary.grid import NOTICE_TITLES

    codes = ["crisis", "youth", "severe_depression", "pregnancy_medication", "breastfeeding", "older_adult"]
    codes += ["mild_symptoms", "physical_risk", "alcohol_withdrawal", "less_severe_depression", "other_options"]
    assert set(codes) <= set(NOTICE_TITLES)
    assert len({str(title) for title in NOTICE_TITLES.values()}) == len(NOTICE_TITLES)


def test_the_youth_notice_lists_services_for_young_people(client):
    html = page(client, mild_answers(age_band="under_18"))
    notice = html[html.index('id="notice-youth"') : html.index("</section>", html.index('id="notice-youth"'))]
    for resource in Resource.objects.filter(region__code="UK", kind="youth"):
        assert escape(resource.name) in notice


# --- Forms, markup, queries -------------------------------------------------------------------------


def test_every_form_on_the_page_has_a_csrf_token(client):
    forms = re.findall(r"<form\b.*?</form>", page(client, mild_answers()), flags=re.S)
    assert forms and all("csrfmiddlewaretoken" in form for form in forms)


@pytest.mark.parametrize("path", ["/results/", *ON_DEMAND])
def test_the_page_has_no_inline_scripts_or_styles(client, path):
    with_answers(client, maximal_answers())
    html = client.get(path).content.decode()
    assert not re.search(r"\sstyle=", html)
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html)


@pytest.mark.parametrize("path", ["/results/", *ON_DEMAND])
def test_the_results_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries, path):
    # Intended to prevent an N+1 as content grows: with the content snapshot read, a page
    # costs its session, its answers and nothing per option, concern or source.
    with_answers(client, maximal_answers())
    assert client.get(path).status_code == 200
    with django_assert_max_num_queries(4):
        assert client.get(path).status_code == 200

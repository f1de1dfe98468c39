"""The results page: five options side by side, the referral block, the SURE test."""

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.utils.html import escape

from decisionaid.content.models import Option, Resource, Source
from decisionaid.questionnaire import forms
from decisionaid.readability import grade, hardest_sentences
from decisionaid.summary import build_summary
from tests.factories import crisis_answers, maximal_answers, mild_answers, severe_answers
from tests.questionnaire_helpers import complete, with_answers
from tests.visible_text import as_prose, visible_blocks

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
    """Headings in order, and which elements sit inside a <details>."""

    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.details = 0
        self.ids_in_details: set[str] = set()

    def handle_starttag(self, tag, attrs):
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "details":
            self.details += 1
        attrs = dict(attrs)
        if self.details and attrs.get("id"):
            self.ids_in_details.add(attrs["id"])

    def handle_endtag(self, tag):
        if tag == "details":
            self.details -= 1


def outline(html: str) -> Outline:
    parser = Outline()
    parser.feed(html)
    return parser


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
    html = page(client)
    assert "Your results" in html


def test_the_results_page_is_never_cached(client):
    with_answers(client, mild_answers())
    response = client.get("/results/")
    assert "no-store" in response["Cache-Control"]


def test_the_results_page_only_answers_get(client):
    with_answers(client, mild_answers())
    assert client.post("/results/").status_code == 405


# --- What it shows ---------------------------------------------------------------------------------


def test_the_page_shows_all_five_options_side_by_side_in_a_real_table(client):
    html = page(client, mild_answers())
    table = html[html.index('<table class="compare">') : html.index("</table>")]
    assert "<caption" in table
    names = list(Option.objects.order_by("order").values_list("name", flat=True))
    headers = re.findall(r'<th scope="col">(.*?)</th>', table)
    assert headers == names
    row_headers = re.findall(r'<th scope="row">(.*?)</th>', table)
    assert row_headers[0] == "What it is"
    assert "Cost for you" in row_headers
    assert row_headers[-2:] == ["How it fits what you said", "Things to think about"]
    assert len(re.findall(r"<tr", table)) == 1 + len(row_headers)


def test_the_cards_for_phones_show_every_option_with_the_same_rows(client):
    html = page(client, mild_answers())
    cards = html[html.index('<div class="compare-cards">') : html.index('<section class="values"')]
    assert cards.count('<article class="option-card"') == 5
    rows = re.findall(r'<div class="card-row row-([a-z_]+)">', cards)
    assert len(rows) == 5 * 11
    assert rows[:11] * 5 == rows


def test_the_page_shows_the_sections_in_order(client):
    html = page(client, crisis_answers(pregnant_or_breastfeeding="yes"))
    markers = [
        'id="crisis-now"',
        'id="scores-title"',
        'id="notice-pregnancy_medication"',
        'id="told-us-title"',
        'id="options-title"',
        'id="values-title"',
        'id="numbers-title"',
        'id="questions-title"',
        'id="sure"',
        'id="referral"',
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
    assert f"Call {summary['emergency_number']}" in crisis
    for line in summary["crisis"]["resources"]:
        assert line["name"] in crisis
    assert main.index('id="crisis-now"') < main.index('class="lead"')


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
    told = html[html.index('id="told-us-title"') : html.index('id="options-title"')]
    for label in ("Feeling low or depressed", "Worry or anxiety", "Learn ways to cope", "United Kingdom"):
        assert label in told


def test_each_fit_is_followed_by_the_answer_that_caused_it(client):
    answers = mild_answers()
    html = page(client, answers)
    summary = build_summary(answers)
    reasons = [r for option in summary["options"] for r in option["fit_reasons"] + option["consideration_reasons"]]
    assert reasons, "the content should have at least one rule for the mild person"
    for reason in reasons:
        assert (
            f'{escape(reason["text"])} <span class="because">Because you said: {escape(reason["answer_label"])}</span>'
            in html
        )


def test_cost_is_a_range_in_the_regions_currency_or_says_we_cannot_estimate(client):
    html = page(client, mild_answers(session_fee=60))
    summary = build_summary(mild_answers(session_fee=60))
    for option in summary["options"]:
        if option["cost"]["estimated"]:
            assert option["cost"]["display"] in html
            assert option["cost"]["display"].startswith("£")
    assert "We can&#x27;t estimate this." in html
    assert "How care is paid for in United Kingdom" in html


def test_without_a_fee_no_cost_is_estimated(client):
    html = page(client, mild_answers(session_fee=None))
    assert "You did not say what you could pay for a session." in html


def test_what_matters_to_you_shows_each_importance_answer(client):
    html = page(client, mild_answers())
    values = html[html.index('id="values-title"') : html.index('id="numbers-title"')]
    assert 'Avoiding side effects: <span class="value-level">matters a great deal</span>' in values
    assert "Understanding myself better" in values


def test_numbers_are_icon_arrays_with_a_text_equivalent(client):
    html = page(client, mild_answers())
    assert len(set(re.findall(r'<pattern id="([^"]+)"', html))) == html.count("<pattern "), "pattern ids are unique"
    numbers = html[html.index('id="numbers-title"') : html.index('id="questions-title"')]
    svgs = re.findall(r"<svg[^>]*>.*?</svg>", numbers, flags=re.S)
    assert svgs
    for svg in svgs:
        assert 'role="img"' in svg
        dark = int(re.search(r'aria-label="Picture of 100 dots, (\d+) of them dark', svg).group(1))
        # Each rectangle is filled with one dot per 10 by 10 square, dark or light.
        dots = {"on": 0, "off": 0}
        for width, height, kind in re.findall(
            r'<rect [^>]*width="(\d+)" height="(\d+)" fill="url\(#dots-(on|off)-', svg
        ):
            dots[kind] += int(width) * int(height) // 100
        assert dots == {"on": dark, "off": 100 - dark}
        pattern_ids = re.findall(r'<pattern id="([^"]+)"', svg)
        assert all(f"url(#{used})" in svg for used in pattern_ids) and len(set(pattern_ids)) == 2
    for figure in build_summary(mild_answers())["numbers"]:
        for group in figure["groups"]:
            assert escape(group["text"]) in numbers


def test_questions_to_ask_are_listed(client):
    html = page(client, mild_answers())
    for question in build_summary(mild_answers())["questions_for_clinician"]:
        assert escape(question) in html


def test_the_referral_block_is_always_visible_with_professional_routes_and_crisis_lines(client):
    html = page(client, mild_answers(region="NZ"))
    assert 'id="referral"' in html
    assert "referral" not in outline(html).ids_in_details
    start = html.index('id="referral"')
    referral = html[start : html.index("</section>", start)]
    assert "does not replace a professional" in referral
    for resource in Resource.objects.filter(region__code="NZ", kind__in=["professional", "crisis"]):
        assert resource.name in referral
    assert "<details" not in referral
    assert "hidden" not in referral  # neither `hidden` nor `aria-hidden`
    assert "<button" not in referral  # nothing to dismiss it with


def test_every_cited_source_is_listed_in_full_with_the_content_version(client):
    html = page(client, maximal_answers())
    sources = html[html.index('id="sources"') :]
    summary = build_summary(maximal_answers())
    assert summary["content_version"] in sources
    for source in summary["sources"]:
        assert f'id="source-{source["key"]}"' in sources
        citation = Source.objects.get(key=source["key"]).citation
        assert escape(citation) in sources


def test_every_source_link_on_the_page_has_a_target(client):
    html = page(client, maximal_answers())
    targets = set(re.findall(r'href="#source-([^"]+)"', html))
    listed = set(re.findall(r'id="source-([^"]+)"', html))
    assert targets
    assert targets <= listed


def test_the_page_offers_change_start_over_and_delete(client):
    html = page(client, mild_answers())
    assert 'href="/questions/place/"' in html
    assert 'action="/start-over/"' in html
    assert 'href="/delete/"' in html


def test_every_form_on_the_page_has_a_csrf_token(client):
    html = page(client, mild_answers())
    forms = re.findall(r"<form\b.*?</form>", html, flags=re.S)
    assert forms
    assert all("csrfmiddlewaretoken" in form for form in forms)


def test_the_page_has_no_inline_scripts_or_styles(client):
    html = page(client, maximal_answers())
    assert not re.search(r"\sstyle=", html)
    assert "<style" not in html
    assert not re.search(r"<script(?![^>]*\ssrc=)", html)


def test_the_youth_notice_lists_services_for_young_people(client):
    html = page(client, mild_answers(age_band="under_18"))
    notice = html[html.index('id="notice-youth"') : html.index('id="told-us-title"')]
    for resource in Resource.objects.filter(region__code="UK", kind="youth"):
        assert resource.name in notice


# --- The SURE test ----------------------------------------------------------------------------------


def test_the_sure_test_is_a_form_of_four_yes_no_fieldsets(client):
    html = page(client, mild_answers())
    sure = html[html.index('id="sure"') : html.index('id="referral"')]
    assert 'action="/results/sure/"' in sure
    assert 'hx-post="/results/sure/"' in sure
    assert sure.count("<fieldset") == 4
    assert sure.count("<legend>") == 4
    assert "Do you feel SURE about the best choice for you?" in sure
    assert "Do you have enough support and advice to make a choice?" in sure


def test_a_sure_post_is_saved_and_redirects_back_to_the_test(client):
    with_answers(client, mild_answers())
    response = client.post("/results/sure/", {**ALL_YES, "encouragement": "no"})
    assert response.status_code == 302
    assert response["Location"] == "/results/#sure"
    assert client.session["sure"] == {**ALL_YES, "encouragement": "no"}
    html = page(client)
    assert "What could help" in html
    assert "You do not have to choose alone." in html
    assert 'href="#referral"' in html
    assert 'value="no" id="id_encouragement_1" checked' in html


def test_all_yes_on_sure_shows_no_help_list(client):
    with_answers(client, mild_answers())
    client.post("/results/sure/", ALL_YES)
    html = page(client)
    assert "What could help" not in html
    assert "You said yes to all four." in html


def test_sure_answers_stay_out_of_the_contract_answers(client):
    answer_set = with_answers(client, mild_answers())
    client.post("/results/sure/", ALL_NO)
    answer_set.refresh_from_db()
    assert answer_set.answers == mild_answers()


@pytest.mark.parametrize(
    "data",
    [{**ALL_YES, "encouragement": "maybe"}, {"sure_of_myself": "yes"}, {}, {**ALL_YES, "risk_benefit_ratio": "<b>"}],
    ids=["forged-value", "missing", "empty", "markup"],
)
def test_forged_sure_values_give_a_kind_error_and_nothing_is_saved(client, data):
    with_answers(client, mild_answers())
    response = client.post("/results/sure/", data)
    assert response.status_code == 422
    html = response.content.decode()
    assert "Please check your answers" in html
    assert "Please choose yes or no." in html
    assert "<b>" not in html[html.index('id="sure"') : html.index('id="referral"')]
    assert "sure" not in client.session


def test_an_htmx_sure_post_returns_only_the_sure_partial(client):
    with_answers(client, mild_answers())
    response = client.post(
        "/results/sure/", {**ALL_YES, "understand_information": "no"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith('<section class="sure" id="sure"')
    assert "<html" not in html
    assert "What could help" in html
    assert 'id="referral"' not in html
    assert client.session["sure"]["understand_information"] == "no"
    assert "no-store" in response["Cache-Control"]


def test_an_htmx_sure_post_with_a_forged_value_returns_the_partial_with_the_error(client):
    with_answers(client, mild_answers())
    response = client.post("/results/sure/", {**ALL_YES, "sure_of_myself": "perhaps"}, headers={"HX-Request": "true"})
    assert response.status_code == 200  # htmx swaps only 2xx responses
    html = response.content.decode()
    assert html.strip().startswith('<section class="sure" id="sure"')
    assert "Please choose yes or no." in html


def test_a_sure_post_without_answers_goes_to_the_first_step(client):
    response = client.post("/results/sure/", ALL_YES)
    assert response.status_code == 302
    assert response["Location"] == "/questions/place/"


def test_sure_only_accepts_post(client):
    with_answers(client, mild_answers())
    assert client.get("/results/sure/").status_code == 405


# --- Queries -----------------------------------------------------------------------------------------


def test_the_results_page_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    # Intended to prevent an N+1 as content grows: session, answers, the summary's 8, the footer.
    with_answers(client, maximal_answers())
    with django_assert_max_num_queries(11):
        assert client.get("/results/").status_code == 200


def test_the_results_page_with_the_crisis_banner_adds_only_the_banners_queries(client, django_assert_max_num_queries):
    with_answers(client, crisis_answers(), crisis=True)
    with django_assert_max_num_queries(14):
        assert client.get("/results/").status_code == 200


# --- Plain language ---------------------------------------------------------------------------------

TEMPLATE = Path(__file__).resolve().parent.parent / "templates" / "results" / "results.html"
MAX_GRADE = 7.0
PLAIN_PERSON = {
    "phq9_9": 1,
    "pregnant_or_breastfeeding": "yes",
    "age_band": "under_18",
    "medication_view": "already_taking",
    "relief_timing": "weeks",
    "commitment": "up_to_3_months",
}


def too_hard(texts) -> list[str]:
    graded = sorted(((grade(text), text) for text in set(texts)), reverse=True)
    return [f"  {score:.1f}: {text}" for score, text in graded if score > MAX_GRADE]


def template_sentences() -> list[str]:
    """The sentences written in the results template, placeholders filled with a number."""
    source = TEMPLATE.read_text()
    strings = re.findall(r'{% translate "([^"]+)"', source)
    strings += re.findall(r"{% blocktranslate[^%]*%}(.*?){% endblocktranslate %}", source, flags=re.S)
    sentences = []
    for text in strings:
        text = re.sub(r"{{\s*\w+\s*}}", "12", text)
        sentences += [
            s for s in re.split(r"(?<=[.?!])\s+", text) if s.endswith((".", "?", "!")) and len(s.split()) >= 4
        ]
    return sentences


def test_the_results_page_for_a_maximal_person_reads_at_grade_7_or_below(client):
    answers = maximal_answers(**PLAIN_PERSON)
    with_answers(client, answers)
    client.post("/results/sure/", ALL_NO)
    html = page(client)
    html = html[html.index('<main id="main"') : html.index('id="sources"')]  # citations are for professionals
    validated = [*forms.PHQ9_ITEMS, *forms.GAD7_ITEMS, forms.PHQ_ATTRIBUTION]
    text = as_prose(visible_blocks(html, exclude=validated))
    hardest = "\n".join(f"  {score:.1f}: {sentence}" for score, sentence in hardest_sentences(text, 8))
    assert grade(text) <= MAX_GRADE, f"The page reads at grade {grade(text):.1f}. Hardest sentences:\n{hardest}"


def test_each_notice_fit_consideration_question_and_number_reads_at_grade_7_or_below(client):
    answers = maximal_answers(**PLAIN_PERSON)
    summary = build_summary(answers, sure=ALL_NO)
    texts = [notice["text"] for notice in summary["notices"]]
    texts += summary["questions_for_clinician"]
    texts += [summary["scores"]["note"], summary["referral"]["text"]]
    for option in summary["options"]:
        texts += option["fits"] + option["considerations"]
    for figure in summary["numbers"]:
        texts += [figure["time_frame"], figure["uncertainty"], *(group["text"] for group in figure["groups"])]
    texts += [item["help"] for item in summary["sure"]["items"]]
    assert len(texts) > 30

    with_answers(client, answers)
    client.post("/results/sure/", ALL_NO)
    visible = " ".join(visible_blocks(page(client)))
    missing = [text for text in texts if text not in visible]
    assert missing == [], "every checked sentence is one the person sees"
    hard = too_hard(texts)
    assert not hard, "Above grade 7:\n" + "\n".join(hard)


def test_every_sentence_written_in_the_results_template_reads_at_grade_7_or_below():
    sentences = template_sentences()
    assert len(sentences) > 20
    hard = too_hard(sentences)
    assert not hard, "Above grade 7:\n" + "\n".join(hard)


@pytest.mark.parametrize("dark", range(101))
def test_an_icon_array_darkens_exactly_the_first_dots_in_reading_order(dark):
    from decisionaid.results.templatetags.results_tags import icon_blocks

    grid = [[None] * 10 for _ in range(10)]
    for block in icon_blocks(dark):
        for row in range(block["y"] // 10, (block["y"] + block["height"]) // 10):
            for column in range(block["x"] // 10, (block["x"] + block["width"]) // 10):
                assert grid[row][column] is None, "no dot is drawn twice"
                grid[row][column] = block["on"]
    assert [dot for row in grid for dot in row] == [True] * dark + [False] * (100 - dark)


def test_each_score_cites_where_its_bands_come_from(client):
    html = page(client, mild_answers())
    scores = html[html.index('id="scores-title"') : html.index("</section>", html.index('id="scores-title"'))]
    assert 'href="#source-kroenke-2001"' in scores
    assert 'href="#source-spitzer-2006"' in scores and 'href="#source-kroenke-2007"' in scores
    for key in ("kroenke-2001", "spitzer-2006", "kroenke-2007"):
        assert f'id="source-{key}"' in html

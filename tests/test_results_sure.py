"""The results page's SURE test (saved in place with htmx or by a plain post) and its plain
language: every sentence a person reads there at US grade 7 or below."""

import re
from pathlib import Path

import pytest

from decisionaid.instruments import ATTRIBUTION, GAD7, PHQ9
from decisionaid.summary import build_summary
from tests.factories import maximal_answers, mild_answers
from tests.questionnaire_helpers import with_answers
from tests.readability import grade, hardest_sentences
from tests.test_results import ALL_NO, ALL_YES, page
from tests.visible_text import as_prose, visible_blocks

pytestmark = pytest.mark.django_db


# --- The SURE test ----------------------------------------------------------------------------


def test_the_sure_test_is_a_form_of_four_yes_no_fieldsets(client):
    html = page(client, mild_answers())
    # A click away from the first view, at an address of its own.
    assert 'href="/results/ready/" hx-get="/results/ready/"' in html
    sure = client.get("/results/ready/").content.decode()
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
    assert "<b>" not in html[html.index('id="sure"') : html.index("</section>", html.index('id="sure"'))]
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
    assert response.status_code == 422  # the page's htmx settings swap a 422 in
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


# --- Plain language ---------------------------------------------------------------------------------

TEMPLATES = sorted((Path(__file__).resolve().parent.parent / "templates" / "results").glob("*.html"))
MAX_GRADE = 7.0
PLAIN_PERSON = {
    "phq9_9": 1,
    "pregnant_or_breastfeeding": "yes",
    "age_band": "under_18",
    "medication_view": "already_taking",
    "relief_timing": "weeks",
    "commitment": "up_to_3_months",
}


# An option's name is the name a person will hear from a clinician, and the glossary explains
# it; graded as one plain word, so that "psychodynamic therapy" (8 syllables) alone does not set
# the grade of a 12-word sentence. Every other word is graded as written.
OPTION_NAME = re.compile(r"psychodynamic therapy|psychodynamic", re.IGNORECASE)


def too_hard(texts) -> list[str]:
    graded = sorted(((grade(OPTION_NAME.sub("therapy", text)), text) for text in set(texts)), reverse=True)
    return [f"  {score:.1f}: {text}" for score, text in graded if score > MAX_GRADE]


def template_sentences() -> list[str]:
    """The sentences written in the results templates, placeholders filled with a number."""
    source = "\n".join(template.read_text() for template in TEMPLATES)
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
    html = html[html.index('<main id="main"') :]
    validated = [item.text for item in PHQ9.items + GAD7.items] + [ATTRIBUTION]
    text = as_prose(visible_blocks(html, exclude=validated))
    hardest = "\n".join(f"  {score:.1f}: {sentence}" for score, sentence in hardest_sentences(text, 8))
    assert grade(text) <= MAX_GRADE, f"The page reads at grade {grade(text):.1f}. Hardest sentences:\n{hardest}"


def test_each_notice_fit_consideration_question_and_number_reads_at_grade_7_or_below(client):
    answers = maximal_answers(**PLAIN_PERSON)
    summary = build_summary(answers, sure=ALL_NO)
    # "More choices than these five" gives way on the page to the care offered first for their
    # own concerns, which says it in particular (summary.grid.notices).
    texts = [notice["text"] for notice in summary["notices"] if notice["code"] != "other_options"]
    texts += [care["text"] for care in summary["other_care"]]
    texts += summary["questions_for_clinician"]
    texts += [summary["scores"]["note"], summary["referral"]["text"]]
    for option in summary["options"]:
        texts += option["fits"] + option["considerations"]
    for figure in summary["figures"]:
        texts += [figure["time_frame"], figure["uncertainty"], *(group["text"] for group in figure["groups"])]
    texts += [item["help"] for item in summary["sure"]["items"]]
    assert len(texts) > 30

    with_answers(client, answers)
    client.post("/results/sure/", ALL_NO)
    # What the person sees on the page and in the parts they open on it.
    opened = [page(client)] + [
        client.get(path, headers={"HX-Request": "true"}).content.decode()
        for path in ["/results/questions/", "/results/figures/", "/results/care/"]
        + [f"/results/options/{option['slug']}/" for option in summary["options"]]
    ]
    visible = " ".join(block for html in opened for block in visible_blocks(html))
    missing = [text for text in texts if text not in visible]
    assert missing == [], "every checked sentence is one the person sees"
    hard = too_hard(texts)
    assert not hard, "Above grade 7:\n" + "\n".join(hard)


def test_every_sentence_written_in_the_results_templates_reads_at_grade_7_or_below():
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
                assert grid[row][column] is None, "no dot is rendered twice"
                grid[row][column] = block["on"]
    assert [dot for row in grid for dot in row] == [True] * dark + [False] * (100 - dark)

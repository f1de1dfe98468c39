"""The paper summary's one source of words: the print view and the PDF render the one
document `decisionaid.paper.paper_summary` builds, so each says what the other says,
and neither template writes a sentence of its own. Also what paper must show a clinician:
the risk answers, live crisis numbers, and the clinician's brief on page 1."""

import io
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pdfplumber
import pytest
from django.conf import settings
from django.template.loader import render_to_string

from decisionaid.paper import paper_summary
from decisionaid.paper.pdf import summary_pdf
from decisionaid.summary import build_summary
from tests.factories import crisis_answers, maximal_answers, mild_answers, phq9

pytestmark = pytest.mark.django_db
TEMPLATES = Path(settings.BASE_DIR) / "templates" / "results"
ANSWERED = date(2026, 12, 1)

BRIEF = {
    "title": "Clinician's brief",
    "reference": "Ref 7KQ2",
    "date": "1 December 2026",
    "sections": [
        {
            "title": "Safety",
            "rows": [
                {"label": "Thoughts of self-harm (PHQ-9 item 9)", "value": "Several days", "alert": True},
                {"label": "In danger now", "value": "No", "alert": False},
            ],
        },
        {"title": "Scores", "rows": [{"label": "PHQ-9", "value": "14, moderate", "alert": False}]},
    ],
    "notes_text": "Notes for the appointment.",
}


class Headings(HTMLParser):
    """The text of every h1, h2 and h3 of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("h1", "h2", "h3"):
            self.depth += 1
            self.found.append("")

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3"):
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.found[-1] += data


def words(text: str) -> str:
    return " ".join(text.split())


def pdf_pages(content: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(content)) as document:
        return [words(page.extract_text() or "") for page in document.pages]


def print_view(summary: dict) -> str:
    return render_to_string("results/print.html", {"paper": paper_summary(summary, made_on=ANSWERED)})


def several_days(**overrides) -> dict:
    """Item 9 answered "Several days", not in danger now."""
    return mild_answers(**{**phq9(1, 1, 1, 1, 1, 0, 1, 0, 1), **overrides})


@pytest.mark.pdf
@pytest.mark.parametrize("answers", [mild_answers, crisis_answers, maximal_answers], ids=["typical", "crisis", "all"])
def test_every_heading_of_the_print_view_is_in_the_pdf(answers):
    summary = build_summary(answers(), answered_on=ANSWERED)
    summary["brief"] = BRIEF
    parser = Headings()
    parser.feed(print_view(summary))
    pdf = " ".join(pdf_pages(summary_pdf(summary)))
    assert len(parser.found) > 12
    for heading in parser.found:
        assert words(heading) in pdf, heading


def test_the_paper_templates_write_no_words_of_their_own():
    # A sentence written in a template and again in paper.py is what this test forbids:
    # every word of the print view and the PDF comes from paper_summary.
    for name in ("print.html", "print_base.html"):
        html = (TEMPLATES / name).read_text()
        assert "translate" not in html, name
        text = re.sub(
            r"{%.*?%}|{{.*?}}|{#.*?#}|<[^>]*>", " ", re.sub(r"{% comment %}.*?{% endcomment %}", "", html, flags=re.S)
        )
        assert not re.search(r"[A-Za-z]{2,}", text), (name, words(text)[:200])
    typ = re.sub(r"//.*", "", (TEMPLATES / "summary.typ").read_text())
    literals = set(re.findall(r'"([^"]*)"', typ))
    # Keys of the data, a font's name, the page-number placeholders: nothing a reader reads.
    layout = {"lead", "strong", "text", "notes", "href", "Atkinson Hyperlegible", "DejaVu Sans", "{page}", "{pages}"}
    assert {literal for literal in literals if re.search(r"[A-Za-z]", literal)} <= layout, literals


def test_the_paper_counts_no_tally_of_reasons():
    # A count of reasons ("; and 3 more") reads as a score: the paper names its reasons and no more.
    document = paper_summary(build_summary(maximal_answers()), made_on=ANSWERED)
    fits = next(row for row in document["options"]["rows"] if row["code"] == "fits")
    text = " ".join(para.get("text", "") for answer in fits["groups"][0]["cells"] for para in answer["paras"])
    assert text.strip() and not re.search(r"and \d+ more", text), text


def test_the_print_view_and_pdf_state_the_risk_answers_with_the_date(client):
    summary = build_summary(several_days(), answered_on=ANSWERED)
    html = print_view(summary)
    risk = html[html.index('<section class="risk"') :]
    risk = words(re.sub(r"<[^>]+>", " ", risk[: risk.index("</section>")]))
    assert "Thoughts that you would be better off dead" in risk
    assert "Several days" in risk
    assert "In danger now" in risk and "No" in risk
    assert "Answered on 1 December 2026." in risk
    assert html.index('class="risk"') < html.index('class="scores"')  # before anything else to read


@pytest.mark.pdf
def test_the_pdf_states_the_risk_answers_and_its_crisis_numbers_are_live_links():
    summary = build_summary(several_days(region="US", in_danger_now=True), answered_on=ANSWERED)
    content = summary_pdf(summary)
    text = " ".join(pdf_pages(content))
    assert "Several days" in text and "Answered on 1 December 2026." in text
    assert text.index("In danger now? Call 911.") < text.index("988 Suicide")  # the emergency first
    assert text.count("Crisis help: United States") == 1  # once, though the lines are offered twice
    with pdfplumber.open(io.BytesIO(content)) as document:
        links = {link["uri"] for page in document.pages for link in page.hyperlinks}
    assert {"tel:911", "tel:988", "sms:741741"} <= links, links
    assert "Text 988." not in text  # "Call or text 988" says it once


@pytest.mark.pdf
def test_a_clinicians_brief_is_page_one_of_the_pdf_and_tops_the_print_view():
    summary = build_summary(several_days(), answered_on=ANSWERED)
    summary["brief"] = BRIEF
    summary["options"][0]["offered_here"] = False
    pages = pdf_pages(summary_pdf(summary))
    assert "Clinician's brief" in pages[0] and "Ref 7KQ2" in pages[0]
    assert "Thoughts of self-harm" in pages[0] and "Several days" in pages[0]
    assert "Notes for the appointment." in pages[0]
    assert "Your scores" not in pages[0]  # the person's summary starts on page 2
    assert "Not offered here" in " ".join(pages)
    html = print_view(summary)
    assert html.index('class="brief"') < html.index('class="risk"')
    assert re.search(r'<tr class="alert"><th scope="row">Thoughts of self-harm[^<]*</th><td><strong>Several days', html)
    assert "Not offered here" in html


def test_without_a_brief_the_print_view_has_none():
    html = print_view(build_summary(mild_answers()))
    assert 'class="brief"' not in html
    assert "Not offered here" not in html


def test_the_print_view_links_back_to_the_results_and_has_something_in_every_box(client):
    from tests.questionnaire_helpers import complete

    complete(client, mild_answers())
    html = client.get("/results/print/").content.decode()
    assert '<a href="/results/">Back to my results</a>' in html
    sure = html[html.index('<section class="sure"') :]
    sure = words(re.sub(r"<[^>]+>", " ", sure[: sure.index("</section>")]))
    assert sure == "Are you ready to choose? You have not answered these four questions yet."
    assert 'href="tel:' in html  # crisis numbers are links on screen too


def test_paper_says_each_evidence_level_in_a_short_word_keyed_once_by_its_row():
    document = paper_summary(build_summary(maximal_answers()), made_on=ANSWERED)
    evidence = document["options"]["rows"][0]
    assert "●●● strong" in evidence["key"] and "○○○ few studies" in evidence["key"]
    levels = {para["strong"] for group in evidence["groups"] for cell in group["cells"] for para in cell["paras"]}
    assert levels <= {"●●● Strong", "●●○ Moderate", "●○○ Limited", "○○○ Few studies", "✕ Not recommended"}, levels
    assert len(evidence["groups"]) == 14  # a group per concern: so "What you told us" does not list them again
    told = " ".join(row["label"] for row in document["told"]["rows"])
    assert "What you want help with" not in told
    assert "Where you live" not in told  # the line under the title names the region


def test_a_question_of_the_table_carries_its_notes_by_its_label_not_in_each_cell():
    document = paper_summary(build_summary(mild_answers()), made_on=ANSWERED)
    rows = {row["code"]: row for row in document["options"]["rows"]}
    assert re.fullmatch(r"\[[\d, –]+\]", rows["cost"]["notes"]), rows["cost"]["notes"]
    for row in rows.values():
        for group in row["groups"]:
            assert not any("notes" in para for cell in group["cells"] for para in cell["paras"]), row["code"]


def test_paper_lists_each_source_once_a_guideline_and_its_public_version_as_one():
    document = paper_summary(build_summary(maximal_answers()), made_on=ANSWERED)
    labels = [note["label"] for note in document["sources"]["notes"]]
    assert len(labels) == len(set(labels))
    assert "NICE NG69" in labels and not any(label.endswith(")") for label in labels), labels
    assert [note["number"] for note in document["sources"]["notes"]] == [str(n) for n in range(1, len(labels) + 1)]


def test_a_young_persons_lines_already_in_the_crisis_box_are_not_given_twice():
    document = paper_summary(build_summary(crisis_answers(region="US", age_band="under_18")), made_on=ANSWERED)
    crisis = {line["name"]: line for line in document["crisis"]["lines"]["lines"]}
    youth = next(notice for notice in document["notices"] if notice["code"] == "youth")
    assert youth["lines"] and all(line["name"] in crisis for line in youth["lines"])
    for line in youth["lines"]:
        assert not any("href" in part for part in line["parts"])  # the live numbers are in the box
        assert any("href" in part for part in crisis[line["name"]]["parts"])

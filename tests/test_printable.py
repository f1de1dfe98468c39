"""The paper summary: a print view and a PDF, both rendering the one summary, in readable
type for older eyes (body 11pt, the table 10pt, nothing smaller), within its page budget, tagged."""

import io
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from django.conf import settings
from pdfminer.pdftypes import resolve1

from decisionaid.content import snapshot
from decisionaid.content.models import OptionFact, Source
from decisionaid.paper import pdf as summary_pdf
from decisionaid.summary import build_summary
from decisionaid.summary.grid import QUESTIONS
from tests.factories import crisis_answers, heaviest_answers, maximal_answers, mild_answers
from tests.questionnaire_helpers import complete, with_answers

pytestmark = pytest.mark.django_db
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"
needs_poppler = pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils is installed by scripts/test")


def pdf_text(content: bytes) -> str:
    with pdfplumber.open(io.BytesIO(content)) as document:
        return " ".join(" ".join((page.extract_text() or "").split()) for page in document.pages)


def font_sizes(content: bytes) -> set[float]:
    """The size of every character the PDF sets, in points."""
    with pdfplumber.open(io.BytesIO(content)) as document:
        return {round(char["size"], 2) for page in document.pages for char in page.chars}


def test_the_print_view_has_no_navigation_buttons_or_forms(client):
    complete(client, mild_answers())
    html = client.get("/results/print/").content.decode()
    assert "My summary to take to an appointment" in html
    assert "<nav" not in html
    assert "<form" not in html
    assert "<details" not in html  # paper has nothing to open
    assert "Where to get help" in html
    assert "What to ask your clinician" in html
    assert re.search(r'<meta name="description" content="[^"]{20,}">', html)


def test_the_results_page_links_to_the_print_view_and_the_pdf(client):
    complete(client, mild_answers())
    html = client.get("/results/").content.decode()
    assert 'href="/results/print/"' in html
    assert 'href="/results/summary.pdf"' in html
    assert 'media="print"' in html  # Ctrl+P uses the same print stylesheet


def test_the_paper_stylesheet_uses_system_fonts_in_sizes_for_older_eyes():
    css = (Path(settings.BASE_DIR) / "static" / "css" / "print.css").read_text()
    assert "@font-face" not in css and ".ttf" not in css  # nothing to download to print
    sizes = [float(size) for size in re.findall(r"font-size:\s*([\d.]+)pt", css)]
    assert sizes and min(sizes) >= 10, sizes
    assert "body { font-size: 11pt" in css
    screen = [float(size) for size in re.findall(r"font-size:\s*([\d.]+)px", css)]
    assert screen and min(screen) >= 14, screen  # the print view on a phone
    assert not re.search(r"font-size:\s*(0?\.\d+|[1-7](\.\d+)?)(em|rem)", css), "no size below the body's"


@pytest.mark.pdf
def test_the_pdf_holds_every_section_crisis_first(client):
    complete(client, crisis_answers())
    response = client.get("/results/summary.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert re.fullmatch(
        r'attachment; filename="decisionaid-summary-\d{4}-\d{2}-\d{2}\.pdf"', response["Content-Disposition"]
    )
    assert "no-store" in response["Cache-Control"]
    text = pdf_text(response.content)
    summary = build_summary(crisis_answers())
    expected = [
        "Please get help now",
        "Your scores",
        "not a diagnosis",
        "What you told us",
        "Your options side by side",
        *(option["name"].split()[0] for option in summary["options"]),  # names wrap in their column
        "What matters to you",
        "Where to get help",
        "Samaritans",
        "116 123",
        "What to ask your clinician",
        "Are you ready to choose?",
        "Kroenke 2001",
        f"Content version {summary['content_version']}",
    ]
    for words in expected:
        assert words in text, words
    for _code, _kind, label in QUESTIONS:  # the grid's row headers, wrapped in their narrow column
        assert all(word in text for word in str(label).split()), label
    assert text.index("Please get help now") < text.index("Your scores")
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "summary-crisis.pdf").write_bytes(response.content)


@pytest.mark.pdf
def test_the_pdf_is_tagged_with_its_title_and_language(client):
    complete(client, mild_answers())
    content = client.get("/results/summary.pdf").content
    with pdfplumber.open(io.BytesIO(content)) as document:
        catalog = document.doc.catalog
        assert catalog["MarkInfo"]["Marked"] is True
        assert "StructTreeRoot" in catalog
        assert catalog["Lang"] == b"en"
        assert document.metadata["Title"] == "My summary to take to an appointment"
        assert b"<pdfuaid:part>1</pdfuaid:part>" in resolve1(catalog["Metadata"]).get_data()


@pytest.mark.pdf
@pytest.mark.parametrize("answers", [mild_answers, crisis_answers, maximal_answers], ids=["typical", "crisis", "all"])
def test_paper_is_set_for_older_eyes_in_a_regular_font(answers):
    content = summary_pdf.summary_pdf(build_summary(answers()))
    sizes = font_sizes(content)
    assert min(sizes) >= 10, sorted(sizes)  # the table and the small print
    assert 11.0 in sizes  # the body
    with pdfplumber.open(io.BytesIO(content)) as document:
        fonts = {char["fontname"].split("+")[-1] for page in document.pages for char in page.chars}
    # Atkinson Hyperlegible, with DejaVu Sans at regular width for the marks: never condensed.
    assert "AtkinsonHyperlegible-Regular" in fonts, fonts
    shipped = {"AtkinsonHyperlegible-Regular", "AtkinsonHyperlegible-Bold", "DejaVuSans", "DejaVuSans-Bold"}
    assert fonts <= shipped, fonts


@pytest.mark.pdf
@pytest.mark.parametrize(
    ("who", "answers"),
    [("typical", mild_answers), ("typical, in crisis", crisis_answers), ("the heaviest", heaviest_answers)],
)
# The UK without a nation and the US have the longest lists of lines and ways to care.
@pytest.mark.parametrize(("region", "paper"), [("UK", (595, 842)), ("US", (612, 792))], ids=["A4", "Letter"])
def test_the_pdf_is_at_most_three_pages(client, who, answers, region, paper):
    complete(client, answers(region=region))
    with pdfplumber.open(io.BytesIO(client.get("/results/summary.pdf").content)) as document:
        assert (round(document.pages[0].width), round(document.pages[0].height)) == paper
        assert len(document.pages) <= 3, f"{who} in {region}: {len(document.pages)} pages"


@pytest.mark.pdf
def test_content_and_answers_are_never_read_as_typst_markup(client):
    hostile = '#panic("read as code") #read("/etc/passwd") *bold* _em_ $x^2$ <label> @ref [link] \\ ] } // #{1}'
    OptionFact.objects.filter(option__slug="cbt", row="what_it_is").update(brief=hostile)
    Source.objects.filter(key="kroenke-2001").update(label=hostile)
    snapshot.forget()
    summary = build_summary(mild_answers())
    summary["options"][0]["name"] = '")]#panic("x")'
    text = pdf_text(summary_pdf.summary_pdf(summary))
    # Set as text, every mark is on the page; a line may break anywhere in it ("/etc/ passwd").
    assert re.sub(r"\s", "", hostile) in re.sub(r"\s", "", text)
    assert '")]#panic("x")' in text
    assert "root:" not in text


def test_the_paper_layout_reads_no_file_and_no_markup_from_its_data():
    layout = summary_pdf.LAYOUT.read_text()
    assert "json(bytes(sys.inputs.paper))" in layout
    for reader in ("read(", "image(", "#include", "#import", "eval("):
        assert reader not in layout, reader


def test_on_paper_the_grid_cells_name_their_sources_by_numbered_notes(client):
    with_answers(client, mild_answers())
    html = client.get("/results/print/").content.decode()
    grid = html[
        html.index('<table class="compare paper-compare"') : html.index("</table>", html.index("paper-compare"))
    ]
    assert re.search(r'<span class="notes">\[\d+(, \d+|–\d+)*\]</span>', grid)
    assert "NICE NG222" not in grid and "Kroenke" not in grid  # no author-year inside a cell
    notes = html[html.index('<ul class="source-notes">') :]
    assert re.search(r"<li>\[\d+\] NICE NG222</li>", notes)
    assert 'href="#source-' not in html  # no links to a list paper does not carry


def test_print_and_pdf_send_a_person_without_answers_to_the_questions(client):
    assert client.get("/results/print/")["Location"] == "/questions/place/"
    assert client.get("/results/summary.pdf")["Location"] == "/questions/place/"


@pytest.mark.pdf
def test_too_many_pdfs_in_an_hour_get_a_kind_wait_page(client, settings):
    settings.PDF_LIMIT_PER_HOUR = 2
    complete(client, mild_answers())
    assert client.get("/results/summary.pdf").status_code == 200
    assert client.get("/results/summary.pdf").status_code == 200
    response = client.get("/results/summary.pdf")
    assert response.status_code == 429
    assert "Please wait a while" in response.content.decode()


@pytest.mark.pdf
@needs_poppler
def test_the_pdf_page_renders_as_an_image(client):
    complete(client, mild_answers())
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "summary-typical.pdf").write_bytes(client.get("/results/summary.pdf").content)
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "1",
            str(OUTPUT / "summary-typical.pdf"),
            str(OUTPUT / "summary-page"),
        ],
        check=True,
    )
    assert list(OUTPUT.glob("summary-page*.png"))


def structure_tags(content: bytes) -> list[str]:
    """Every tag of the PDF's structure tree, in order."""
    with pdfplumber.open(io.BytesIO(content)) as document:
        found = []

        def walk(element):
            element = resolve1(element)
            if isinstance(element, dict):
                if "S" in element:
                    found.append(element["S"].name)
                kids = resolve1(element.get("K"))
                for kid in kids if isinstance(kids, list) else [kids]:
                    walk(kid)

        walk(document.doc.catalog["StructTreeRoot"])
        return found


@needs_poppler
@pytest.mark.pdf
def test_the_pdf_is_tagged_with_each_question_a_header_of_its_row():
    summary = build_summary(mild_answers())
    content = summary_pdf.summary_pdf(summary)
    info = subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True).stdout.decode()
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    tags = structure_tags(content)
    concerns = len(summary["answers_echo"]["concerns"])
    # The five option names, each question of the grid, and each concern under the evidence.
    assert tags.count("TH") == len(summary["options"]) + len(QUESTIONS) + concerns
    assert tags.count("TD") >= len(summary["options"]) * len(QUESTIONS)

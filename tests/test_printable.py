"""The printable summary: a print view and a PDF, both rendering the one summary."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.factories import crisis_answers, maximal_answers, mild_answers
from tests.questionnaire_helpers import complete

pytestmark = pytest.mark.django_db
OUTPUT = Path(__file__).resolve().parent.parent / "test-output"


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "summary.pdf"
    path.write_bytes(content)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_print_view_has_no_navigation_buttons_or_forms(client):
    complete(client, mild_answers())
    html = client.get("/results/print/").content.decode()
    assert "My summary to take to an appointment" in html
    assert "<nav" not in html
    assert "<form" not in html
    assert "Where to get help" in html
    assert "Questions to ask your doctor or therapist" in html


def test_the_results_page_links_to_the_print_view_and_the_pdf(client):
    complete(client, mild_answers())
    html = client.get("/results/").content.decode()
    assert 'href="/results/print/"' in html
    assert 'href="/results/summary.pdf"' in html
    assert 'media="print"' in html  # Ctrl+P uses the same print stylesheet


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is installed by scripts/test")
def test_the_pdf_holds_every_section_and_the_referral(client, tmp_path):
    complete(client, crisis_answers())
    response = client.get("/results/summary.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert re.fullmatch(
        r'attachment; filename="decisionaid-summary-\d{4}-\d{2}-\d{2}\.pdf"', response["Content-Disposition"]
    )
    assert "no-store" in response["Cache-Control"]
    text = " ".join(pdf_text(response.content, tmp_path).split())
    for expected in [
        "Your scores",
        "screening scores, not a diagnosis",
        "What you told us",
        "Psychodynamic",
        "Cognitive",
        "Antidepressant",
        "Therapy and",
        "Guided self-help",
        "What matters to you",
        "Questions to ask your doctor or therapist",
        "Are you ready to choose?",
        "Where to get help",
        "Samaritans",
        "116 123",
        "Sources",
        "Content version 2026.2",
        "Please get help now",
    ]:
        assert expected in text, expected
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / "summary-crisis.pdf").write_bytes(response.content)
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
            str(OUTPUT / "summary-crisis.pdf"),
            str(OUTPUT / "summary-page"),
        ],
        check=True,
    )
    assert list(OUTPUT.glob("summary-page*.png"))


def test_the_pdf_fetches_nothing_from_outside():
    from decisionaid.pdf import ForbiddenFetch, _static_file

    with pytest.raises(ForbiddenFetch):
        _static_file("https://example.com/tracker.png")
    with pytest.raises(ForbiddenFetch):
        _static_file("https://decisionaid.invalid/static/../../settings.py")
    assert (
        _static_file("https://decisionaid.invalid/static/fonts/DejaVuSansCondensed.ttf").name
        == "DejaVuSansCondensed.ttf"
    )


def test_print_and_pdf_send_a_person_without_answers_to_the_questions(client):
    assert client.get("/results/print/")["Location"] == "/questions/place/"
    assert client.get("/results/summary.pdf")["Location"] == "/questions/place/"


def test_too_many_pdfs_in_an_hour_get_a_kind_wait_page(client, settings):
    from django.core.cache import cache

    cache.clear()
    settings.PDF_LIMIT_PER_HOUR = 2
    complete(client, mild_answers())
    assert client.get("/results/summary.pdf").status_code == 200
    assert client.get("/results/summary.pdf").status_code == 200
    response = client.get("/results/summary.pdf")
    assert response.status_code == 429
    assert "Please wait a while" in response.content.decode()
    cache.clear()


def pdf_pages(content: bytes, tmp_path) -> tuple[int, str]:
    path = tmp_path / "summary.pdf"
    path.write_bytes(content)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    size = re.search(r"^Page size:\s+(.*)$", info, re.M).group(1)
    return pages, size


# A typical person fits on two pages, one who chose every concern on three; in A4 (most
# regions) and in Letter (the United States and Canada), whose page is shorter.
@pytest.mark.skipif(not shutil.which("pdfinfo"), reason="poppler-utils is installed by scripts/test")
@pytest.mark.parametrize(
    ("who", "answers", "budget"),
    [
        ("typical", mild_answers, 2),
        ("typical, in crisis", crisis_answers, 2),
        ("every concern", maximal_answers, 3),
    ],
)
@pytest.mark.parametrize(("region", "paper"), [("UK", "A4"), ("US", "letter")])
def test_the_pdf_stays_within_its_page_budget(client, tmp_path, who, answers, budget, region, paper):
    complete(client, answers(region=region))
    pages, size = pdf_pages(client.get("/results/summary.pdf").content, tmp_path)
    assert f"({paper})" in size, size
    assert pages <= budget, f"{who} in {region}: {pages} pages on {paper}, budget {budget}"


def test_on_paper_the_scores_cite_where_their_bands_come_from(client):
    complete(client, mild_answers())
    html = client.get("/results/print/").content.decode()
    scores = html[html.index('class="score-list"') : html.index("</ul>", html.index('class="score-list"'))]
    assert len(re.findall(r'class="cite-number"', scores)) == 3
    for citation in (
        "The PHQ-9: validity of a brief depression severity measure",
        "the GAD-7",
        "Anxiety disorders in primary care",
    ):
        assert citation in html

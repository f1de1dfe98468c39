"""The safety plan (issue 19, item 4): six parts, one step at a time or all at once, nothing
required, kept with the answers and deleted with them, never logged; offered on the crisis
page, on help-now and on results after a risky answer; a print view, a one-page PDF with live
tel: links, and the choice to add it to the summary for a clinician."""

import io
import logging

import pdfplumber
import pytest
from django.test import Client

from decisionaid.questionnaire.models import AnswerSet
from decisionaid.safetyplan.models import SafetyPlan
from decisionaid.safetyplan.parts import PARTS
from tests.factories import crisis_answers, mild_answers
from tests.questionnaire_helpers import page_text, with_answers

pytestmark = pytest.mark.django_db

WORDS = "I stop answering messages and cannot sleep"


def person(answers=None, crisis=False) -> tuple[Client, AnswerSet]:
    client = Client()
    return client, with_answers(client, answers or mild_answers(region="US"), crisis=crisis)


def test_anyone_can_start_a_plan_even_with_no_answers_yet(client):
    page = page_text(client.get("/safety-plan/").content.decode())
    assert "One step at a time" in page and "All on one page" in page
    response = client.post("/safety-plan/part/1/", {"warning_signs": WORDS})
    assert response["Location"] == "/safety-plan/part/2/"
    plan = SafetyPlan.objects.get()
    assert plan.warning_signs == WORDS
    assert plan.answer_set.answers == {}


def test_one_step_at_a_time_goes_through_all_six_parts_and_none_is_required():
    client, answer_set = person()
    for number, part in enumerate(PARTS, start=1):
        html = client.get(f"/safety-plan/part/{number}/").content.decode()
        assert str(part.title) in html and "For example" in html
        response = client.post(f"/safety-plan/part/{number}/", {part.code: ""})
        expected = f"/safety-plan/part/{number + 1}/" if number < len(PARTS) else "/safety-plan/"
        assert response["Location"] == expected
    assert SafetyPlan.objects.get(answer_set=answer_set).is_empty
    assert client.get("/safety-plan/part/7/").status_code == 404


def test_all_at_once_saves_every_part_and_keeps_what_was_there():
    client, answer_set = person()
    client.post("/safety-plan/part/1/", {"warning_signs": WORDS})
    data = {part.code: f"words for {part.code}" for part in PARTS} | {"warning_signs": WORDS}
    assert client.post("/safety-plan/all/", data)["Location"] == "/safety-plan/"
    plan = SafetyPlan.objects.get(answer_set=answer_set)
    assert plan.warning_signs == WORDS and plan.safer == "words for safer"
    overview = page_text(client.get("/safety-plan/").content.decode())
    assert WORDS in overview and "Print my plan" in overview


def test_too_long_a_part_gets_a_kind_error_and_nothing_is_lost():
    client, answer_set = person()
    client.post("/safety-plan/part/1/", {"warning_signs": WORDS})
    response = client.post("/safety-plan/all/", {"warning_signs": "x" * 501, "coping": "walk"})
    assert response.status_code == 422
    assert "Please keep this part shorter" in response.content.decode()
    assert SafetyPlan.objects.get(answer_set=answer_set).warning_signs == WORDS


def test_deleting_the_answers_deletes_the_plan():
    client, _answer_set = person()
    client.post("/safety-plan/all/", {"warning_signs": WORDS})
    client.post("/delete/")
    assert not SafetyPlan.objects.exists()


def test_the_plans_words_never_reach_a_log(caplog):
    client, _ = person()
    with caplog.at_level(logging.DEBUG):
        client.post("/safety-plan/all/", {"warning_signs": WORDS})
        client.get("/safety-plan/print/")
    assert WORDS not in caplog.text
    assert WORDS not in str(SafetyPlan.objects.get())


def test_the_safer_surroundings_part_speaks_of_guns_only_in_the_us():
    us, _ = person(mild_answers(region="US"))
    uk, _ = person(mild_answers(region="UK"))
    assert "gun at home" in us.get("/safety-plan/part/6/").content.decode()
    uk_page = uk.get("/safety-plan/part/6/").content.decode()
    assert "gun" not in uk_page and "Put medicines away" in uk_page


def test_the_crisis_lines_are_filled_in_for_the_person():
    client, _ = person(mild_answers(region="UK", age_band="under_18"))
    html = client.get("/safety-plan/part/5/").content.decode()
    assert "Filled in for you" in html
    assert 'href="tel:116123"' in html and 'href="tel:08001111"' in html
    assert 'href="tel:999"' in html


def test_the_plan_is_offered_on_the_crisis_page_help_now_and_results_after_a_risky_answer():
    client, _ = person(crisis_answers(region="US"), crisis=True)
    for url in ("/crisis/", "/help-now/", "/results/"):
        assert 'href="/safety-plan/"' in client.get(url).content.decode(), url
    calm, _ = person(mild_answers(region="US"))
    assert "Make a safety plan" not in calm.get("/results/").content.decode()
    assert "Make a safety plan" in Client().get("/help-now/").content.decode()


def test_the_print_view_shows_the_plan_with_call_links():
    client, _ = person(mild_answers(region="AU"))
    client.post("/safety-plan/all/", {"people": "My sister, 0400 000 000"})
    html = client.get("/safety-plan/print/").content.decode()
    assert "My sister, 0400 000 000" in html
    assert 'href="tel:000"' in html and 'href="tel:131114"' in html


def test_the_plan_joins_the_clinicians_summary_only_when_the_person_adds_it():
    client, _answer_set = person(crisis_answers(region="UK"), crisis=True)
    client.post("/safety-plan/all/", {"warning_signs": WORDS})
    assert WORDS not in client.get("/results/print/").content.decode()
    assert client.post("/safety-plan/in-summary/", {"in_summary": "on"})["Location"] == "/safety-plan/"
    assert WORDS in client.get("/results/print/").content.decode()
    client.post("/safety-plan/in-summary/", {})
    assert WORDS not in client.get("/results/print/").content.decode()


@pytest.mark.pdf
def test_the_pdf_is_one_tagged_page_with_live_call_links():
    client, _ = person(mild_answers(region="US"))
    client.post("/safety-plan/all/", {"warning_signs": WORDS, "people": "Sam 555 0100"})
    response = client.get("/safety-plan/safety-plan.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    with pdfplumber.open(io.BytesIO(response.content)) as document:
        assert len(document.pages) == 1
        text = document.pages[0].extract_text()
        links = {annot.get("uri") for annot in document.pages[0].annots}
    assert WORDS in text and "In danger now? Call 911." in text
    assert {"tel:911", "tel:988", "sms:741741?&body=HOME"} <= links


def test_a_share_link_shows_the_plan_only_when_the_person_added_it():
    import re

    client, _answer_set = person(crisis_answers(region="UK"), crisis=True)
    client.post("/safety-plan/all/", {"warning_signs": WORDS})
    # The new link is shown once, in the answer to the post that made it.
    made = client.post("/share/new-link/", {"days": 30}).content.decode()
    path = re.search(r'value="http://testserver(/s/[A-Za-z0-9_-]+/)"', made)
    assert WORDS not in Client().get(path.group(1)).content.decode()
    client.post("/safety-plan/in-summary/", {"in_summary": "on"})
    assert WORDS in Client().get(path.group(1)).content.decode()


@pytest.mark.parametrize(
    "path", ["/safety-plan/", "/safety-plan/all/", *(f"/safety-plan/part/{n}/" for n in range(1, 7))]
)
def test_the_safety_plan_reads_at_grade_6_or_below(path):
    from tests.readability import grade, hardest_sentences
    from tests.test_plain_language import VALIDATED
    from tests.visible_text import as_prose, visible_blocks

    client, _answer_set = person(mild_answers(region="US"))
    client.post("/safety-plan/all/", {"warning_signs": "I stop answering messages."})
    html = client.get(path).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    text = as_prose(visible_blocks(main, exclude=VALIDATED))
    hardest = "\n".join(f"  {g:.1f}: {s}" for g, s in hardest_sentences(text, 5))
    assert grade(text) <= 6.0, f"{path} reads at grade {grade(text):.1f}:\n{hardest}"


def test_the_retention_purge_deletes_a_plan_with_its_answers_and_a_plan_change_keeps_them():
    from datetime import timedelta

    from django.utils import timezone

    from decisionaid.retention.purge import purge_expired

    client, answer_set = person()
    AnswerSet.objects.filter(pk=answer_set.pk).update(updated_at=timezone.now() - timedelta(days=40))
    client.post("/safety-plan/all/", {"warning_signs": WORDS})  # a change today: kept
    purge_expired()
    assert SafetyPlan.objects.filter(answer_set=answer_set).exists()
    AnswerSet.objects.filter(pk=answer_set.pk).update(updated_at=timezone.now() - timedelta(days=40))
    purge_expired()
    assert not SafetyPlan.objects.exists()


@pytest.mark.pdf
@pytest.mark.parametrize("words", ["word " * 100, "ab\n" * 166], ids=["long parts", "many lines"])
def test_a_full_plan_still_fits_one_page(words):
    client, _answer_set = person(mild_answers(region="US"))
    assert client.post("/safety-plan/all/", {part.code: words.strip()[:500] for part in PARTS}).status_code == 302
    with pdfplumber.open(io.BytesIO(client.get("/safety-plan/safety-plan.pdf").content)) as document:
        assert len(document.pages) == 1

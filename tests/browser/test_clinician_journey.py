"""The whole clinician journey in Chromium, at desktop (1280 px) and phone (390 px) width: a
clinician makes an invitation with a fee and wait per option and a same-day contact; a patient
opens it, answers (item 9 "several days"), says what they lean toward, answers the SURE test
and sends; they see the reference code. The clinician finds the summary by its code, reads the
brief, downloads the PDF and the FHIR export (validated with fhir.resources' R4B models, the same
as R4 for QuestionnaireResponse), and marks it reviewed.

Along the way it measures how far down the clinician's summary page each key fact sits, in
screens, and writes the figures to test-output/clinician-journey-<width>.json."""

import json
import re

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.conftest import OUTPUT
from tests.browser.journeys import answer_step, choose, submit
from tests.factories import crisis_answers
from tests.sharing_people import make_clinician

PASSWORD = "correct horse battery 42"
HEIGHTS = {1280: 800, 390: 844}
# What a clinician looks for first, and the element in the brief that shows it.
KEY_FACTS = {
    "reference code": ".brief h2 .reference-code",
    "in danger now": ".brief-risk .brief-row >> nth=0",
    "PHQ-9 item 9": ".brief-risk .brief-row >> nth=1",
    "PHQ-9 total and band": ".brief-section >> nth=1",
    "view of medicine": ".brief-row:has(dt:text-is('View of medicine'))",
    "readiness (SURE)": ".brief-row:has(dt:text-is('S: Sure of myself'))",
    "leaning": ".brief-row:has(dt:text-is('Leans toward'))",
    "their questions": ".brief-row:has(dt:text-is('Their questions for you'))",
    "options offered here": ".brief-section:last-child",
    "copy for notes": "#notes-text",
}


def sign_in(page, url) -> None:
    page.goto(url("/clinic/"))
    page.get_by_label("Username").fill("dr_a")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("main h1")).to_have_text("Summaries sent to you")


@pytest.mark.pdf
@pytest.mark.parametrize("width", [1280, 390])
def test_the_whole_clinician_journey(width, browser, url, assert_accessible, screenshot):
    make_clinician("dr_a", "Riverside Practice", password=PASSWORD)
    viewport = {"width": width, "height": HEIGHTS[width]}
    clinician = browser.new_context(viewport=viewport, accept_downloads=True)
    page = clinician.new_page()
    sign_in(page, url)

    # The invitation: psychodynamic therapy not offered, CBT at its own fee and wait.
    page.get_by_role("link", name="Invitation links").click()
    page.get_by_label("Label").fill("Spring clinic")
    page.get_by_label("Fill in where patients live").select_option("UK")
    page.get_by_label("Psychodynamic therapy", exact=True).check()
    page.get_by_label("Your usual fee for each session").fill("£60")
    page.get_by_label("Usual wait before a first session, in weeks").fill("6")
    page.get_by_label("Fee for Cognitive behavioural therapy (CBT)").fill("0")
    page.get_by_label("Wait for Cognitive behavioural therapy (CBT), in weeks").fill("2")
    page.get_by_label("Same-day or crisis contact at the practice").fill("Same-day line 020 7946 0001")
    page.get_by_role("button", name="Make the link").click()
    expect(page.locator("main h1")).to_have_text("Invitation link: Spring clinic")
    invite_url = page.get_by_label("Invitation link to give to patients").input_value()

    # The patient, in their own browser at the same width.
    patient = browser.new_context(viewport=viewport).new_page()
    patient.goto(invite_url)
    patient.get_by_role("button", name="Start").click()
    answers = crisis_answers()
    for step in steps.STEPS:
        answer_step(patient, answers, step.slug)
        submit(patient)
        expect(patient.locator("main h1")).not_to_have_text(str(step.title))
        if patient.url.endswith("/crisis/"):
            # Item 9 interrupts with the crisis lines at once; the person goes on.
            patient.get_by_role("link", name="Go on with the questions").click()
    expect(patient).to_have_url(re.compile(r"/results/$"))
    expect(patient.locator(".practice-urgent").first).to_contain_text("Same-day line 020 7946 0001")
    expect(patient.locator(".share")).to_contain_text("Psychodynamic therapy: not offered here.")

    patient.get_by_role("link", name="Say what you lean toward (you can skip this)").click()  # a click away
    leaning = patient.locator("#leaning")
    leaning.scroll_into_view_if_needed()
    choose(patient, "leaning-option", "cbt")
    leaning.get_by_label("What are you unsure about?").fill("Whether I can make weekly sessions")
    leaning.get_by_label("What do you want to ask your doctor or therapist?").fill("How long is the wait for CBT?")
    leaning.get_by_role("button", name="Save").click()
    expect(patient.locator("#leaning")).to_contain_text("Saved.")
    assert_accessible(patient, f"results with the leaning form at {width}")

    sure = patient.locator("#sure")
    sure.get_by_role("link", name="Answer the four questions").click()  # a click away
    for code, value in {
        "sure_of_myself": "no",
        "understand_information": "yes",
        "risk_benefit_ratio": "yes",
        "encouragement": "yes",
    }.items():
        choose(patient, code, value)
    sure.get_by_role("button", name="Save my answers").click()
    expect(patient.locator("#sure")).to_contain_text("What could help")

    patient.get_by_label("Yes, send my summary to Riverside Practice.").check()
    patient.get_by_role("button", name="Send my summary").click()
    code = patient.locator(".share-reference .reference-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{3}-[A-Z0-9]{3}", code)
    screenshot(patient, f"clinician-journey-{width}-patient-sent")
    patient.context.close()

    # The dashboard: the risk count on top, the summary found by its code as typed aloud.
    page.get_by_role("link", name="Summaries").click()
    expect(page.locator(".dashboard-counts")).to_contain_text("1 summary with a risk answer: 1 not yet reviewed")
    expect(page.locator("table.dashboard-table tbody tr").first).to_contain_text("Item 9: Several days")
    page.get_by_label("Reference code").fill(code.lower().replace("-", " "))
    page.get_by_role("button", name="Show").click()
    expect(page.locator("table.dashboard-table tbody tr")).to_have_count(1)
    assert_accessible(page, f"dashboard at {width}")
    screenshot(page, f"clinician-journey-{width}-dashboard")

    # The brief: one click from the dashboard.
    page.get_by_role("link", name=f"Open summary {code}").click()
    brief = page.locator(".brief")
    expect(brief).to_contain_text(code)
    expect(page.locator(".brief-risk")).to_contain_text("Several days")
    expect(page.locator(".brief-risk .brief-row").first).to_contain_text("No")
    expect(brief).to_contain_text("Whether I can make weekly sessions")
    expect(brief).to_contain_text("How long is the wait for CBT?")
    expect(page.locator(".brief-row:has(dt:text-is('S: Sure of myself'))")).to_contain_text("No")
    expect(brief).to_contain_text("Not offered here.")
    expect(brief).to_contain_text("Offered here: £0 a session, about 2 weeks' wait.")
    assert "How long is the wait for CBT?" in page.locator("#notes-text").input_value()
    assert_accessible(page, f"clinician summary at {width}")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(OUTPUT / f"clinician-journey-{width}-brief-screen.png"))
    screenshot(page, f"clinician-journey-{width}-summary")

    screens = {}
    for fact, selector in KEY_FACTS.items():
        top = page.locator(selector).first.evaluate("el => el.getBoundingClientRect().top + window.scrollY")
        screens[fact] = round(top / HEIGHTS[width], 2)
    item_answers = page.locator(".brief-items summary")
    item_answers.click()
    expect(page.locator(".brief-items tr.risk-row")).to_contain_text("Several days")
    screens["each PHQ-9 answer (after 1 click on 'Each answer')"] = round(
        page.locator(".brief-items").evaluate("el => el.getBoundingClientRect().top + window.scrollY") / HEIGHTS[width],
        2,
    )
    OUTPUT.mkdir(exist_ok=True)
    (OUTPUT / f"clinician-journey-{width}.json").write_text(json.dumps(screens, indent=2))
    # The facts a clinician needs first are on the first screen at desktop width.
    if width == 1280:
        for fact in ("reference code", "in danger now", "PHQ-9 item 9", "PHQ-9 total and band"):
            assert screens[fact] < 1, (fact, screens)

    # The browser's print of this page: no label runs into its value ("Where they liveUnited Kingdom").
    page.emulate_media(media="print")
    for selector in (".told-us-list dt", ".brief-row dt", ".risk-answer dt"):
        after = page.locator(selector).first.evaluate("el => getComputedStyle(el, '::after').content")
        assert after == '": "', (selector, after)
    if width == 1280:
        page.pdf(path=str(OUTPUT / "clinician-journey-1280-browser-print.pdf"))
    page.emulate_media(media="screen")

    # The PDF and the FHIR export.
    with page.expect_download() as pdf_download:
        page.get_by_role("link", name="Download a PDF").click()
    pdf_path = pdf_download.value.path()
    with open(pdf_path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    with page.expect_download() as fhir_download:
        page.get_by_role("link", name=re.compile("Download FHIR R4")).click()
    with open(fhir_download.value.path(), encoding="utf-8") as export:
        resource = json.load(export)
    QuestionnaireResponse.model_validate(resource)
    assert resource["meta"]["profile"][0].endswith("|4.0.1")
    risk = {item["linkId"]: item for item in resource["item"][0]["item"]}
    assert risk["in-danger-now"]["answer"][0]["valueCoding"]["display"] == "No"
    assert risk["risk-44260-8"]["answer"][0]["valueCoding"]["display"] == "Several days"

    # Reviewed: by whom and when.
    page.get_by_role("button", name="Mark as reviewed").click()
    expect(page.locator(".summary-meta")).to_contain_text("Reviewed by dr_a on")
    clinician.close()


def test_the_leaning_form_works_without_javascript(no_js_page, url, live_server):
    from django.test import Client

    from tests.browser.journeys import share_session
    from tests.factories import mild_answers
    from tests.sharing_people import give_answers

    client = Client()
    give_answers(client, mild_answers())
    share_session(no_js_page, live_server, client)
    no_js_page.set_viewport_size({"width": 390, "height": 844})
    no_js_page.goto(url("/results/"))
    no_js_page.get_by_role("link", name="Say what you lean toward (you can skip this)").click()  # its own page
    choose(no_js_page, "leaning-option", "self_help")
    no_js_page.get_by_label("What do you want to ask your doctor or therapist?").fill("Can I start soon?")
    no_js_page.locator("#leaning").get_by_role("button", name="Save").click()
    expect(no_js_page).to_have_url(re.compile(r"/results/leaning/form/\?leaning=saved$"))
    expect(no_js_page.locator("#leaning")).to_contain_text("Saved.")
    expect(no_js_page.get_by_label("What do you want to ask your doctor or therapist?")).to_have_value(
        "Can I start soon?"
    )

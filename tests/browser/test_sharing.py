"""Sharing in Chromium: a clinician signs in and makes an invitation, a patient in a fresh
browser opens it, answers, and chooses to send; the clinician sees it. A patient makes a share
link, it opens in another browser, they revoke it, and it stops working. axe checks each page."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import answer_step, submit
from tests.factories import mild_answers
from tests.sharing_people import make_clinician

RESULTS = Path(__file__).resolve().parents[2] / "templates" / "results" / "after_options.html"
pytestmark = pytest.mark.skipif(
    "sharing/results_actions.html" not in RESULTS.read_text(),
    reason="the results page does not include templates/sharing/results_actions.html yet",
)
PASSWORD = "correct horse battery 42"


def answer_everything(page, url, answers: dict, start: str | None = None) -> None:
    page.goto(url(start or "/questions/place/"))
    if start:
        page.get_by_role("button", name="Start").click()
    for step in steps.STEPS:
        expect(page.locator("main h1")).to_have_text(str(step.title))
        answer_step(page, answers, step.slug)
        submit(page)
    expect(page).to_have_url(re.compile(r"/results/$"))


def test_a_clinician_invites_a_patient_who_chooses_to_send_their_summary(
    browser, page, url, assert_accessible, screenshot
):
    make_clinician("dr_a", "Riverside Practice", password=PASSWORD)
    page.goto(url("/clinic/"))
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/clinic/$"))
    assert_accessible(page, "login")
    page.get_by_label("Username").fill("dr_a")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.locator("main h1")).to_have_text("Summaries sent to you")
    assert_accessible(page, "empty dashboard")

    page.get_by_role("link", name="Invitation links").click()
    page.get_by_label("Label").fill("Spring clinic")
    page.get_by_label("Fill in where patients live").select_option("UK")
    page.get_by_label("Psychodynamic therapy", exact=True).check()
    page.get_by_label("Your usual fee for each session").fill("80")
    page.get_by_role("button", name="Make the link").click()
    expect(page.locator("main h1")).to_have_text("Invitation link: Spring clinic")
    expect(page.get_by_role("img", name=re.compile("QR code for the invitation link"))).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_be_visible()
    assert_accessible(page, "invitation")
    screenshot(page, "sharing-invitation")
    invite_url = page.get_by_label("Invitation link to give to patients").input_value()
    assert "/invite/" in invite_url

    patient = browser.new_context().new_page()
    patient.goto(invite_url)
    expect(patient.locator("main h1")).to_have_text("An invitation from Riverside Practice")
    expect(patient.locator("main")).to_contain_text("Spring clinic")
    assert_accessible(patient, "invitation landing")
    patient.get_by_role("button", name="Start").click()
    expect(patient.locator('input[name="region"][value="UK"]')).to_be_checked()
    for step in steps.STEPS:
        answer_step(patient, mild_answers(), step.slug)
        submit(patient)
    expect(patient).to_have_url(re.compile(r"/results/$"))
    consent = patient.get_by_label("Yes, send my summary to Riverside Practice.")
    expect(consent).not_to_be_checked()
    consent.check()
    patient.get_by_role("button", name="Send my summary").click()
    expect(patient.locator(".share-done")).to_contain_text("You sent your summary to Riverside Practice")
    patient.context.close()

    page.get_by_role("link", name="Summaries").click()
    expect(page.locator("table.dashboard-table tbody tr")).to_have_count(1)
    expect(page.locator("table.dashboard-table")).to_contain_text("Spring clinic")
    assert_accessible(page, "dashboard")
    screenshot(page, "sharing-dashboard")
    page.get_by_role("link", name=re.compile("Open summary")).click()
    expect(page.locator("main")).to_contain_text("Low mood (PHQ-9)")
    assert_accessible(page, "clinician summary")
    page.get_by_role("button", name="Sign out").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/$"))


def test_a_patient_shares_a_link_then_revokes_it(browser, page, url, assert_accessible, screenshot):
    answer_everything(page, url, mild_answers())
    page.get_by_role("link", name="Share your summary with a professional").click()
    page.get_by_label("7 days").check()
    page.get_by_role("button", name="Make a link").click()
    expect(page.locator("main h1")).to_have_text("Your links")
    box = page.get_by_label("Your link")
    shared_url = box.input_value()
    assert re.search(r"/s/[A-Za-z0-9_-]{43}/$", shared_url)
    copy = page.get_by_role("button", name="Copy link")
    expect(copy).to_be_visible()
    copy.click()
    expect(page.locator(".copy-status")).not_to_be_empty()
    assert_accessible(page, "my links")
    screenshot(page, "sharing-my-links")

    reader = browser.new_context().new_page()
    reader.goto(shared_url)
    expect(reader.locator("main h1")).to_have_text("A shared summary")
    expect(reader.locator("main")).to_contain_text("Low mood (PHQ-9)")
    expect(reader.get_by_role("link", name="Delete my answers")).to_have_count(0)
    assert_accessible(reader, "share link")

    page.goto(url("/my-links/"))  # the page that made it is the only one that shows it
    expect(page.get_by_label("Your link")).to_have_count(0)  # shown once only
    expect(page.locator("table.links-table tbody td").nth(2)).to_have_text("1")
    page.get_by_role("button", name=re.compile("Turn off the link made")).click()
    expect(page.locator("table.links-table")).to_contain_text("Turned off")

    reader.goto(shared_url)
    expect(reader.locator("main h1")).to_have_text("This link does not work")
    assert_accessible(reader, "dead link")
    reader.context.close()


def test_making_a_link_works_without_javascript(no_js_page, url):
    answer_everything(no_js_page, url, mild_answers())
    no_js_page.get_by_role("link", name="Share your summary with a professional").click()
    no_js_page.get_by_role("button", name="Make a link").click()
    expect(no_js_page.locator("main h1")).to_have_text("Your links")
    expect(no_js_page.get_by_label("Your link")).to_have_value(re.compile(r"/s/[A-Za-z0-9_-]{43}/$"))
    expect(no_js_page.get_by_role("button", name="Copy link")).to_have_count(0)

"""The results page in Chromium: a crisis journey to the end, the phone layout, and axe."""

import re

from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import answer_step, submit
from tests.factories import crisis_answers, maximal_answers

PHONE = {"width": 320, "height": 640}


def answer_all(page, url, answers) -> None:
    page.goto(url("/questions/place/"))
    for step in steps.STEPS:
        heading = page.locator("main h1")
        expect(heading).to_have_text(re.compile(f"^({re.escape(str(step.title))}|Help is there for you now)$"))
        if heading.inner_text() == "Help is there for you now":
            page.get_by_role("link", name="Go on with the questions").click()
            expect(heading).to_have_text(str(step.title))
        answer_step(page, answers, step.slug)
        submit(page)
    expect(page).to_have_url(re.compile(r"/results/$"))


def test_a_crisis_journey_ends_with_crisis_help_first_and_every_option(page, url, assert_accessible, screenshot):
    answer_all(page, url, crisis_answers())
    main = page.locator("main")
    first_section = main.locator("section").first
    expect(first_section).to_contain_text("Please get help now")
    expect(first_section).to_contain_text("999")
    expect(page.locator(".crisis-banner")).to_be_visible()
    for name in [
        "Psychodynamic therapy",
        "Cognitive behavioural therapy (CBT)",
        "Antidepressant medicine",
        "Therapy and medicine together",
        "Guided self-help, or waiting and checking in",
    ]:
        expect(page.get_by_role("columnheader", name=name)).to_be_visible()
    expect(page.locator("#referral")).to_be_visible()
    assert_accessible(page, "results in crisis")
    screenshot(page, "results-crisis-desktop")


def test_the_results_page_becomes_cards_on_a_phone_with_no_sideways_scroll(page, url, assert_accessible, screenshot):
    answer_all(page, url, maximal_answers())
    page.set_viewport_size(PHONE)
    expect(page.locator(".compare-cards")).to_be_visible()
    expect(page.locator(".compare-wide")).to_be_hidden()
    expect(page.locator(".option-card")).to_have_count(5)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"scrolls sideways by {overflow}px"
    assert_accessible(page, "results on a phone")
    screenshot(page, "results-maximal-phone")


def test_the_sure_test_works_in_place_and_keeps_the_person_there(page, url):
    answer_all(page, url, maximal_answers())
    sure = page.locator("#sure")
    sure.scroll_into_view_if_needed()
    radios = sure.locator("input[type=radio][value='no']")
    for index in range(radios.count()):
        radios.nth(index).check()
    sure.get_by_role("button", name="Save my answers").click()
    expect(page.locator("#sure .sure-result")).to_contain_text("What could help")
    expect(page.locator("#sure-title")).to_be_focused()
    assert page.evaluate("window.scrollY") > 500

"""Issue 11 in Chromium, with JavaScript (htmx) and without: item 9 answered above "Not at
all" with another mood question left blank still shows the crisis lines at once, and going on
asks the blank question again. The worry questions can be skipped without JavaScript too."""

import re

import pytest
from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import answer_step, choose, submit
from tests.factories import mild_answers


@pytest.fixture(params=["javascript", "no-javascript"])
def any_page(request, page, no_js_page):
    return page if request.param == "javascript" else no_js_page


def test_item_9_with_a_question_left_blank_shows_the_crisis_lines(any_page, url, screenshot, request):
    page = any_page
    answers = mild_answers(region="US")
    page.goto(url("/questions/place/"))
    answer_step(page, answers, "place")
    submit(page)
    answer_step(page, answers, "safety")
    submit(page)
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["mood"].title))
    for number in (1, 2, 4, 5, 6, 7, 8):
        choose(page, f"phq9_{number}", 1)
    choose(page, "phq9_9", 2)  # item 3 is left blank
    submit(page)

    expect(page).to_have_url(re.compile(r"/crisis/$"))
    expect(page.locator("main h1")).to_have_text("Help is there for you now")
    lines = page.locator("main .crisis-lines")
    expect(lines).to_be_visible()
    expect(lines).to_contain_text("911")
    expect(lines).to_contain_text("988")
    expect(lines.locator(".call-button").first).to_have_attribute("href", "tel:988")
    expect(page.locator(".crisis-banner")).to_have_count(0)  # one crisis block a page (issue 19)
    screenshot(page, f"crisis-item-9-blank-{request.node.callspec.id}")

    page.get_by_role("link", name="Go on with the questions").click()
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["mood"].title))
    expect(page.locator('input[name="phq9_9"][value="2"]')).to_be_checked()
    expect(page.locator('input[name="phq9_1"][value="1"]')).to_be_checked()
    expect(page.locator('input[name="phq9_3"]:checked')).to_have_count(0)


def test_the_worry_questions_can_be_skipped(any_page, url):
    page = any_page
    page.goto(url("/questions/worry/"))
    page.get_by_role("button", name="Skip these questions").click()
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["concerns"].title))


def test_the_skip_button_the_confirmations_and_a_step_with_errors_have_no_axe_violations(page, url, assert_accessible):
    page.goto(url("/questions/worry/"))
    assert_accessible(page, "worry step with its skip button")
    page.goto(url("/questions/place/"))
    choose(page, "region", "UK")
    submit(page)
    expect(page.locator(".error-summary")).to_be_focused()
    assert_accessible(page, "a step with an error")
    page.goto(url("/start-over/"))
    expect(page.locator("main h1")).to_have_text("Start over with no answers?")
    assert_accessible(page, "start over confirmation")


def test_start_over_from_the_home_page_asks_once_and_keeps_the_crisis_banner(no_js_page, url):
    page = no_js_page
    page.goto(url("/questions/place/"))
    answer_step(page, mild_answers(region="UK"), "place")
    submit(page)
    answer_step(page, mild_answers(in_danger_now=True), "safety")
    submit(page)
    expect(page).to_have_url(re.compile(r"/crisis/$"))
    page.goto(url("/"))
    page.get_by_role("link", name="Start over").click()
    expect(page.locator("main h1")).to_have_text("Start over with no answers?")
    page.get_by_role("button", name="Delete my answers and start over").click()
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["place"].title))
    expect(page.locator('input[name="region"]:checked')).to_have_count(0)
    expect(page.locator(".crisis-banner")).to_be_visible()

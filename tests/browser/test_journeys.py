"""Whole journeys in Chromium: with JavaScript (htmx swaps), without it, and in crisis."""

import re

import pytest
from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import answer_step, submit
from tests.factories import mild_answers, phq9, severe_answers


def walk(page, url, answers, *, expect_swaps: bool) -> None:
    page.goto(url("/"))
    page.get_by_role("link", name="Start").click()
    for number, step in enumerate(steps.STEPS, start=1):
        expect(page.locator("main h1")).to_have_text(str(step.title))
        expect(page.locator("#progress-text")).to_have_text(f"Step {number} of {len(steps.STEPS)}")
        answer_step(page, answers, step.slug)
        if expect_swaps and number == 2:
            # htmx swapped the step in place: the footer node is the same one as before.
            page.evaluate("document.querySelector('footer').dataset.sameNode = 'yes'")
        submit(page)
        if expect_swaps and 2 <= number < len(steps.STEPS) - 1:
            expect(page.locator("footer[data-same-node='yes']")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"/results/$"))


def test_a_mild_journey_with_javascript_swaps_steps_in_place(page, url, screenshot):
    walk(page, url, mild_answers(), expect_swaps=True)
    expect(page.locator("main h1")).to_be_visible()
    screenshot(page, "journey-js-results")


def test_a_severe_journey_without_javascript_works_with_plain_forms(no_js_page, url, screenshot):
    walk(no_js_page, url, severe_answers(), expect_swaps=False)
    screenshot(no_js_page, "journey-nojs-results")


def test_back_and_forward_keep_every_answer(page, url):
    page.goto(url("/questions/place/"))
    answer_step(page, mild_answers(region="CA"), "place")
    submit(page)
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["safety"].title))
    answer_step(page, mild_answers(), "safety")
    submit(page)
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["mood"].title))
    page.go_back()
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["safety"].title))
    expect(page.locator('input[name="in_danger_now"][value="false"]')).to_be_checked()
    page.go_back()
    expect(page.locator('input[name="region"][value="CA"]')).to_be_checked()
    page.go_forward()
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["safety"].title))
    expect(page.locator('input[name="in_danger_now"][value="false"]')).to_be_checked()


def test_reload_loses_nothing(page, url):
    page.goto(url("/questions/place/"))
    answer_step(page, mild_answers(region="NZ"), "place")
    submit(page)
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["safety"].title))
    page.goto(url("/questions/place/"))
    page.reload()
    expect(page.locator('input[name="region"][value="NZ"]')).to_be_checked()


def test_item_9_interrupts_at_once_and_the_banner_stays(page, url, screenshot):
    answers = mild_answers(region="UK", **phq9(1, 2, 1, 1, 0, 1, 0, 0, 2))
    page.goto(url("/questions/place/"))
    for slug in ("place", "safety", "mood"):
        answer_step(page, answers, slug)
        submit(page)
    expect(page).to_have_url(re.compile(r"/crisis/$"))
    expect(page.locator("main h1")).to_have_text("Help is there for you now")
    expect(page.locator("main")).to_contain_text("999")
    expect(page.locator("main")).to_contain_text("116 123")
    screenshot(page, "crisis-page")
    page.get_by_role("link", name="Go on with the questions").click()
    expect(page.locator("main h1")).to_have_text(str(steps.BY_SLUG["worry"].title))
    expect(page.locator(".crisis-banner")).to_be_visible()
    expect(page.locator(".crisis-banner")).to_contain_text("999")


def test_danger_now_interrupts_without_javascript_too(no_js_page, url):
    no_js_page.goto(url("/questions/place/"))
    answer_step(no_js_page, mild_answers(region="AU"), "place")
    submit(no_js_page)
    answer_step(no_js_page, mild_answers(in_danger_now=True), "safety")
    submit(no_js_page)
    expect(no_js_page).to_have_url(re.compile(r"/crisis/$"))
    expect(no_js_page.locator("main")).to_contain_text("000")


def test_an_error_is_shown_next_to_the_field_and_focus_moves_to_the_summary(page, url):
    page.goto(url("/questions/place/"))
    page.locator('input[name="region"][value="UK"]').check()
    submit(page)
    expect(page.locator(".error-summary")).to_be_focused()
    expect(page.locator("#id_age_band_error")).to_have_text(re.compile("Please choose an answer"))
    page.locator(".error-summary a").first.click()
    expect(page.locator("#id_age_band_0")).to_be_focused()


@pytest.mark.parametrize("slug", ["mood", "worry"])
def test_the_four_answer_scale_is_one_row_on_a_desktop(page, url, slug):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url(f"/questions/{slug}/"))
    tops = (
        page.locator(".choices.scale")
        .first.locator(".choice")
        .evaluate_all("(boxes) => boxes.map((box) => Math.round(box.getBoundingClientRect().top))")
    )
    assert len(tops) == 4
    assert len(set(tops)) == 1, tops

"""axe-core (WCAG 2.0, 2.1, 2.2 A and AA) on every page and state, at desktop and phone width."""

import pytest
from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import answer_step, submit
from tests.factories import mild_answers

PHONE = {"width": 320, "height": 640}


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


@pytest.mark.parametrize("path", ["/", "/about/", "/privacy/", "/help-now/", "/delete/", "/deleted/", "/no-such-page/"])
def test_plain_pages_have_no_axe_violations(page, url, assert_accessible, path):
    page.goto(url(path))
    assert_accessible(page)


def test_every_step_has_no_axe_violations_and_fits_a_phone(page, url, assert_accessible, screenshot):
    answers = mild_answers()
    page.goto(url("/questions/place/"))
    for step in steps.STEPS[:-1]:
        expect(page.locator("main h1")).to_have_text(str(step.title))
        assert_accessible(page, step.slug)
        page.set_viewport_size(PHONE)
        no_sideways_scroll(page)
        screenshot(page, f"phone-step-{step.slug}")
        page.set_viewport_size({"width": 1280, "height": 800})
        answer_step(page, answers, step.slug)
        submit(page)


def test_a_step_with_errors_has_no_axe_violations(page, url, assert_accessible):
    page.goto(url("/questions/mood/"))
    submit(page)
    expect(page.locator(".error-summary")).to_be_visible()
    assert_accessible(page)


def test_crisis_and_youth_pages_have_no_axe_violations(page, url, assert_accessible):
    page.goto(url("/questions/place/"))
    answer_step(page, mild_answers(age_band="under_18"), "place")
    submit(page)
    expect(page.locator("main h1")).to_have_text("A note for young people")
    assert_accessible(page, "youth")
    page.goto(url("/questions/safety/"))
    answer_step(page, mild_answers(in_danger_now=True), "safety")
    submit(page)
    expect(page.locator("main h1")).to_have_text("Help is there for you now")
    assert_accessible(page, "crisis")
    page.set_viewport_size(PHONE)
    no_sideways_scroll(page)
    page.goto(url("/questions/mood/"))
    expect(page.locator(".crisis-banner")).to_be_visible()
    assert_accessible(page, "step with crisis banner")


def test_pages_at_200_percent_zoom_do_not_scroll_sideways(page, url):
    # 200% zoom of a 1280px window lays out like a 640px one.
    page.set_viewport_size({"width": 640, "height": 800})
    for path in ["/", "/questions/mood/", "/questions/values/", "/help-now/"]:
        page.goto(url(path))
        no_sideways_scroll(page)


def test_the_print_view_has_no_axe_violations(page, url, assert_accessible):
    from tests.browser.test_results import answer_all

    answer_all(page, url, mild_answers())
    page.goto(url("/results/print/"))
    expect(page.locator("main h1")).to_be_visible()
    assert_accessible(page, "print view")


def test_the_500_page_has_no_axe_violations(page, url, assert_accessible):
    from django.template import loader

    page.goto(url("/"))  # same origin, so the stylesheet loads as it would
    page.set_content(loader.get_template("pages/500.html").render())
    expect(page.locator("h1")).to_have_text("Sorry, something went wrong on our side")
    assert_accessible(page, "500 page")

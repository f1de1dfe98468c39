"""The strict Content-Security-Policy holds: no page breaks it, with htmx running."""

from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import answer_step, submit
from tests.factories import mild_answers


def test_no_page_causes_a_content_security_policy_violation(page, url):
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.on("pageerror", lambda error: violations.append(str(error)))
    for path in ["/", "/about/", "/privacy/", "/help-now/", "/delete/", "/no-such-page/"]:
        page.goto(url(path))
    page.goto(url("/questions/place/"))
    answers = mild_answers()
    for step in steps.STEPS:
        expect(page.locator("main h1")).to_have_text(str(step.title))
        answer_step(page, answers, step.slug)
        submit(page)
    expect(page.locator("#sure")).to_be_visible()
    assert not violations, violations

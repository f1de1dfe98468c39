"""The strict Content-Security-Policy holds: no page breaks it, with htmx running."""

from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import answer_step, submit
from tests.factories import mild_answers


def test_no_page_causes_a_content_security_policy_violation(page, url):
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.on("pageerror", lambda error: violations.append(str(error)))
    for path in [
        "/",
        "/about/",
        "/privacy/",
        "/help-now/",
        "/delete/",
        "/no-such-page/",
        "/accounts/login/",
        "/s/no-such-link/",
    ]:
        page.goto(url(path))
    page.goto(url("/questions/place/"))
    answers = mild_answers()
    for step in steps.STEPS:
        expect(page.locator("main h1")).to_have_text(str(step.title))
        answer_step(page, answers, step.slug)
        submit(page)
    expect(page.locator("#sure")).to_be_visible()
    for path in ["/results/print/", "/my-links/"]:
        page.goto(url(path))
    assert not violations, violations


def test_no_clinician_page_causes_a_content_security_policy_violation(page, url):
    from tests.sharing_people import make_clinician, make_invitation, sent_summary

    password = "a long pass phrase for tests 42"
    clinician = make_clinician("dr_csp", password=password)
    invitation = make_invitation(clinician)
    sent = sent_summary(invitation)
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    page.goto(url("/accounts/login/"))
    page.get_by_label("Username").fill("dr_csp")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    for path in [
        "/clinic/",
        "/clinic/invitations/",
        f"/clinic/invitations/{invitation.public_id}/",
        f"/clinic/summaries/{sent.public_id}/",
        f"/clinic/summaries/{sent.public_id}/print/",
        "/clinic/opened/",
        "/accounts/password/",
    ]:
        response = page.goto(url(path))
        assert response.status == 200, path
    assert not violations, violations


def to_the_mood_step(page, url) -> None:
    """Answer the steps before the mood step, as a person does, and stop on it."""
    page.goto(url("/questions/place/"))
    answers = mild_answers()
    for step in steps.STEPS[: [step.slug for step in steps.STEPS].index("mood")]:
        answer_step(page, answers, step.slug)
        submit(page)
    expect(page.locator("main h1")).to_have_text("Your mood")


def test_an_error_swap_on_the_mood_step_leaves_no_inline_styles(page, url):
    # Issue 20: after htmx swapped in the step's errors, the radios carried style="" and the
    # CSP logged an error for each.
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    to_the_mood_step(page, url)
    page.locator('input[name="phq9_1"]').first.check()
    submit(page)  # the other eight items unanswered: the step comes back with its errors
    expect(page.locator(".error-summary")).to_be_visible()
    page.wait_for_timeout(500)  # past htmx's settle
    assert page.locator("main [style]").count() == 0
    assert not violations, violations


# Every CSP violation the page reports, in the page itself: htmx swaps never navigate, so the
# list lasts through them. Playwright adds this script outside the page, so the CSP allows it.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
});
"""


def test_htmx_settles_no_style_attribute_over_a_swapped_step(page, url):
    """htmx's settling copies each old element's `style` onto the new element with the same
    id, by setAttribute, which a CSP without 'unsafe-inline' styles refuses and reports. A
    style set through the CSSOM (allowed: a script, the browser, an extension) on the mood
    step's radios must not come back as a style="" attribute after an error swap."""
    page.add_init_script(RECORD_VIOLATIONS)
    to_the_mood_step(page, url)
    assert "style" not in page.evaluate("htmx.config.attributesToSettle")
    assert page.evaluate("htmx.config.includeIndicatorStyles") is False
    page.locator('input[name="phq9_1"]').first.check()
    page.evaluate("""document.querySelectorAll('main input[type=radio]').forEach((radio) => {
      radio.style.outlineOffset = '1px';
    })""")
    submit(page)  # the other eight items unanswered: the step comes back with its errors
    expect(page.locator(".error-summary")).to_be_visible()
    page.wait_for_timeout(500)  # past htmx's settle
    assert page.locator("main input[type=radio][style]").count() == 0
    assert page.evaluate("window.cspViolations") == []

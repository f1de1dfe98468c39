"""axe-core (WCAG 2.0, 2.1, 2.2 A and AA) on every page and state, at desktop and phone width;
every page fits a 320px phone and 200% zoom without sideways scrolling, with touch targets a
finger can hit (WCAG 2.5.8)."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from decisionaid.sharing import links
from tests.browser.journeys import answer_step, share_session, submit
from tests.factories import mild_answers
from tests.sharing_people import give_answers, make_clinician, make_invitation, sent_summary

PHONE = {"width": 320, "height": 640}
# 200% zoom of a 1280px window lays out like a 640px one: the same CSS pixels across.
ZOOMED = {"width": 640, "height": 800}
DESKTOP = {"width": 1280, "height": 800}

# WCAG 2.5.8 Target Size (Minimum): each link, button or field is at least 24 by 24 CSS px, or a
# 24px circle centred on it touches no other target (nor the circle of another small one). Links
# inside a sentence are exempt: their size is the line's.
SMALL_TOUCH_TARGETS = """() => {
  const targets = [...document.querySelectorAll(
    'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"]'
  )].filter((el) => {
    const style = getComputedStyle(el), box = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && box.width > 0 && box.height > 0;
  }).map((el) => ({ el, box: el.getBoundingClientRect() }));
  const words = (el) => el.textContent.replace(/\\s+/g, ' ').trim();
  const inSentence = (el) => {
    if (el.tagName !== 'A' || getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) block = block.parentElement;
    return !!block && words(block).length > words(el).length;
  };
  const small = ({ box }) => box.width < 23.95 || box.height < 23.95;
  const centre = ({ box }) => [box.left + box.width / 2, box.top + box.height / 2];
  const gap = ([x, y], { box }) =>
    Math.hypot(Math.max(box.left - x, 0, x - box.right), Math.max(box.top - y, 0, y - box.bottom));
  return targets.filter((target) => {
    if (!small(target) || inSentence(target.el)) return false;
    const [x, y] = centre(target);
    return targets.some((other) => other !== target && (gap([x, y], other) < 12 ||
      (small(other) && Math.hypot(x - centre(other)[0], y - centre(other)[1]) < 24)));
  }).map(({ el, box }) => `${el.outerHTML.slice(0, 100)} is ${box.width.toFixed(1)}x${box.height.toFixed(1)}px`);
}"""


def no_sideways_scroll(page) -> None:
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} scrolls sideways by {overflow}px"


def fit_problems(page, name: str, screenshot) -> list[str]:
    """At phone width and at 200% zoom: sideways scrolling and touch targets too small or too
    close. Screenshots at phone and desktop width. The page is resized, never reloaded, so a
    page that shows something only once (a new link) is checked as it first appears."""
    problems = []
    for label, size in [("320px", PHONE), ("200% zoom", ZOOMED)]:
        page.set_viewport_size(size)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            problems.append(f"{name} at {label}: scrolls sideways by {overflow}px")
        problems += [f"{name} at {label}: {target}" for target in page.evaluate(SMALL_TOUCH_TARGETS)]
        if size is PHONE:
            screenshot(page, f"phone-{name}")
    page.set_viewport_size(DESKTOP)
    screenshot(page, f"desktop-{name}")
    return problems


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
        assert not page.evaluate(SMALL_TOUCH_TARGETS), step.slug
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
    page.set_viewport_size(ZOOMED)
    for path in ["/", "/questions/mood/", "/questions/values/", "/help-now/"]:
        page.goto(url(path))
        no_sideways_scroll(page)


def test_the_touch_target_check_finds_small_crowded_targets(page):
    page.set_content(
        """<style>body { margin: 0; font: 18px/1.5 sans-serif; } button { all: unset; display: block; }</style>
        <button id="tiny-a" style="width: 16px; height: 16px">a</button>
        <button id="tiny-b" style="width: 16px; height: 16px">b</button>
        <button id="alone" style="width: 16px; height: 16px; margin: 40px">c</button>
        <button style="width: 24px; height: 24px">d</button><button style="width: 24px; height: 24px">e</button>
        <p>Read <a href="#">the small print</a> first.</p>"""
    )
    small = page.evaluate(SMALL_TOUCH_TARGETS)
    assert [target.split(">")[0] for target in small] == [
        '<button id="tiny-a" style="width: 16px; height: 16px"',
        '<button id="tiny-b" style="width: 16px; height: 16px"',
    ]


def test_patient_pages_fit_a_phone_and_200_percent_zoom(page, url, live_server, screenshot):
    client = Client()
    give_answers(client)
    share_session(page, live_server, client)
    problems = []
    for name, path in [
        ("home", "/"),
        ("about", "/about/"),
        ("privacy", "/privacy/"),
        ("help-now", "/help-now/"),
        ("step-mood", "/questions/mood/"),
        ("step-values", "/questions/values/"),
        ("not-found", "/no-such-page/"),
        ("results", "/results/"),
        ("results-print", "/results/print/"),
        ("delete", "/delete/"),
    ]:
        page.goto(url(path))
        problems += fit_problems(page, name, screenshot)
    assert not problems, "\n".join(problems)


def test_clinician_pages_fit_a_phone_and_200_percent_zoom(page, url, live_server, screenshot, assert_accessible):
    clinician = make_clinician("dr_phone")
    invitation = make_invitation(clinician, label="Spring clinic", session_fee=80, wait_weeks=3, not_offered=["cbt"])
    sent = sent_summary(invitation, mild_answers(in_danger_now=True), crisis=True)
    page.goto(url("/accounts/login/"))
    problems = fit_problems(page, "clinician-login", screenshot)
    client = Client()
    client.force_login(clinician)
    share_session(page, live_server, client)
    for name, path in [
        ("clinician-dashboard", "/clinic/"),
        ("clinician-invitations", "/clinic/invitations/"),
        ("clinician-invitation", f"/clinic/invitations/{invitation.public_id}/"),
        ("clinician-summary", f"/clinic/summaries/{sent.public_id}/"),
        ("clinician-summary-print", f"/clinic/summaries/{sent.public_id}/print/"),
        ("clinician-opened", "/clinic/opened/"),
        ("clinician-password", "/accounts/password/"),
    ]:
        response = page.goto(url(path))
        assert response.status == 200, path
        problems += fit_problems(page, name, screenshot)
        if name == "clinician-dashboard":
            page.set_viewport_size(PHONE)  # its table becomes one box per row: still a table?
            assert_accessible(page, "dashboard at 320px")
            expect(page.get_by_role("columnheader", name="Risk answers")).to_have_count(1)
    page.get_by_role("button", name="Change my password").click()  # empty: the form's errors
    expect(page.locator(".error-summary")).to_be_visible()
    problems += fit_problems(page, "clinician-password-errors", screenshot)
    assert not problems, "\n".join(problems)


def test_sharing_pages_fit_a_phone_and_200_percent_zoom(page, url, live_server, screenshot, assert_accessible):
    invitation = make_invitation(make_clinician("dr_share"), wait_weeks=3, not_offered=["medication"])
    client = Client()
    answer_set = give_answers(client)
    ended, ended_token = links.create(answer_set, 30)
    ended.revoke()
    _link, token = links.create(answer_set, 7)
    share_session(page, live_server, client)
    problems = []
    for name, path in [
        ("share-link", f"/s/{token}/"),
        ("share-link-print", f"/s/{token}/print/"),
        ("share-link-turned-off", f"/s/{ended_token}/"),
        ("my-links", "/my-links/"),
        ("delete-everything", "/my-links/delete-everything/"),
        ("invite", f"/invite/{invitation.token}/"),
        ("invite-dead", "/invite/no-such-invitation/"),
    ]:
        response = page.goto(url(path))
        assert response.status in {200, 404, 410}, path
        problems += fit_problems(page, name, screenshot)
        if name == "my-links":
            # A new link is shown once, on the page that answers the form that made it.
            page.goto(url("/results/share/"))  # the sharing choices, a click away from the results
            page.get_by_role("button", name="Make a link").click()
            expect(page.get_by_role("heading", name="Here is your new link")).to_be_visible()
            problems += fit_problems(page, "my-links-new", screenshot)
            page.set_viewport_size(PHONE)  # its table becomes one box per row: still a table?
            assert_accessible(page, "my links at 320px")
            expect(page.get_by_role("columnheader", name="Times opened")).to_have_count(1)
    assert not problems, "\n".join(problems)


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

"""Coming back, in Chromium at 360px, with JavaScript on and off: results → return link and
calendar reminder → a fresh browser opens the link → lower scores → the change in words →
the results again; then a second re-take with item 9 answered meets the crisis lines at once.
axe-core finds nothing on every new page, and none scrolls sideways or has a small target."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.browser.journeys import choose, share_session, submit
from tests.browser.test_accessibility import fit_problems
from tests.factories import gad7, phq9, severe_answers
from tests.questionnaire_helpers import with_answers

PHONE = {"width": 360, "height": 740}
LOWER_MOOD = phq9(1, 1, 0, 1, 0, 0, 1, 0, 0)
LOWER_WORRY = gad7(1, 0, 1, 0, 0, 1, 0)


def answer(page, answers: dict) -> None:
    for name, value in answers.items():
        choose(page, name, value)


def checked(page, label: str, assert_accessible, screenshot, problems: list[str], javascript: bool) -> None:
    """axe, sideways scrolling and touch targets on the page as it is now, with screenshots.
    They run scripts in the page, which a context without JavaScript never does: there, the
    same pages (the same HTML) get a screenshot, and the run with JavaScript checks them."""
    if not javascript:
        screenshot(page, f"phone-{label}")
        return
    assert_accessible(page, label)
    problems += fit_problems(page, label, screenshot)
    page.set_viewport_size(PHONE)


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_coming_back_on_another_device(browser, live_server, url, assert_accessible, screenshot, javascript):
    name = "followup-js" if javascript else "followup-nojs"
    problems: list[str] = []
    first = browser.new_context(java_script_enabled=javascript, viewport=PHONE, accept_downloads=True)
    page = first.new_page()
    client = Client()
    with_answers(client, severe_answers(region="UK"))
    client.get("/results/")  # the session cookie exists once a response set it
    share_session(page, live_server, client)

    # Results: the offer, and nothing made until asked.
    page.goto(url("/results/"))
    offer = page.locator("#come-back")
    expect(offer.get_by_role("heading", name="Come back in a few weeks")).to_be_visible()
    offer.get_by_role("button", name="Make my return link").click()

    # The link, shown once, with its warning, QR code and reminder.
    expect(page.locator("main h1")).to_have_text("Your return link")
    link = page.locator("#return-link-url").input_value()
    assert re.fullmatch(re.escape(live_server.url) + r"/back/[A-Za-z0-9_-]{43}/", link)
    expect(page.get_by_text("Anyone who has this link can see your answers and scores.")).to_be_visible()
    expect(page.locator("svg.qr")).to_be_visible()
    expect(page.get_by_role("button", name="Copy link")).to_have_count(1 if javascript else 0)
    expect(page.locator('input[name="weeks"][value="4"]')).to_be_checked()
    checked(page, f"{name}-link", assert_accessible, screenshot, problems, javascript)
    choose(page, "weeks", 6)
    with page.expect_download() as download:
        page.get_by_role("button", name="Download the reminder").click()
    ics = download.value.path().read_bytes().decode().replace("\r\n ", "")
    assert f"URL:{link}" in ics and "DTSTART;VALUE=DATE:" in ics

    # Another device: no cookie at all.
    other = browser.new_context(java_script_enabled=javascript, viewport=PHONE)
    phone = other.new_page()
    phone.goto(link)
    expect(phone.locator("main h1")).to_have_text("Welcome back")
    checked(phone, f"{name}-welcome", assert_accessible, screenshot, problems, javascript)
    phone.get_by_role("button", name="Start").click()
    expect(phone.locator("main h1")).to_have_text("Your mood")
    expect(phone.locator("#progress-text")).to_have_text("Check-in: step 1 of 3")
    checked(phone, f"{name}-mood", assert_accessible, screenshot, problems, javascript)
    answer(phone, LOWER_MOOD)
    submit(phone)
    expect(phone.locator("main h1")).to_have_text("Worry and nerves")
    answer(phone, LOWER_WORRY)
    submit(phone)
    expect(phone.locator("main h1")).to_have_text("Since last time")
    checked(phone, f"{name}-treatment", assert_accessible, screenshot, problems, javascript)
    choose(phone, "started", "medication")
    choose(phone, "started_since", "4_6_weeks")
    submit(phone)

    # The change, in words.
    expect(phone.locator("main h1")).to_have_text("What changed")
    main = phone.locator("main")
    expect(main).to_contain_text("Low mood (PHQ-9): 21 before, 4 now. Down 17 points.")
    expect(main).to_contain_text("This is a clear improvement.")
    expect(main).to_contain_text("NHS Talking Therapies calls this “recovery”.")
    expect(main).to_contain_text("Keep telling your prescriber how it is going.")
    checked(phone, f"{name}-change", assert_accessible, screenshot, problems, javascript)
    phone.get_by_role("link", name="See the five options again with your new scores").click()
    expect(phone.locator("main h1")).to_have_text("Your results")
    expect(phone.locator(".score-list")).to_contain_text("4 out of 27")
    expect(phone.locator("#come-back")).to_contain_text("Your scores on each date")
    checked(phone, f"{name}-results", assert_accessible, screenshot, problems, javascript)

    # Back on the first device: the link is listed, with a way to turn it off.
    page.goto(url("/my-links/"))
    expect(page.locator("#return-links")).to_contain_text("Works until")
    checked(page, f"{name}-my-links", assert_accessible, screenshot, problems, javascript)

    # A second re-take, with item 9 answered: the crisis lines come at once.
    phone.goto(link)
    phone.get_by_role("button", name="Start").click()
    answer(phone, {**LOWER_MOOD, "phq9_9": 1})
    submit(phone)
    expect(phone).to_have_url(re.compile(r"/crisis/$"))
    expect(phone.get_by_text("Samaritans").first).to_be_visible()
    screenshot(phone, f"phone-{name}-crisis")
    assert not problems, "\n".join(problems)
    first.close()
    other.close()


def test_three_visits_draw_the_chart(browser, live_server, url, assert_accessible, screenshot):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    client = Client()
    with_answers(client, severe_answers(region="UK"))
    client.get("/results/")
    share_session(page, live_server, client)
    page.goto(url("/results/"))
    page.get_by_role("button", name="Make my return link").click()
    link = page.locator("#return-link-url").input_value()
    for mood in (phq9(2, 2, 1, 1, 1, 1, 1, 1, 0), LOWER_MOOD):
        page.goto(link)
        page.get_by_role("button", name="Start").click()
        answer(page, mood)
        submit(page)
        page.get_by_role("button", name="Skip these questions").click()
        choose(page, "started", "cbt")
        choose(page, "started_since", "6_8_weeks")
        submit(page)
        # htmx's redirect must land before the next visit starts, or it would cut that short.
        expect(page.locator("main h1")).to_have_text("What changed")
    expect(page.locator(".score-chart svg")).to_be_visible()
    expect(page.locator(".history-table tbody tr")).to_have_count(3)
    assert_accessible(page, "change with chart")
    assert not fit_problems(page, "followup-chart", screenshot)
    context.close()

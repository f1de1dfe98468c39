"""The safety plan and the crisis state's privacy (issue 19, items 4 and 6) in Chromium at
360 px, with JavaScript and without; axe with JavaScript (it never finishes without)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_crisis_help import PHONE, to_crisis

WORDS = "I stop answering messages"


@pytest.fixture(params=["javascript", "no-javascript"])
def any_page(request, page, no_js_page):
    chosen = page if request.param == "javascript" else no_js_page
    chosen.set_viewport_size(PHONE)
    return chosen


def no_sideways_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth") <= 0, page.url


def test_a_plan_made_one_step_at_a_time_from_the_crisis_page(any_page, url, screenshot, request):
    page = any_page
    to_crisis(page, url, "US")
    page.get_by_role("link", name="Make my safety plan").click()
    expect(page.locator("main h1")).to_have_text("My safety plan")
    page.get_by_role("link", name="One step at a time").click()
    expect(page.locator("main h1")).to_have_text("My warning signs")
    expect(page.locator("main")).to_contain_text("For example")
    no_sideways_scroll(page)
    screenshot(page, f"safety-plan-step-360-{request.node.callspec.id}")
    page.get_by_label("My warning signs").fill(WORDS)
    page.get_by_role("button", name="Save and go on").click()
    for title in ("Things I can do on my own", "People and places", "People I can ask", "Professionals"):
        expect(page.locator("main h1")).to_contain_text(title)
        page.get_by_role("button", name="Save and go on").click()  # each part may be left empty
    expect(page.locator("main h1")).to_have_text("Making my surroundings safer")
    expect(page.locator("main")).to_contain_text("gun at home")
    page.get_by_role("button", name="Save and see my plan").click()
    expect(page).to_have_url(re.compile(r"/safety-plan/$"))
    expect(page.locator(".plan-words")).to_have_text(WORDS)
    expect(page.locator("main .plan-lines .phone-link").first).to_have_attribute("href", "tel:911")
    no_sideways_scroll(page)
    screenshot(page, f"safety-plan-overview-360-{request.node.callspec.id}")
    page.get_by_role("link", name="Print my plan").click()
    expect(page.locator("main")).to_contain_text(WORDS)


def test_all_parts_at_once_from_help_now_with_no_answers_pass_axe(page, url, assert_accessible):
    page.set_viewport_size(PHONE)
    page.goto(url("/help-now/"))
    page.get_by_role("link", name="Make my safety plan").click()
    assert_accessible(page, "safety plan, empty")
    page.get_by_role("link", name="All on one page").click()
    expect(page.locator("main textarea")).to_have_count(6)
    assert_accessible(page, "safety plan, all parts")
    page.get_by_label("People I can ask for help").fill("My sister, 0400 000 000")
    page.get_by_role("button", name="Save my plan").click()
    expect(page.locator(".plan-words")).to_have_text("My sister, 0400 000 000")
    assert_accessible(page, "safety plan, saved")
    page.get_by_label("Add my safety plan to the summary").check()
    page.get_by_role("button", name="Save this choice").click()
    expect(page.get_by_label("Add my safety plan to the summary")).to_be_checked()
    page.goto(url("/safety-plan/part/3/"))
    assert_accessible(page, "safety plan, one part")
    page.goto(url("/safety-plan/print/"))
    assert_accessible(page, "safety plan, print view")


def test_after_deleting_answers_the_banner_stays_only_while_the_browser_is_open(any_page, url, browser):
    page = any_page
    to_crisis(page, url, "UK")
    page.goto(url("/delete/"))
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main h1")).to_have_text("Your answers are deleted")
    expect(page.locator(".crisis-banner")).to_be_visible()
    cookies = {cookie["name"]: cookie for cookie in page.context.cookies()}
    assert cookies["crisis_banner"]["expires"] == -1  # a browser-session cookie
    assert "sessionid" not in cookies  # no session row keeps the crisis state
    # A browser opened afresh keeps only the cookies that outlive it: not this one.
    fresh = browser.new_context()
    lasting = [cookie for cookie in cookies.values() if cookie["expires"] != -1]
    if lasting:
        fresh.add_cookies(lasting)
    other = fresh.new_page()
    other.goto(url("/"))
    expect(other.locator(".crisis-banner")).to_have_count(0)
    fresh.close()

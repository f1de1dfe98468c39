"""Issue 19 in Chromium at 360 px, with JavaScript and without: crisis numbers are buttons a
thumb can hit, one crisis block a page, the banner's heading under the page's h1, the right
lines for the person, and the crisis pages pass axe (with JavaScript: axe never finishes
without it)."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.journeys import answer_step, submit
from tests.factories import mild_answers

PHONE = {"width": 360, "height": 740}
ZOOMED = {"width": 640, "height": 800}  # a 1280 px window at 200% zoom


@pytest.fixture(params=["javascript", "no-javascript"])
def any_page(request, page, no_js_page):
    chosen = page if request.param == "javascript" else no_js_page
    chosen.set_viewport_size(PHONE)
    return chosen


def to_crisis(page, url, region="US", age_band="25_64") -> None:
    """A person answers where they live and their age, then says they are in danger now."""
    page.goto(url("/questions/place/"))
    answer_step(page, mild_answers(region=region, age_band=age_band), "place")
    submit(page)
    # Under 18, the note for young people comes first (an htmx redirect with JavaScript).
    expect(page).to_have_url(re.compile(r"/(young-people|questions/safety)/$"))
    page.goto(url("/questions/safety/"))
    answer_step(page, mild_answers(in_danger_now=True), "safety")
    submit(page)
    expect(page).to_have_url(re.compile(r"/crisis/$"))


def button_boxes(page) -> list[dict]:
    return page.eval_on_selector_all(
        "main .call-button",
        """els => els.map(e => { const r = e.getBoundingClientRect();
            return {text: e.innerText, href: e.getAttribute('href'), y: r.y + window.scrollY, width: r.width,
                    height: r.height, label: e.getAttribute('aria-label')}; })""",
    )


def test_the_crisis_page_has_big_buttons_to_call_and_text(any_page, url, screenshot, request):
    page = any_page
    to_crisis(page, url, "US")
    boxes = button_boxes(page)
    assert [(box["href"], box["text"].split("\n")[0]) for box in boxes] == [
        ("tel:988", "Call 988"),
        ("sms:988", "Text 988"),
        ("tel:911", "Call 911"),
    ]
    content_width = page.evaluate("document.querySelector('main .crisis-lines ul').getBoundingClientRect().width")
    for box in boxes:
        assert box["height"] >= 44, box
        assert box["width"] >= content_width - 1, box  # full width on a phone
        assert box["label"] is None  # the spoken name is the words shown
    # One crisis block: the page's own lines, and no banner above (or below) its title.
    expect(page.locator("[data-crisis-block]")).to_have_count(1)
    expect(page.locator(".crisis-banner")).to_have_count(0)
    screenshot(page, f"crisis-buttons-360-{request.node.callspec.id}")


def test_the_banner_comes_after_the_pages_title_and_has_buttons(any_page, url):
    page = any_page
    to_crisis(page, url, "UK")
    page.goto(url("/about/"))
    headings = page.eval_on_selector_all("h1, h2", "els => els.map(e => e.tagName + ':' + e.innerText)")
    assert headings[0].startswith("H1:"), headings
    assert headings[1] == "H2:Help is there now, day or night", headings
    banner = page.locator(".crisis-banner")
    expect(banner.get_by_role("link", name=re.compile(r"^Call 116 123"))).to_have_attribute("href", "tel:116123")
    expect(banner.get_by_role("link", name=re.compile(r"^Call 999"))).to_have_attribute("href", "tel:999")
    for box in page.eval_on_selector_all(".crisis-banner .call-button", "els => els.map(e => e.offsetHeight)"):
        assert box >= 44


def test_the_banner_stays_on_each_step_swapped_in_by_htmx(page, url):
    page.set_viewport_size(PHONE)
    to_crisis(page, url, "IE")
    page.get_by_role("link", name="Go on with the questions").click()
    expect(page.locator("main h1")).to_have_text("Your mood")
    page.get_by_role("link", name="Back").click()
    expect(page.locator("main h1")).to_have_text("Your safety")
    expect(page.locator(".crisis-banner")).to_be_visible()
    expect(page.locator(".crisis-banner .call-button").first).to_contain_text("116 123")


def test_the_crisis_page_and_banner_pass_axe_at_360_px_and_200_percent_zoom(page, url, assert_accessible):
    page.set_viewport_size(PHONE)
    to_crisis(page, url, "UK")
    assert_accessible(page, "crisis page at 360 px")
    page.goto(url("/help-now/"))
    assert_accessible(page, "help now")
    page.goto(url("/"))
    assert_accessible(page, "home with the banner")
    page.set_viewport_size(ZOOMED)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    expect(page.locator(".crisis-banner .call-button").first).to_be_in_viewport()


def test_a_young_person_sees_youth_lines_first_and_no_veterans_line(any_page, url):
    page = any_page
    to_crisis(page, url, "US", "under_18")
    lines = page.locator("main .crisis-lines")
    expect(lines.locator("h3").first).to_have_text("For young people")
    expect(lines).to_contain_text("The Trevor Project")
    expect(lines).not_to_contain_text("Veterans")
    expect(lines).not_to_contain_text("press 3")


def mood_without_item_9(page, url, region="UK") -> None:
    page.goto(url("/questions/place/"))
    answer_step(page, mild_answers(region=region), "place")
    submit(page)
    answer_step(page, mild_answers(), "safety")
    submit(page)
    expect(page.locator("main h1")).to_have_text("Your mood")
    for number in range(1, 9):
        page.locator(f'input[name="phq9_{number}"][value="1"]').check()
    submit(page)


def test_a_blank_item_9_gets_a_kind_note_with_help_inside(any_page, url, screenshot, request):
    page = any_page
    mood_without_item_9(page, url, "UK")
    expect(page.locator(".kind-summary")).to_contain_text("One question has no answer yet")
    note = page.locator(".kind-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("Your answer helps us show you the right help")
    expect(note.get_by_role("link", name="Get help now")).to_have_attribute("href", "/help-now/")
    expect(note.get_by_role("link", name=re.compile(r"^Call 116 123"))).to_have_attribute("href", "tel:116123")
    expect(page.locator("fieldset#id_phq9_9.has-error")).to_have_count(0)
    screenshot(page, f"item-9-blank-360-{request.node.callspec.id}")


def test_the_blank_item_9_note_passes_axe(page, url, assert_accessible):
    page.set_viewport_size(PHONE)
    mood_without_item_9(page, url, "AU")
    expect(page.locator(".kind-note")).to_contain_text("13 11 14")
    assert_accessible(page, "mood step with item 9 blank")

"""The print view in a real browser: on a phone, one column of readable text with no sideways
scrolling and a way back; on a desktop, the paper's table; axe finds nothing either way."""

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.browser.journeys import share_session
from tests.factories import crisis_answers, mild_answers
from tests.questionnaire_helpers import with_answers

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}

# The smallest computed font size of any text the page shows, in CSS pixels.
SMALLEST_TEXT = """() => {
  const sizes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const element = node.parentElement;
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || element.closest('[aria-hidden="true"] svg')) continue;
    sizes.push(parseFloat(getComputedStyle(element).fontSize));
  }
  return Math.min(...sizes);
}"""


def open_print_view(page, url, live_server, answers: dict, crisis: bool = False) -> None:
    client = Client()
    with_answers(client, answers, crisis=crisis)
    share_session(page, live_server, client)
    page.goto(url("/results/print/"))


@pytest.mark.parametrize("answers", [mild_answers, crisis_answers], ids=["typical", "crisis"])
def test_the_print_view_on_a_phone_stacks_in_readable_text_with_a_way_back(
    page, url, live_server, screenshot, assert_accessible, answers
):
    page.set_viewport_size(PHONE)
    open_print_view(page, url, live_server, answers(), crisis=answers is crisis_answers)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"scrolls sideways by {overflow}px"
    assert page.evaluate(SMALLEST_TEXT) >= 14
    # Stacked: each answer names its option, and sits under the one before it.
    cells = page.locator("table.paper-compare tbody.row-what_it_is td")
    expect(cells.first.locator(".cell-option")).to_be_visible()
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1 and first["width"] > 300
    expect(page.locator(".sure p")).to_have_text("You have not answered these four questions yet.")
    expect(page.locator(".sure p")).to_be_visible()  # the box is not empty on screen
    assert_accessible(page, "print view at 360px")
    screenshot(page, f"paper-print-view-360-{answers.__name__}")
    page.get_by_role("link", name="Back to my results").click()
    expect(page).to_have_url(url("/results/"))


def test_the_print_view_on_a_desktop_is_the_papers_table(page, url, live_server, screenshot, assert_accessible):
    page.set_viewport_size(DESKTOP)
    open_print_view(page, url, live_server, mild_answers())
    cells = page.locator("table.paper-compare tbody.row-what_it_is td")
    first, second = cells.nth(0).bounding_box(), cells.nth(1).bounding_box()
    assert abs(second["y"] - first["y"]) < 2  # side by side
    expect(cells.first.locator(".cell-option")).to_be_hidden()
    expect(page.get_by_role("columnheader")).to_have_count(5)
    assert_accessible(page, "print view at 1280px")
    screenshot(page, "paper-print-view-1280")

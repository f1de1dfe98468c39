"""The results page in Chromium: a crisis journey to the end, the first view a person can take
in on a phone (words, height, Tab stops), details a click away, and axe with them open and shut."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import answer_step, share_session, submit
from tests.factories import crisis_answers, maximal_answers, mild_answers
from tests.questionnaire_helpers import with_answers

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
OPTION_NAMES = [
    "Psychodynamic therapy",
    "Cognitive behavioural therapy (CBT)",
    "Antidepressant medicine",
    "Therapy and medicine together",
    "Guided self-help, or waiting and checking in",
]

# The words a person can see: innerText leaves out what is hidden and what sits in a closed
# <details>. A "word" has a letter or a digit in it, so "·" and "—" do not count.
VISIBLE_WORDS = "() => document.body.innerText.split(/\\s+/).filter((w) => /[\\p{L}\\p{N}]/u.test(w)).length"


WORDS_BY_PART = """() => [...document.querySelectorAll('body > *, main .results > *')].map((el) =>
  `${el.tagName.toLowerCase()}.${el.className || el.id}: ${el.innerText.split(/\\s+/).filter((w) => /[\\p{L}\\p{N}]/u.test(w)).length}`)"""


def answer_all(page, url, answers) -> None:
    page.goto(url("/questions/place/"))
    for step in steps.STEPS:
        heading = page.locator("main h1")
        expect(heading).to_have_text(re.compile(f"^({re.escape(str(step.title))}|Help is there for you now)$"))
        if heading.inner_text() == "Help is there for you now":
            page.get_by_role("link", name="Go on with the questions").click()
            expect(heading).to_have_text(str(step.title))
        answer_step(page, answers, step.slug)
        submit(page)
    expect(page).to_have_url(re.compile(r"/results/$"))


def open_results(page, url, live_server, answers: dict, crisis: bool = False) -> None:
    client = Client()
    with_answers(client, answers, crisis=crisis)
    share_session(page, live_server, client)
    page.goto(url("/results/"))
    expect(page.locator("main h1")).to_have_text("Your results")


def tab_stops(page, limit: int = 200) -> int:
    """How many times Tab moves focus before it comes back to where it started."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        here = page.evaluate(
            """() => { const el = document.activeElement;
              if (!el || el === document.body) return null;
              if (!el.dataset.tabStop) el.dataset.tabStop = String(Math.random());
              return el.dataset.tabStop; }"""
        )
        if here is None:
            if seen:
                break
            continue
        if seen and here == seen[0]:
            break
        seen.append(here)
    return len(seen)


def test_a_crisis_journey_ends_with_crisis_help_first_and_every_option(page, url, assert_accessible, screenshot):
    answer_all(page, url, crisis_answers())
    main = page.locator("main")
    first_section = main.locator("section").first
    expect(first_section).to_contain_text("Please get help now")
    expect(first_section).to_contain_text("999")
    # One crisis block a page: the results' own, so no banner repeats it (issue 19).
    expect(page.locator(".crisis-banner")).to_have_count(0)
    for name in OPTION_NAMES:
        expect(page.get_by_role("columnheader", name=name)).to_be_visible()
    expect(page.locator("#referral")).to_be_visible()
    assert_accessible(page, "results in crisis")
    screenshot(page, "results-crisis-desktop")


@pytest.mark.parametrize(
    ("who", "answers", "crisis"), [("typical", mild_answers(), False), ("in crisis", crisis_answers(), True)]
)
def test_at_320px_the_first_view_can_be_taken_in(page, url, live_server, screenshot, who, answers, crisis):
    page.set_viewport_size(PHONE)
    open_results(page, url, live_server, answers, crisis=crisis)
    words = page.evaluate(VISIBLE_WORDS)
    height = page.evaluate("document.documentElement.scrollHeight")
    stops = tab_stops(page)
    screenshot(page, f"results-phone-{who.replace(' ', '-')}")
    print(f"results at 320px, {who}: {words} visible words, {height}px tall, {stops} Tab stops")
    assert words <= 2000, f"{who}: {words} visible words, by part: {page.evaluate(WORDS_BY_PART)}"
    assert height <= 16000, f"{who}: {height}px tall"
    assert stops <= 60, f"{who}: {stops} Tab stops"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"scrolls sideways by {overflow}px"
    text = page.locator("main").inner_text()
    for name in OPTION_NAMES:
        assert name in text
    if crisis:
        crisis_box = page.locator("main section").first
        expect(crisis_box).to_contain_text("Please get help now")
        box = crisis_box.bounding_box()
        assert box["y"] < PHONE["height"], "crisis help starts on the first screen"


def test_on_a_phone_each_question_shows_the_five_answers_under_it(page, url, live_server):
    page.set_viewport_size(PHONE)
    open_results(page, url, live_server, mild_answers())
    expect(page.locator(".compare thead")).to_be_hidden()
    cost = page.locator(".compare tr.row-cost")
    expect(cost.locator("th")).to_have_text("What it costs you")
    names = cost.locator(".cell-option")
    expect(names).to_have_text(OPTION_NAMES)
    # The five answers sit one under the other, under their question.
    tops = [names.nth(index).bounding_box()["y"] for index in range(5)]
    assert tops == sorted(tops) and tops[0] > cost.locator("th").bounding_box()["y"]


def test_on_a_wide_screen_the_option_names_stay_in_view_while_scrolling(page, url, live_server):
    page.set_viewport_size(DESKTOP)
    open_results(page, url, live_server, maximal_answers())
    expect(page.locator(".cell-option").first).to_be_hidden()
    header = page.get_by_role("columnheader", name=OPTION_NAMES[0])
    page.locator(".compare tr.row-fits").scroll_into_view_if_needed()
    box = header.bounding_box()
    assert -1 <= box["y"] <= 5, f"the option names scrolled away (top at {box['y']}px)"


def test_details_open_in_place_and_pass_axe_open_and_shut(page, url, live_server, assert_accessible, screenshot):
    open_results(page, url, live_server, mild_answers())
    assert_accessible(page, "results, details shut")
    page.set_viewport_size(PHONE)
    assert_accessible(page, "results at 320px, details shut")
    detail = page.locator("#details-cbt")
    expect(detail.get_by_text("Because you said:").first).to_be_hidden()
    detail.locator("summary").click()
    expect(detail.get_by_text("Because you said:").first).to_be_visible()
    for summary in page.locator("main details > summary").all():
        if summary.locator("xpath=..").get_attribute("open") is None:
            summary.click()
    expect(page.locator("#sources .source-list")).to_be_visible()
    assert_accessible(page, "results at 320px, every detail open")
    page.set_viewport_size(DESKTOP)
    assert_accessible(page, "results, every detail open")
    screenshot(page, "results-details-open")


def test_a_source_link_opens_the_sources_list_at_its_citation(page, url, live_server):
    open_results(page, url, live_server, mild_answers())
    page.locator(".scores a", has_text="Kroenke 2001").click()
    expect(page.locator("#source-kroenke-2001")).to_be_visible()
    expect(page.locator("#source-kroenke-2001")).to_contain_text("The PHQ-9: validity")


def test_the_sure_test_works_in_place_and_keeps_the_person_there(page, url, live_server):
    open_results(page, url, live_server, maximal_answers())
    sure = page.locator("#sure")
    sure.scroll_into_view_if_needed()
    radios = sure.locator("input[type=radio][value='no']")
    for index in range(radios.count()):
        radios.nth(index).check()
    sure.get_by_role("button", name="Save my answers").click()
    expect(page.locator("#sure .sure-result")).to_contain_text("What could help")
    expect(page.locator("#sure-title")).to_be_focused()
    assert page.evaluate("window.scrollY") > 500

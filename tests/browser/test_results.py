"""The results page in Chromium: a crisis journey to the end, the first view a person can take
in on a phone (words, height, Tab stops, where the options and their own evidence begin),
details fetched into place with JavaScript and followed as links without it, and axe with
them open and shut."""

import re

import pytest
from django.test import Client
from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import answer_step, share_session, submit
from tests.factories import crisis_answers, maximal_answers, mild_answers
from tests.questionnaire_helpers import with_answers

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
OPTION_NAMES = [
    "Psychodynamic therapy",
    "Cognitive behavioural therapy (CBT)",
    "Medicine",
    "Therapy and medicine together",
    "Guided self-help, or waiting and checking in",
]

# Budgets at 360 px, before any click (issue 20).
MAX_WORDS = 1200
MAX_HEIGHT = 9000
MAX_TAB_STOPS = 60
OPTIONS_WITHIN = 1600
OWN_EVIDENCE_WITHIN = 2600

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


def top(page, selector: str) -> float:
    """Where an element begins, in px from the top of the page."""
    return page.evaluate(f"() => document.querySelector({selector!r}).getBoundingClientRect().top + window.scrollY")


def test_a_crisis_journey_ends_with_crisis_help_first_once_and_every_option(page, url, assert_accessible, screenshot):
    answer_all(page, url, crisis_answers())
    main = page.locator("main")
    expect(page.locator("main h1, main h2").first).to_have_text("Your results")
    first_section = main.locator("section").first
    expect(first_section).to_contain_text("Please get help now")
    expect(first_section).to_contain_text("999")
    expect(page.locator(".crisis-banner")).to_have_count(0)  # the block under the h1 takes its place
    expect(page.locator(".crisis-lines")).to_have_count(1)
    for name in OPTION_NAMES:
        expect(page.get_by_role("heading", name=name, exact=True)).to_be_visible()
    expect(page.locator("#referral")).to_be_visible()
    assert_accessible(page, "results in crisis")
    screenshot(page, "results-crisis-desktop")


@pytest.mark.parametrize(
    ("who", "answers", "crisis"), [("typical", mild_answers(), False), ("in crisis", crisis_answers(), True)]
)
def test_at_360px_the_first_view_keeps_to_its_budgets(page, url, live_server, screenshot, who, answers, crisis):
    page.set_viewport_size(PHONE)
    open_results(page, url, live_server, answers, crisis=crisis)
    words = page.evaluate(VISIBLE_WORDS)
    height = page.evaluate("document.documentElement.scrollHeight")
    options = top(page, "#options")
    evidence = top(page, ".option-card .levels")
    stops = tab_stops(page)
    screenshot(page, f"results-phone-{who.replace(' ', '-')}")
    print(
        f"results at 360px, {who}: {words} visible words, {height}px tall, {stops} Tab stops, "
        f"options at {options:.0f}px, own evidence at {evidence:.0f}px"
    )
    assert words <= MAX_WORDS, f"{who}: {words} visible words, by part: {page.evaluate(WORDS_BY_PART)}"
    assert height <= MAX_HEIGHT, f"{who}: {height}px tall"
    assert stops <= MAX_TAB_STOPS, f"{who}: {stops} Tab stops"
    assert options <= OPTIONS_WITHIN, f"{who}: the options begin {options:.0f}px down"
    assert evidence <= OWN_EVIDENCE_WITHIN, f"{who}: the person's own evidence begins {evidence:.0f}px down"
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"scrolls sideways by {overflow}px"
    text = page.locator("main").inner_text()
    for name in OPTION_NAMES:
        assert name in text
    if crisis:
        crisis_box = page.locator("main section").first
        expect(crisis_box).to_contain_text("Please get help now")
        assert crisis_box.bounding_box()["y"] < PHONE["height"], "crisis help starts on the first screen"


def test_details_open_in_place_and_pass_axe_open_and_shut(page, url, live_server, assert_accessible, screenshot):
    open_results(page, url, live_server, mild_answers())
    assert_accessible(page, "results, details shut")
    screenshot(page, "results-desktop")
    page.set_viewport_size(PHONE)
    assert_accessible(page, "results at 360px, details shut")

    card = page.locator("#option-cbt")
    card.get_by_role("link", name="More about Cognitive behavioural therapy (CBT)").click()
    detail = card.locator("#more-cbt > details")
    expect(detail.get_by_text("Because you said:").first).to_be_visible()
    expect(card.locator(".on-demand-body")).to_be_focused()  # the person lands on what opened
    assert page.url.endswith("/results/"), "it opened in place"
    detail.get_by_role("link", name="Sources").click()
    expect(card.locator("#more-sources-cbt .source-list")).to_be_visible()

    for name in ["All five side by side", "Some numbers from studies", "More about what you chose"]:
        page.get_by_role("link", name=name).click()
    page.get_by_role("link", name=re.compile("questions we wrote from your answers")).click()
    for part in ["#more-compare", "#more-figures", "#more-conditions", "#more-questions"]:
        expect(page.locator(f"{part} details[open]")).to_be_visible()
    # Every link left: the other options, the Sources of each block, the sharing choices.
    links = page.locator("main .more > a")
    for _ in range(30):
        if not links.count():
            break
        href = links.first.get_attribute("href")
        links.first.click()
        expect(page.locator(f'main .more > a[href="{href}"]')).to_have_count(0)
    expect(links).to_have_count(0)
    expect(page.locator("#more-share form")).to_have_count(1)
    expect(page.locator(".compare .cell-option").first).to_be_visible()  # one question at a time
    assert_accessible(page, "results at 360px, every detail open")
    screenshot(page, "results-phone-details-open")
    page.set_viewport_size(DESKTOP)
    assert_accessible(page, "results, every detail open")
    screenshot(page, "results-desktop-details-open")

    # A part that came in can be closed again with its summary, without fetching it again.
    detail.locator("> summary").click()
    expect(detail.get_by_text("Because you said:").first).to_be_hidden()
    assert_accessible(page, "results, a detail closed again")


def test_without_javascript_each_part_is_a_page_of_its_own_with_a_way_back(no_js_page, url, live_server):
    page = no_js_page
    open_results(page, url, live_server, mild_answers())
    page.get_by_role("link", name="More about Medicine").click()
    expect(page).to_have_url(re.compile(r"/results/options/medication/$"))
    expect(page.locator("main h1")).to_have_text("More about Medicine")
    expect(page.get_by_text("Because you said:").first).to_be_visible()
    page.get_by_role("link", name="Sources").click()
    expect(page.locator(".source-list")).to_be_visible()
    page.get_by_role("link", name="Back to my results").click()
    expect(page).to_have_url(re.compile(r"/results/#option-medication$"))
    page.get_by_role("link", name="All five side by side").click()
    expect(page.locator("table.compare")).to_be_visible()
    page.get_by_role("link", name="Back to my results").click()
    page.get_by_role("link", name="Change my answers").click()
    expect(page.locator("main h1")).to_have_text("Which answers do you want to change?")
    page.get_by_role("link", name="Your goals").click()
    expect(page.locator("main h1")).to_have_text("Your goals")


def test_change_my_answers_lets_the_person_pick_the_step(page, url, live_server):
    open_results(page, url, live_server, mild_answers())
    page.get_by_role("link", name="Change my answers").click()
    steps_list = page.locator("#more-change .step-list")
    expect(steps_list.get_by_role("link")).to_have_count(len(steps.STEPS))
    steps_list.get_by_role("link", name="Cost").click()
    expect(page.locator("main h1")).to_have_text("Cost")
    expect(page.locator('input[name="session_fee"]')).to_have_value("60")  # their answer is kept


def test_on_a_wide_screen_the_option_names_stay_in_view_in_the_comparison(page, url, live_server):
    page.set_viewport_size(DESKTOP)
    open_results(page, url, live_server, maximal_answers())
    page.get_by_role("link", name="All five side by side").click()
    expect(page.locator(".compare .cell-option").first).to_be_hidden()
    header = page.get_by_role("columnheader", name=OPTION_NAMES[0])
    page.locator(".compare tr.row-asks").scroll_into_view_if_needed()
    box = header.bounding_box()
    assert -1 <= box["y"] <= 5, f"the option names scrolled away (top at {box['y']}px)"


def test_the_sure_test_works_in_place_and_keeps_the_person_there(page, url, live_server):
    open_results(page, url, live_server, maximal_answers())
    sure = page.locator("#sure")
    sure.scroll_into_view_if_needed()
    sure.get_by_role("link", name="Answer the four questions").click()  # a click away
    sure.get_by_role("button", name="Save my answers").click()  # nothing chosen: a 422, swapped in
    expect(page.locator("#sure .error-summary")).to_be_focused()
    radios = page.locator("#sure input[type=radio][value='no']")
    for index in range(radios.count()):
        radios.nth(index).check()
    page.locator("#sure").get_by_role("button", name="Save my answers").click()
    expect(page.locator("#sure .sure-result")).to_contain_text("What could help")
    expect(page.locator("#sure-title")).to_be_focused()
    assert page.evaluate("window.scrollY") > 500

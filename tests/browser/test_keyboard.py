"""A whole questionnaire with the keyboard alone: Tab, Shift+Tab, arrows, Space and Enter."""

import re

from playwright.sync_api import expect

from decisionaid.questionnaire import steps


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element is focused, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def focus_ring_visible(page) -> bool:
    return page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2; }"
    )


def test_a_whole_journey_by_keyboard_alone(page, url):
    page.goto(url("/"))
    tab_to(page, "a.button")
    assert focus_ring_visible(page)
    page.keyboard.press("Enter")
    for step in steps.STEPS:
        expect(page.locator("main h1")).to_have_text(str(step.title))
        form = steps.BY_SLUG[step.slug].form_class
        for name, field in form.base_fields.items():
            widget = getattr(field.widget, "input_type", "text")
            first = f'input[name="{name}"]'
            if widget == "radio":
                tab_to(page, first)
                # Arrow keys move within a radio group and select; Space selects the first.
                page.keyboard.press("Space")
                page.keyboard.press("ArrowDown")
                page.keyboard.press("ArrowUp")
                expect(page.locator(f"{first}:checked")).to_have_count(1)
            elif widget == "checkbox":
                tab_to(page, first)
                page.keyboard.press("Space")
                expect(page.locator(f"{first}:checked")).to_have_count(1)
            else:
                tab_to(page, first)
                page.keyboard.type("40")
        if step.slug == "place":
            # The first age band is "Under 18"; arrow down to "25 to 64" for an adult journey.
            tab_to(page, 'input[name="age_band"]:checked')
            page.keyboard.press("ArrowDown")
            page.keyboard.press("ArrowDown")
            expect(page.locator('input[name="age_band"][value="25_64"]')).to_be_checked()
        if step.slug == "safety":
            # "No" is the second choice: move there so the journey is not a crisis one.
            tab_to(page, 'input[name="in_danger_now"]:checked')
            page.keyboard.press("ArrowDown")
            expect(page.locator('input[name="in_danger_now"][value="false"]')).to_be_checked()
        # Shift+Tab goes back without trapping focus, then Tab returns to the button.
        tab_to(page, "main form button[type=submit]")
        assert focus_ring_visible(page)
        page.keyboard.press("Shift+Tab")
        tab_to(page, "main form button[type=submit]")
        page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/results/$"))

"""A whole questionnaire with the keyboard alone: Tab, Shift+Tab, arrows, Space and Enter; and
on every page, each place Tab stops shows a focus ring with at least 3:1 contrast (WCAG 1.4.11)."""

import re

from django.test import Client
from playwright.sync_api import expect

from decisionaid.questionnaire import steps
from tests.browser.journeys import share_session
from tests.factories import mild_answers
from tests.sharing_people import give_answers, make_clinician, make_invitation


def tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element is focused, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement && document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


# The focused element's outline, the colour of the halo (box-shadow) shown around it, and the
# colour behind it: the first ancestor with a background of its own, else the white canvas.
FOCUS_RING = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  let behind = 'rgb(255, 255, 255)';
  for (let node = el.parentElement; node; node = node.parentElement) {
    const colour = getComputedStyle(node).backgroundColor;
    if (colour !== 'rgba(0, 0, 0, 0)' && colour !== 'transparent') { behind = colour; break; }
  }
  const halo = style.boxShadow === 'none' ? null : (style.boxShadow.match(/rgba?\\([^)]*\\)/) || [null])[0];
  return { element: el.outerHTML.slice(0, 100), style: style.outlineStyle, width: parseFloat(style.outlineWidth),
           colour: style.outlineColor, behind, halo };
}"""


def _rgb(colour: str) -> tuple[float, float, float]:
    """An rgb()/rgba() colour as 0-255 channels, blended onto white if it is see-through."""
    values = [float(value) for value in re.findall(r"[\d.]+", colour)]
    red, green, blue, alpha = [*values, 1.0][:4]
    return tuple(alpha * channel + (1 - alpha) * 255 for channel in (red, green, blue))


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio between two CSS colours, from 1 to 21."""

    def luminance(colour: str) -> float:
        linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in _rgb(colour))]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def focus_ring_problem(page) -> str | None:
    """Why the focus ring of the focused element fails, or None: it must be a solid outline at
    least 2px wide with 3:1 contrast against what is behind it and against its halo."""
    ring = page.evaluate(FOCUS_RING)
    if ring["style"] == "none" or ring["width"] < 2:
        return f"{ring['element']}: no visible focus ring"
    for name, neighbour in [("background", ring["behind"]), ("halo", ring["halo"])]:
        if neighbour and contrast(ring["colour"], neighbour) < 3:
            ratio = contrast(ring["colour"], neighbour)
            return f"{ring['element']}: focus ring {ring['colour']} on {name} {neighbour} is {ratio:.2f}:1"
    return None


def focus_ring_visible(page) -> bool:
    return focus_ring_problem(page) is None


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


def test_the_contrast_sum_matches_known_values():
    assert round(contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)"), 1) == 21.0
    assert round(contrast("rgb(118, 118, 118)", "rgb(255, 255, 255)"), 2) == 4.54
    assert contrast("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)") == 1.0  # see-through black is white


def test_every_tab_stop_has_a_focus_ring_with_3_to_1_contrast(page, url, live_server):
    invitation = make_invitation(make_clinician("dr_keys"))
    problems = []

    def tab_through(path: str) -> None:
        page.goto(url(path))
        seen = set()
        for _ in range(120):
            page.keyboard.press("Tab")
            key = page.evaluate(
                "() => document.activeElement === document.body ? null : document.activeElement.outerHTML"
            )
            if key is None or key in seen:  # back at the top: every stop on the page is done
                break
            seen.add(key)
            problem = focus_ring_problem(page)
            if problem:
                problems.append(f"{path} {problem}")
        assert len(seen) > 2, f"Tab found almost nothing to stop at on {path}"

    for path in ["/", "/help-now/", "/questions/place/", "/accounts/login/", f"/invite/{invitation.token}/"]:
        tab_through(path)
    client = Client()
    give_answers(client, mild_answers(in_danger_now=True), crisis=True)  # the crisis banner's tint
    share_session(page, live_server, client)
    for path in ["/questions/mood/", "/results/", "/my-links/"]:
        tab_through(path)
    assert not problems, "\n".join(problems)

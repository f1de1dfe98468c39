"""Issue 23 in Chromium: the restricting teenager's and the pregnant woman's results pages,
with the dangers, the care offered first and whom each first choice is for, at phone and
desktop width, with no axe violations (details open and shut)."""

import pytest

from tests.browser.test_results import DESKTOP, PHONE, open_results
from tests.test_issue23_people import pregnant_woman_in_england, teen_in_australia


@pytest.mark.parametrize("person", [teen_in_australia, pregnant_woman_in_england])
def test_the_reviewed_peoples_results_read_well_and_pass_axe(
    page, url, live_server, assert_accessible, screenshot, person
):
    for name, size in (("phone", PHONE), ("desktop", DESKTOP)):
        page.set_viewport_size(size)
        open_results(page, url, live_server, person())
        assert page.get_by_role("heading", name="Care often offered first").is_visible()
        assert_accessible(page, f"{person.__name__} {name}")
        screenshot(page, f"{name}-issue23-{person.__name__}")
        for summary in page.locator("main details > summary").all():
            summary.click()
        assert_accessible(page, f"{person.__name__} {name}, details open")

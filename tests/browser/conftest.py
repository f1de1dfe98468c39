"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live_server.

Playwright's sync API runs an event loop in this thread, so Django's async-safety guard
must be relaxed for the ORM calls the tests make; Chromium gets a throwaway home and the
flags a machine without network access to Google's services needs.
"""

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
_home = tempfile.mkdtemp(prefix="decisionaid-chromium-")
atexit.register(shutil.rmtree, _home, ignore_errors=True)  # Chromium's settings and cache, gone after
os.environ.setdefault("XDG_CONFIG_HOME", _home)
os.environ.setdefault("XDG_CACHE_HOME", _home)

OUTPUT = Path(__file__).resolve().parent.parent.parent / "test-output"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium") or "/usr/bin/chromium"
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url():
    # Replaces pytest-playwright's own fixture, a method that pytest 10 will refuse (it warns
    # today; pyproject.toml makes that warning an error). Tests build each address from
    # live_server with `url` below, so there is no base URL.
    return None


@pytest.fixture(autouse=True)
def _content(transactional_db):
    # live_server tests run in transactions that are emptied afterwards: load content each time.
    call_command("loaddata", "content", verbosity=0)


@pytest.fixture
def url(live_server):
    return lambda path: f"{live_server.url}{path}"


@pytest.fixture
def no_js_page(browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot():
    OUTPUT.mkdir(exist_ok=True)

    def take(page, name: str) -> Path:
        path = OUTPUT / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
}


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the page as it is now; fail listing each rule, impact and element."""

    def check(page, label: str = "") -> None:
        results = axe.run(page, options=AXE_OPTIONS)
        lines = []
        for violation in results.response["violations"]:
            for node in violation["nodes"]:
                lines.append(
                    f"{violation['id']} ({violation['impact']}): {' '.join(node['target'])} — {violation['help']}"
                )
        assert not lines, f"axe found violations on {label or page.url}:\n" + "\n".join(lines)

    return check

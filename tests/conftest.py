"""Shared test set-up. The clinical content is the real release in fixtures/, loaded once
per test database; the people and answers of a test are built in code (tests/factories.py)."""

from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
# The project's own copy of the contract: the suite needs nothing outside the repository.
CONTRACT = ROOT / "decisionaid" / "contract"

# Files whose every test is of one slow kind. Any other slow test says so with a marker:
# @pytest.mark.pdf (it makes a PDF) or @pytest.mark.server (it starts a process).
SLOW_FILES = {"test_fuzz.py": "fuzz", "test_shared_pdf.py": "pdf", "test_gunicorn.py": "server"}
SLOW_KINDS = ("browser", "pdf", "fuzz", "server")


def kinds_of(item: pytest.Item) -> set[str]:
    path = Path(item.path)
    kinds = {SLOW_FILES[path.name]} if path.name in SLOW_FILES else set()
    if "browser" in path.parts:
        kinds.add("browser")
    kinds.update(kind for kind in SLOW_KINDS if item.get_closest_marker(kind))
    return kinds


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser, PDF, fuzz and real-server tests are also marked `slow`: `scripts/test --fast`
    (pytest -m "not slow") leaves them out."""
    for item in items:
        kinds = kinds_of(item)
        for kind in kinds:
            item.add_marker(kind)
        if kinds:
            item.add_marker("slow")


class UnmarkedSlowTest(Exception):
    pass


@pytest.fixture(autouse=True)
def slow_work_only_in_slow_tests(request, monkeypatch):
    """A test of the fast set that makes a PDF or starts a process fails, naming the marker it
    lacks, so the fast set stays fast without anyone timing it."""
    if kinds_of(request.node):
        return
    import subprocess

    import typst

    def compile_refused(*args, **kwargs):
        raise UnmarkedSlowTest("this test makes a PDF: mark it @pytest.mark.pdf")

    def popen_refused(*args, **kwargs):
        raise UnmarkedSlowTest("this test starts a process: mark it @pytest.mark.server")

    monkeypatch.setattr(typst, "compile", compile_refused)
    monkeypatch.setattr(subprocess.Popen, "__init__", popen_refused)


@pytest.fixture
def production_hashers(settings):
    """The password hashers of production (Argon2 first), for the tests about them: the rest
    of the suite hashes with a fast one (decisionaid/test_settings.py)."""
    from decisionaid import settings as production

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("loaddata", "content", verbosity=0)


@pytest.fixture
def contract_schema():
    import json

    def load(name: str) -> dict:
        return json.loads((CONTRACT / f"{name}.schema.json").read_text())

    return load


@pytest.fixture(autouse=True)
def fresh_content_snapshot():
    # A test's content edits are rolled back without a signal, so no snapshot read during
    # one test may reach the next.
    from decisionaid.content import snapshot

    snapshot.forget()
    yield
    snapshot.forget()

"""Shared test set-up. The clinical content is the real release in fixtures/, loaded once
per test database; the people and answers of a test are built in code (tests/factories.py)."""

from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
# The project's own copy of the contract: the suite needs nothing outside the repository.
CONTRACT = ROOT / "decisionaid" / "contract"

# Files whose every test is of one slow kind; other tests are of a kind by name ("pdf").
SLOW_FILES = {"test_fuzz.py": "fuzz", "test_shared_pdf.py": "pdf", "test_gunicorn.py": "server"}


def kinds_of(item: pytest.Item) -> set[str]:
    path = Path(item.path)
    kinds = {SLOW_FILES[path.name]} if path.name in SLOW_FILES else set()
    if "browser" in path.parts:
        kinds.add("browser")
    if "pdf" in item.name.lower() or item.get_closest_marker("pdf"):
        kinds.add("pdf")
    if item.get_closest_marker("server"):
        kinds.add("server")
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

"""Shared test set-up. The clinical content is the real release in fixtures/, loaded once
per test database; the people and answers of a test are built in code (tests/factories.py)."""

from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent
CONTRACT = ROOT.parent / "shared" / "contract"


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
    # one test may reach the next, and no page kept in memory either.
    from django.conf import settings
    from django.core.cache import caches

    from decisionaid.content import snapshot

    snapshot.forget()
    caches[settings.KEPT_PAGES_CACHE].clear()
    yield
    snapshot.forget()
    caches[settings.KEPT_PAGES_CACHE].clear()

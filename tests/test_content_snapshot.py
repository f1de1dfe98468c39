"""The clinical content is read once and kept in memory: pages and summaries then cost no
queries for it, and an editor's save still shows at once."""

import pytest

from decisionaid.content import snapshot
from decisionaid.content.models import OptionFact, Region, Resource
from decisionaid.summary import build_summary
from tests.factories import mild_answers
from tests.questionnaire_helpers import complete

pytestmark = pytest.mark.django_db


def test_a_summary_reads_no_content_once_it_is_in_memory(django_assert_num_queries):
    build_summary(mild_answers())
    with django_assert_num_queries(0):
        build_summary(mild_answers())


def test_an_edited_fact_shows_in_the_next_summary(client):
    complete(client, mild_answers())
    client.get("/results/")
    fact = OptionFact.objects.get(option__slug="cbt", row="what_it_is")
    fact.text = "An edited sentence about CBT."
    fact.save()
    assert "An edited sentence about CBT." in client.get("/results/").content.decode()


def test_a_new_crisis_line_shows_at_once_on_the_help_page(client):
    client.get("/help-now/")
    Resource.objects.create(region=Region.objects.get(code="UK"), kind="crisis", name="New line", contact="0800")
    assert "New line" in client.get("/help-now/").content.decode()


def test_an_edit_made_by_another_worker_shows_after_the_cache_time(settings, monkeypatch):
    # A queryset update sends no signal, as a save in another process would not reach this one.
    settings.CONTENT_CACHE_SECONDS = 60
    clock = [1000.0]
    monkeypatch.setattr(snapshot.time, "monotonic", lambda: clock[0])
    build_summary(mild_answers())
    OptionFact.objects.filter(option__slug="cbt", row="what_it_is").update(text="Changed elsewhere.")

    def cbt_text() -> str:
        cbt = next(option for option in build_summary(mild_answers())["options"] if option["slug"] == "cbt")
        return next(fact["text"] for fact in cbt["facts"] if fact["row"] == "what_it_is")

    clock[0] += 59
    assert cbt_text() != "Changed elsewhere."
    clock[0] += 2
    assert cbt_text() == "Changed elsewhere."

"""The content cache: the clinical content is read once and held in each worker's memory, so
pages and summaries cost no queries for it, and an editor's save still shows at once in every
worker (once its transaction commits)."""

import json

import pytest

from decisionaid.content import snapshot
from decisionaid.content.models import Concern, Evidence, FitRule, Option, OptionFact, Region, Resource, Source
from decisionaid.summary import build_summary
from tests.factories import mild_answers
from tests.questionnaire_helpers import complete

pytestmark = pytest.mark.django_db


def test_a_summary_reads_no_content_once_it_is_in_memory(django_assert_num_queries):
    build_summary(mild_answers())
    with django_assert_num_queries(0):
        build_summary(mild_answers())


def test_a_request_asks_the_database_one_small_question_about_the_content(client, django_assert_num_queries):
    client.get("/help-now/")
    with django_assert_num_queries(1) as captured:
        client.get("/help-now/")
    assert "content_contentgeneration" in captured.captured_queries[0]["sql"]


def cbt_fact_text() -> str:
    cbt = next(option for option in build_summary(mild_answers())["options"] if option["slug"] == "cbt")
    return next(fact["text"] for fact in cbt["facts"] if fact["row"] == "what_it_is")


def test_an_edited_fact_shows_in_the_next_summary(client, django_capture_on_commit_callbacks):
    complete(client, mild_answers())
    client.get("/results/")
    fact = OptionFact.objects.get(option__slug="cbt", row="what_it_is")
    fact.text = "An edited sentence about CBT."
    with django_capture_on_commit_callbacks(execute=True):
        fact.save()
    assert "An edited sentence about CBT." in client.get("/results/options/cbt/").content.decode()


def test_a_new_crisis_line_shows_at_once_on_the_help_page(client, django_capture_on_commit_callbacks):
    client.get("/help-now/")
    with django_capture_on_commit_callbacks(execute=True):
        Resource.objects.create(region=Region.objects.get(code="UK"), kind="crisis", name="New line", contact="0800")
    assert "New line" in client.get("/help-now/").content.decode()


def test_a_save_made_in_another_worker_shows_here_at_once(client):
    # Another process's save: its rows, and the generation it moved on when it committed.
    client.get("/help-now/")
    Resource.objects.create(region=Region.objects.get(code="UK"), kind="crisis", name="Other line", contact="0800")
    snapshot.ContentGeneration.bump()
    assert "Other line" in client.get("/help-now/").content.decode()


def test_content_read_while_a_save_commits_is_not_kept(client, monkeypatch, django_capture_on_commit_callbacks):
    # A request reads the old content; before it stores it, an editor's save commits.
    read = snapshot._read

    def read_then_a_save_commits():
        old = read()
        with django_capture_on_commit_callbacks(execute=True):
            Resource.objects.create(region=Region.objects.get(code="UK"), kind="crisis", name="Raced", contact="0800")
        return old

    monkeypatch.setattr(snapshot, "_read", read_then_a_save_commits)
    assert "Raced" not in client.get("/help-now/").content.decode()
    monkeypatch.setattr(snapshot, "_read", read)
    assert "Raced" in client.get("/help-now/").content.decode()


def test_an_edit_made_without_a_save_shows_after_the_cache_time(settings, monkeypatch):
    # A queryset update sends no signal and moves no generation on.
    settings.CONTENT_CACHE_SECONDS = 60
    clock = [1000.0]
    monkeypatch.setattr(snapshot.time, "monotonic", lambda: clock[0])
    build_summary(mild_answers())
    OptionFact.objects.filter(option__slug="cbt", row="what_it_is").update(text="Changed elsewhere.")
    clock[0] += 59
    snapshot.new_request()
    assert cbt_fact_text() != "Changed elsewhere."
    clock[0] += 2
    assert cbt_fact_text() == "Changed elsewhere."


def test_the_cached_rows_cannot_be_changed_by_a_page():
    content = snapshot.current()
    option, region = content.options[0], content.regions["UK"]
    for change in (
        lambda: option.__setitem__("name", "Changed"),
        lambda: option.update(name="Changed"),
        lambda: region["resources"].append({}),
        lambda: content.options.pop(),
        lambda: region["resources"].clear(),
    ):
        with pytest.raises(TypeError):
            change()
    # Still plain data to read: a copy is a dict, and a list is a JSON array.
    assert dict(option) == option and json.loads(json.dumps(region["resources"])) == region["resources"]


def test_every_field_of_the_content_reaches_the_snapshot_without_listing_it():
    # A field added to a model later is read with no change to snapshot.py.
    content = snapshot.current()
    option = content.options[0]
    rows = {
        Option: option,
        OptionFact: next(iter(content.facts[option["id"]].values())),
        Evidence: next(iter(content.evidence[option["id"]].values())),
        FitRule: next(iter(content.rules[option["id"]].values())),
        Concern: next(iter(content.concerns.values())),
        Region: content.regions["UK"],
        Source: next(iter(content.sources.values())),
    }
    for model, row in rows.items():
        fields = {field.attname for field in model._meta.concrete_fields}
        sources = {field.name for field in model._meta.many_to_many if field.related_model is Source}
        assert fields | sources <= set(row), model.__name__


def test_each_content_row_is_held_once():
    content = snapshot.current()
    for code, region in content.regions.items():
        for resource in region["resources"]:
            assert any(resource is same for same in content.resources[code][resource["kind"]])
    assert all(isinstance(row, snapshot.Row) for row in content.options)


def test_a_row_reads_as_attributes_too():
    region = snapshot.region("UK")
    assert region.name == region["name"] == "United Kingdom"
    with pytest.raises(AttributeError):
        region.no_such_field  # noqa: B018

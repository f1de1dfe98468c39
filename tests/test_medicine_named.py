"""Issue 18.1: the medicine option says which medicine each evidence level is about, and the
risks and demands of that medicine appear when its concern is chosen."""

import json
import re

import pytest

from decisionaid import codes
from decisionaid.content.models import Evidence, Option
from decisionaid.summary import build_summary
from tests.factories import ALL_CONCERNS, minimal_answers
from tests.people_issue18 import teen_in_the_us, widow_in_scotland
from tests.questionnaire_helpers import with_answers

pytestmark = pytest.mark.django_db


def _option(data: dict, slug: str) -> dict:
    return next(option for option in data["options"] if option["slug"] == slug)


def _entry(data: dict, slug: str, concern: str) -> dict:
    return next(entry for entry in _option(data, slug)["evidence"] if entry["concern"] == concern)


def test_the_option_is_called_medicine_and_says_what_it_usually_means():
    assert dict(codes.OPTION_SLUGS)["medication"] == "Medicine"
    assert Option.objects.get(slug="medication").name == "Medicine"
    what = next(
        row for row in _option(build_summary(minimal_answers()), "medication")["facts"] if row["row"] == "what_it_is"
    )
    assert "For low mood and anxiety, this usually means an antidepressant" in what["text"]


@pytest.mark.parametrize("concern", ALL_CONCERNS)
def test_every_medicine_and_both_together_cell_names_its_medicine(concern):
    data = build_summary(minimal_answers(concerns=[concern]))
    for slug in ("medication", "combined"):
        assert _entry(data, slug, concern)["medicine"], (slug, concern)
    for slug in ("psychodynamic", "cbt", "self_help"):
        assert "medicine" not in _entry(data, slug, concern)


@pytest.mark.parametrize(
    ("concern", "medicine"),
    [
        ("psychosis", "an antipsychotic, not an antidepressant"),
        ("substance_use", "naltrexone, acamprosate or methadone, not an antidepressant"),
        ("sleep", "sleeping pills, not an antidepressant"),
        ("personality", "no medicine is licensed for this"),
        ("depression", "an antidepressant"),
    ],
)
def test_no_kind_of_medicine_lends_its_level_to_another(concern, medicine):
    assert _entry(build_summary(minimal_answers(concerns=[concern])), "medication", concern)["medicine"] == medicine


def test_alcohol_names_naltrexone_and_acamprosate_not_antidepressants():
    entry = _entry(build_summary(minimal_answers(concerns=["substance_use"])), "medication", "substance_use")
    assert "naltrexone or acamprosate" in entry["summary"].lower()
    assert "not antidepressants" in entry["summary"]


def test_sleeping_pills_and_falls_appear_only_when_sleep_is_chosen():
    def risks(concerns):
        option = _option(build_summary(minimal_answers(concerns=concerns)), "medication")
        return next(row for row in option["facts"] if row["row"] == "risks")["text"]

    assert "risk of falls" in risks(["sleep"])
    assert "risk of falls" not in risks(["depression"])
    assert "put on weight" in risks(["psychosis"]) and "put on weight" not in risks(["sleep"])


def test_what_it_asks_names_the_concerns_own_medicine_for_both_options():
    data = build_summary(minimal_answers(concerns=["substance_use"]))
    for slug in ("medication", "combined"):
        asks = next(row for row in _option(data, slug)["facts"] if row["row"] == "asks")
        assert "after you stop drinking" in asks["text"], slug
        assert "rosner-2010" in asks["sources"] or "nice-cg115" in asks["sources"]


def test_the_results_page_shows_the_medicine_beside_the_level(client):
    with_answers(client, widow_in_scotland())
    html = client.get("/results/").content.decode()
    text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
    assert "Sleep problems (sleeping pills, not an antidepressant)" in text


def test_the_summarize_command_carries_the_medicine(tmp_path):
    from io import StringIO

    from django.core.management import call_command

    path = tmp_path / "teen.json"
    path.write_text(json.dumps(teen_in_the_us()))
    out = StringIO()
    call_command("summarize", str(path), stdout=out)
    data = json.loads(out.getvalue())
    assert _entry(data, "medication", "substance_use")["medicine"].startswith("naltrexone")


def test_content_report_fails_a_medicine_cell_without_its_medicine():
    from io import StringIO

    from django.core.management import CommandError, call_command

    Evidence.objects.filter(option__slug="medication", concern__code="sleep").update(medicine="")
    with pytest.raises(CommandError, match="sleep x medication: no medicine named"):
        call_command("content_report", stdout=StringIO(), stderr=StringIO())

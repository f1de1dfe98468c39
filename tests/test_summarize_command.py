"""`manage.py summarize ANSWERS.json`: the summary on stdout, or one line per problem on stderr."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from jsonschema import Draft202012Validator

from tests.factories import crisis_answers, mild_answers

pytestmark = pytest.mark.django_db


def run(*args, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    """Run the command: exit code, stdout, and stderr as `manage.py` prints it (the
    CommandError's lines, the first after "CommandError: ", left out here)."""
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("summarize", *args, stdout=out, stderr=err)
        code = 0
    except CommandError as error:
        code = error.returncode
        err.write(str(error) + "\n")
    return code, out.getvalue(), err.getvalue()


def write(tmp_path, data, name="answers.json") -> str:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def test_a_good_file_prints_a_valid_summary_and_exits_0(tmp_path, contract_schema):
    code, out, err = run(write(tmp_path, mild_answers()))
    assert code == 0
    assert err == ""
    summary = json.loads(out)
    assert list(Draft202012Validator(contract_schema("summary")).iter_errors(summary)) == []
    assert [option["slug"] for option in summary["options"]] == [
        "psychodynamic",
        "cbt",
        "medication",
        "combined",
        "self_help",
    ]


def test_a_dash_reads_the_answers_from_stdin(monkeypatch, contract_schema):
    code, out, err = run("-", stdin=json.dumps(crisis_answers()), monkeypatch=monkeypatch)
    assert code == 0
    assert err == ""
    summary = json.loads(out)
    assert summary["crisis"]["active"] is True
    assert list(Draft202012Validator(contract_schema("summary")).iter_errors(summary)) == []


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"style": "chatty"}, "style"),
        ({"phq9_2": 4}, "phq9_2"),
        ({"importance": {"low_cost": 7}}, "importance.low_cost"),
        ({"shoe_size": 42}, "shoe_size"),
        ({"session_fee": "sixty"}, "session_fee"),
    ],
    ids=["wrong-code", "out-of-range", "nested-out-of-range", "unknown-key", "wrong-type"],
)
def test_an_invalid_answer_prints_a_line_naming_the_field_and_exits_non_zero(tmp_path, change, field):
    code, out, err = run(write(tmp_path, mild_answers(**change)))
    assert code != 0
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{field}: ")


def test_each_missing_required_answer_gets_its_own_line(tmp_path):
    answers = mild_answers()
    for code in ("region", "phq9_1", "in_danger_now"):
        del answers[code]
    code, out, err = run(write(tmp_path, answers))
    assert code != 0
    assert out == ""
    assert err.strip().splitlines() == [
        "in_danger_now: this answer is required.",
        "phq9_1: this answer is required.",
        "region: this answer is required.",
    ]


def test_several_problems_give_one_line_each(tmp_path):
    code, out, err = run(write(tmp_path, mild_answers(region="FR", phq9_1=9, colour="blue")))
    assert code != 0
    assert out == ""
    fields = sorted(line.split(":", 1)[0] for line in err.strip().splitlines())
    assert fields == ["colour", "phq9_1", "region"]


def test_malformed_json_is_named_with_its_line_and_column(tmp_path):
    code, out, err = run(write(tmp_path, '{"region": "UK",\n  "age_band": }'))
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "not valid JSON at line 2" in err


def test_malformed_json_on_stdin_is_named(monkeypatch):
    code, out, err = run("-", stdin="not json", monkeypatch=monkeypatch)
    assert code != 0
    assert out == ""
    assert err.startswith("stdin: not valid JSON")


def test_an_unreadable_file_is_named(tmp_path):
    missing = str(tmp_path / "nowhere.json")
    code, out, err = run(missing)
    assert code != 0
    assert out == ""
    assert err.strip().splitlines() == [f"{missing}: cannot read the answers file (No such file or directory)."]


def test_answers_that_are_not_an_object_are_refused(tmp_path):
    code, out, err = run(write(tmp_path, "[1, 2, 3]"))
    assert code != 0
    assert out == ""
    assert err.strip() == "answers: must be object, not array."


def test_the_example_answers_the_readme_uses_give_a_summary():
    from decisionaid.settings import BASE_DIR

    readme = (BASE_DIR / "README.md").read_text()
    assert "manage.py summarize examples/answers.json" in readme
    code, out, err = run(str(BASE_DIR / "examples" / "answers.json"))
    assert (code, err) == (0, "")
    assert json.loads(out)["options"]

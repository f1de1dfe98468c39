"""Answers for the summary's tests: Hypothesis strategies built from the contract's answers
schema, and small helpers shared by tests/test_summary.py, test_fits.py, test_costs.py and the rest."""

import json
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from tests.factories import (
    crisis_answers,
    gad7,
    maximal_answers,
    mild_answers,
    minimal_answers,
    phq9,
    severe_answers,
)

ROOT = Path(__file__).resolve().parent.parent
# Where the contract is written, when a checkout sits beside it; the app and the tests read
# their own copy (decisionaid/contract/), which a test compares with it there.
SHARED = ROOT.parent / "shared" / "contract"
ANSWERS_SCHEMA = json.loads((ROOT / "decisionaid" / "contract" / "answers.schema.json").read_text())
FACTORIES = {
    "mild": mild_answers,
    "severe": severe_answers,
    "crisis": crisis_answers,
    "minimal": minimal_answers,
    "maximal": maximal_answers,
}
HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _strategy_for(spec: dict) -> st.SearchStrategy:
    if "$ref" in spec:
        return _strategy_for(ANSWERS_SCHEMA["$defs"][spec["$ref"].rsplit("/", 1)[1]])
    if "enum" in spec:
        return st.sampled_from(spec["enum"])
    kind = spec.get("type")
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(spec["minimum"], spec["maximum"])
    if kind == ["number", "null"]:
        low, high = spec["minimum"], spec["maximum"]
        return st.one_of(
            st.none(),
            st.integers(low, high),
            st.floats(low, high, allow_nan=False, allow_infinity=False).map(lambda fee: round(fee, 2)),
        )
    if kind == "array":
        return st.lists(st.sampled_from(spec["items"]["enum"]), unique=True)
    if kind == "object" and "propertyNames" in spec:
        # A map from some of a fixed set of keys to one of a fixed set of values.
        return st.dictionaries(
            st.sampled_from(spec["propertyNames"]["enum"]), st.sampled_from(spec["additionalProperties"]["enum"])
        )
    if kind == "object":
        return st.fixed_dictionaries(
            {}, optional={name: _strategy_for(sub) for name, sub in spec["properties"].items()}
        )
    raise AssertionError(f"No strategy for {spec}")


def answers_strategy() -> st.SearchStrategy:
    """Any valid answer set: the required codes always, every other code maybe."""
    properties = ANSWERS_SCHEMA["properties"]
    required = ANSWERS_SCHEMA["required"]
    return st.fixed_dictionaries(
        {name: _strategy_for(properties[name]) for name in required},
        optional={name: _strategy_for(spec) for name, spec in properties.items() if name not in required},
    )


def with_totals(phq9_total: int, gad7_total: int | None = None, **overrides) -> dict:
    """Minimal answers whose PHQ-9 (item 9 kept at 0 up to 24) and GAD-7 add up to the totals."""
    items = [*_spread(min(phq9_total, 24), 8), max(phq9_total - 24, 0)]
    answers = minimal_answers(**phq9(*items))
    if gad7_total is not None:
        answers.update(gad7(*_spread(gad7_total, 7)))
    answers.update(overrides)
    return answers


def _spread(total: int, count: int) -> list[int]:
    items = []
    for _index in range(count):
        item = min(3, total)
        items.append(item)
        total -= item
    return items


def all_strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)


def validator(contract_schema):
    return Draft202012Validator(contract_schema("summary"))


def schema_errors(contract_schema, data) -> list[str]:
    return [f"{list(error.absolute_path)}: {error.message}" for error in validator(contract_schema).iter_errors(data)]

"""Checking a person's answers against the contract's answers schema.

The schema is the app's own, in `decisionaid/contract/`. Each problem becomes one plain
line naming the field."""

import functools
import json
import re
from pathlib import Path

from jsonschema import Draft202012Validator

CONTRACT_DIR = Path(__file__).resolve().parent.parent / "contract"


@functools.cache
def schema(name: str) -> dict:
    """The contract schema `answers` or `summary`, from the app's own copy."""
    return json.loads((CONTRACT_DIR / f"{name}.schema.json").read_text())


def validate_answers(data) -> list[str]:
    """One plain line per problem, each naming the field; an empty list when the answers are valid."""
    validator = Draft202012Validator(schema("answers"))
    problems = []
    for error in validator.iter_errors(data):
        problems.extend(_describe(error))
    return sorted(set(problems))


def _describe(error) -> list[str]:
    field = ".".join(str(part) for part in error.absolute_path) or "answers"
    prefix = "" if field == "answers" else f"{field}."
    value = error.instance
    kind = error.validator
    if kind == "required":
        match = re.match(r"^'(.+)' is a required property$", error.message)
        name = match.group(1) if match else field
        return [f"{prefix}{name}: this answer is required."]
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        return [f"{prefix}{key}: unknown question code." for key in sorted(set(value) - known)]
    if kind == "enum":
        allowed = ", ".join(json.dumps(option) for option in error.validator_value)
        return [f"{field}: {json.dumps(value)} is not an allowed code (allowed: {allowed})."]
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        return [f"{field}: must be {' or '.join(wanted)}, not {_json_type(value)}."]
    if kind in ("minimum", "maximum"):
        low, high = error.schema.get("minimum"), error.schema.get("maximum")
        return [f"{field}: {json.dumps(value)} is out of range ({low} to {high})."]
    if kind == "uniqueItems":
        return [f"{field}: lists the same answer more than once."]
    return [f"{field}: {error.message}."]


def _json_type(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object"

"""Plain functions over a person's answers dict (contract codes, with `importance` nested)."""


def merged(answers: dict, new: dict, cleared: list[str]) -> dict:
    """A copy of `answers` with `new` set and `cleared` removed; dotted names such as
    `importance.quick_relief` address the nested `importance` object."""
    result = {key: (dict(value) if isinstance(value, dict) else value) for key, value in answers.items()}
    for name, value in new.items():
        parent, key = _parent(result, name, create=True)
        parent[key] = value
    for name in cleared:
        parent, key = _parent(result, name, create=False)
        if parent is not None:
            parent.pop(key, None)
    for name in ("importance", "past_treatment_outcomes"):
        if result.get(name) == {}:
            del result[name]
    return result


def _parent(answers: dict, name: str, *, create: bool) -> tuple[dict | None, str]:
    *path, key = name.split(".")
    node = answers
    for part in path:
        if part not in node:
            if not create:
                return None, key
            node[part] = {}
        node = node[part]
    return node, key

"""No import cycles between the project's apps and top-level modules: each piece lives in the
app that owns it, and what depends on it imports it, never the other way round as well.

A unit is a package under decisionaid/ (an app: questionnaire, sharing...) or a module beside
them (pdf.py, instruments.py...). Every import counts, also one inside a function."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "decisionaid"

# A cycle being taken apart, named so no other can come in unseen (none now). Once it is gone,
# take it out of here.
BEING_MOVED: set[tuple[str, str]] = set()


def unit_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE).parts
    return parts[0].removesuffix(".py")


def imported_modules(path: Path) -> set[str]:
    """Every decisionaid module `path` imports, as a dotted name."""
    here = ["decisionaid", *path.relative_to(PACKAGE).with_suffix("").parts]
    package = here if path.name == "__init__.py" else here[:-1]
    if path.name == "__init__.py":
        package = here[:-1]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *(node.module.split(".") if node.module else [])])
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return {name for name in names if name.startswith("decisionaid.")}


def graph() -> dict[str, set[str]]:
    units = {unit_of(path) for path in PACKAGE.rglob("*.py") if path.parent != PACKAGE or path.name != "__init__.py"}
    edges = {unit: set() for unit in units}
    for path in PACKAGE.rglob("*.py"):
        if path.parent == PACKAGE and path.name == "__init__.py":
            continue
        source = unit_of(path)
        for name in imported_modules(path):
            target = name.split(".")[1].removesuffix(".py")
            if target in units and target != source:
                edges[source].add(target)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one unit (Tarjan's algorithm)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(unit: str) -> None:
        index[unit] = low[unit] = len(index)
        stack.append(unit)
        on_stack.add(unit)
        for target in sorted(edges[unit]):
            if target not in index:
                visit(target)
                low[unit] = min(low[unit], low[target])
            elif target in on_stack:
                low[unit] = min(low[unit], index[target])
        if low[unit] == index[unit]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == unit:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for unit in sorted(edges):
        if unit not in index:
            visit(unit)
    return sorted(found)


def test_the_cycle_finder_finds_a_cycle_through_three_units():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycles_between_apps():
    edges = graph()
    gone = {edge for edge in BEING_MOVED if edge[1] not in edges[edge[0]]}
    assert not gone, f"no longer imported, take out of BEING_MOVED: {sorted(gone)}"
    for source, target in BEING_MOVED:
        edges[source].discard(target)
    found = cycles(edges)
    assert found == [], "\n".join(" <-> ".join(group) for group in found)

"""The content cache: all of the clinical content, read in one go and held in each worker's
memory, so that pages and summaries cost no queries for it.

The content is small (a few hundred rows) and changes only when an editor saves it. Each save
bumps a generation number once its transaction commits (`ContentGeneration`, see apps.py);
each request reads that number once (one small query) and reads the content again when it has
moved, so a save shows at once in every worker. A snapshot is stored under the number read
*before* the content was, so a read that raced a save is read again at the next request.
Changes made without a save (a queryset update, a restored backup) show within
CONTENT_CACHE_SECONDS, the longest a worker keeps the content; 0 turns the cache off.

Each row is a `Row`: a dict of every one of the model's own fields (so a field added to a
model is read with no change here), plus each many-to-many field to `Source` as a list of
source keys under the field's name (`sources`, `payment_sources`...). A `Row` reads as
attributes too (`region.name`). One copy of each row, shared by every request and thread, so
rows and their lists are frozen: changing one raises TypeError."""

import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from .models import (
    Concern,
    ContentGeneration,
    ContentVersion,
    CostItem,
    Evidence,
    EvidenceScope,
    FactFinding,
    Figure,
    FitRule,
    GlossaryTerm,
    NationText,
    Option,
    OptionAccess,
    OptionFact,
    OtherCare,
    PopulationText,
    Region,
    Resource,
    Source,
    SureItem,
)


def _frozen(*args, **kwargs):
    raise TypeError("content rows are shared by every request: copy one to change it")


class Row(dict):
    """One content row: its fields by name, as keys or as attributes. Read-only."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    __setitem__ = __delitem__ = __ior__ = _frozen
    clear = pop = popitem = setdefault = update = _frozen

    def __reduce__(self):
        return Row, (dict(self),)


class FrozenList(list):
    """A list of a row (its sources, a region's resources): read-only, still a JSON array."""

    __setitem__ = __delitem__ = __iadd__ = __imul__ = _frozen
    append = clear = extend = insert = pop = remove = reverse = sort = _frozen

    def __reduce__(self):
        return FrozenList, (list(self),)


def freeze(value, seen: dict | None = None):
    """`value` with every dict a Row and every list a FrozenList, all the way down; a row
    reached twice (a resource under its region and under its kind) stays one object."""
    seen = {} if seen is None else seen
    if id(value) in seen:
        return seen[id(value)][1]
    if isinstance(value, dict):
        frozen = Row({key: freeze(item, seen) for key, item in value.items()})
    elif isinstance(value, list):
        frozen = FrozenList(freeze(item, seen) for item in value)
    else:
        return value
    seen[id(value)] = (value, frozen)  # holding `value`, so its id is not reused meanwhile
    return frozen


# A region as pages show it: its fields, and `resources`, its lines and services in order,
# each with its `kind` (crisis, youth, professional).
RegionInfo = Row


@dataclass(frozen=True)
class Snapshot:
    version: ContentVersion | None
    regions: dict = field(default_factory=dict)  # code: RegionInfo, in the admin's order
    resources: dict = field(default_factory=dict)  # region code: {kind: [resource rows]}
    concerns: dict = field(default_factory=dict)  # code: concern row, in order
    options: list = field(default_factory=list)  # option rows, in order
    facts: dict = field(default_factory=dict)  # option id: {row: fact row}
    findings: dict = field(default_factory=dict)  # option id: {row: [finding rows, with `concerns`, in order]}
    evidence: dict = field(default_factory=dict)  # option id: {concern code: evidence row}
    rules: dict = field(default_factory=dict)  # option id: {rule id: rule row}
    cost_items: dict = field(default_factory=dict)  # option id: [cost item rows, in order]
    access: dict = field(default_factory=dict)  # option id: {region code: access row}
    figures: list = field(default_factory=list)  # figure rows, with `groups`, `concerns`, `options`
    glossary: list = field(default_factory=list)  # glossary term rows, in order
    sure_items: list = field(default_factory=list)  # SURE item rows, in order
    sources: dict = field(default_factory=dict)  # key: source row
    scopes: dict = field(default_factory=dict)  # option id: {concern code: [evidence scope rows, in order]}
    other_care: dict = field(default_factory=dict)  # concern code: [other care rows, in order]
    populations: dict = field(default_factory=dict)  # population code: [population text rows, in order]
    nations: dict = field(default_factory=dict)  # UK nation code: [nation text rows, in order]


# Not part of a resource as pages and the summary show it (its sources are cited in the admin).
RESOURCE_INTERNAL = {"id", "region_id", "order", "sources"}

_cached: dict = {}  # "snapshot": (Snapshot, generation, monotonic time read)
_request = threading.local()  # .checked: this thread's request has read the generation


def forget() -> None:
    _cached.clear()
    new_request()


def new_request(**kwargs) -> None:
    """At the start of each request (Django's request_started signal, see apps.py)."""
    _request.checked = False


def content_saved(**kwargs) -> None:
    """After a save of any content row commits: every worker reads the content again."""
    ContentGeneration.bump()


def current() -> Snapshot:
    if settings.CONTENT_CACHE_SECONDS <= 0:
        return _read()
    now = time.monotonic()
    snapshot, generation, loaded_at = _cached.get("snapshot", (None, None, 0.0))
    fresh = snapshot is not None and now - loaded_at < settings.CONTENT_CACHE_SECONDS
    if fresh and getattr(_request, "checked", False):
        return snapshot
    latest = ContentGeneration.read()
    _request.checked = True
    if fresh and generation == latest:
        return snapshot
    snapshot = _read()
    _cached["snapshot"] = (snapshot, latest, now)
    return snapshot


def region(code: str | None) -> RegionInfo | None:
    return current().regions.get(code) if code else None


def _source_fields(model) -> list[str]:
    return [field.name for field in model._meta.many_to_many if field.related_model is Source]


def _rows(queryset, **extra) -> list[dict]:
    """Every row of `queryset` as a dict (a Row once frozen), its many-to-many sources
    prefetched as key lists."""
    model = queryset.model
    many = _source_fields(model)
    rows = []
    for obj in queryset.prefetch_related(*many):
        row = dict({field.attname: getattr(obj, field.attname) for field in model._meta.concrete_fields})
        for name in many:
            row[name] = sorted(source.key for source in getattr(obj, name).all())
        for name, read in extra.items():
            row[name] = read(obj)
        rows.append(row)
    return rows


def _read() -> Snapshot:
    regions = {row["code"]: row for row in _rows(Region.objects.order_by("id"))}
    region_codes = {row["id"]: code for code, row in regions.items()}
    resources = defaultdict(lambda: defaultdict(list))
    for code in regions:
        regions[code]["resources"] = []
    for row in _rows(Resource.objects.order_by("region", "kind", "order", "id")):
        code = region_codes[row["region_id"]]
        # The contract's `resource`, plus any fields added since; blank ones are left out.
        resource = dict(
            {key: value for key, value in row.items() if key not in RESOURCE_INTERNAL and value not in ("", None, [])}
        )
        regions[code]["resources"].append(resource)
        resources[code][row["kind"]].append(resource)

    concerns = {row["code"]: row for row in _rows(Concern.objects.order_by("order", "code"))}
    concern_codes = {row["id"]: code for code, row in concerns.items()}
    options = _rows(Option.objects.order_by("order"))

    facts = defaultdict(dict)
    for row in _rows(OptionFact.objects.order_by("option__order", "row", "id")):
        facts[row["option_id"]].setdefault(row["row"], row)

    findings = defaultdict(lambda: defaultdict(list))
    for row in _rows(
        FactFinding.objects.order_by("option__order", "row", "order", "id").prefetch_related("concerns"),
        concerns=lambda finding: sorted(concern.code for concern in finding.concerns.all()),
    ):
        findings[row["option_id"]][row["row"]].append(row)

    evidence = defaultdict(dict)
    for row in _rows(Evidence.objects.order_by("option__order", "concern__order", "id")):
        evidence[row["option_id"]][concern_codes[row["concern_id"]]] = row

    rules = defaultdict(dict)
    for row in _rows(
        FitRule.objects.order_by("option__order", "question", "value", "kind", "id").prefetch_related("concerns"),
        concerns=lambda rule: sorted(concern.code for concern in rule.concerns.all()),
    ):
        rules[row["option_id"]][row["id"]] = row

    scopes = defaultdict(lambda: defaultdict(list))
    for row in _rows(EvidenceScope.objects.order_by("option__order", "concern__order", "order", "id")):
        scopes[row["option_id"]][concern_codes[row["concern_id"]]].append(row)
    other_care = defaultdict(list)
    for row in _rows(OtherCare.objects.order_by("concern__order", "order", "id")):
        other_care[concern_codes[row["concern_id"]]].append(row)

    cost_items = defaultdict(list)
    for row in _rows(CostItem.objects.order_by("option__order", "order", "id")):
        row["region"] = region_codes.get(row["region_id"])
        cost_items[row["option_id"]].append(row)

    access = defaultdict(dict)
    for row in _rows(OptionAccess.objects.order_by("option__order", "region", "id")):
        access[row["option_id"]][region_codes[row["region_id"]]] = row

    figures = _rows(
        Figure.objects.order_by("order", "code")
        .select_related("source")
        .prefetch_related("groups", "concerns", "options"),
        source=lambda figure: figure.source.key,
        groups=lambda figure: [dict(label=group.label, count=group.count) for group in figure.groups.all()],
        concerns=lambda figure: sorted(concern.code for concern in figure.concerns.all()),
        options=lambda figure: [option.slug for option in sorted(figure.options.all(), key=lambda o: o.order)],
    )

    option_slugs = {row["id"]: row["slug"] for row in options}
    populations = defaultdict(list)
    for row in _rows(PopulationText.objects.order_by("population", "order", "id")):
        row["option"] = option_slugs.get(row["option_id"])
        row["region"] = region_codes.get(row["region_id"])
        populations[row["population"]].append(row)
    nations = defaultdict(list)
    for row in _rows(NationText.objects.order_by("nation", "topic", "order", "id")):
        row["option"] = option_slugs.get(row["option_id"])
        nations[row["nation"]].append(row)

    seen = {}  # one frozen copy of each row, wherever it is held
    return Snapshot(
        version=ContentVersion.current(),
        regions=freeze(regions, seen),
        resources=freeze({code: dict(kinds) for code, kinds in resources.items()}, seen),
        concerns=freeze(concerns, seen),
        options=freeze(options, seen),
        facts=freeze(dict(facts), seen),
        findings=freeze({option: dict(rows) for option, rows in findings.items()}, seen),
        evidence=freeze(dict(evidence), seen),
        rules=freeze(dict(rules), seen),
        cost_items=freeze(dict(cost_items), seen),
        access=freeze(dict(access), seen),
        figures=freeze(figures, seen),
        glossary=freeze(_rows(GlossaryTerm.objects.order_by("order", "term")), seen),
        sure_items=freeze(_rows(SureItem.objects.order_by("order")), seen),
        sources=freeze({row["key"]: row for row in _rows(Source.objects.order_by("key"))}, seen),
        scopes=freeze({option: dict(concerns) for option, concerns in scopes.items()}, seen),
        other_care=freeze(dict(other_care), seen),
        populations=freeze(dict(populations), seen),
        nations=freeze(dict(nations), seen),
    )

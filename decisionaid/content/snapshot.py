"""All of the clinical content, read in one go and cached in memory, so that pages and
summaries cost no queries for it.

The content is small (a few hundred rows) and changes only when an editor saves it. A save
in this process forgets the snapshot at once (see apps.py); other processes (gunicorn's
other workers) read it afresh within CONTENT_CACHE_SECONDS.

Each row is a `Row`: a dict of every one of the model's own fields (so a field added to a
model is read with no change here), plus each many-to-many field to `Source` as a list of
source keys under the field's name (`sources`, `payment_sources`...). A `Row` reads as
attributes too (`region.name`). One copy of each row; callers must not change them."""

import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from .models import (
    Concern,
    ContentVersion,
    CostItem,
    Evidence,
    Figure,
    FitRule,
    GlossaryTerm,
    NationText,
    Option,
    OptionAccess,
    OptionFact,
    PopulationText,
    Region,
    Resource,
    Source,
    SureItem,
)


class Row(dict):
    """One content row: its fields by name, as keys or as attributes."""

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


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
    evidence: dict = field(default_factory=dict)  # option id: {concern code: evidence row}
    rules: dict = field(default_factory=dict)  # option id: {rule id: rule row}
    cost_items: dict = field(default_factory=dict)  # option id: [cost item rows, in order]
    access: dict = field(default_factory=dict)  # option id: {region code: access row}
    figures: list = field(default_factory=list)  # figure rows, with `groups`, `concerns`, `options`
    glossary: list = field(default_factory=list)  # glossary term rows, in order
    sure_items: list = field(default_factory=list)  # SURE item rows, in order
    sources: dict = field(default_factory=dict)  # key: source row
    populations: dict = field(default_factory=dict)  # population code: [population text rows, in order]
    nations: dict = field(default_factory=dict)  # UK nation code: [nation text rows, in order]


# Not part of a resource as pages and the summary show it (its sources are cited in the admin).
RESOURCE_INTERNAL = {"id", "region_id", "order", "sources"}

_cached: dict = {}


def forget() -> None:
    _cached.clear()


def current() -> Snapshot:
    now = time.monotonic()
    snapshot, loaded_at = _cached.get("snapshot", (None, 0.0))
    if snapshot is None or now - loaded_at >= settings.CONTENT_CACHE_SECONDS:
        snapshot = _read()
        # Cached only when caching is on: with 0 seconds every call reads afresh.
        if settings.CONTENT_CACHE_SECONDS > 0:
            _cached["snapshot"] = (snapshot, now)
    return snapshot


def region(code: str | None) -> RegionInfo | None:
    return current().regions.get(code) if code else None


def _source_fields(model) -> list[str]:
    return [field.name for field in model._meta.many_to_many if field.related_model is Source]


def _rows(queryset, **extra) -> list[Row]:
    """Every row of `queryset` as a Row, its many-to-many sources prefetched as key lists."""
    model = queryset.model
    many = _source_fields(model)
    rows = []
    for obj in queryset.prefetch_related(*many):
        row = Row({field.attname: getattr(obj, field.attname) for field in model._meta.concrete_fields})
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
        resource = Row(
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

    evidence = defaultdict(dict)
    for row in _rows(Evidence.objects.order_by("option__order", "concern__order", "id")):
        evidence[row["option_id"]][concern_codes[row["concern_id"]]] = row

    rules = defaultdict(dict)
    for row in _rows(FitRule.objects.order_by("option__order", "question", "value", "kind", "id")):
        rules[row["option_id"]][row["id"]] = row

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
        groups=lambda figure: [Row(label=group.label, count=group.count) for group in figure.groups.all()],
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

    return Snapshot(
        version=ContentVersion.current(),
        regions=regions,
        resources={code: dict(kinds) for code, kinds in resources.items()},
        concerns=concerns,
        options=options,
        facts=dict(facts),
        evidence=dict(evidence),
        rules=dict(rules),
        cost_items=dict(cost_items),
        access=dict(access),
        figures=figures,
        glossary=_rows(GlossaryTerm.objects.order_by("order", "term")),
        sure_items=_rows(SureItem.objects.order_by("order")),
        sources={row["key"]: row for row in _rows(Source.objects.order_by("key"))},
        populations=dict(populations),
        nations=dict(nations),
    )

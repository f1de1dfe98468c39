"""All of the clinical content, read in one go and kept in memory, so that pages and
summaries cost no queries for it.

The content is small (a few hundred rows) and changes only when an editor saves it. A save
in this process forgets the snapshot at once (see apps.py); other processes (gunicorn's
other workers) read it afresh within CONTENT_CACHE_SECONDS. Everything here is read-only:
callers must not change what they get."""

import itertools
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

from .models import ContentVersion, Evidence, FitRule, Option, OptionFact, Region, Resource, Source


@dataclass(frozen=True)
class RegionInfo:
    """A region as pages show it: `resources` are its lines and services in order, each a
    dict with its `kind` (crisis, youth, professional)."""

    code: str
    name: str
    currency: str
    emergency_number: str
    payment: str
    reviewed_on: object
    payment_sources: list = field(default_factory=list)
    resources: list = field(default_factory=list)


@dataclass(frozen=True)
class Snapshot:
    version: ContentVersion | None
    # Different for every read of the content: pages cached from one snapshot are keyed by
    # it, so an edit never shows an old page.
    serial: int = 0
    regions: dict = field(default_factory=dict)  # code: RegionInfo, in the admin's order
    # Plain rows, for the summary builder.
    region_rows: dict = field(default_factory=dict)
    resources: dict = field(default_factory=dict)  # code: {kind: [the contract's resource]}
    options: list = field(default_factory=list)
    facts: dict = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)
    rules: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)


_held: dict = {}
_serials = itertools.count(1)


def forget() -> None:
    _held.clear()


def current() -> Snapshot:
    now = time.monotonic()
    snapshot, loaded_at = _held.get("snapshot", (None, 0.0))
    if snapshot is None or now - loaded_at >= settings.CONTENT_CACHE_SECONDS:
        snapshot = _read()
        # Kept only when caching is on: with 0 seconds every call reads afresh.
        if settings.CONTENT_CACHE_SECONDS > 0:
            _held["snapshot"] = (snapshot, now)
    return snapshot


def region(code: str | None) -> RegionInfo | None:
    return current().regions.get(code) if code else None


def _read() -> Snapshot:
    version = ContentVersion.current()

    region_rows = {}
    for row in Region.objects.order_by("id", "payment_sources__key").values(
        "code", "name", "currency", "emergency_number", "payment", "reviewed_on", "payment_sources__key"
    ):
        item = region_rows.setdefault(row.pop("code"), {**row, "payment_sources": []})
        if row["payment_sources__key"]:
            item["payment_sources"].append(row["payment_sources__key"])
        del item["payment_sources__key"]

    listed = defaultdict(list)
    resources = defaultdict(lambda: defaultdict(list))
    for row in Resource.objects.order_by("region", "kind", "order", "id").values(
        "region__code", "kind", "name", "contact", "hours", "url"
    ):
        resource = {key: row[key] for key in ("name", "contact", "hours", "url") if row[key]}
        listed[row["region__code"]].append({**resource, "kind": row["kind"]})
        resources[row["region__code"]][row["kind"]].append(resource)

    regions = {code: RegionInfo(code=code, **row, resources=listed[code]) for code, row in region_rows.items()}
    region_rows = {code: {"code": code, **row} for code, row in region_rows.items()}

    options = {}
    for row in Option.objects.order_by("order", "sessions_sources__key").values(
        "id", "slug", "name", "order", "sessions_low", "sessions_high", "sessions_sources__key"
    ):
        option = options.setdefault(row["id"], {**row, "sessions_sources": []})
        if row["sessions_sources__key"]:
            option["sessions_sources"].append(row["sessions_sources__key"])

    facts = defaultdict(dict)
    for row in OptionFact.objects.order_by("option__order", "row", "id", "sources__key").values(
        "id", "option_id", "row", "text", "sources__key"
    ):
        fact = facts[row["option_id"]].setdefault(row["row"], {"text": row["text"], "sources": []})
        if row["sources__key"]:
            fact["sources"].append(row["sources__key"])

    evidence = defaultdict(dict)
    for row in Evidence.objects.order_by("option__order", "concern__order", "id", "sources__key").values(
        "option_id", "concern__code", "level", "summary", "sources__key"
    ):
        item = evidence[row["option_id"]].setdefault(
            row["concern__code"], {"level": row["level"], "summary": row["summary"], "sources": []}
        )
        if row["sources__key"]:
            item["sources"].append(row["sources__key"])

    rules = defaultdict(dict)
    for row in FitRule.objects.order_by("option__order", "question", "value", "kind", "id", "sources__key").values(
        "id", "option_id", "question", "value", "kind", "text", "sources__key"
    ):
        rule = rules[row["option_id"]].setdefault(
            row["id"],
            {
                "question": row["question"],
                "value": row["value"],
                "kind": row["kind"],
                "text": row["text"],
                "sources": [],
            },
        )
        if row["sources__key"]:
            rule["sources"].append(row["sources__key"])

    sources = {row["key"]: row for row in Source.objects.values("key", "citation", "doi", "url", "approximate")}

    return Snapshot(
        version=version,
        serial=next(_serials),
        regions=regions,
        region_rows=region_rows,
        resources=_plain(resources),
        options=list(options.values()),
        facts=dict(facts),
        evidence=dict(evidence),
        rules=dict(rules),
        sources=sources,
    )


def _plain(resources: defaultdict) -> dict:
    return {code: {kind: list(items) for kind, items in kinds.items()} for code, kinds in resources.items()}

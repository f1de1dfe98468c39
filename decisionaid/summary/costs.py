"""What each option could cost the person, by the option's own pattern of care, in their
region's currency: therapy sessions at their fee, group sessions counted but not priced at a
one-to-one fee, prescriber visits counted, and the medicine itself at the region's own
figures. Every line says what it counts. The figures are content (`CostItem` rows)."""

from decimal import Decimal

from django.utils.translation import gettext as _

from .answers import HIGH_IMPORTANCE, importance_label, unique

CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "CAD": "CA$", "AUD": "A$", "NZD": "NZ$"}


def plain_number(amount) -> int | float:
    amount = round(float(amount), 2)
    return int(amount) if amount == int(amount) else amount


def format_money(amount, currency: str) -> str:
    """£1,200 or CA$95.50; a bare number where the currency is unknown (region OTHER)."""
    amount = plain_number(amount)
    number = f"{amount:,}" if isinstance(amount, int) else f"{amount:,.2f}"
    symbol = CURRENCY_SYMBOLS.get(currency)
    if symbol:
        return f"{symbol}{number}"
    return f"{number} {currency}".strip()


def _range(low, high, show) -> str:
    if low == high:
        return show(low)
    return _("%(low)s to %(high)s") % {"low": show(low), "high": show(high)}


def region_items(option: dict, region_code: str, content: dict) -> list[dict]:
    """The option's cost items for this region: for each kind, the region's own rows if it
    has any, else the rows for every region."""
    items = content["cost_items"].get(option["id"], [])
    own_kinds = {item["kind"] for item in items if item["region"] == region_code}
    return [
        item
        for item in items
        if item["region"] == region_code or (item["region"] is None and item["kind"] not in own_kinds)
    ]


def _line(item: dict, fee, public: bool, currency: str, approximate_sources: set) -> dict:
    count = _range(item["count_low"], item["count_high"], str) if item["count_low"] is not None else ""
    low = high = None
    kind = item["kind"]
    if kind == "sessions":
        if fee is None:
            figure = (
                _("%(count)s sessions. A public service may pay: ask if they are free to you.")
                if public
                else _("%(count)s sessions. Ask what a session costs you.")
            ) % {"count": count}
        elif fee == 0:
            figure = _("%(count)s sessions, free to you.") % {"count": count}
            low = high = 0
        else:
            low = plain_number(Decimal(str(fee)) * item["count_low"])
            high = plain_number(Decimal(str(fee)) * item["count_high"])
            figure = _("%(count)s sessions at %(fee)s each: %(total)s in all.") % {
                "count": count,
                "fee": format_money(fee, currency),
                "total": _range(low, high, lambda amount: format_money(amount, currency)),
            }
    elif kind == "group_sessions":
        figure = _("About %(count)s sessions. Ask what a group costs: it is often less than one-to-one.") % {
            "count": count
        }
    elif kind == "visits":
        figure = _("About %(count)s visits. Ask what a visit costs you.") % {"count": count}
    elif item["amount_high"] is not None and not item["amount_low"]:
        figure = _("Up to %(high)s a month.") % {"high": format_money(item["amount_high"], currency)}
    elif item["amount_high"] is not None:
        figure = _("%(range)s a month.") % {
            "range": _range(item["amount_low"], item["amount_high"], lambda amount: format_money(amount, currency))
        }
    else:
        figure = ""
    return {
        "kind": kind,
        "counts": item["text"],
        "figure": figure,
        "low": low,
        "high": high,
        "approximate": item["approximate"] or any(key in approximate_sources for key in item["sources"]),
        "sources": unique(item["sources"]),
    }


def cost(option: dict, answers: dict, region: dict, cost_fact: dict, content: dict) -> dict:
    currency = region["currency"]
    fee = answers.get("session_fee")
    public = answers.get("coverage") == "public"
    approximate_sources = {key for key, row in content["sources"].items() if row["approximate"]}
    lines = [
        _line(item, fee, public, currency, approximate_sources)
        for item in region_items(option, region["code"], content)
    ]
    priced = [line for line in lines if line["low"] is not None]
    low = high = None
    if priced:
        low = plain_number(sum(Decimal(str(line["low"])) for line in priced))
        high = plain_number(sum(Decimal(str(line["high"])) for line in priced))
    if priced and high == 0:
        display = _("Free to you")
    elif priced:
        display = _range(low, high, lambda amount: format_money(amount, currency))
        if any(line["kind"] in ("visits", "medicine") for line in lines):
            display = _("%(range)s for the sessions, plus the medicine") % {"range": display}
    elif any(line["kind"] == "visits" for line in lines):
        display = _("Visits with a prescriber, plus the medicine")
    else:
        display = _("Ask what this costs you")
    notes = " ".join(text for text in (cost_fact["text"], region["payment"]) if text)
    sources = list(cost_fact["sources"]) + list(region["payment_sources"])
    for line in lines:
        sources += line["sources"]
    return {
        "currency": currency,
        "low": low,
        "high": high,
        "notes": notes,
        "estimated": low is not None,
        "display": display,
        "fee": plain_number(fee) if fee is not None else None,
        "payment": region["payment"],
        "lines": lines,
        "approximate": any(line["approximate"] for line in lines),
        "sources": unique(sources),
    }


def cost_considerations(answers: dict, cost: dict) -> list[dict]:
    """When cost matters a lot, every option gets the same kind of sentence about it."""
    importance = (answers.get("importance") or {}).get("low_cost")
    if importance is None or importance < HIGH_IMPORTANCE:
        return []
    if cost["estimated"] and cost["high"]:
        text = _("At %(fee)s a session, the sessions of a usual course could cost %(range)s in all.") % {
            "fee": format_money(cost["fee"], cost["currency"]),
            "range": _range(cost["low"], cost["high"], lambda amount: format_money(amount, cost["currency"])),
        }
    elif cost["estimated"]:
        return []
    else:
        text = _("Ask what this would cost you, and what your cover pays for.")
    return [
        {
            "text": text,
            "question": "importance.low_cost",
            "value": "high",
            "answer": importance,
            "answer_label": importance_label("low_cost", importance),
            "sources": [],
        }
    ]

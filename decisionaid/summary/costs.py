"""What each option could cost the person, by the option's own pattern of care, in their
region's currency: therapy sessions at their fee, short supported contacts (guided self-help)
at a share of it, group sessions counted but not priced at a one-to-one fee, prescriber
visits at the region's price of a visit (never a therapy fee), and the medicine itself at the
region's own price for the first 3 months; a year of weekly sessions beside the short course
for a person ready for long, open-ended therapy. Every line says what it counts, and every
option shows a figure (a count where there is no price). The figures are content
(`CostItem` rows). Where the currency is unknown (somewhere else), sums say "in your own
currency", never a bare number that reads as any currency."""

from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .answers import HIGH_IMPORTANCE, chosen_concerns, importance_label, unique

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


# Medicine prices are a month's; the estimate counts the first 3 months, as the visits do.
MEDICINE_MONTHS = 3
# Where prescriptions are free from 60 or 65 (FACTS 14.B.4, 14.D, 14.E.4): the medicine costs
# nothing. By (region, UK nation); Scotland, Wales and Northern Ireland are free at any age.
FREE_MEDICINE_AT_65 = {
    ("UK", None): gettext_lazy(
        "The medicine: free. Prescriptions are free at 60 or over in England, and for everyone in Scotland, "
        "Wales and Northern Ireland."
    ),
    ("UK", "england"): gettext_lazy("The medicine: free. Prescriptions are free in England at 60 or over."),
    ("NZ", None): gettext_lazy("The medicine: free. Prescriptions are free at 65 or over."),
}
# Lines shown beside the course, never added to its total.
BESIDE = ("group_sessions", "year_sessions")


def region_items(option: dict, region_code: str, content: dict, nation: str | None = None) -> list[dict]:
    """The option's cost items for this region: for each kind, the region's own rows if it
    has any, else the rows for every region. In the UK, a nation's own rows of a kind replace
    the UK's, and a person who named no nation reads the UK's."""
    items = content["cost_items"].get(option["id"], [])
    own = [item for item in items if item["region"] == region_code and item.get("uk_nation", "") in ("", nation)]
    nation_kinds = {item["kind"] for item in own if item.get("uk_nation")}
    own = [item for item in own if item.get("uk_nation") or item["kind"] not in nation_kinds]
    own_kinds = {item["kind"] for item in own}
    return [item for item in items if item in own or (item["region"] is None and item["kind"] not in own_kinds)]


def _money(currency: str):
    return lambda amount: format_money(amount, currency)


def _span(low, high, currency: str, about: bool = False) -> str:
    """ "£9.90 to £29.70", or "about ..." for an estimate; "up to £29.70", never "£0 to
    £29.70" (a zero reads as a price of nothing), and "up to about £29.70", never "about up
    to": one hedge, where it reads naturally."""
    if low == 0 and high:
        if about:
            return _("up to about %(high)s") % {"high": format_money(high, currency)}
        return _("up to %(high)s") % {"high": format_money(high, currency)}
    if about:
        return _("about %(range)s") % {"range": _range(low, high, _money(currency))}
    return _range(low, high, _money(currency))


def _line(item: dict, fee, answers: dict, region: dict, approximate_sources: set) -> dict:
    currency = region["currency"]
    public = answers.get("coverage") == "public"
    count = _range(item["count_low"], item["count_high"], str) if item["count_low"] is not None else ""
    low = high = None
    kind = item["kind"]
    text = item["text"]
    amount_low = None if item["amount_low"] is None else Decimal(str(item["amount_low"]))
    amount_high = None if item["amount_high"] is None else Decimal(str(item["amount_high"]))
    free_at_65 = FREE_MEDICINE_AT_65.get((region["code"], region.get("uk_nation")))
    # A price its source gives only roughly (or that we estimate) says "about" in its words.
    about = item["approximate"] or any(key in approximate_sources for key in item["sources"])
    if kind in ("sessions", "year_sessions", "short_sessions"):
        # Short supported contacts are priced at a share of the person's session fee.
        share = (amount_low, amount_high) if kind == "short_sessions" else (Decimal(1), Decimal(1))
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
            fee_low = plain_number(Decimal(str(fee)) * share[0])
            fee_high = plain_number(Decimal(str(fee)) * share[1])
            if kind == "short_sessions":
                # Our own rough share of a fee: whole units, said to be about (FACTS 14.E.8).
                fee_low, fee_high = round(fee_low), round(fee_high)
            low = plain_number(Decimal(str(fee_low)) * item["count_low"])
            high = plain_number(Decimal(str(fee_high)) * item["count_high"])
            share_about = kind == "short_sessions"
            figure = _("%(count)s sessions at %(fee)s each: %(total)s in all.") % {
                "count": count,
                "fee": _span(fee_low, fee_high, currency, share_about),
                "total": _span(low, high, currency, share_about),
            }
    elif kind == "group_sessions":
        figure = _("About %(count)s sessions. Ask what a group costs: it is often less than one-to-one.") % {
            "count": count
        }
    elif kind == "visits" and amount_high is not None and currency:
        low = plain_number(amount_low * item["count_low"])
        high = plain_number(amount_high * item["count_high"])
        if high == 0:
            figure = _("About %(count)s visits, free to you.") % {"count": count}
        else:
            figure = _("About %(count)s visits at %(each)s each: %(total)s in all.") % {
                "count": count,
                "each": _span(plain_number(amount_low), plain_number(amount_high), currency, about),
                "total": _span(low, high, currency, about),
            }
    elif kind == "visits":
        figure = _("About %(count)s visits. Ask what a visit costs you.") % {"count": count}
    elif kind == "medicine" and answers.get("age_band") == "65_plus" and free_at_65 is not None:
        text, figure, low, high = str(free_at_65), _("Free to you."), 0, 0
    elif kind == "medicine" and amount_high is not None and currency:
        low = plain_number(amount_low * MEDICINE_MONTHS)
        high = plain_number(amount_high * MEDICINE_MONTHS)
        if high == 0:
            figure = _("Free to you.")
        else:
            figure = _("%(month)s a month: %(total)s over %(months)s months.") % {
                "month": _span(plain_number(amount_low), plain_number(amount_high), currency, about),
                "total": _span(low, high, currency, about),
                "months": MEDICINE_MONTHS,
            }
    elif kind == "medicine":
        # No one price (Canada: each province's drug plan, FACTS 14.E.6): say so, never a guess.
        figure = _("No one price: it depends on your drug plan.")
    else:
        figure = ""
    return {
        "kind": kind,
        "counts": text,
        "figure": figure[:1].upper() + figure[1:],
        "low": low,
        "high": high,
        "beside": kind in BESIDE,
        "approximate": item["approximate"] or any(key in approximate_sources for key in item["sources"]),
        "sources": unique(item["sources"]),
    }


def _shown(item: dict, answers: dict) -> bool:
    # A year of weekly sessions is shown to a person ready for long, open-ended therapy.
    if item["kind"] == "year_sessions":
        return answers.get("commitment") == "over_a_year" and answers.get("style") == "open_ended"
    # Group CBT's 8 sessions are NICE's course for low mood (NG222): never another concern's figure.
    if item["kind"] == "group_sessions":
        return "depression" in chosen_concerns(answers)
    return True


def cost(option: dict, answers: dict, region: dict, cost_fact: dict, content: dict) -> dict:
    currency = region["currency"]
    fee = answers.get("session_fee")
    approximate_sources = {key for key, row in content["sources"].items() if row["approximate"]}
    items = region_items(option, region["code"], content, region.get("uk_nation"))
    lines = [_line(item, fee, answers, region, approximate_sources) for item in items if _shown(item, answers)]
    course = [line for line in lines if not line["beside"]]
    priced = [line for line in course if line["low"] is not None]
    unpriced = [line for line in course if line["low"] is None]
    low = high = None
    if priced:
        low = plain_number(sum(Decimal(str(line["low"])) for line in priced))
        high = plain_number(sum(Decimal(str(line["high"])) for line in priced))
    display = _display(course, priced, unpriced, low, high, currency)
    display = display[:1].upper() + display[1:]
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


def _display(course: list[dict], priced: list[dict], unpriced: list[dict], low, high, currency: str) -> str:
    """The cost in one short line: a figure wherever there is one (a count at least), and
    what it leaves out."""
    kinds = {line["kind"] for line in course}
    if priced and not unpriced and high == 0:
        return _("Free to you")
    if priced and high:
        # "About": the visits are our estimate from NICE's review points (FACTS 14.E.1), and
        # a share of a fee for short contacts is ours too (FACTS 14.E.8).
        priced_kinds = {line["kind"] for line in priced}
        about = bool(priced_kinds & {"visits", "medicine", "short_sessions"})
        shown = _span(low, high, currency, about)
        if not currency:
            shown = _("%(range)s in your own currency") % {"range": shown}
        if "medicine" in priced_kinds and priced_kinds & {"sessions", "short_sessions"}:
            shown = _("%(range)s for the sessions and the first 3 months of medicine") % {"range": shown}
        elif "medicine" in priced_kinds:
            shown = _("%(range)s over 3 months") % {"range": shown}
        elif "medicine" in kinds:
            shown = _("%(range)s for the sessions") % {"range": shown}
        missing = {line["kind"] for line in unpriced}
        if "medicine" in missing:
            return _("%(cost)s, plus the medicine") % {"cost": shown}
        if missing & {"sessions", "short_sessions"}:
            return _("%(cost)s, plus the sessions") % {"cost": shown}
        return shown
    visits = next((line for line in course if line["kind"] == "visits"), None)
    if visits and priced and not high and "medicine" in {line["kind"] for line in unpriced}:
        # Free visits, and a medicine with no one price (Canada's provincial drug plans).
        return _("%(visits)s, plus the medicine: its price depends on your drug plan") % {
            "visits": visits["figure"].split(".")[0]
        }
    sessions = next((line for line in course if line["kind"] in ("sessions", "short_sessions")), None)
    if visits and sessions:
        return _("%(sessions)s, and %(visits)s, plus the medicine") % {
            "sessions": sessions["figure"].split(".")[0],
            "visits": visits["figure"].split(".")[0].lower(),
        }
    if visits:
        return _("%(visits)s in the first 3 months, plus the medicine") % {"visits": visits["figure"].split(".")[0]}
    if sessions:
        return sessions["figure"].split(".")[0]
    return _("Ask what this costs you")


def cost_considerations(answers: dict, cost: dict) -> list[dict]:
    """When cost matters a lot, every option gets the same kind of sentence about it."""
    importance = (answers.get("importance") or {}).get("low_cost")
    if importance is None or importance < HIGH_IMPORTANCE:
        return []
    if cost["estimated"] and cost["high"]:
        text = _("This could cost you %(cost)s.") % {"cost": cost["display"][:1].lower() + cost["display"][1:]}
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

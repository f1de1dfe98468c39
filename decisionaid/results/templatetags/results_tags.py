"""Small helpers for drawing the results page."""

from datetime import date

from django import template

from decisionaid.summary import format_money

register = template.Library()

COLUMNS = 10


@register.filter
def icon_grid(count: int, total: int = 100) -> list[dict]:
    """Positions for an icon array: `total` icons in rows of ten, the first `count` filled."""
    count = max(0, min(int(count), total))
    return [
        {"x": 5 + 10 * (index % COLUMNS), "y": 5 + 10 * (index // COLUMNS), "on": index < count}
        for index in range(total)
    ]


@register.filter
def money(amount, currency: str = "") -> str:
    """An amount in the region's currency: £60, CA$95.50, or a bare number for OTHER."""
    if amount is None or amount == "":
        return ""
    return format_money(amount, currency or "")


@register.filter
def as_date(value: str | None) -> date | None:
    """An ISO date string from the summary, as a date the `date` filter can format."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@register.filter
def source_number(key: str, numbers: dict) -> int | str:
    """A source's place in the numbered source list, for the short marks on paper."""
    return (numbers or {}).get(key, key)

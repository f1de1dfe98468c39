"""Small helpers for drawing the results page."""

from datetime import date

from django import template

from decisionaid.summary import format_money

register = template.Library()

COLUMNS = 10


@register.filter
def icon_blocks(count: int, total: int = 100) -> list[dict]:
    """An icon array of `total` dots in rows of ten, the first `count` dark, as at most four
    rectangles filled with a pattern of one dot per 10 by 10 square: the dark rows, the dark
    start of the next row, its light rest, and the light rows below. A hundred circles each
    would make the page several times larger for the same picture."""
    count = max(0, min(int(count), total))
    rows, rest = divmod(count, COLUMNS)
    size = 10 * COLUMNS
    blocks = [
        {"x": 0, "y": 0, "width": size, "height": 10 * rows, "on": True},
        {"x": 0, "y": 10 * rows, "width": 10 * rest, "height": 10 if rest else 0, "on": True},
        {"x": 10 * rest, "y": 10 * rows, "width": size - 10 * rest, "height": 10 if rest else 0, "on": False},
    ]
    below = rows + (1 if rest else 0)
    blocks.append({"x": 0, "y": 10 * below, "width": size, "height": 10 * (total // COLUMNS - below), "on": False})
    return [block for block in blocks if block["width"] and block["height"]]


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

"""Small helpers for rendering the results page, its print view and a shared summary."""

from datetime import date

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _

from decisionaid.summary import grid

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


@register.simple_tag
def icon_rects(count: int, prefix: str, *names) -> str:
    """The rectangles of `icon_blocks`, each filled with the dark or light pattern whose id is
    `prefix`, "on" or "off", then each of `names` after a hyphen ("dots-on-remission-1"). A tag,
    so a picture is a handful of calls rather than a loop of a dozen template lookups a block."""
    suffix = "".join(f"-{name}" for name in names)
    return format_html_join(
        "",
        '<rect x="{}" y="{}" width="{}" height="{}" fill="url(#{}{}{})"/>',
        (
            (block["x"], block["y"], block["width"], block["height"], prefix, "on" if block["on"] else "off", suffix)
            for block in icon_blocks(count)
        ),
    )


@register.simple_tag(takes_context=True)
def cited(context, sources: list[dict], linked: bool = False) -> str:
    """Where a statement comes from: its sources as people cite them ("NICE NG222"). With
    `linked`, each links to its full citation in the sources list on screen; on paper, plain
    text. A tag rather than an included template, as a results page cites a hundred times."""
    if not sources:
        return ""
    # The parts of a person's results fetched on demand name their sources in plain words,
    # with one "Sources" link for the block rather than a Tab stop for each citation.
    if linked and not context.get("print_view") and not context.get("plain_citations"):
        names = format_html_join("; ", '<a href="#source-{}">{}</a>', ((s["key"], s["label"]) for s in sources))
    else:
        names = format_html_join("; ", "{}", ((s["label"],) for s in sources))
    return format_html('<p class="cite"><span class="cite-label">{}</span> {}</p>', _("From:"), names)


@register.filter
def para(para: dict) -> str:
    """One paragraph of the paper document (results/paper.py `_para`): its opening in plain
    type, its bold part, the rest, and its note numbers, each only when it has one. A filter
    rather than a partial, as the print view's table prints a hundred of them."""
    return format_html(
        "{}{}{}{}",
        format_html("{} ", para["lead"]) if para.get("lead") else "",
        format_html("<strong>{}</strong> ", para["strong"]) if para.get("strong") else "",
        para.get("text", ""),
        format_html(' <span class="notes">{}</span>', para["notes"]) if para.get("notes") else "",
    )


@register.filter
def paras(paras: list[dict]) -> str:
    """Paragraphs of the paper document, each in its own `<p>`: one cell of the options table."""
    return format_html_join("", "<p>{}</p>", ((para(item),) for item in paras))


@register.filter
def parts(parts: list[dict]) -> str:
    """A line's words cut into parts (results/paper.py `_parts`), its numbers as links."""
    return format_html_join(
        "",
        "{}",
        (
            (format_html('<a href="{}">{}</a>', part["href"], part["text"]) if part.get("href") else part["text"],)
            for part in parts
        ),
    )


@register.filter
def as_date(value: str | None) -> date | None:
    """An ISO date string from the summary, as a date the `date` filter can format."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


@register.simple_tag
def comparison_grid(summary: dict) -> dict:
    """The grid of a summary, for pages whose view gives only the summary (a shared one)."""
    return grid.comparison_grid(summary)


@register.simple_tag
def crisis_region(summary: dict) -> dict:
    """The summary's region as `partials/crisis_lines.html` takes it."""
    return grid.crisis_region(summary)


@register.simple_tag
def notices(summary: dict) -> list[dict]:
    """The summary's notices under their titles, as `results/notices.html` takes them."""
    return grid.notices(summary)

"""A small line chart of the scores over time, as numbers for templates/followup/chart.svg.html
to draw on the server (SVG, no JavaScript). The table beside it says the same in words."""

from django.utils.formats import date_format

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT, TOP, BOTTOM = 32, 12, 12, 36
TOP_SCORE = 27  # the PHQ-9's highest total; the GAD-7's (21) fits under it
TICKS = (0, 9, 18, 27)


def _y(score: int) -> float:
    return round(TOP + (HEIGHT - TOP - BOTTOM) * (1 - score / TOP_SCORE), 1)


def score_chart(rows: list[dict]) -> dict:
    """x and y for each visit's PHQ-9 and GAD-7 (a GAD-7 line only through visits that have one)."""
    span = WIDTH - LEFT - RIGHT
    step = span / max(len(rows) - 1, 1)
    xs = [round(LEFT + step * index, 1) for index in range(len(rows))]
    lines = []
    for key in ("phq9", "gad7"):
        points = [
            {"x": x, "y": _y(row[key]["total"]), "total": row[key]["total"]}
            for x, row in zip(xs, rows, strict=False)
            if row[key]
        ]
        if points:
            lines.append(
                {
                    "key": key,
                    "name": next(row[key]["name"] for row in rows if row[key]),
                    "points": points,
                    "path": " ".join(f"{point['x']},{point['y']}" for point in points),
                }
            )
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "ticks": [{"score": tick, "y": _y(tick)} for tick in TICKS],
        "dates": [{"x": x, "label": date_format(row["on"], "j M")} for x, row in zip(xs, rows, strict=False)],
        "date_y": HEIGHT - BOTTOM + 18,
        "lines": lines,
    }

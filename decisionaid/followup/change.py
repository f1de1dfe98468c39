"""Scores over time and the change between two visits, in plain words, by the standard
definitions (FACTS.md 14.G):

- reliable change (NHS Talking Therapies): the PHQ-9 down (or up) by 6 points or more, the
  GAD-7 by 4 or more. Smaller changes can be ordinary ups and downs. The rise thresholds are
  "from memory, verify" in FACTS.md, so the words say "about" for them;
- recovery: a "case" at the start (PHQ-9 10 or more, or GAD-7 8 or more) and below both
  thresholds now. The words say it does not always mean feeling fully well;
- response: the PHQ-9 down by half or more; remission: the PHQ-9 below 5 (ICSI).

Pure functions over history entries (`Visit.entry()`: {"date", "answers", "started",
"started_since"}), so the person's pages, the print view, the PDF and a clinician's copy
all read the same rows."""

from datetime import date

from django.utils.translation import gettext as _

from decisionaid.instruments import GAD7, PHQ9, Instrument

RELIABLE = {"phq9": 6, "gad7": 4}
CASENESS = {"phq9": 10, "gad7": 8}
REMISSION_BELOW = 5
# Where the definitions of reliable change and recovery come from: a content source key.
SOURCES = ("nhs-talking-therapies",)


def _score(instrument: Instrument, answers: dict) -> dict | None:
    total = instrument.total(answers)
    if total is None:
        return None
    band = instrument.band(total)
    return {
        "key": instrument.key,
        "name": str(instrument.name),
        "total": total,
        "max": instrument.max_total,
        "band": band.name,
        "band_label": str(band.label),
    }


def history_rows(entries: list[dict]) -> list[dict]:
    """One row a visit, oldest first: its date and its PHQ-9 and GAD-7 scores (None when the
    GAD-7 was skipped)."""
    rows = []
    for entry in entries:
        rows.append(
            {
                "date": entry["date"],
                "on": date.fromisoformat(entry["date"]),
                "phq9": _score(PHQ9, entry["answers"]),
                "gad7": _score(GAD7, entry["answers"]),
                "started": entry.get("started", ""),
                "started_since": entry.get("started_since", ""),
            }
        )
    return rows


def _measure_words(key: str, before: dict, after: dict) -> dict:
    difference = after["total"] - before["total"]
    threshold = RELIABLE[key]
    values = {"name": after["name"], "before": before["total"], "after": after["total"], "points": abs(difference)}
    if difference < 0:
        moved = _("%(name)s: %(before)s before, %(after)s now. Down %(points)s points.") % values
    elif difference > 0:
        moved = _("%(name)s: %(before)s before, %(after)s now. Up %(points)s points.") % values
    else:
        moved = _("%(name)s: %(before)s before, %(after)s now. No change.") % values
    if difference <= -threshold:
        kind = "improved"
        meaning = _(
            "This is a clear improvement. A drop of %(threshold)s points or more is more than the usual ups and downs."
        ) % {"threshold": threshold}
    elif difference >= threshold:
        kind = "worse"
        meaning = _(
            "This is a clear rise. A rise of about %(threshold)s points or more is more than the usual ups and downs."
        ) % {"threshold": threshold}
    else:
        kind = "unclear"
        meaning = _("A change this small can happen from week to week. It is not a clear change yet.")
    return {"key": key, "kind": kind, "difference": difference, "moved": moved, "meaning": meaning}


def is_case(row: dict) -> bool:
    """Above the line NHS Talking Therapies uses for needing care, on either measure."""
    gad7 = row["gad7"]
    return row["phq9"]["total"] >= CASENESS["phq9"] or (gad7 is not None and gad7["total"] >= CASENESS["gad7"])


def change(first: dict, latest: dict) -> dict:
    """The change from the `first` history row to the `latest`, measure by measure, with the
    standard terms that apply, each in plain words."""
    measures = [_measure_words("phq9", first["phq9"], latest["phq9"])]
    if first["gad7"] and latest["gad7"]:
        measures.append(_measure_words("gad7", first["gad7"], latest["gad7"]))
    kinds = {measure["kind"] for measure in measures}
    improved = "improved" in kinds and "worse" not in kinds
    worse = "worse" in kinds
    terms = []
    # Recovery is judged on both measures: not when worry was scored before and skipped now.
    worry_unknown = first["gad7"] is not None and latest["gad7"] is None
    if is_case(first) and not is_case(latest) and not worry_unknown:
        terms.append(
            _(
                "Your scores are now below the level that services use to say someone needs care "
                "(10 for low mood, 8 for worry). NHS Talking Therapies calls this “recovery”. "
                "It does not always mean you feel fully well."
            )
        )
    before, after = first["phq9"]["total"], latest["phq9"]["total"]
    response = before > 0 and after <= before / 2
    if response:
        terms.append(_("Your low mood score has gone down by half or more. Doctors call this a “response”."))
    remission = before >= REMISSION_BELOW and after < REMISSION_BELOW
    if remission:
        terms.append(_("Your low mood score is now under 5. Doctors call this “remission”."))
    return {
        "measures": measures,
        "improved": improved,
        "worse": worse,
        # Not helped (yet): no clear improvement on any measure and no response.
        "not_helped": not improved and not response,
        "response": response,
        "remission": remission,
        "terms": terms,
        "gad7_compared": len(measures) == 2,
    }


def summary_history(entries: list[dict]) -> list[dict]:
    """What the print view and the PDF show as summary["history"]: each visit's date and scores,
    in words. Empty for a single visit: there is nothing to compare."""
    if len(entries) < 2:
        return []
    history = []
    for row in history_rows(entries):
        scores = [
            {"name": score["name"], "total": score["total"], "max": score["max"], "band_label": score["band_label"]}
            for score in (row["phq9"], row["gad7"])
            if score
        ]
        # The one wording of a visit's scores, for the print view and the PDF alike.
        text = "; ".join(
            _("%(name)s %(total)s of %(max)s, %(band)s")
            % {"name": score["name"], "total": score["total"], "max": score["max"], "band": score["band_label"].lower()}
            for score in scores
        )
        history.append({"date": row["date"], "scores": scores, "text": text})
    return history

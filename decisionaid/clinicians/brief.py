"""The clinician's brief: one screen, in the third person, of what a clinician needs before an
appointment. It is `summary["brief"]`, added only for clinician views:

    {"title", "reference", "date", "sections": [{"title", "rows": [{"label", "value", "alert"}]}],
     "notes_text"}

The HTML brief, the PDF's first page and the "Copy for notes" text all render these rows, so
each sentence is written once, here."""

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from decisionaid import codes
from decisionaid.instruments import DIFFICULTY
from decisionaid.sharing.models import SentSummary
from decisionaid.sharing.practice import mark_options
from decisionaid.summary import build_summary, format_money
from decisionaid.summary.answers import label

TOP_VALUES = 3
TOP_TOPICS = 3

# The person's answers, said of them rather than by them.
MEDICATION_VIEWS = {
    "open": gettext_lazy("Open to it"),
    "unsure": gettext_lazy("Not sure"),
    "prefer_not": gettext_lazy("Would rather not"),
    "already_taking": gettext_lazy("Already takes one"),
}
STYLES = {
    "structured": gettext_lazy("Structured: skills, tasks to practise, a plan each session"),
    "open_ended": gettext_lazy("Open: to talk freely and explore"),
    "no_preference": gettext_lazy("No preference"),
}
COVERAGE = {
    "none": gettext_lazy("would pay themselves"),
    "private_insurance": gettext_lazy("private health insurance"),
    "public": gettext_lazy("a public health service"),
    "employer": gettext_lazy("their work or school"),
    "unsure": gettext_lazy("not sure who would pay"),
}
GOALS = {
    "symptom_relief": gettext_lazy("Feel better, with fewer symptoms"),
    "coping_skills": gettext_lazy("Learn ways to cope"),
    "understand_patterns": gettext_lazy("Understand why they feel and act as they do"),
    "relationships": gettext_lazy("Get on better with other people"),
    "self_esteem": gettext_lazy("Feel better about themselves"),
    "lasting_change": gettext_lazy("Make changes that last"),
    "work": gettext_lazy("Cope better at work or school"),
}
OUTCOMES = {
    "helped": gettext_lazy("helped"),
    "partly": gettext_lazy("helped a little"),
    "did_not_help": gettext_lazy("did not help"),
    "side_effects": gettext_lazy("stopped for side effects"),
}
# Shown (as a row to note) only when it bears on medicine.
PREGNANCY = {
    "pregnant": gettext_lazy("Pregnant"),
    "breastfeeding": gettext_lazy("Breastfeeding"),
    "planning": gettext_lazy("Planning a pregnancy"),
    "yes": gettext_lazy("Pregnant or breastfeeding"),
}
# What each kind of fit or consideration is about, for the options row.
TOPICS = {
    "concerns": gettext_lazy("their concerns"),
    "goals": gettext_lazy("their goals"),
    "commitment": gettext_lazy("time they can give"),
    "relief_timing": gettext_lazy("how soon they want relief"),
    "coverage": gettext_lazy("who pays"),
    "medication_view": gettext_lazy("view of medicine"),
    "style": gettext_lazy("preferred style"),
    "session_fee": gettext_lazy("cost"),
    "past_treatments": gettext_lazy("past treatment"),
    "past_treatment_outcomes": gettext_lazy("past treatment"),
    "pregnant_or_breastfeeding": gettext_lazy("pregnancy"),
    "age_band": gettext_lazy("age"),
}


def summary_for(sent: SentSummary) -> dict:
    """The summary of a sent copy as its clinician sees it: with its readiness answers, the
    date its risk answers were given, the practice's options marked and the brief on top."""
    summary = build_summary(sent.answers, sure=sent.sure or None, answered_on=sent.answered_on)
    mark_options(summary, sent.invitation)
    summary["brief"] = build_brief(summary, sent)
    return summary


def _row(row_label, value, alert: bool = False) -> dict:
    return {"label": str(row_label), "value": str(value), "alert": alert}


def _day(value) -> str:
    return formats.date_format(value, "j M Y") if value else ""


def _risk(summary: dict) -> dict:
    risk = summary["risk"]
    danger, item9 = risk["in_danger_now"], risk["item9"]
    rows = [
        _row(danger["question"], danger["label"], alert=danger["value"] is True),
        _row(
            _("PHQ-9 item 9: thoughts of being better off dead or of self-harm"),
            item9["label"],
            alert=(item9["value"] or 0) > 0,
        ),
    ]
    if risk["answered_on"]:
        rows.append(_row(_("Answered on"), risk["answered_on"]))
    return {"title": _("Risk"), "rows": rows}


def _scores(summary: dict, answers: dict) -> dict:
    rows = []
    for key in ("phq9", "gad7"):
        score = summary["scores"].get(key)
        if score:
            value = _("%(total)s of %(max)s: %(band)s") % {
                "total": score["total"],
                "max": score["max"],
                "band": score["band_label"],
            }
            rows.append(_row(score["name"], value))
        else:
            rows.append(_row(_("Worry (GAD-7)"), _("Not scored: some answers missing")))
    if answers.get("phq9_difficulty") is not None:
        rows.append(_row(_("How hard problems make daily life"), dict(DIFFICULTY)[answers["phq9_difficulty"]]))
    return {"title": _("Scores"), "rows": rows}


def _past_treatments(answers: dict) -> str:
    outcomes = answers.get("past_treatment_outcomes") or {}
    parts = []
    for code in answers.get("past_treatments") or []:
        text = label(codes.PAST_TREATMENTS, code)
        if code in outcomes:
            text += f" ({OUTCOMES.get(outcomes[code], outcomes[code])})"
        parts.append(text)
    return "; ".join(parts) or _("Not answered")


def _preferences(summary: dict, answers: dict) -> dict:
    echo = summary["answers_echo"]
    concerns = "; ".join(concern["label"] for concern in echo["concerns"]) or _("None chosen")
    goals = "; ".join(str(GOALS.get(goal["code"], goal["label"])) for goal in echo["goals"]) or _("None chosen")
    relief, commitment, fee = answers.get("relief_timing"), answers.get("commitment"), answers.get("session_fee")
    time = _joined(
        _("relief wanted: %(when)s") % {"when": label(codes.RELIEF_TIMING, relief).lower()} if relief else "",
        _("can commit: %(how_long)s") % {"how_long": label(codes.COMMITMENT, commitment).lower()} if commitment else "",
    )
    cost = _joined(
        _("up to %(fee)s a session") % {"fee": format_money(fee, summary["currency"])} if fee is not None else "",
        str(COVERAGE.get(answers.get("coverage"), "")),
    )
    not_answered = _("Not answered")
    rows = [
        _row(_("Concerns"), concerns),
        _row(_("Goals"), goals),
        _row(_("View of medicine"), MEDICATION_VIEWS.get(answers.get("medication_view"), not_answered)),
        _row(_("Preferred style"), STYLES.get(answers.get("style"), not_answered)),
        _row(_("Time"), time or not_answered),
        _row(_("Cost"), cost or not_answered),
        _row(_("Past treatments"), _past_treatments(answers)),
        _row(_("Age; where they live"), f"{echo['age_band_label']}; {echo['region_name']}"),
    ]
    if answers.get("pregnant_or_breastfeeding") in PREGNANCY:
        rows.append(_row(_("Pregnancy"), PREGNANCY[answers["pregnant_or_breastfeeding"]], alert=True))
    return {"title": _("What they want and prefer"), "rows": rows}


def _joined(*parts: str) -> str:
    return "; ".join(part for part in parts if part)


def _values(summary: dict) -> dict:
    rows = [_row(value["label"], value["value_label"]) for value in summary["values"][:TOP_VALUES]]
    return {"title": _("What matters most to them"), "rows": rows or [_row(_("Not answered"), "")]}


def _readiness(summary: dict) -> dict:
    sure = summary["sure"]
    answers = {"yes": _("Yes"), "no": _("No")}
    rows = [
        _row(
            f"{item['letter']}: {item['label']}",
            answers.get(item["answer"], _("Not answered")),
            alert=item["answer"] == "no",
        )
        for item in sure["items"]
    ]
    return {"title": _("Ready to choose? (SURE test)"), "rows": rows}


def _leaning(summary: dict, leaning: dict) -> dict:
    names = {option["slug"]: option["name"] for option in summary["options"]}
    not_said = _("Not said")
    rows = [
        _row(_("Leans toward"), names.get(leaning.get("option"), not_said)),
        _row(_("Unsure about"), leaning.get("unsure") or not_said),
        _row(_("Their questions for you"), leaning.get("questions") or not_said),
    ]
    return {"title": _("Their leaning and questions"), "rows": rows}


def _topics(reasons: list[dict]) -> str:
    """What the reasons are about, the first few named: "their concerns, cost and 2 more"."""
    topics = []
    for reason in reasons:
        question = reason.get("question") or ""
        if question.startswith("importance."):
            topic = label(codes.IMPORTANCE_ITEMS, question.split(".", 1)[1]).lower()
        else:
            topic = str(TOPICS.get(question, ""))
        if topic and topic not in topics:
            topics.append(topic)
    if len(topics) > TOP_TOPICS:
        more = len(topics) - TOP_TOPICS
        return ", ".join(topics[:TOP_TOPICS]) + " " + ngettext("and %(n)s more", "and %(n)s more", more) % {"n": more}
    return ", ".join(topics)


def _options(summary: dict) -> dict:
    rows = []
    for option in summary["options"]:
        parts = []
        if option.get("offered_here") is False:
            parts.append(_("Not offered here."))
        elif option.get("offered_here"):
            terms = [
                _("%(fee)s a session") % {"fee": option["practice_fee"]} if option.get("practice_fee") else "",
                _("about %(weeks)s weeks' wait") % {"weeks": option["practice_wait"]}
                if option.get("practice_wait") is not None
                else "",
            ]
            terms = [term for term in terms if term]
            parts.append(_("Offered here") + (f": {', '.join(terms)}." if terms else "."))
        fits, weigh = _topics(option["fit_reasons"]), _topics(option["consideration_reasons"])
        parts.append(_("Fits: %(topics)s.") % {"topics": fits} if fits else _("Fits: nothing they said."))
        if weigh:
            parts.append(_("To weigh: %(topics)s.") % {"topics": weigh})
        rows.append(_row(option["name"], " ".join(parts)))
    return {"title": _("Options, against what fits them"), "rows": rows}


def notes_text(brief: dict) -> str:
    """The brief as plain text to paste into a record: one line a row, no markup."""
    lines = [f"{brief['title']} {brief['reference']}, {brief['date']}"]
    for section in brief["sections"]:
        lines.append("")
        lines.append(section["title"].upper())
        for row in section["rows"]:
            flag = "! " if row["alert"] else ""
            lines.append(f"{flag}{row['label']}: {row['value']}" if row["value"] else f"{flag}{row['label']}")
    return "\n".join(lines)


def build_brief(summary: dict, sent: SentSummary) -> dict:
    answers = sent.answers
    brief = {
        "title": _("Decision aid summary"),
        "reference": sent.reference_display,
        "date": _day(sent.sent_at),
        "sections": [
            _risk(summary),
            _scores(summary, answers),
            _preferences(summary, answers),
            _values(summary),
            _readiness(summary),
            _leaning(summary, sent.leaning or {}),
            _options(summary),
        ],
    }
    brief["notes_text"] = notes_text(brief)
    return brief

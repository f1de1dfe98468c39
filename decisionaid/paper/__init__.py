"""The paper summary: every word of the print view and of the PDF, in one document.

`paper_summary` turns the one summary (and its grid) into plain data: headings, sentences,
table cells and phone numbers, each already translated. The print view
(templates/results/print.html) and the PDF (templates/results/summary.typ, through
`paper/pdf.py`) only lay this document out; neither template holds a word of its own, so
a change of wording is made here, once, and both follow it."""

import re
from datetime import date

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from decisionaid.content.templatetags.phone_links import PRINTED_NUMBER, dialled
from decisionaid.summary.grid import comparison_grid
from decisionaid.summary.grid import notices as grid_notices

# How many icon arrays fit beside the rest in three pages at sizes older eyes can read; the
# grid puts those about the person's own concerns first, and the results page has them all.
FIGURES = 1


def _level_words() -> dict[str, str]:
    """Paper's short words for the evidence levels: one line in a narrow column, where the
    full words ("Moderate evidence") take two. The evidence row's label holds the key."""
    return {
        "strong": _("Strong"),
        "moderate": _("Moderate"),
        "limited": _("Limited"),
        "insufficient": _("Few studies"),
        "not_recommended": _("Not recommended"),
    }


def _day(value: date | str | None) -> str:
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            return ""
    return date_format(value, "j F Y") if value else ""


class Notes:
    """Numbered source notes: each source gets a number the first time paper cites it, so a
    cell says "[2]" instead of an author and year, and the notes list each name once.
    Sources that paper would name alike ("Our search 2026", or a guideline and its version
    for the public: "NICE CG192") share one number; each source in full is on the results
    page."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def cite(self, sources: list[dict]) -> str:
        numbers = {self.numbers.setdefault(_short(source["label"]), len(self.numbers) + 1) for source in sources}
        return f"[{_ranges(sorted(numbers))}]" if numbers else ""

    def listed(self) -> list[dict]:
        return [{"number": str(number), "label": label} for label, number in self.numbers.items()]


def _short(label: str) -> str:
    """A source's name without the part in brackets at its end: "NICE NG69 (for the public)"
    is NICE NG69 on paper."""
    return re.sub(r"\s*\([^()]*\)$", "", str(label)) or str(label)


def _ranges(numbers: list[int]) -> str:
    """[5, 21, 22, 23] as "5, 21–23": a long run of notes takes one short line."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{run[0]}–{run[-1]}" if len(run) > 2 else ", ".join(map(str, run)) for run in runs)


def _para(lead: str = "", strong: str = "", text: str = "", notes: str = "") -> dict:
    """One paragraph: an opening in plain type, a part in bold, the rest, its note numbers."""
    para = {"lead": lead, "strong": strong, "text": text, "notes": notes}
    return {key: str(value) for key, value in para.items() if value}


def _parts(text: str, numbers: dict[str, str]) -> list[dict]:
    """`text` cut into plain parts and phone numbers, each number with the link a phone
    follows (`numbers` maps its digits to "tel:..." or "sms:..."); every other number stays text."""
    parts, start = [], 0
    for match in PRINTED_NUMBER.finditer(text):
        href = numbers.get(dialled(match.group()))
        if href:
            parts += [{"text": text[start : match.start()]}, {"text": match.group(), "href": href}]
            start = match.end()
    parts.append({"text": text[start:]})
    return [part for part in parts if part["text"]]


def _line(resource: dict) -> dict:
    """A line or service: its name, its hours, and how to reach it, its numbers as live links
    (a number both called and texted is a call link: "Call or text 988" says it once)."""
    numbers = {}
    if resource.get("text_number"):
        numbers[dialled(resource["text_number"])] = f"sms:{dialled(resource['text_number'])}"
    if resource.get("phone"):
        numbers[dialled(resource["phone"])] = f"tel:{dialled(resource['phone'])}"
    contact = str(resource.get("contact") or "").strip()
    if contact and not contact.endswith((".", "!", "?")):
        contact += "."
    parts = _parts(contact, numbers)
    printed = {dialled(number) for number in PRINTED_NUMBER.findall(contact)}
    # A number the words leave out gets a sentence of its own, so it is on paper too.
    for scheme, words, number in (
        ("tel", _("Call %(number)s."), resource.get("phone")),
        ("sms", _("Text %(number)s."), resource.get("text_number")),
    ):
        if number and dialled(number) not in printed:
            sentence = words % {"number": number}
            parts += [{"text": " "}, *_parts(sentence, {dialled(number): f"{scheme}:{dialled(number)}"})]
    return {"name": str(resource["name"]), "hours": str(resource.get("hours") or ""), "parts": parts}


def _pointer(resource: dict) -> dict:
    """A line the crisis box at the top already gives in full: named again, its numbers once."""
    return {
        "name": str(resource["name"]),
        "hours": "",
        "parts": [{"text": _("its numbers are in the box at the top.")}],
    }


def _crisis_lines(summary: dict) -> dict:
    number = summary["emergency_number"] or ""
    emergency = (
        _("In danger now? Call %(number)s.") % {"number": number}
        if number
        else _("In danger now? Call your local emergency number.")
    )
    return {
        "title": _("Crisis help: %(name)s") % {"name": summary["region_name"]},
        "emergency": _parts(emergency, {dialled(n): f"tel:{dialled(n)}" for n in PRINTED_NUMBER.findall(number)}),
        "lines": [_line(resource) for resource in summary["crisis"]["resources"]],
    }


def _cell(cell: dict) -> list[dict]:
    if cell["kind"] == "fact":
        return [_para(text=cell["text"])]
    if cell["kind"] == "cost":
        return [_para(strong=cell["cost"].get("display", ""), text=cell["text"])]
    paras = []
    for kind, label in (("fits", _("Fits:")), ("considerations", _("Think about:"))):
        if cell[kind]:
            paras.append(_para(strong=label, text="; ".join(cell[kind]) + "."))
    return paras or [_para(text=_("Nothing in your answers points either way."))]


def _answer(cell: dict, paras: list[dict]) -> dict:
    """One option's answer to one question, named by its option for a stacked layout."""
    return {"option": str(cell["option"]["name"]), "paras": paras}


def _row(row: dict, notes: Notes) -> dict:
    """One question of the grid: its label, and its answers in groups of one cell per option.
    Evidence comes in a group per concern the person chose, headed by the concern and the
    notes behind its five answers, so a cell holds only the level, and a concern's name is
    printed once, not five times. Every other question is one group, its notes by its label."""
    if row["cells"] and row["cells"][0]["kind"] == "evidence":
        concerns = {item["concern"]: item["concern_label"] for cell in row["cells"] for item in cell["items"]}
        groups = []
        for code, label in concerns.items():
            items = [[item for item in cell["items"] if item["concern"] == code] for cell in row["cells"]]
            cited = [source for found in items for item in found for source in item["cited"]]
            groups.append(
                {
                    "label": str(label),
                    "notes": notes.cite(cited),
                    "cells": [
                        _answer(cell, [_para(strong=_level(item)) for item in found])
                        for cell, found in zip(row["cells"], items, strict=True)
                    ],
                }
            )
        return {"code": row["code"], "label": str(row["label"]), "key": _level_key(), "notes": "", "groups": groups}
    # Any other question's notes follow its label, once for its five answers: a note at the
    # end of a narrow cell often took a line of its own.
    cited = [source for cell in row["cells"] for source in cell.get("sources", [])]
    return {
        "code": row["code"],
        "label": str(row["label"]),
        "key": "",
        "notes": notes.cite(cited),
        "groups": [{"label": "", "notes": "", "cells": [_answer(cell, _cell(cell)) for cell in row["cells"]]}],
    }


def _level_key() -> str:
    """What the short words of the evidence cells stand for, said once by the row's label."""
    return _("(research: ●●● strong, ●●○ moderate, ●○○ limited, ○○○ few studies)")


def _level(item: dict) -> str:
    words = _level_words().get(item["level"], item["level_label"])
    return f"{item['mark']} {words}".strip()


def _risk(summary: dict) -> dict:
    risk = summary["risk"]
    rows = [
        {
            "label": f"{answer['question']}:",
            "value": str(answer["label"]),
            "alert": answer["value"] not in (None, False, 0),
        }
        for answer in (risk["in_danger_now"], risk["item9"])
    ]
    answered = _day(risk.get("answered_on"))
    return {
        "title": _("Your answers about safety"),
        "rows": rows,
        "answered_on": _("Answered on %(day)s.") % {"day": answered} if answered else "",
    }


def _brief(brief: dict | None) -> dict | None:
    """The clinician's brief (built by decisionaid.clinicians.brief), laid out as it comes."""
    if not brief:
        return None
    return {
        "title": str(brief["title"]),
        "meta": " · ".join(str(brief[key]) for key in ("reference", "date") if brief.get(key)),
        "sections": [
            {
                "title": str(section["title"]),
                "rows": [
                    {"label": str(row["label"]), "value": str(row["value"]), "alert": bool(row.get("alert"))}
                    for row in section["rows"]
                ],
            }
            for section in brief["sections"]
        ],
        "notes_text": str(brief.get("notes_text") or ""),
    }


def _sure(sure: dict) -> dict:
    answers = {"yes": _("Yes"), "no": _("No")}
    answered = any(item["answer"] for item in sure["items"])
    return {
        "title": _("Are you ready to choose?"),
        "items": [
            {"label": f"{item['label']}.", "answer": str(answers.get(item["answer"] or "", _("Not answered")))}
            for item in sure["items"]
        ]
        if answered
        else [],
        "unanswered": "" if answered else _("You have not answered these four questions yet."),
    }


def _values(values: list[dict]) -> list[str]:
    """What matters, one line per level, most first: "Matters a lot: keeping the cost low,
    help that lasts", so each level's words are said once."""
    levels: dict[str, list[str]] = {}
    for value in sorted(values, key=lambda value: -value["value"]):
        label = str(value["label"])
        levels.setdefault(str(value["value_label"]), []).append(label[:1].lower() + label[1:])
    return [f"{level}: {', '.join(labels)}" for level, labels in levels.items()]


def _history_line(visit: dict) -> str:
    """One visit of summary["history"]: its date, then its scores in the summary's words."""
    return f"{_day(date.fromisoformat(visit['date']))}: {visit['text']}"


def paper_summary(summary: dict, made_on: date) -> dict:
    """The whole paper, in reading order, as plain strings, lists and dicts (JSON for Typst)."""
    grid = comparison_grid(summary, paper=True)
    notes = Notes()
    content = summary["content"]
    echo = summary["answers_echo"]
    crisis_lines = _crisis_lines(summary)
    in_crisis_box = {line["name"] for line in crisis_lines["lines"]} if summary["crisis"]["active"] else set()
    scores = [
        _para(
            strong=f"{score['name']}:",
            text=_("%(total)s out of %(max)s") % {"total": score["total"], "max": score["max"]}
            + f". {score['band_label']}.",
            notes=notes.cite(score["cited"]),
        )
        for score in grid["scores"]
    ]
    if not summary["scores"]["gad7"]:
        scores.append(_para(text=_("We did not score worry, as some of those answers are missing.")))
    rows = [_row(row, notes) for row in grid["rows"]]
    figures = [
        {
            "title": str(figure["title"]),
            # The notes go by the time frame, on the line of the title: at the end of the
            # note under the picture they often took a line of their own.
            "time_frame": " ".join(filter(None, [str(figure["time_frame"]), notes.cite(figure["cited"])])),
            "groups": [
                {
                    "count": group["count"],
                    "text": str(group["text"]),
                    "picture": _("Picture of 100 dots, %(count)s of them dark.") % {"count": group["count"]},
                }
                for group in figure["groups"]
            ],
            "note": _para(text=figure["uncertainty"]),
        }
        for figure in grid["figures"][:FIGURES]
    ]
    more_figures = len(figures) < len(summary["figures"])
    return {
        "lang": (get_language() or "en").split("-")[0],
        "title": _("My summary to take to an appointment"),
        "description": _("Your five options side by side, to talk over with a doctor, nurse or therapist."),
        "back": _("Back to my results"),
        "meta": _("Made on %(made)s · %(region)s · Content version %(version)s, checked on %(reviewed)s")
        % {
            "made": _day(made_on),
            "region": summary["region_name"],
            "version": content["version"],
            "reviewed": _day(content["reviewed_on"]),
        },
        "page_of": _("Page {page} of {pages}"),
        "footer": _(
            # "Where to get help" says that a professional helps choose: once is enough.
            "This is not a diagnosis, and it does not tell you what to choose."
        ),
        "brief": _brief(summary.get("brief")),
        "crisis": {
            "title": _("Please get help now"),
            "text": [str(notice["text"]) for notice in summary["notices"] if notice["code"] == "crisis"],
            "lines": crisis_lines,
        }
        if summary["crisis"]["active"]
        else None,
        "risk": _risk(summary),
        "lead": _(
            "No one option is right for everyone. Take this to a doctor, nurse or therapist and choose together."
        ),
        "scores": {"title": _("Your scores"), "items": scores, "note": str(summary["scores"]["note"])},
        "notices": [
            {
                "code": notice["code"],
                # The results page's titles: one wording for screen and paper.
                "title": notice["title"],
                "region": notice["region"],
                "text": str(notice["text"]),
                "lines": [
                    _pointer(resource) if resource["name"] in in_crisis_box else _line(resource)
                    for resource in notice.get("resources", [])
                ],
            }
            for notice in grid_notices(summary)
        ],
        "told": {
            "title": _("What you told us"),
            "rows": [
                # The line under the title names the region already.
                *(
                    [{"label": _("Where you live"), "value": str(echo["region_name"])}]
                    if str(echo["region_name"]) != str(summary["region_name"])
                    else []
                ),
                {"label": _("Your age"), "value": str(echo["age_band_label"])},
                # Chosen concerns head the evidence rows of the table below: named once.
                *(
                    []
                    if echo["concerns"]
                    else [
                        {
                            "label": _("What you want help with"),
                            "value": _("You did not choose any, so we show the facts for low mood."),
                        }
                    ]
                ),
                {
                    "label": _("Your goals"),
                    "value": "; ".join(str(goal["label"]) for goal in echo["goals"]) or _("You did not choose any."),
                },
            ],
        },
        "options": {
            "title": _("Your options side by side"),
            # The heading already says "your options side by side".
            "caption": _("The order is the same for everyone. It is not a ranking."),
            "names": [
                {
                    "name": str(option["name"]),
                    "note": _("Not offered here") if option.get("offered_here") is False else "",
                }
                for option in summary["options"]
            ],
            "rows": rows,
        },
        # Only when the person came back and re-took their scores.
        "history": {
            "title": _("Your scores over time"),
            "items": [_history_line(visit) for visit in summary["history"]],
        }
        if summary.get("history")
        else None,
        "values": {
            "title": _("What matters to you"),
            "items": _values(summary["values"])
            or [_("You did not say what matters most to you. You can add this if you change your answers.")],
        },
        "referral": {
            "title": _("Where to get help"),
            "text": str(summary["referral"]["text"]),
            "professional_title": _("Seeing a professional: %(name)s") % {"name": summary["region_name"]},
            "professional": [_line(resource) for resource in summary["referral"]["resources"]],
            # In a crisis the lines are in the box at the top; once is enough.
            "crisis": None if summary["crisis"]["active"] else crisis_lines,
        },
        "figures": {
            "title": _("Some numbers from studies"),
            "intro": _("Each picture is 100 people in a study. The dark dots are those it happened to.")
            + (" " + _("More are on your results page.") if more_figures else ""),
            "items": figures,
        }
        if figures
        else None,
        "questions": {
            "title": _("What to ask your clinician"),
            "items": [str(q) for q in summary["questions_for_clinician"]],
        },
        "sure": _sure(summary["sure"]),
        "sources": {
            "title": _("Sources"),
            "intro": _("Numbers such as [1] name each source. Your results page gives each one in full:"),
            "notes": notes.listed(),
        },
    }

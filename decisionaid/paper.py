"""The paper summary as plain data, for the PDF engine: the print view's sections, in its
order, from its context (the one summary and its grid). Every word is translated here,
so the engine only lays out text it is given, and never reads any of it as markup."""

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from decisionaid.results.templatetags.results_tags import as_date


def _para(lead: str = "", strong: str = "", text: str = "", cite: list[dict] | None = None) -> dict:
    """One paragraph: an opening in plain type, a part in bold, the rest, and its sources."""
    para = {"lead": lead, "strong": strong, "text": text}
    if cite:
        para["cite"] = "; ".join(source["label"] for source in cite)
    return {key: str(value) for key, value in para.items() if value}


def _resource(resource: dict) -> str:
    hours = f" ({resource['hours']})" if resource.get("hours") else ""
    return f"{resource['name']}{hours}: {resource['contact']}"


def _crisis_lines(region: dict) -> dict:
    return {
        "title": _("Crisis help: %(name)s") % {"name": region["name"]},
        "emergency": _("If your life or someone else's life is in danger now, call")
        + f" {region['emergency_number']}.",
        "lines": [_resource(resource) for resource in region["resources"]],
    }


def _cell(cell: dict) -> list[dict]:
    if cell["kind"] == "fact":
        return [_para(text=cell["text"], cite=cell["sources"])]
    if cell["kind"] == "evidence":
        return [
            _para(
                lead=f"{item['concern_label']}:",
                strong=f"{item['mark']} {item['level_label']}".strip(),
                cite=item["cited"],
            )
            for item in cell["items"]
        ]
    if cell["kind"] == "cost":
        return [_para(strong=cell["cost"].get("display", ""), text=cell["text"], cite=cell["sources"])]
    paras = []
    for kind, label in (("fits", _("Fits:")), ("considerations", _("Think about:"))):
        if cell[kind]:
            # No "and 10 more": a count of reasons reads as a score (issue 18).
            topics = "; ".join(cell[kind])
            paras.append(_para(strong=label, text=f"{topics}."))
    return paras or [_para(text=_("Nothing in your answers points either way."))]


def _sure_answer(answer: str | None) -> str:
    return {"yes": _("Yes"), "no": _("No")}.get(answer or "", _("Not answered"))


def paper_data(context: dict, paper: str) -> dict:
    """`context` is the print view's (decisionaid.pdf.printable_context); `paper` the
    engine's page size ("a4", "us-letter")."""
    summary, grid, region = context["summary"], context["grid"], context["crisis_region"]
    content = summary["content"]
    reviewed = as_date(content["reviewed_on"])
    echo = summary["answers_echo"]
    title = _("My summary to take to an appointment")
    meta = _("Made on %(made)s · %(region)s · Content version %(version)s, checked on %(reviewed)s") % {
        "made": date_format(context["made_on"], "j F Y"),
        "region": summary["region_name"],
        "version": content["version"],
        "reviewed": date_format(reviewed, "j F Y") if reviewed else "",
    }
    scores = [
        _para(
            strong=f"{score['name']}:",
            text=_("%(total)s out of %(max)s") % {"total": score["total"], "max": score["max"]}
            + f". {score['band_label']}.",
            cite=score["cited"],
        )
        for score in grid["scores"]
    ]
    if not summary["scores"]["gad7"]:
        scores.append(_para(text=_("We did not score worry, as some of those answers are missing.")))
    crisis = None
    if summary["crisis"]["active"]:
        crisis = {
            "title": _("Please get help now"),
            "text": [notice["text"] for notice in summary["notices"] if notice["code"] == "crisis"],
            **_crisis_lines(region),
        }
    notice_titles = {
        "severe_depression": _("Please see someone soon"),
        "youth": _("For young people"),
        "pregnancy_medication": _("Medicine, pregnancy and breastfeeding"),
    }
    return {
        "lang": (get_language() or "en").split("-")[0],
        "paper": paper,
        "title": title,
        "meta": meta,
        "page_of": _("Page {page} of {pages}"),
        "footer": _(
            "This is not a diagnosis. It does not tell you what to choose, and it does not take the place of a "
            "doctor, nurse or therapist."
        ),
        "heading": _("Your results"),
        "crisis": crisis,
        "lead": _(
            "Here are your five options side by side. No one option is right for everyone. "
            "Take this to a doctor, nurse or therapist and choose together."
        ),
        "scores_title": _("Your scores"),
        "scores": scores,
        "scores_note": summary["scores"]["note"],
        "notices": [
            {
                "title": notice_titles.get(notice["code"], _("Please read this")),
                "text": notice["text"],
                "lines": [_resource(resource) for resource in notice.get("resources", [])],
            }
            for notice in summary["notices"]
            if notice["code"] != "crisis"
        ],
        "told_title": _("What you told us"),
        "told": [
            [_("Where you live"), echo["region_name"]],
            [_("Your age"), echo["age_band_label"]],
            [
                _("What you want help with"),
                "; ".join(concern["label"] for concern in echo["concerns"])
                or _("You did not choose any, so we show the facts for low mood."),
            ],
            [_("Your goals"), "; ".join(goal["label"] for goal in echo["goals"]) or _("You did not choose any.")],
        ],
        "options_title": _("Your options side by side"),
        "caption": _("Your five options, side by side. The order is the same for everyone. It is not a ranking."),
        "options": [option["name"] for option in summary["options"]],
        "rows": [{"label": str(row["label"]), "cells": [_cell(cell) for cell in row["cells"]]} for row in grid["rows"]],
        "values_title": _("What matters to you"),
        "values": [f"{value['label']}: {value['value_label'].lower()}" for value in summary["values"]]
        or [_("You did not say what matters most to you. You can add this if you change your answers.")],
        "numbers_title": _("Some numbers from studies"),
        "numbers_intro": _("Each picture shows 100 people in a study. The dark dots are the people it happened to.")
        + (" " + _("More numbers are on your results page.") if len(grid["numbers"]) < len(summary["numbers"]) else ""),
        "numbers": [
            {
                "title": figure["title"],
                "time_frame": figure["time_frame"],
                "groups": [{"count": group["count"], "text": group["text"]} for group in figure["groups"]],
                "note": _para(text=figure["uncertainty"], cite=figure["cited"]),
            }
            for figure in grid["numbers"]
        ],
        "questions_title": _("What to ask your clinician"),
        "questions": list(summary["questions_for_clinician"]),
        "sure_title": _("Are you ready to choose?"),
        "sure": [
            {"label": f"{item['label']}.", "question": str(item["question"]), "answer": _sure_answer(item["answer"])}
            for item in context["sure_state"]["items"]
        ],
        "sure_unanswered": ""
        if any(item["answer"] for item in context["sure_state"]["items"])
        else _("You have not answered these four questions yet."),
        "referral_title": _("Where to get help"),
        "referral": summary["referral"]["text"],
        "professional_title": _("Seeing a professional: %(name)s") % {"name": summary["region_name"]},
        "professional": [_resource(resource) for resource in summary["referral"]["resources"]],
        "referral_crisis": None if crisis else _crisis_lines(region),
        "sources_title": _("Sources"),
        "sources_intro": _(
            "Each answer names where it comes from, such as “NICE NG222”. The full list is on your results page."
        ),
    }

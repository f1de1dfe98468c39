"""How long an option usually takes for each concern the person chose, where that differs
from the option's own course: the option's course comes from studies of low mood, and CBT
for eating problems (CBT-ED) runs 20 to 40 weeks, not 3 to 4 months (issue 23.7).

From the `course` of each evidence cell as it reads for the person. For someone who did not
choose low mood, the grid's short course cell says the course for their own concern first."""

from django.utils.translation import gettext as _

from decisionaid import codes

from .answers import chosen_concerns, concern_name, label, unique


def concern_courses(option: dict, answers: dict, content: dict) -> list[dict]:
    """[{concern, label, text, sources}] for the chosen concerns whose cell has a course."""
    courses = []
    for concern in chosen_concerns(answers):
        item = content["evidence"][option["id"]].get(concern)
        if item is None or not item.get("course"):
            continue
        courses.append(
            {
                "concern": concern,
                "label": label(codes.CONCERNS, concern),
                "text": _("For %(concern)s: %(course)s") % {"concern": concern_name(concern), "course": item["course"]},
                "sources": unique(item["sources"]),
            }
        )
    return courses


def with_courses(course_row: dict, courses: list[dict], answers: dict) -> dict:
    """The option's course fact with the person's own concerns' courses in it."""
    if not courses:
        return course_row
    own = " ".join(course["text"] for course in courses)
    sources = unique(course_row["sources"] + [key for course in courses for key in course["sources"]])
    low_mood_chosen = "depression" in chosen_concerns(answers)
    return {
        **course_row,
        "text": f"{own} {course_row['text']}",
        # The short cell: the person's own concern first unless the option's course is theirs.
        "brief": course_row["brief"] if low_mood_chosen else courses[0]["text"],
        "sources": sources,
    }

"""A person's visits: the first one copied when they first come back, re-takes under way,
and the history that pages beside the summary read. The session holds only the answers'
public id (as it always does), the re-take's public id and a flag that there is history,
never a token."""

from django.http import HttpRequest
from django.utils import timezone

from decisionaid.questionnaire import session
from decisionaid.questionnaire.answers import merged
from decisionaid.questionnaire.models import AnswerSet

from .change import summary_history
from .models import SCORE_CODES, Visit

# Set when this session's answers have a return link or history, so every other person's
# results page needs no query to know there is none.
FOLLOWUP_KEY = "followup"
# The re-take under way in this browser.
VISIT_KEY = "followup_visit"


def score_answers(answers: dict) -> dict:
    return {code: answers[code] for code in SCORE_CODES if answers.get(code) is not None}


def start_retake(request: HttpRequest, answer_set: AnswerSet) -> Visit:
    """This browser now holds these answers, with a new re-take under way. The first
    visit's scores are copied first, dated when those answers were last saved."""
    now = timezone.now()
    if not answer_set.visits.exists():
        Visit.objects.create(
            answer_set=answer_set,
            answers=score_answers(answer_set.answers),
            taken_at=answer_set.completed_at or answer_set.updated_at,
            completed_at=now,
        )
    # One re-take under way at a time: one left unfinished on another device starts again.
    answer_set.visits.filter(completed_at__isnull=True).delete()
    visit = Visit.objects.create(answer_set=answer_set, taken_at=now)
    if request.session.get(session.ANSWERS_KEY) != str(answer_set.public_id):
        # Another person's answers may have been open in this browser: nothing of theirs carries over.
        request.session.cycle_key()
        for key in list(request.session.keys()):
            if key != session.CRISIS_KEY:
                del request.session[key]
    request.session[session.ANSWERS_KEY] = str(answer_set.public_id)
    request.session[FOLLOWUP_KEY] = True
    request.session[VISIT_KEY] = str(visit.public_id)
    if answer_set.crisis:
        request.session[session.CRISIS_KEY] = True
    return visit


def retake_of(request: HttpRequest) -> Visit | None:
    """The re-take under way in this browser, with its answers, or None."""
    visit_id, answers_id = request.session.get(VISIT_KEY), request.session.get(session.ANSWERS_KEY)
    if not visit_id or not answers_id:
        return None
    return (
        Visit.objects.select_related("answer_set")
        .filter(public_id=visit_id, answer_set__public_id=answers_id, completed_at__isnull=True)
        .first()
    )


def finish_retake(request: HttpRequest, visit: Visit) -> None:
    """The re-take becomes the newest visit, and its scores the answers' own: every page
    (results, print view, PDF, a share link, a summary sent from now on) shows them."""
    now = timezone.now()
    answer_set = visit.answer_set
    answers = merged(answer_set.answers, visit.answers, [code for code in SCORE_CODES if code not in visit.answers])
    session.save_answers(request, answers)
    Visit.objects.filter(pk=visit.pk).update(taken_at=now, completed_at=now)
    request.session.pop(VISIT_KEY, None)


def entries(answer_set_id: str) -> list[dict]:
    """The completed visits of the answers with this public id, oldest first, in one query."""
    visits = Visit.objects.completed().filter(answer_set__public_id=answer_set_id)
    return [visit.entry() for visit in visits.only("answers", "started", "started_since", "taken_at")]


def entries_for(request: HttpRequest) -> list[dict]:
    """This browser's history: no query at all unless the session has some."""
    answers_id = request.session.get(session.ANSWERS_KEY)
    if not answers_id or not request.session.get(FOLLOWUP_KEY):
        return []
    return entries(answers_id)


def attach_history(summary: dict, request: HttpRequest) -> dict:
    """summary["history"]: each visit's date and scores, for the print view and the PDF."""
    summary["history"] = summary_history(entries_for(request))
    return summary

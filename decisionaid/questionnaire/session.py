"""Which saved answers belong to this browser. The session holds only the answers'
unguessable id and two flags, so every page can show the crisis banner without a query."""

from django.http import HttpRequest
from django.utils import timezone

from decisionaid.fastread import column_value, update_columns

from .models import AnswerSet

ANSWERS_KEY = "answers_id"
CRISIS_KEY = "crisis"


def has_answers(request: HttpRequest) -> bool:
    return ANSWERS_KEY in request.session


def crisis_active(request: HttpRequest) -> bool:
    return bool(request.session.get(CRISIS_KEY))


def current(request: HttpRequest) -> AnswerSet | None:
    public_id = request.session.get(ANSWERS_KEY)
    if not public_id:
        return None
    answer_set = AnswerSet.objects.filter(public_id=public_id).first()
    if answer_set is None:
        # Deleted elsewhere (purged, or deleted in another tab): forget the stale id.
        forget(request)
    return answer_set


def current_answers(request: HttpRequest) -> dict | None:
    """Only the answers of `current(request)`, read the fast way: what the pages that show
    them need (decisionaid/fastread.py)."""
    public_id = request.session.get(ANSWERS_KEY)
    if not public_id:
        return None
    answers = column_value(AnswerSet, "answers", public_id=public_id)
    if answers is None:
        forget(request)
    return answers


def current_region_code(request: HttpRequest) -> str:
    """The region this person chose, or OTHER before they chose one: whose crisis lines to show."""
    return (current_answers(request) or {}).get("region") or "OTHER"


def current_or_new(request: HttpRequest) -> AnswerSet:
    answer_set = current(request)
    if answer_set is None:
        answer_set = AnswerSet.objects.create()
        request.session[ANSWERS_KEY] = str(answer_set.public_id)
    return answer_set


def save_answers(request: HttpRequest, answers: dict) -> None:
    """Store `answers` as this browser's, making the answer set at the first save (or again,
    if it was deleted in the meantime). One UPDATE, without reading the row first."""
    public_id = request.session.get(ANSWERS_KEY)
    if public_id and update_columns(AnswerSet, {"answers": answers, "updated_at": timezone.now()}, public_id=public_id):
        return
    answer_set = AnswerSet.objects.create(answers=answers)
    request.session[ANSWERS_KEY] = str(answer_set.public_id)


def mark_crisis(request: HttpRequest) -> None:
    """Keep the crisis banner on from now on, in this session and on the answers themselves."""
    request.session[CRISIS_KEY] = True
    public_id = request.session.get(ANSWERS_KEY)
    if public_id:
        AnswerSet.objects.filter(public_id=public_id, crisis=False).update(crisis=True, updated_at=timezone.now())


def forget(request: HttpRequest) -> None:
    request.session.pop(ANSWERS_KEY, None)
    request.session.pop(CRISIS_KEY, None)


def delete(request: HttpRequest) -> None:
    """Delete this person's answers at once, and the session's hold on them."""
    public_id = request.session.get(ANSWERS_KEY)
    if public_id:
        AnswerSet.objects.filter(public_id=public_id).delete()
    request.session.flush()

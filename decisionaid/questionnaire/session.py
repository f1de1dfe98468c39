"""Which saved answers belong to this browser. The session holds only the answers'
unguessable id and two flags, so every page can show the crisis banner without a query."""

from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from . import steps
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
    """Only the answers of `current(request)`: what the pages that show them need."""
    public_id = request.session.get(ANSWERS_KEY)
    if not public_id:
        return None
    answers = AnswerSet.objects.filter(public_id=public_id).values_list("answers", flat=True).first()
    if answers is None:
        forget(request)
    return answers


def with_answers(view):
    """The one check that a person's answers are complete, for the views that need them (their
    results, print view and PDF, and sharing them): the view gets the answers, or the person is
    sent to the first step they still have to answer."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        answers = current_answers(request)
        missing = steps.FIRST if answers is None else steps.first_missing_required(answers)
        if missing is not None:
            return redirect("step", slug=missing.slug)
        return view(request, answers, *args, **kwargs)

    return wrapper


def current_region_code(request: HttpRequest) -> str:
    """The region this person chose, or OTHER before they chose one: whose crisis lines to show."""
    return (current_answers(request) or {}).get("region") or "OTHER"


def current_or_new(request: HttpRequest) -> AnswerSet:
    answer_set = current(request)
    if answer_set is None:
        answer_set = AnswerSet.objects.create()
        request.session[ANSWERS_KEY] = str(answer_set.public_id)
    return answer_set


def save_answers(request: HttpRequest, answers: dict, *, crisis: bool = False) -> None:
    """Store `answers` as this browser's, making the answer set at the first save (or again,
    if it was deleted in the meantime). With `crisis`, the crisis flag is set in the same
    update, and the banner is on from now on (see mark_crisis)."""
    public_id = request.session.get(ANSWERS_KEY)
    values = {"answers": answers, "updated_at": timezone.now()}
    if crisis:
        values["crisis"] = True
        request.session[CRISIS_KEY] = True
    if public_id and AnswerSet.objects.filter(public_id=public_id).update(**values):
        return
    answer_set = AnswerSet.objects.create(answers=answers, crisis=crisis)
    request.session[ANSWERS_KEY] = str(answer_set.public_id)


def mark_crisis(request: HttpRequest) -> None:
    """Show the crisis banner from now on, in this session and on the answers themselves."""
    request.session[CRISIS_KEY] = True
    public_id = request.session.get(ANSWERS_KEY)
    if public_id:
        AnswerSet.objects.filter(public_id=public_id, crisis=False).update(crisis=True, updated_at=timezone.now())


def forget(request: HttpRequest) -> None:
    """Let go of answers that no longer exist. The crisis banner stays, if it was on."""
    request.session.pop(ANSWERS_KEY, None)


def delete(request: HttpRequest) -> None:
    """Delete this person's answers at once, and the session's hold on them. After a risk
    answer the new, empty session still shows the crisis banner: deleting answers or starting
    over never hides help for the rest of this browser's session."""
    crisis = crisis_active(request)
    public_id = request.session.get(ANSWERS_KEY)
    if public_id:
        AnswerSet.objects.filter(public_id=public_id).delete()
    request.session.flush()
    if crisis:
        request.session[CRISIS_KEY] = True

"""Which saved answers belong to this browser. The session holds only the answers'
unguessable id and two flags, so every page can show the crisis banner without a query."""

from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone

from . import steps
from .models import AnswerSet

ANSWERS_KEY = "answers_id"
CRISIS_KEY = "crisis"


def has_answers(request: HttpRequest) -> bool:
    return ANSWERS_KEY in request.session


# After "Delete my answers" following a risk answer, the banner stays only while the browser is
# open: a cookie with no expiry (the browser forgets it when it closes), never a new session row
# kept for SESSION_COOKIE_AGE. It holds no answer, only that the banner is on.
CRISIS_COOKIE = "crisis_banner"


def crisis_active(request: HttpRequest) -> bool:
    return bool(request.session.get(CRISIS_KEY)) or request.COOKIES.get(CRISIS_COOKIE) == "1"


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
    results, print view and PDF, sending them, share links and return links): the view gets the
    answers, or the person is sent to the first step they still have to answer. Pages that only
    list or delete what is kept with the answers (my links, delete everything) need no
    complete answers and read them once with `current`."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        answer_set = current(request)
        answers = answer_set.answers if answer_set else None
        missing = steps.FIRST if answers is None else steps.first_missing_required(answers)
        if missing is not None:
            return redirect("step", slug=missing.slug)
        # The views that change what is kept with the answers use the row read here, not a second read.
        request.answer_set = answer_set
        # The day they were last saved, printed beside the risk answers (print view, PDF).
        request.answered_on = timezone.localdate(answer_set.updated_at)
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


def delete(request: HttpRequest) -> bool:
    """Delete this person's answers at once, and the session's hold on them (its row too).
    Returns whether the crisis banner was on: the caller then keeps it for as long as the
    browser is open (`keep_banner`), so deleting answers or starting over never hides help."""
    crisis = crisis_active(request)
    public_id = request.session.get(ANSWERS_KEY)
    if public_id:
        AnswerSet.objects.filter(public_id=public_id).delete()
    request.session.flush()
    return crisis


def keep_banner(response: HttpResponse, crisis: bool) -> HttpResponse:
    """Keep the crisis banner on until the browser closes, after answers were deleted."""
    if crisis:
        response.set_cookie(
            CRISIS_COOKIE,
            "1",
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    return response

"""A patient's side of a clinician's invitation: starting from it, and choosing to send
their summary to that clinician at the end."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import OuterRef, Subquery
from django.http import HttpRequest
from django.utils import timezone

from decisionaid.instruments import RISK_ITEM
from decisionaid.questionnaire import session
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.summary import SURE_ANSWERS, SURE_CODES, build_summary

from .models import Invitation, InvitedAnswers, Leaning, SentSummary
from .reference import format_reference, new_reference
from .tokens import is_invitation_token

# Set in the session when a person starts from an invitation, so the results page of everyone
# else needs no query to know there is no one to send to (InvitedAnswers stays the record).
INVITED_KEY = "invited"
REFERENCE_TRIES = 5


def find_live(token: str) -> Invitation | None:
    if not is_invitation_token(token):
        return None
    return Invitation.objects.live().filter(token=token).first()


@transaction.atomic
def start(request: HttpRequest, invitation: Invitation) -> AnswerSet:
    """Use (or make) this browser's answers, tie them to the invitation, and fill in what the
    clinician set. A person's own answers always win over the clinician's presets."""
    answer_set = session.current_or_new(request)
    presets = {key: value for key, value in invitation.prefilled_answers().items() if key not in answer_set.answers}
    if presets:
        answer_set.answers = {**answer_set.answers, **presets}
        answer_set.save(update_fields=["answers", "updated_at"])
    InvitedAnswers.objects.update_or_create(answer_set=answer_set, defaults={"invitation": invitation})
    request.session[INVITED_KEY] = True
    return answer_set


def invitation_of(answer_set: AnswerSet) -> Invitation | None:
    """The invitation these answers started from, live or not."""
    invited = InvitedAnswers.objects.select_related("invitation").filter(answer_set=answer_set).first()
    return invited.invitation if invited else None


def invitation_and_last_sent(answer_set_id: str) -> tuple[Invitation | None, datetime | None, str]:
    """The invitation the answers with this public id started from, when they were last
    sent to its clinician and that copy's reference code ("K7M-4QX"), in one query."""
    last_sent = SentSummary.objects.filter(
        answer_set=OuterRef("answer_set"), clinician=OuterRef("invitation__clinician")
    ).order_by("-sent_at", "-id")
    invited = (
        InvitedAnswers.objects.select_related("invitation")
        .annotate(
            last_sent_at=Subquery(last_sent.values("sent_at")[:1]),
            last_reference=Subquery(last_sent.values("reference")[:1]),
        )
        .filter(answer_set__public_id=answer_set_id)
        .first()
    )
    if invited is None:
        return None, None, ""
    return invited.invitation, invited.last_sent_at, format_reference(invited.last_reference or "")


def send(answer_set: AnswerSet, invitation: Invitation, sure: dict | None = None) -> SentSummary:
    """Send a copy of these (complete) answers to the invitation's clinician, with what
    their dashboard lists taken from the summary now (the contract's keys), so the list
    never recomputes a summary. The readiness (SURE) answers and the person's leaning and
    questions go with it, as they are now."""
    answers = answer_set.answers
    summary = build_summary(answers)
    phq9, gad7 = summary["scores"]["phq9"], summary["scores"].get("gad7")
    leaning = Leaning.objects.filter(answer_set=answer_set).first()
    fields = {
        "clinician_id": invitation.clinician_id,
        "invitation": invitation,
        "answer_set": answer_set,
        "answers": answers,
        "content_version": summary["content_version"],
        "phq9_total": phq9["total"],
        "phq9_band": phq9["band"],
        "gad7_total": gad7["total"] if gad7 else None,
        "gad7_band": gad7["band"] if gad7 else "",
        "crisis": answer_set.crisis or summary["crisis"]["active"],
        "in_danger_now": answers.get("in_danger_now"),
        "item9": answers.get(RISK_ITEM),
        "answered_on": timezone.localdate(answer_set.updated_at) if answer_set.updated_at else None,
        "sure": {code: value for code, value in (sure or {}).items() if code in SURE_CODES and value in SURE_ANSWERS},
        "leaning": leaning.as_dict() if leaning else {},
        "score_history": [visit.entry() for visit in answer_set.visits.completed()],
    }
    # A new random code clashes with a stored one about once in 15,000 sends at 10,000 stored: try again.
    for attempt in range(REFERENCE_TRIES):
        try:
            with transaction.atomic():
                return SentSummary.objects.create(reference=new_reference(), **fields)
        except IntegrityError:
            if attempt == REFERENCE_TRIES - 1:
                raise
    raise AssertionError("unreachable")

"""What the results page needs to show the sharing choices (templates/sharing/results_actions.html).

The results view calls `results_actions_context(request, answer_set)` and merges the dict
into its context; the partial reads everything from the one `sharing` key."""

from django.http import HttpRequest

from decisionaid.questionnaire import session
from decisionaid.questionnaire.models import AnswerSet

from . import invitations, practice
from .forms import LEANING_KEY, LEANING_PREFIX, LeaningForm, SendForm, ShareLinkForm
from .models import Leaning


def shows_invitation(request: HttpRequest) -> bool:
    """Whether the sharing choices name the invitation these answers came from. They then
    change (sent, ended) while the answers stay the same."""
    return bool(request.session.get(invitations.INVITED_KEY))


def results_actions_context(
    request: HttpRequest, answer_set: AnswerSet | None = None, summary: dict | None = None, first_view: bool = False
) -> dict:
    """No query at all for a person who did not start from an invitation (the session says
    so), one for a person who did. `answer_set` may be given; only its public id is used.
    Given the page's `summary`, its options are marked with what the practice offers.
    `first_view`: the results page before a click, which shows the sharing choices only to a
    person a practice invited and the leaning form a click away: the forms it does not show
    are not built (`leaning_form` is None, `sharing` still says there are choices)."""
    answer_set_id = str(answer_set.public_id) if answer_set else request.session.get(session.ANSWERS_KEY)
    if not answer_set_id:
        return {"sharing": None, "leaning_form": None}
    invitation, last_sent_at, last_reference = None, None, ""
    if request.session.get(invitations.INVITED_KEY):
        invitation, last_sent_at, last_reference = invitations.invitation_and_last_sent(answer_set_id)
    live = invitation is not None and invitation.is_live()
    if summary is not None:
        practice.mark_options(summary, invitation)
    leaning_form = None
    if not first_view:
        # Like the invitation, the session says whether there is a leaning to read.
        leaning = (
            Leaning.objects.filter(answer_set__public_id=answer_set_id).first()
            if request.session.get(LEANING_KEY)
            else None
        )
        leaning_form = LeaningForm(instance=leaning, prefix=LEANING_PREFIX)
    return {
        "leaning_form": leaning_form,
        "sharing": {
            # The invitation these answers started from, while it still works.
            "invitation": invitation if live else None,
            # They started from an invitation that has since ended (so nothing can be sent).
            "invitation_ended": invitation is not None and not live,
            # When they last sent their summary to that invitation's clinician, if they did.
            "last_sent_at": last_sent_at if live else None,
            # Its reference code, for the person to quote to the practice.
            "last_reference": last_reference if live else "",
            "send_form": SendForm(practice_name=invitation.practice_name) if live else None,
            "link_form": ShareLinkForm() if not first_view or invitation is not None else None,
        },
    }

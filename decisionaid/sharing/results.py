"""What the results page needs to show the sharing choices (templates/sharing/results_actions.html).

The results view calls `results_actions_context(request, answer_set)` and merges the dict
into its context; the partial reads everything from the one `sharing` key."""

from django.http import HttpRequest

from decisionaid.questionnaire import session
from decisionaid.questionnaire.models import AnswerSet

from . import invitations
from .forms import SendForm, ShareLinkForm


def results_actions_context(request: HttpRequest, answer_set: AnswerSet | None = None) -> dict:
    answer_set = answer_set or session.current(request)
    if answer_set is None:
        return {"sharing": None}
    invitation = invitations.invitation_of(answer_set)
    live = invitation is not None and invitation.is_live()
    return {
        "sharing": {
            # The invitation these answers started from, while it still works.
            "invitation": invitation if live else None,
            # They started from an invitation that has since ended (so nothing can be sent).
            "invitation_ended": invitation is not None and not live,
            "last_sent": invitations.last_sent(answer_set, invitation) if live else None,
            "send_form": SendForm(practice_name=invitation.practice_name) if live else None,
            "link_form": ShareLinkForm(),
        }
    }

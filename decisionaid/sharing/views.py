"""The patient's side of sharing: opening a clinician's invitation, sending a summary to
that clinician, making and revoking share links, and the page a share link opens.

Every form posts and redirects (POST-redirect-GET), so all of it works without JavaScript.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from decisionaid import ratelimit
from decisionaid.paper.pdf import pdf_refused, pdf_response
from decisionaid.questionnaire import session, steps
from decisionaid.questionnaire.session import with_answers
from decisionaid.summary import build_summary

from . import audit, invitations, links
from .forms import LEANING_KEY, LEANING_PREFIX, LeaningForm, SendForm, ShareLinkForm
from .headers import private, token_form_page, token_page
from .models import Leaning, SentSummary, ShareLink, SummaryOpening
from .summaries import summary_context


def _message(request: HttpRequest, title: str, message: str, status: int) -> HttpResponse:
    context = {
        "title": title,
        "message": message,
        "back_url": reverse("results"),
        "back_label": _("Back to my results"),
        "no_crisis_link": True,
    }
    return private(render(request, "pages/message.html", context, status=status))


def _too_many(request: HttpRequest) -> HttpResponse:
    return private(
        ratelimit.too_many(
            request,
            _("You have done this many times in the last hour. Please try again later. Nothing new was made."),
            back_url=reverse("results"),
            back_label=_("Back to my results"),
        )
    )


# ---------------------------------------------------------------------------------------
# Invitations


@require_http_methods(["GET", "POST"])
@token_form_page
def invite(request: HttpRequest, token: str) -> HttpResponse:
    invitation = invitations.find_live(token)
    if invitation is None:
        return render(request, "sharing/invite_dead.html", status=404)
    if request.method == "POST":
        invitations.start(request, invitation)
        return redirect("step", slug=steps.FIRST.slug)
    return render(request, "sharing/invite.html", {"invitation": invitation})


@require_POST
@with_answers
def send(request: HttpRequest, answers: dict) -> HttpResponse:
    answer_set = request.answer_set
    invitation = invitations.invitation_of(answer_set)
    if invitation is None or not invitation.is_live():
        return _message(
            request,
            _("There is no one to send this to"),
            _("This only works if you started from a link your doctor or therapist gave you, and it still works."),
            status=409,
        )
    form = SendForm(request.POST, practice_name=invitation.practice_name)
    if not form.is_valid():
        context = {"form": form, "invitation": invitation}
        return private(render(request, "sharing/send.html", context, status=422))
    # Per person, and per invitation link: whoever holds the link, in however many sessions,
    # cannot flood its clinician.
    if not (
        ratelimit.allow("send", str(answer_set.public_id), settings.SEND_SUMMARY_LIMIT_PER_HOUR)
        and ratelimit.allow("send_invitation", str(invitation.pk), settings.INVITATION_SEND_LIMIT_PER_HOUR)
    ):
        return _too_many(request)
    # The SURE answers are kept in the session by the results page (results.views.SURE_KEY).
    invitations.send(answer_set, invitation, sure=request.session.get("sure"))
    return redirect(reverse("results") + "#share")


# ---------------------------------------------------------------------------------------
# What the person leans toward, and their questions (optional, kept with their answers)


@require_POST
@vary_on_headers("HX-Request")
@with_answers
def leaning(request: HttpRequest, answers: dict) -> HttpResponse:
    answer_set = request.answer_set
    current = Leaning.objects.filter(answer_set=answer_set).first()
    form = LeaningForm(request.POST, instance=current, prefix=LEANING_PREFIX)
    if not form.is_valid():
        # Nothing saved is lost: the stored leaning stays as it was, and what was typed stays in the boxes.
        template = "results/leaning.html" if request.htmx else "sharing/leaning.html"
        return private(render(request, template, {"leaning_form": form}, status=422))
    saved = form.save(commit=False)
    saved.answer_set = answer_set
    saved.save()
    request.session[LEANING_KEY] = True
    if request.htmx:
        context = {"leaning_form": LeaningForm(instance=saved, prefix=LEANING_PREFIX), "leaning_saved": True}
        return private(render(request, "results/leaning.html", context))
    # Without JavaScript the person lands back on their results, told it was saved.
    return redirect(reverse("results_leaning_form") + "?leaning=saved")


# ---------------------------------------------------------------------------------------
# Share links, and the person's private page of them


@require_POST
@with_answers
def link_new(request: HttpRequest, answers: dict) -> HttpResponse:
    answer_set = request.answer_set
    form = ShareLinkForm(request.POST)
    if not form.is_valid():
        return private(render(request, "sharing/link_new.html", {"form": form}, status=422))
    if not ratelimit.allow("share_link", str(answer_set.public_id), settings.SHARE_LINK_LIMIT_PER_HOUR):
        return _too_many(request)
    link, token = links.create(answer_set, form.cleaned_data["days"])
    # Shown in this response and nowhere else: the token is never stored, not even in the
    # session. Reloading asks to send the form again, and that makes another link.
    new_url = request.build_absolute_uri(reverse("shared", args=[token]))
    return private(_links_page(request, answer_set, new_url=new_url, new_id=str(link.public_id)))


@require_GET
@token_form_page
def my_links(request: HttpRequest) -> HttpResponse:
    # No id in the address: this page only ever shows the links of this browser's answers.
    return _links_page(request, session.current(request))


def _links_page(request: HttpRequest, answer_set, new_url: str | None = None, new_id: str | None = None):
    context = {
        "answer_set": answer_set,
        "links": list(links.links_of(answer_set)) if answer_set else [],
        "new_link_url": new_url,
        "new_link_id": new_id,
        "sent_count": SentSummary.objects.filter(answer_set=answer_set).count() if answer_set else 0,
    }
    return render(request, "sharing/my_links.html", context)


@require_POST
def link_revoke(request: HttpRequest, public_id) -> HttpResponse:
    answer_set = session.current(request)
    if answer_set is None:
        raise Http404("No answers in this session")
    link = get_object_or_404(ShareLink, public_id=public_id, answer_set=answer_set)
    link.revoke()
    return redirect("my_links")


@require_http_methods(["GET", "POST"])
def delete_everything(request: HttpRequest) -> HttpResponse:
    answer_set = session.current(request)
    if request.method == "POST":
        # Deleting the answers deletes their links (so every link stops at once) and the
        # invitation they came from; copies already sent stay with the clinician.
        crisis = session.delete(request)
        return session.keep_banner(redirect("deleted"), crisis)
    context = {
        "answer_set": answer_set,
        "link_count": answer_set.share_links.count() if answer_set else 0,
        "sent": list(
            SentSummary.objects.filter(answer_set=answer_set)
            .select_related("invitation")
            .only("sent_at", "invitation__practice_name")
        )
        if answer_set
        else [],
    }
    return private(render(request, "sharing/delete_everything.html", context))


# ---------------------------------------------------------------------------------------
# The page a share link opens


def _dead_link(request: HttpRequest) -> HttpResponse:
    # One page, one status, for unknown, tampered, expired and revoked links alike. A 410
    # for links we know are dead would tell anyone guessing that a link once existed, and the
    # issue asks us to reveal nothing of the kind; so every dead link is a plain 404.
    return render(request, "sharing/link_dead.html", status=404)


def with_link(view):
    """For the pages a share link opens: the view gets the live link, or the person gets the
    one dead-link page."""

    @wraps(view)
    def wrapper(request: HttpRequest, token: str) -> HttpResponse:
        link = links.open_link(token)
        if link is None:
            return _dead_link(request)
        return view(request, link, token)

    return wrapper


def _link_summary(link: ShareLink) -> dict:
    """A link's summary, with the day its risk answers were last saved beside them."""
    answer_set = link.answer_set
    answered_on = timezone.localdate(answer_set.updated_at)
    return summary_context(answer_set.answers, build_summary(answer_set.answers, answered_on=answered_on))


@require_GET
@token_page
@with_link
def shared(request: HttpRequest, link: ShareLink, token: str) -> HttpResponse:
    audit.opened_by_link(link, SummaryOpening.View.PAGE)
    context = {**_link_summary(link), "link": link, "token": token}
    return render(request, "sharing/shared.html", context)


@require_GET
@token_page
@with_link
def shared_print(request: HttpRequest, link: ShareLink, token: str) -> HttpResponse:
    audit.opened_by_link(link, SummaryOpening.View.PRINT)
    context = {**_link_summary(link), "back_url": reverse("shared", args=[token])}
    return render(request, "sharing/summary_print.html", context)


@require_GET
@token_page
@with_link
def shared_pdf(request: HttpRequest, link: ShareLink, token: str) -> HttpResponse:
    if refused := pdf_refused(request):
        return refused
    audit.opened_by_link(link, SummaryOpening.View.PDF)
    answer_set = link.answer_set
    return pdf_response(request, build_summary(answer_set.answers, answered_on=answer_set.updated_at.date()))

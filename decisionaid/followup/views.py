"""Coming back: making a return link and its calendar reminder, opening it on any device,
re-taking the PHQ-9 and GAD-7 with the questionnaire's own forms and crisis routing, and the
page of what changed.

Every form posts and redirects, or (the new link, shown once) answers the post itself, so
all of it works without JavaScript. A token reaches the server only in the address of the
link itself and in the reminder form's post; neither the database nor the session keeps it."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect

from decisionaid import qr, ratelimit
from decisionaid.content import snapshot
from decisionaid.instruments import ATTRIBUTION
from decisionaid.questionnaire import session, steps
from decisionaid.questionnaire.answers import merged
from decisionaid.questionnaire.session import with_answers
from decisionaid.questionnaire.views import ASK_AGAIN_KEY, NEXT_AFTER_CRISIS_KEY, SKIP
from decisionaid.sharing import invitations
from decisionaid.sharing.forms import SendForm
from decisionaid.sharing.headers import private, token_form_page
from decisionaid.summary.risk import signals_risk

from . import calendar, guidance, history, links
from .change import SOURCES as CHANGE_SOURCES
from .change import change, history_rows
from .chart import score_chart
from .forms import ReminderForm, StartedForm
from .models import ReturnLink, Visit

RETAKE_STEPS = [
    steps.BY_SLUG["mood"],
    steps.BY_SLUG["worry"],
    steps.Step("treatment", _("Since last time"), StartedForm),
]
RETAKE_BY_SLUG = {step.slug: step for step in RETAKE_STEPS}


def _go(request: HttpRequest, url: str, *, full_page: bool = False) -> HttpResponse:
    if full_page and request.htmx:
        return HttpResponseClientRedirect(url)
    return redirect(url)


# ---------------------------------------------------------------------------------------
# Making the link, on the results page


@require_POST
@with_answers
def link_new(request: HttpRequest, answers: dict) -> HttpResponse:
    """The new link, shown in the answer to the post itself: after a redirect it would have
    to wait somewhere, and the token is stored nowhere."""
    answer_set = request.answer_set
    if not ratelimit.allow("return_link", str(answer_set.public_id), settings.SHARE_LINK_LIMIT_PER_HOUR):
        return private(
            ratelimit.too_many(
                request,
                _("You have made many return links in the last hour. Please try again later. Nothing new was made."),
                back_url=reverse("results"),
                back_label=_("Back to my results"),
            )
        )
    _link, token = links.create(answer_set)
    request.session[history.FOLLOWUP_KEY] = True
    return private(render(request, "followup/link_new.html", _link_context(request, token, ReminderForm())))


def _link_context(request: HttpRequest, token: str, form: ReminderForm) -> dict:
    url = request.build_absolute_uri(reverse("followup_open", args=[token]))
    form.initial = {**form.initial, "token": token}
    return {
        "url": url,
        "qr_svg": qr.inline_svg(url, _("QR code for your return link")),
        "reminder_form": form,
    }


@require_POST
@with_answers
def reminder(request: HttpRequest, answers: dict) -> HttpResponse:
    answer_set = request.answer_set
    token = request.POST.get("token", "")
    if links.find_own(answer_set, token) is None:
        # Turned off since, or made again elsewhere: its reminder would lead nowhere.
        context = {
            "title": _("This return link does not work any more"),
            "message": _("Make a new return link from your results. Then you can get its reminder."),
            "back_url": reverse("results") + "#come-back",
            "back_label": _("Back to my results"),
        }
        return private(render(request, "pages/message.html", context, status=409))
    form = ReminderForm(request.POST)
    if not form.is_valid():
        return private(render(request, "followup/link_new.html", _link_context(request, token, form), status=422))
    url = request.build_absolute_uri(reverse("followup_open", args=[token]))
    body = calendar.reminder(url, form.cleaned_data["weeks"], timezone.localdate(), request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="come-back-reminder.ics"'
    return private(response)


@require_POST
def link_revoke(request: HttpRequest, public_id) -> HttpResponse:
    answer_set = session.current(request)
    if answer_set is None:
        raise Http404("No answers in this session")
    link = get_object_or_404(ReturnLink, public_id=public_id, answer_set=answer_set)
    if link.revoked_at is None:
        ReturnLink.objects.filter(pk=link.pk).update(revoked_at=timezone.now())
    return redirect(reverse("my_links") + "#return-links")


# ---------------------------------------------------------------------------------------
# Opening it later, on any device


def _dead_link(request: HttpRequest) -> HttpResponse:
    # The share links' page and status: a dead return link looks like any unknown link.
    return private(render(request, "sharing/link_dead.html", status=404))


@require_http_methods(["GET", "POST"])
@token_form_page
def open_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET: a short welcome. POST (its Start button): this browser holds the answers, and the
    re-take begins. Counted per address or session before anything is looked up, live link
    or not, so guessing costs the same and tells nothing."""
    if not ratelimit.allow("followup_open", ratelimit.client_key(request), settings.FOLLOWUP_OPEN_LIMIT_PER_HOUR):
        return ratelimit.too_many(
            request, _("This link was opened many times in the last hour. Please try again later.")
        )
    link = links.find(token)
    if link is None:
        return _dead_link(request)
    if request.method == "POST":
        links.used(link)
        history.start_retake(request, link.answer_set)
        if invitations.invitation_of(link.answer_set) is not None:
            request.session[invitations.INVITED_KEY] = True
        return redirect("followup_step", slug=RETAKE_STEPS[0].slug)
    return render(request, "followup/welcome.html", {"token": token})


# ---------------------------------------------------------------------------------------
# The re-take: the questionnaire's PHQ-9 and GAD-7 forms, then what was started


def _no_retake(request: HttpRequest) -> HttpResponse:
    context = {
        "title": _("Open your return link to start"),
        "message": _("These questions start from your private return link. Open it again to answer them."),
        "back_url": reverse("home"),
        "back_label": _("Go to the start page"),
    }
    return render(request, "pages/message.html", context, status=404)


def _retake_context(current: steps.Step, form) -> dict:
    index = RETAKE_STEPS.index(current)
    instrument = current.form_class.instrument
    return {
        "step": current,
        "form": form,
        "position": index + 1,
        "total": len(RETAKE_STEPS),
        "previous": RETAKE_STEPS[index - 1] if index else None,
        "is_last": index + 1 == len(RETAKE_STEPS),
        "instrument": instrument,
        "attribution": ATTRIBUTION if instrument else "",
    }


def _template(request: HttpRequest) -> str:
    template = "followup/step.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#step"
    return template


def _next_url(current: steps.Step) -> str:
    index = RETAKE_STEPS.index(current)
    if index + 1 < len(RETAKE_STEPS):
        return reverse("followup_step", args=[RETAKE_STEPS[index + 1].slug])
    return reverse("followup_change")


@vary_on_headers("HX-Request")
@require_http_methods(["GET", "POST"])
def retake_step(request: HttpRequest, slug: str) -> HttpResponse:
    current = RETAKE_BY_SLUG.get(slug)
    if current is None:
        raise Http404("No such step")
    visit = history.retake_of(request)
    if visit is None:
        return _no_retake(request)
    answers = {**visit.answers, "started": visit.started, "started_since": visit.started_since}
    if request.method == "GET":
        form = current.form_class(initial=current.form_class.initial_from(answers))
        return render(request, _template(request), _retake_context(current, form))

    form = current.form_class(request.POST)
    valid = form.is_valid()
    if steps.posts_risk(request.POST):
        # As on the first visit: what was valid is kept, and crisis help comes first, at once.
        new, cleared = form.to_answers()
        Visit.objects.filter(pk=visit.pk).update(answers=merged(visit.answers, new, cleared))
        session.mark_crisis(request)
        request.session[NEXT_AFTER_CRISIS_KEY] = (
            _next_url(current) if valid else reverse("followup_step", args=[current.slug])
        )
        request.session[ASK_AGAIN_KEY] = not valid
        return _go(request, reverse("crisis"), full_page=True)
    if current.form_class.skippable and SKIP in request.POST:
        Visit.objects.filter(pk=visit.pk).update(
            answers=merged(visit.answers, {}, list(current.form_class.base_fields))
        )
        return _go(request, _next_url(current))
    if not valid:
        return render(request, _template(request), _retake_context(current, form), status=422)
    new, cleared = form.to_answers()
    if current.slug == "treatment":
        visit.started, visit.started_since = new.get("started", ""), new.get("started_since", "")
        visit.save(update_fields=["started", "started_since"])
        history.finish_retake(request, visit)
        return _go(request, reverse("followup_change"), full_page=True)
    Visit.objects.filter(pk=visit.pk).update(answers=merged(visit.answers, new, cleared))
    return _go(request, _next_url(current))


# ---------------------------------------------------------------------------------------
# What changed


def change_page(request: HttpRequest) -> HttpResponse:
    answer_set_id = request.session.get(session.ANSWERS_KEY)
    entries = history.entries(answer_set_id) if answer_set_id else []
    if len(entries) < 2:
        return _no_retake(request)
    answers = session.current_answers(request) or {}
    rows = history_rows(entries)
    first, latest = rows[0], rows[-1]
    difference = change(first, latest)
    sources = snapshot.current().sources
    said = [
        {"text": advice.text, "sources": [sources[key] for key in advice.sources if key in sources]}
        for advice in guidance.advice(latest["started"], latest["started_since"], difference)
    ]
    invitation, last_sent_at = (None, None)
    if request.session.get(invitations.INVITED_KEY):
        invitation, last_sent_at, _reference = invitations.invitation_and_last_sent(answer_set_id)
    can_send = invitation is not None and invitation.is_live() and last_sent_at is not None
    context = {
        "rows": rows,
        "first": first,
        "latest": latest,
        "change": difference,
        "advice": said,
        "definition_sources": [sources[key] for key in CHANGE_SOURCES if key in sources],
        "chart": score_chart(rows) if len(rows) >= 3 else None,
        "risk_now": signals_risk(answers),
        "region": snapshot.region(answers.get("region")),
        "invitation": invitation if can_send else None,
        "send_form": SendForm(practice_name=invitation.practice_name) if can_send else None,
        "last_sent_at": last_sent_at,
        "started_label": dict(StartedForm.base_fields["started"].choices).get(latest["started"], ""),
    }
    return render(request, "followup/change.html", context)

"""The clinician's pages: the dashboard of summaries sent to them, their invitation links
(with copy, QR code and revoke), one summary with its print view and FHIR export, and the
history of what they opened. Every lookup goes through request.user, so a clinician can
only ever reach their own rows; anything else is a 404."""

import json
from datetime import timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import BooleanField, Count, ExpressionWrapper, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from decisionaid import qr, ratelimit
from decisionaid.followup.change import history_rows, summary_history
from decisionaid.paper.pdf import pdf_refused, pdf_response
from decisionaid.sharing import audit, fhir
from decisionaid.sharing.models import Invitation, SentSummary, SummaryOpening
from decisionaid.sharing.summaries import summary_context

from .access import clinician_required, over_limit
from .brief import summary_for
from .forms import DashboardFilterForm, InvitationForm

PAGE_SIZE = 25
DEFAULT_INVITATION_DAYS = 90


def _page_of(request: HttpRequest, rows, template: str) -> HttpResponse:
    """The page of `rows` that ?page= asks for (PAGE_SIZE a page)."""
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"page": page})


@require_GET
@clinician_required
def dashboard(request: HttpRequest) -> HttpResponse:
    # Every column comes from the row itself (stored at send time): a few queries a page,
    # however many rows. Summaries with a risk answer not yet reviewed come first.
    mine = SentSummary.objects.filter(clinician=request.user)
    invitations = Invitation.objects.filter(clinician=request.user).only("public_id", "label")
    form = DashboardFilterForm(request.GET, invitations=invitations)
    sent = (
        form.filter(mine)
        .select_related("invitation", "reviewed_by")
        .only(
            "public_id",
            "reference",
            "sent_at",
            "phq9_total",
            "phq9_band",
            "gad7_total",
            "gad7_band",
            "crisis",
            "in_danger_now",
            "item9",
            "reviewed_at",
            "invitation__label",
            "reviewed_by__username",
        )
        .annotate(unreviewed_risk=ExpressionWrapper(Q(crisis=True, reviewed_at__isnull=True), BooleanField()))
        .order_by("-unreviewed_risk", "-sent_at", "-id")
    )
    counts = mine.aggregate(
        flagged=Count("id", filter=Q(crisis=True)),
        unreviewed=Count("id", filter=Q(crisis=True, reviewed_at__isnull=True)),
    )
    page = Paginator(sent, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"page": page, "form": form, "counts": counts, "query": query.urlencode(), "filtered": bool(query)}
    return render(request, "clinicians/dashboard.html", context)


@require_http_methods(["GET", "POST"])
@clinician_required
def invitations(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = InvitationForm(request.POST)
        if form.is_valid():
            if refused := over_limit(
                request,
                "invitation",
                settings.INVITATION_LIMIT_PER_HOUR,
                _("You have made many links in the last hour. Please try again later."),
                "clinician_invitations",
                _("Back to your invitation links"),
            ):
                return refused
            invitation = form.save(commit=False)
            invitation.clinician = request.user
            invitation.save()
            return redirect("clinician_invitation", public_id=invitation.public_id)
    else:
        profile = request.clinician
        form = InvitationForm(
            initial={
                "practice_name": profile.practice_name,
                "contact": profile.contact,
                "expires_on": timezone.localdate() + timedelta(days=DEFAULT_INVITATION_DAYS),
            }
        )
    mine = Invitation.objects.filter(clinician=request.user).order_by("-created_at", "-id")
    context = {"form": form, "invitations": mine, "today": timezone.localdate()}
    return render(request, "clinicians/invitations.html", context, status=422 if form.errors else 200)


def _invitation_url(request: HttpRequest, invitation: Invitation) -> str:
    return request.build_absolute_uri(reverse("invite", args=[invitation.token]))


@require_GET
@clinician_required
def invitation(request: HttpRequest, public_id) -> HttpResponse:
    invitation = get_object_or_404(Invitation, public_id=public_id, clinician=request.user)
    url = _invitation_url(request, invitation)
    label = _("QR code for the invitation link “%(label)s”") % {"label": invitation.label}
    context = {
        "invitation": invitation,
        "url": url,
        "qr_svg": qr.inline_svg(url, label) if invitation.is_live() else None,
        "count": invitation.sent_summaries.count(),
    }
    return render(request, "clinicians/invitation.html", context)


@require_GET
@clinician_required
def invitation_qr(request: HttpRequest, public_id) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.live(), public_id=public_id, clinician=request.user)
    svg = qr.svg_file(_invitation_url(request, invitation), invitation.practice_name)
    response = HttpResponse(svg, content_type="image/svg+xml")
    response["Content-Disposition"] = 'attachment; filename="invitation-qr.svg"'
    return response


@require_POST
@clinician_required
def invitation_revoke(request: HttpRequest, public_id) -> HttpResponse:
    invitation = get_object_or_404(Invitation, public_id=public_id, clinician=request.user)
    invitation.revoke()
    return redirect("clinician_invitation", public_id=invitation.public_id)


def _sent(request: HttpRequest, public_id) -> SentSummary:
    return get_object_or_404(
        SentSummary.objects.select_related("invitation"), public_id=public_id, clinician=request.user
    )


@require_GET
@clinician_required
def summary(request: HttpRequest, public_id) -> HttpResponse:
    sent = _sent(request, public_id)
    audit.opened_by_clinician(sent, request.user, SummaryOpening.View.PAGE)
    context = {
        **summary_context(sent.answers, summary_for(sent)),
        "sent": sent,
        "score_rows": history_rows(sent.score_history),
    }
    return render(request, "clinicians/summary.html", context)


@require_POST
@clinician_required
def summary_reviewed(request: HttpRequest, public_id) -> HttpResponse:
    """Mark a summary as reviewed: by whom and when, on the row and in the audit."""
    sent = _sent(request, public_id)
    if sent.reviewed_at is None:
        sent.reviewed_at, sent.reviewed_by = timezone.now(), request.user
        sent.save(update_fields=["reviewed_at", "reviewed_by"])
        audit.opened_by_clinician(sent, request.user, SummaryOpening.View.REVIEWED)
    return redirect("clinician_summary", public_id=sent.public_id)


@require_GET
@clinician_required
def summary_print(request: HttpRequest, public_id) -> HttpResponse:
    sent = _sent(request, public_id)
    audit.opened_by_clinician(sent, request.user, SummaryOpening.View.PRINT)
    context = {
        **summary_context(sent.answers, summary_for(sent)),
        "sent": sent,
        "back_url": reverse("clinician_summary", args=[sent.public_id]),
    }
    return render(request, "sharing/summary_print.html", context)


@require_GET
@clinician_required
def summary_pdf(request: HttpRequest, public_id) -> HttpResponse:
    sent = _sent(request, public_id)
    if refused := pdf_refused(request):
        return refused
    audit.opened_by_clinician(sent, request.user, SummaryOpening.View.PDF)
    return pdf_response(request, {**summary_for(sent), "history": summary_history(sent.score_history)})


@require_GET
@clinician_required
def summary_fhir(request: HttpRequest, public_id) -> HttpResponse:
    sent = _sent(request, public_id)
    audit.opened_by_clinician(sent, request.user, SummaryOpening.View.FHIR)
    resource = fhir.questionnaire_response(
        sent.answers, authored=sent.sent_at, identifier=str(sent.public_id), summary=summary_for(sent)
    )
    if len(sent.score_history) > 1:
        # The person came back: the sent summary first, then each PHQ-9 and GAD-7 as its own dated entry.
        resource = fhir.dated_scores_bundle(sent.score_history, identifier=str(sent.public_id), latest=resource)
    response = HttpResponse(json.dumps(resource, indent=2, ensure_ascii=False), content_type=fhir.MEDIA_TYPE)
    response["Content-Disposition"] = f'attachment; filename="questionnaire-response-{sent.public_id}.json"'
    return response


@require_GET
@clinician_required
def opened(request: HttpRequest) -> HttpResponse:
    openings = (
        SummaryOpening.objects.filter(clinician=request.user)
        .select_related("sent_summary")
        .only("opened_at", "view", "sent_summary__public_id", "sent_summary__reference", "sent_summary__sent_at")
        .order_by("-opened_at", "-id")
    )
    return _page_of(request, openings, "clinicians/opened.html")


def locked_out(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """django-axes calls this after too many failed sign-ins (AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    wait = ngettext("Please try again in %(minutes)d minute.", "Please try again in %(minutes)d minutes.", minutes) % {
        "minutes": minutes
    }
    message = _(
        "There were too many wrong tries to sign in to this account from here. To keep it safe, we have "
        "paused sign-in. %(wait)s If you have forgotten your password, ask an admin to set a new one."
    ) % {"wait": wait}
    return ratelimit.too_many(request, message, title=_("Sign-in is paused for a while"))

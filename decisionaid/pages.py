"""Pages that are not part of the questionnaire: home, about, help now, and error pages."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from decisionaid import disclosures
from decisionaid.content import snapshot
from decisionaid.questionnaire import session


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "pages/home.html")


def about(request: HttpRequest) -> HttpResponse:
    levels = disclosures.reading_levels()
    context = {
        "version": snapshot.current().version,
        "reading_levels": levels,
        "highest_grade": max(level["grade"] for level in levels),
        "measured_on": disclosures.MEASURED_ON,
    }
    return render(request, "pages/about.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    context = {
        "retention_days": settings.ANSWER_RETENTION_DAYS,
        "sent_retention_days": settings.SENT_SUMMARY_RETENTION_DAYS,
        "followup_retention_days": settings.FOLLOWUP_RETENTION_DAYS,
        "sign_in_record_days": settings.SIGN_IN_RECORD_DAYS,
    }
    return render(request, "pages/privacy.html", context)


def help_now(request: HttpRequest) -> HttpResponse:
    """Every region's emergency number and crisis lines, the person's own region first."""
    answers = session.current_answers(request) or {}
    own = answers.get("region")
    regions = list(snapshot.current().regions.values())
    regions.sort(key=lambda region: region.code != own)
    return render(request, "pages/help_now.html", {"regions": regions, "own_region": own, "answers": answers})


def _error(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    return render(request, "pages/message.html", {"title": title, "message": message}, status=status)


def bad_request(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(
        request,
        400,
        _("Something in that request was not right"),
        _("We could not use what was sent. Nothing you saved before was lost."),
    )


def forbidden(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(
        request,
        403,
        _("This page could not be sent"),
        _(
            "The form may have been open for a long time. Please go back, reload the page "
            "and try again. Nothing you saved before was lost."
        ),
    )


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return forbidden(request)


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return _error(
        request,
        404,
        _("We could not find that page"),
        _("The link may be old or mistyped. Your saved answers are safe."),
    )


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors here: the database may be what failed.
    from django.template import loader

    html = loader.get_template("pages/500.html").render()
    return HttpResponse(html, status=500)


def healthz(request: HttpRequest) -> HttpResponse:
    """For load balancers: 200 when the database answers (one small query), 503 when it does not."""
    from django.db import DatabaseError

    from decisionaid.content.models import ContentVersion

    try:
        ContentVersion.objects.exists()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")

"""The record of every opening of a shared summary: when, what view, and by which clinician
or through which link. People see their links' counts; clinicians see their own history."""

from django.contrib.auth.models import AbstractBaseUser

from .models import SentSummary, ShareLink, SummaryOpening


def opened_by_link(link: ShareLink, view: str = SummaryOpening.View.PAGE) -> SummaryOpening:
    return SummaryOpening.objects.create(share_link=link, view=view)


def opened_by_clinician(
    sent: SentSummary, clinician: AbstractBaseUser, view: str = SummaryOpening.View.PAGE
) -> SummaryOpening:
    return SummaryOpening.objects.create(sent_summary=sent, clinician=clinician, view=view)

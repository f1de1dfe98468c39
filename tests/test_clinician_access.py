"""Every clinician page is for its own clinician only: anonymous people are sent to sign in,
other users are turned away, and clinician A never reaches anything of clinician B's."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from decisionaid.sharing.models import SummaryOpening
from tests.sharing_people import make_clinician, make_invitation, sent_summary

pytestmark = pytest.mark.django_db

PAGES = ["/clinic/", "/clinic/opened/", "/clinic/invitations/"]


@pytest.fixture
def a_and_b():
    dr_a, dr_b = make_clinician("dr_a", "Riverside Practice"), make_clinician("dr_b", "Hilltop Clinic")
    return dr_a, dr_b


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def b_urls(dr_b) -> dict[str, str]:
    invitation = make_invitation(dr_b)
    sent = sent_summary(invitation)
    return {
        "summary": f"/clinic/summaries/{sent.public_id}/",
        "print": f"/clinic/summaries/{sent.public_id}/print/",
        "fhir": f"/clinic/summaries/{sent.public_id}/fhir.json",
        "invitation": f"/clinic/invitations/{invitation.public_id}/",
        "qr": f"/clinic/invitations/{invitation.public_id}/qr.svg",
    }


@pytest.mark.parametrize("path", [*PAGES, "/accounts/password/"])
def test_anonymous_people_are_sent_to_sign_in(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_anonymous_people_cannot_reach_a_summary(client, a_and_b):
    for path in b_urls(a_and_b[1]).values():
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
    assert not SummaryOpening.objects.exists()


@pytest.mark.parametrize("path", PAGES)
def test_a_user_who_is_not_a_clinician_is_turned_away_kindly(path):
    user = get_user_model().objects.create(username="editor")
    response = client_for(user).get(path)
    assert response.status_code == 403
    assert "For clinicians only" in response.content.decode()


def test_clinician_a_cannot_open_clinician_bs_summaries_invitations_or_qr(a_and_b):
    dr_a, dr_b = a_and_b
    as_a = client_for(dr_a)
    for name, path in b_urls(dr_b).items():
        assert as_a.get(path).status_code == 404, name
    assert not SummaryOpening.objects.exists()


def test_clinician_a_cannot_revoke_clinician_bs_invitation(a_and_b):
    dr_a, dr_b = a_and_b
    invitation = make_invitation(dr_b)
    assert client_for(dr_a).post(f"/clinic/invitations/{invitation.public_id}/revoke/").status_code == 404
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_the_dashboard_lists_only_the_clinicians_own_summaries(a_and_b):
    dr_a, dr_b = a_and_b
    mine = sent_summary(make_invitation(dr_a, label="Mine"))
    theirs = sent_summary(make_invitation(dr_b, label="Theirs"))
    html = client_for(dr_a).get("/clinic/").content.decode()
    assert str(mine.public_id) in html
    assert str(theirs.public_id) not in html


def test_invitation_lists_and_histories_are_the_clinicians_own(a_and_b):
    dr_a, dr_b = a_and_b
    make_invitation(dr_b, label="Hilltop waiting room")
    sent = sent_summary(make_invitation(dr_b))
    client_for(dr_b).get(f"/clinic/summaries/{sent.public_id}/")
    as_a = client_for(dr_a)
    assert "Hilltop waiting room" not in as_a.get("/clinic/invitations/").content.decode()
    assert str(sent.public_id) not in as_a.get("/clinic/opened/").content.decode()

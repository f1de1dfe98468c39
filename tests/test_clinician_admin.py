"""Admins make clinicians in the Django admin: a user with a clinician profile inline, and
they can see and revoke invitation links. Answers and sent summaries stay out of the admin."""

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model

from decisionaid.clinicians.models import ClinicianProfile
from decisionaid.sharing.models import SentSummary, ShareLink
from tests.sharing_people import make_clinician, make_invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_admin(client):
    user = get_user_model().objects.create(username="admin", is_staff=True, is_superuser=True)
    client.force_login(user)
    return client


def test_an_admin_makes_a_clinician_with_a_practice(production_hashers, as_admin):
    response = as_admin.post(
        "/admin/auth/user/add/",
        {
            "username": "dr_new",
            "usable_password": "true",
            "password1": "a long new pass phrase 91",
            "password2": "a long new pass phrase 91",
            "clinician-TOTAL_FORMS": "1",
            "clinician-INITIAL_FORMS": "0",
            "clinician-MIN_NUM_FORMS": "0",
            "clinician-MAX_NUM_FORMS": "1",
            "clinician-0-practice_name": "Hilltop Clinic",
            "clinician-0-contact": "hello@hilltop.example",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = get_user_model().objects.get(username="dr_new")
    assert user.clinician.practice_name == "Hilltop Clinic"
    assert user.password.startswith("argon2$")


def test_the_user_list_shows_each_clinicians_practice(as_admin):
    make_clinician("dr_a", "Riverside Practice")
    assert "Riverside Practice" in as_admin.get("/admin/auth/user/").content.decode()


def test_an_admin_can_revoke_invitation_links(as_admin):
    invitation = make_invitation(make_clinician())
    response = as_admin.post("/admin/sharing/invitation/", {"action": "revoke", "_selected_action": [invitation.pk]})
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    assert invitation.token not in as_admin.get(f"/admin/sharing/invitation/{invitation.pk}/change/").content.decode()


def test_answers_and_links_are_not_in_the_admin():
    assert not admin.site.is_registered(SentSummary)
    assert not admin.site.is_registered(ShareLink)
    assert ClinicianProfile.objects.count() == 0

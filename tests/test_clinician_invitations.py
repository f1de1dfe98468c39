"""A clinician's invitation links: made with a form that refuses bad input kindly, copied
from a read-only box, shown as a QR code rendered on the server, and revoked."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from decisionaid.sharing.models import Invitation
from tests.sharing_people import make_clinician, make_invitation

pytestmark = pytest.mark.django_db


@pytest.fixture
def dr_a():
    return make_clinician("dr_a", "Riverside Practice")


@pytest.fixture
def as_a(dr_a) -> Client:
    client = Client()
    client.force_login(dr_a)
    return client


def valid(**changes) -> dict:
    data = {
        "label": "Spring clinic",
        "practice_name": "Riverside Practice",
        "contact": "020 7946 0000",
        "region": "UK",
        "not_offered": ["psychodynamic", "combined"],
        "session_fee": "80",
        "wait_weeks": "3",
        "expires_on": (timezone.localdate() + timedelta(days=60)).isoformat(),
    }
    data.update(changes)
    return data


def test_the_form_starts_from_the_practice_details(as_a):
    html = as_a.get("/clinic/invitations/").content.decode()
    assert 'value="Riverside Practice"' in html
    in_90_days = (timezone.localdate() + timedelta(days=90)).isoformat()
    expires_on = re.search(r'<input [^>]*name="expires_on"[^>]*>', html).group(0)
    assert 'type="date"' in expires_on and f'value="{in_90_days}"' in expires_on
    assert "<legend>Options you do not offer here" in html


def test_a_clinician_makes_an_invitation_link(dr_a, as_a):
    response = as_a.post("/clinic/invitations/", valid())
    invitation = Invitation.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/clinic/invitations/{invitation.public_id}/"
    assert invitation.clinician == dr_a
    assert invitation.not_offered == ["psychodynamic", "combined"]
    assert invitation.region == "UK" and invitation.wait_weeks == 3
    assert len(invitation.token) >= 32


@pytest.mark.parametrize(
    "changes",
    [
        {"label": ""},
        {"label": "x" * 5000},
        {"not_offered": ["hypnosis"]},
        {"region": "MARS"},
        {"session_fee": "-5"},
        {"session_fee": "1e400"},
        {"session_fee": "9" * 50},
        {"wait_weeks": "100000000000000000000"},
        {"expires_on": "2001-01-01"},
        {"expires_on": (timezone.localdate() + timedelta(days=5000)).isoformat()},
        {"expires_on": "not a date"},
        {"contact": "\x00"},
    ],
)
def test_bad_input_is_a_kind_error_and_saves_nothing(as_a, changes):
    response = as_a.post("/clinic/invitations/", valid(**changes))
    assert response.status_code == 422
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert 'aria-invalid="true"' in html
    assert not Invitation.objects.exists()


def test_the_link_page_offers_a_readonly_box_a_copy_button_and_a_qr_code(dr_a, as_a):
    invitation = make_invitation(dr_a)
    html = as_a.get(f"/clinic/invitations/{invitation.public_id}/").content.decode()
    url = f"http://testserver/invite/{invitation.token}/"
    assert re.search(rf'<input type="text" id="invitation-url" value="{re.escape(url)}" readonly', html)
    assert 'data-copy-label="Copy link"' in html  # sharing.js adds the button; without it, copy by hand
    assert '<script src="/static/js/sharing.js" defer></script>' in html
    svg = re.search(r"<svg.*?</svg>", html, re.S).group(0)
    assert 'role="img"' in svg and 'aria-label="QR code for the invitation link' in svg
    assert "style=" not in svg and "<?xml" not in svg and 'class="qr"' in svg


def test_the_qr_code_can_be_downloaded_to_print(dr_a, as_a):
    invitation = make_invitation(dr_a)
    response = as_a.get(f"/clinic/invitations/{invitation.public_id}/qr.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert response.content.startswith(b"<?xml")


def test_a_revoked_link_stops_working_for_patients(dr_a, as_a):
    invitation = make_invitation(dr_a)
    assert Client().get(f"/invite/{invitation.token}/").status_code == 200
    response = as_a.post(f"/clinic/invitations/{invitation.public_id}/revoke/")
    assert response.status_code == 302
    assert Client().get(f"/invite/{invitation.token}/").status_code == 404
    html = as_a.get(f"/clinic/invitations/{invitation.public_id}/").content.decode()
    assert "It no longer works" in html and "<svg" not in html
    assert as_a.get(f"/clinic/invitations/{invitation.public_id}/qr.svg").status_code == 404


def test_revoking_needs_a_post(dr_a, as_a):
    invitation = make_invitation(dr_a)
    assert as_a.get(f"/clinic/invitations/{invitation.public_id}/revoke/").status_code == 405


def test_making_invitations_is_rate_limited(as_a, settings):
    settings.INVITATION_LIMIT_PER_HOUR = 2
    assert as_a.post("/clinic/invitations/", valid()).status_code == 302
    assert as_a.post("/clinic/invitations/", valid()).status_code == 302
    response = as_a.post("/clinic/invitations/", valid())
    assert response.status_code == 429
    assert "Please wait a while" in response.content.decode()
    assert Invitation.objects.count() == 2


def test_the_clinicians_fee_box_reads_amounts_as_the_patients_does(as_a):
    response = as_a.post("/clinic/invitations/", valid(session_fee="£60"))
    assert response.status_code == 302
    assert Invitation.objects.get().session_fee == Decimal("60")


def test_text_over_a_limit_is_refused_with_the_limit_and_kept(as_a):
    long_label = "Spring clinic for new patients " * 3 + "and their families"
    html = as_a.get("/clinic/invitations/").content.decode()
    assert 'maxlength="80"' not in html and "Up to 80 characters." in html
    response = as_a.post("/clinic/invitations/", valid(label=long_label))
    assert response.status_code == 422
    html = response.content.decode()
    assert f"Please use 80 characters or fewer. This has {len(long_label)}." in html
    assert f'value="{long_label}"' in html
    assert not Invitation.objects.exists()


def test_each_offered_option_gets_its_own_fee_and_wait(as_a):
    post = valid(
        not_offered=["psychodynamic"],
        session_fee="80",
        wait_weeks="6",
        fee_cbt="0",
        wait_cbt="2",
        fee_psychodynamic="90",
        urgent_contact="Same-day line 020 7946 0001",
    )
    assert as_a.post("/clinic/invitations/", post).status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.option_terms == {"cbt": {"fee": "0", "wait_weeks": 2}}
    offers = {offer["slug"]: offer for offer in invitation.offers()}
    assert offers["psychodynamic"]["offered"] is False
    assert (offers["cbt"]["fee"], offers["cbt"]["wait_weeks"]) == (Decimal("0"), 2)
    assert (offers["medication"]["fee"], offers["medication"]["wait_weeks"]) == (Decimal("80"), 6)
    assert invitation.urgent_contact == "Same-day line 020 7946 0001"

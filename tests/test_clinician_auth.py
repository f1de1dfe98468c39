"""Clinician accounts: sign in and out, change password, Argon2 hashes, and a pause after
repeated failed sign-ins (django-axes, counted in the database)."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher

from tests.sharing_people import make_clinician

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery 42"


@pytest.fixture
def dr_a():
    return make_clinician("dr_a", password=PASSWORD)


def sign_in(client, password=PASSWORD, username="dr_a", **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def test_passwords_are_hashed_with_argon2(dr_a):
    assert identify_hasher(dr_a.password).algorithm == "argon2"
    assert dr_a.password.startswith("argon2$")


def test_the_sign_in_page_is_plain_and_labelled(client):
    html = client.get("/accounts/login/").content.decode()
    assert '<label for="id_username"' in html and '<label for="id_password"' in html
    assert 'autocomplete="current-password"' in html
    assert 'value="' not in html.split('id="id_password"')[1].split(">")[0]


def test_a_clinician_signs_in_to_their_dashboard(client, dr_a):
    response = sign_in(client)
    assert response.status_code == 302 and response["Location"] == "/clinic/"
    assert client.get("/clinic/").status_code == 200


def test_a_wrong_password_is_a_kind_error(client, dr_a):
    response = sign_in(client, password="wrong")
    assert response.status_code == 200
    assert "You are not signed in" in response.content.decode()


def test_repeated_failed_sign_ins_pause_sign_in_with_a_kind_page(client, dr_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, password="wrong").status_code == 200
    response = sign_in(client, password="wrong")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Sign-in is paused for a while" in html
    assert "15 minutes" in html
    # Even the right password is refused during the pause.
    assert sign_in(client).status_code == 429
    assert client.get("/clinic/").status_code == 302
    # The count is in the database, shared by every app server.
    assert AccessAttempt.objects.get(username="dr_a").failures_since_start >= settings.AXES_FAILURE_LIMIT


def test_a_lockout_from_one_address_does_not_lock_the_clinician_out_elsewhere(client, dr_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, password="wrong", REMOTE_ADDR="203.0.113.9")
    assert sign_in(client, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_signing_out_needs_a_post(client, dr_a):
    client.force_login(dr_a)
    assert client.get("/accounts/logout/").status_code == 405
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert client.get("/clinic/").status_code == 302


def test_a_clinician_can_change_their_password(client, dr_a):
    client.force_login(dr_a)
    html = client.get("/accounts/password/").content.decode()
    assert "Change your password" in html
    response = client.post(
        "/accounts/password/",
        {
            "old_password": PASSWORD,
            "new_password1": "a new long pass 77 phrase",
            "new_password2": "a new long pass 77 phrase",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/password/done/"
    user = get_user_model().objects.get(pk=dr_a.pk)
    assert user.check_password("a new long pass 77 phrase")
    assert user.password.startswith("argon2$")


def test_a_weak_new_password_is_refused_with_errors_by_the_field(client, dr_a):
    client.force_login(dr_a)
    response = client.post(
        "/accounts/password/", {"old_password": PASSWORD, "new_password1": "123", "new_password2": "123"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Your password was not changed" in html
    assert 'aria-invalid="true"' in html

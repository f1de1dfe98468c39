"""Clinician accounts: sign in and out, change password, Argon2 hashes, and a pause after
repeated failed sign-ins (django-axes, counted in the database)."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import identify_hasher
from django.test import Client

from decisionaid.middleware import SEEN_KEY
from tests.sharing_people import make_clinician

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery 42"


@pytest.fixture
def dr_a():
    return make_clinician("dr_a", password=PASSWORD)


def sign_in(client, password=PASSWORD, username="dr_a", **extra):
    return client.post("/accounts/login/", {"username": username, "password": password}, **extra)


def test_passwords_are_hashed_with_argon2(production_hashers, dr_a):
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


def test_a_clinician_can_change_their_password(production_hashers, client, dr_a):
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


# Issue 15: hardening found by an outside review.


def test_a_signed_in_clinician_sent_back_to_the_sign_in_page_lands_on_the_dashboard(client, dr_a):
    client.force_login(dr_a)
    for next_url in ("/accounts/login/", "/accounts/login/?next=/accounts/login/", "https://evil.example/"):
        response = client.get("/accounts/login/", {"next": next_url})
        assert response.status_code == 302, next_url
        assert response["Location"] == "/clinic/"


def test_a_huge_user_name_is_a_kind_error_and_never_reaches_the_lockout_table(client, dr_a):
    for length in (151, 256, 5000):
        response = sign_in(client, username="x" * length, password="wrong")
        assert response.status_code == 200
        assert "You are not signed in" in response.content.decode()
    assert not AccessAttempt.objects.filter(username__startswith="xxx").exists()


def test_guessing_the_old_password_on_the_change_form_is_paused(client, dr_a, settings):
    settings.PASSWORD_CHANGE_LIMIT_PER_HOUR = 3
    client.force_login(dr_a)
    form = {
        "old_password": "guess",
        "new_password1": "a new long pass 77 phrase",
        "new_password2": "a new long pass 77 phrase",
    }
    for _ in range(3):
        assert client.post("/accounts/password/", form).status_code == 200
    response = client.post("/accounts/password/", {**form, "old_password": PASSWORD})
    assert response.status_code == 429
    assert "Please wait a while" in response.content.decode()
    assert get_user_model().objects.get(pk=dr_a.pk).check_password(PASSWORD)


def test_the_password_pages_are_never_cached(client, dr_a):
    client.force_login(dr_a)
    for path in ("/accounts/password/", "/accounts/password/done/", "/accounts/login/"):
        response = client.get(path, follow=True)
        assert "no-store" in response["Cache-Control"], path


def test_a_clinician_is_signed_out_after_half_an_hour_without_a_request(client, dr_a, settings):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    sign_in(client)
    assert client.get("/clinic/").status_code == 200
    session = Session.objects.get(session_key=client.session.session_key)
    left = session.expire_date - timezone.now()
    assert 29 * 60 < left.total_seconds() <= settings.SIGNED_IN_IDLE_MINUTES * 60
    # 25 minutes on, a request moves the end on by another half hour.
    store = client.session
    store[SEEN_KEY] -= 25 * 60
    store.save()
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(minutes=5))
    assert client.get("/clinic/").status_code == 200
    session.refresh_from_db()
    assert (session.expire_date - timezone.now()).total_seconds() > 29 * 60
    # Half an hour on, with no request in between, the session is gone.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now())
    response = client.get("/clinic/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_a_patients_session_keeps_its_long_life(client, settings):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client.get("/questions/safety/")
    client.post("/questions/safety/", {"in_danger_now": "no"})
    session = Session.objects.get(session_key=client.session.session_key)
    assert (session.expire_date - timezone.now()).total_seconds() > settings.SESSION_COOKIE_AGE - 60


BEHIND_ONE_PROXY = {"AXES_IPWARE_PROXY_COUNT": 0, "AXES_IPWARE_META_PRECEDENCE_ORDER": ["HTTP_X_FORWARDED_FOR"]}


def test_behind_a_trusted_load_balancer_one_persons_wrong_passwords_lock_out_only_them(client, dr_a, settings):
    # What settings.py sets for TRUSTED_PROXY_COUNT=1 (tests/test_settings.py checks that).
    for name, value in BEHIND_ONE_PROXY.items():
        setattr(settings, name, value)
    balancer = {"REMOTE_ADDR": "10.0.0.2"}
    for n in range(settings.AXES_FAILURE_LIMIT):
        # Whatever the person puts in the header themselves, the balancer's entry comes last.
        sign_in(client, password="wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.9", **balancer)
    assert sign_in(client, HTTP_X_FORWARDED_FOR="203.0.113.9", **balancer).status_code == 429
    assert sign_in(Client(), HTTP_X_FORWARDED_FOR="198.51.100.7", **balancer).status_code == 302


def test_without_a_trusted_proxy_a_forged_forwarded_for_header_changes_nothing(client, dr_a, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, password="wrong", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}", REMOTE_ADDR="203.0.113.9")
    assert sign_in(client, HTTP_X_FORWARDED_FOR="198.51.100.99", REMOTE_ADDR="203.0.113.9").status_code == 429

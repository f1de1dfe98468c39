"""Hostile input: arbitrary values posted to every step never cause a 500, and a rejected
post changes nothing that was saved."""

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decisionaid.questionnaire import steps
from decisionaid.questionnaire.models import AnswerSet
from tests.factories import mild_answers
from tests.questionnaire_helpers import complete

pytestmark = pytest.mark.django_db

FIELD_NAMES = sorted({name for step in steps.STEPS for name in step.form_class.base_fields} | {"csrfmiddlewaretoken"})
junk = st.one_of(
    st.text(max_size=50),
    st.sampled_from(["", "0", "-1", "4", "99", "1e308", "nan", "true", "null", "UK", "none", "\x00", "<script>"]),
    st.text(min_size=5000, max_size=20000, alphabet="x9"),
)
bodies = st.dictionaries(
    st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=20)),
    st.one_of(junk, st.lists(junk, max_size=4)),
    max_size=12,
)
FUZZ = settings(
    max_examples=40,
    deadline=None,
    # Large hostile bodies are the point here, so big generated data is expected.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.data_too_large, HealthCheck.too_slow],
)


@pytest.fixture
def person():
    client = Client()
    complete(client, mild_answers())
    return client


def stored(client) -> dict:
    return AnswerSet.objects.get(public_id=client.session["answers_id"]).answers


@FUZZ
@given(slug=st.sampled_from([step.slug for step in steps.STEPS]), body=bodies)
def test_no_post_to_any_step_causes_a_server_error(person, slug, body):
    before = stored(person)
    response = person.post(f"/questions/{slug}/", body)
    assert response.status_code in (302, 422), response.status_code
    if response.status_code == 422:
        assert stored(person) == before, "a rejected post changed saved answers"


@FUZZ
@given(body=bodies)
def test_a_post_without_a_valid_csrf_token_is_refused_kindly(person, body):
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = person.cookies
    before = stored(person)
    response = strict.post("/questions/place/", body)
    assert response.status_code == 403
    assert "could not be sent" in response.content.decode()
    assert stored(person) == before


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_wrong_methods_are_refused_on_every_step(person, method):
    for step in steps.STEPS:
        assert getattr(person, method)(f"/questions/{step.slug}/").status_code == 405


def test_a_huge_body_is_refused_with_a_kind_page(person):
    before = stored(person)
    response = person.post("/questions/place/", {"region": "x" * 3_000_000})
    assert response.status_code == 400
    assert "Nothing you saved before was lost" in response.content.decode()
    assert stored(person) == before


def test_too_many_fields_are_refused_with_a_kind_page(person):
    response = person.post("/questions/goals/", {f"field{n}": "1" for n in range(1500)})
    assert response.status_code == 400


ENDPOINTS = [
    "/results/sure/",
    "/share/new-link/",
    "/share/send/",
    "/my-links/delete-everything/",
    "/invite/not-a-token/",
    "/accounts/login/",
    "/clinic/invitations/",
    "/start-over/",
    "/delete/",
]


def row_counts() -> tuple:
    from decisionaid.sharing.models import Invitation, SentSummary, ShareLink

    return AnswerSet.objects.count(), ShareLink.objects.count(), SentSummary.objects.count(), Invitation.objects.count()


@FUZZ
@given(path=st.sampled_from(ENDPOINTS), body=bodies, token=st.text(max_size=300))
def test_hostile_posts_to_any_endpoint_never_cause_a_server_error(person, path, body, token):
    before = row_counts()
    response = person.post(path, body)
    assert response.status_code < 500, (path, response.status_code)
    if response.status_code >= 400:
        assert row_counts() == before, "a rejected request changed stored data"
    for method in ("get", "post"):
        assert getattr(person, method)(f"/s/{token}/").status_code < 500


@FUZZ
@given(path=st.sampled_from(["/clinic/invitations/", "/accounts/password/"]), body=bodies)
def test_hostile_posts_from_a_signed_in_clinician_never_cause_a_server_error(path, body):
    from django.contrib.auth.models import User

    from tests.sharing_people import make_clinician

    clinician = User.objects.filter(username="fuzz").first() or make_clinician("fuzz")
    client = Client()
    client.force_login(clinician)
    before = row_counts()
    response = client.post(path, body)
    assert response.status_code < 500, (path, response.status_code)
    if response.status_code >= 400:
        assert row_counts() == before

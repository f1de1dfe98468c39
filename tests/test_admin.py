"""A content editor can find and change every piece of clinical content in the admin."""

import pytest
from django.contrib.auth.models import User

from decisionaid.content.models import Evidence, Resource

pytestmark = pytest.mark.django_db

MODELS = ["contentversion", "source", "concern", "option", "evidence", "fitrule", "region"]


@pytest.fixture
def editor(client):
    user = User.objects.create_superuser("editor", "editor@example.org", "a long pass phrase 42")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", MODELS)
def test_every_content_model_has_an_admin_list_and_edit_page(editor, model, django_assert_max_num_queries):
    with django_assert_max_num_queries(20):
        assert editor.get(f"/admin/content/{model}/").status_code == 200
    assert editor.get(f"/admin/content/{model}/1/change/").status_code == 200


def test_an_editor_can_change_an_evidence_statement(editor):
    evidence = Evidence.objects.get(option__slug="cbt", concern__code="sleep")
    response = editor.post(
        f"/admin/content/evidence/{evidence.pk}/change/",
        {
            "option": evidence.option_id,
            "concern": evidence.concern_id,
            "level": "moderate",
            "summary": "A new, reviewed sentence.",
            "sources": list(evidence.sources.values_list("pk", flat=True)),
            "reviewed_on": "2027-01-05",
        },
    )
    assert response.status_code == 302
    evidence.refresh_from_db()
    assert (evidence.level, evidence.summary) == ("moderate", "A new, reviewed sentence.")


def test_crisis_lines_are_edited_inline_on_their_region(editor):
    html = editor.get("/admin/content/region/2/change/").content.decode()
    assert Resource.objects.filter(region_id=2).first().contact in html

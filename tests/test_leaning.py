"""The optional "what you lean toward, and your questions" form on the results page: saved with
the answers, deleted with them, sent with a summary, kind about text that is too long."""

import pytest

from decisionaid.sharing.models import Leaning, SentSummary
from tests.factories import mild_answers
from tests.questionnaire_helpers import page_text
from tests.sharing_people import give_answers, make_clinician, make_invitation

pytestmark = pytest.mark.django_db

FILLED = {"leaning-option": "cbt", "leaning-unsure": "If I have the time", "leaning-questions": "How long is the wait?"}


def test_the_results_page_offers_the_form_and_says_it_is_optional(client):
    give_answers(client)
    html = client.get("/results/").content.decode()
    assert 'href="/results/leaning/form/" hx-get="/results/leaning/form/"' in html
    assert "(you can skip this)" in page_text(html)
    form = client.get("/results/leaning/form/").content.decode()
    assert 'action="/results/leaning/"' in form and 'hx-post="/results/leaning/"' in form
    assert "You can skip this." in page_text(form)


def test_saving_without_javascript_keeps_it_with_the_answers(client):
    answer_set = give_answers(client)
    response = client.post("/results/leaning/", FILLED)
    assert response.status_code == 302 and response["Location"] == "/results/leaning/form/?leaning=saved"
    assert "Saved." in page_text(client.get(response["Location"]).content.decode())
    leaning = Leaning.objects.get(answer_set=answer_set)
    assert (leaning.option, leaning.unsure, leaning.questions) == ("cbt", "If I have the time", "How long is the wait?")
    html = client.get("/results/leaning/form/").content.decode()
    assert "How long is the wait?</textarea>" in html
    assert 'value="cbt" id="id_leaning-option_2" checked' in html or 'value="cbt"' in html


def test_under_htmx_the_section_is_swapped_in_place(client):
    give_answers(client)
    response = client.post("/results/leaning/", FILLED, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section class="leaning" id="leaning"')
    assert "Saved." in html


def test_too_long_text_is_refused_with_the_limit_and_kept_in_the_box(client):
    answer_set = give_answers(client)
    client.post("/results/leaning/", FILLED)
    long_text = "word " * 120
    response = client.post("/results/leaning/", {**FILLED, "leaning-unsure": long_text})
    assert response.status_code == 422
    html = response.content.decode()
    assert "Please keep it to 500 letters or fewer. You wrote 599." in page_text(html)
    assert long_text.strip() in html
    # What was saved before stays.
    assert Leaning.objects.get(answer_set=answer_set).unsure == "If I have the time"


def test_a_forged_option_is_a_kind_error(client):
    give_answers(client)
    response = client.post("/results/leaning/", {"leaning-option": "surgery"}, headers={"HX-Request": "true"})
    assert response.status_code == 422
    assert "Please choose one of the answers shown." in response.content.decode()


def test_without_answers_nothing_is_saved(client):
    assert client.post("/results/leaning/", FILLED).status_code == 302
    assert not Leaning.objects.exists()


def test_it_is_deleted_with_the_answers(client):
    answer_set = give_answers(client)
    client.post("/results/leaning/", FILLED)
    answer_set.delete()
    assert not Leaning.objects.exists()


def test_it_goes_with_a_sent_summary(client):
    from decisionaid.sharing.invitations import INVITED_KEY
    from decisionaid.sharing.models import InvitedAnswers

    invitation = make_invitation(make_clinician())
    answer_set = give_answers(client, mild_answers())
    InvitedAnswers.objects.create(answer_set=answer_set, invitation=invitation)
    session = client.session
    session[INVITED_KEY] = True
    session["sure"] = {"sure_of_myself": "yes", "understand_information": "no", "risk_benefit_ratio": "yes"}
    session.save()
    client.post("/results/leaning/", FILLED)
    client.post("/share/send/", {"consent": "on"})
    sent = SentSummary.objects.get()
    assert sent.leaning == {"option": "cbt", "unsure": "If I have the time", "questions": "How long is the wait?"}
    assert sent.sure == {"sure_of_myself": "yes", "understand_information": "no", "risk_benefit_ratio": "yes"}

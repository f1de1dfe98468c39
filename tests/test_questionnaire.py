import pytest

from decisionaid.questionnaire import steps
from decisionaid.questionnaire.models import AnswerSet
from tests.factories import maximal_answers, mild_answers
from tests.questionnaire_helpers import complete, form_data

pytestmark = pytest.mark.django_db


def saved(client) -> dict:
    return AnswerSet.objects.get(public_id=client.session["answers_id"]).answers


def test_every_step_renders_with_progress_and_contract_field_names(client):
    for number, step in enumerate(steps.STEPS, start=1):
        response = client.get(f"/questions/{step.slug}/")
        html = response.content.decode()
        assert response.status_code == 200
        assert f"Step {number} of {len(steps.STEPS)}" in html
        for name in step.form_class.base_fields:
            assert f'name="{name}"' in html


def test_answers_are_saved_at_every_step_under_the_contract_codes(client):
    answers = maximal_answers()
    complete(client, answers)
    stored = saved(client)
    for key, value in answers.items():
        assert stored[key] == value, key


def test_a_step_shows_the_answers_already_saved(client):
    client.post("/questions/place/", {"region": "AU", "age_band": "65_plus"})
    html = client.get("/questions/place/").content.decode()
    assert 'value="AU" id="id_region_4" checked' in html
    assert 'value="65_plus" id="id_age_band_3" checked' in html


def test_posting_a_step_redirects_to_the_next_one(client):
    response = client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    assert response["Location"] == "/questions/safety/"


def test_the_last_step_leads_to_the_results(client):
    complete(client, mild_answers())
    response = client.post("/questions/values/", {"importance.low_cost": "2"})
    assert response["Location"] == "/results/"


def test_a_missing_required_answer_is_explained_next_to_the_field(client):
    response = client.post("/questions/place/", {"region": "UK"})
    html = response.content.decode()
    assert response.status_code == 422
    assert "Please choose an answer." in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_age_band_0"' in html  # the error summary links to the field
    assert "answers_id" not in client.session


@pytest.mark.parametrize(
    "data",
    [
        {"region": "MARS", "age_band": "25_64"},
        {"region": "UK", "age_band": "12"},
        {"region": "UK" * 5000, "age_band": "25_64"},
        {"region": ["UK", "<script>"], "age_band": "25_64"},
    ],
)
def test_forged_values_are_rejected_kindly_and_never_saved(client, data):
    client.post("/questions/place/", {"region": "IE", "age_band": "18_24"})
    response = client.post("/questions/place/", data)
    assert response.status_code == 422
    assert "Please choose one of the answers shown." in response.content.decode()
    assert saved(client)["region"] == "IE"
    assert saved(client)["age_band"] == "18_24"


@pytest.mark.parametrize("value", ["4", "-1", "1.5", "three", ""])
def test_an_out_of_range_phq9_answer_never_reaches_the_database(client, value):
    data = form_data("mood", mild_answers())
    data["phq9_3"] = value
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    response = client.post("/questions/mood/", data)
    assert response.status_code == 422
    assert "phq9_3" not in saved(client)


@pytest.mark.parametrize("fee", ["-5", "100001", "nan", "inf", "1e9", "12.345", "fifty", "9" * 400])
def test_a_bad_session_fee_gets_a_clear_message(client, fee):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    response = client.post("/questions/cost/", {"session_fee": fee})
    assert response.status_code == 422
    assert 'id="id_session_fee_error"' in response.content.decode()
    assert "session_fee" not in saved(client)


def test_an_empty_session_fee_means_dont_know_and_clears_an_old_one(client):
    client.post("/questions/cost/", {"session_fee": "80", "coverage": "none"})
    assert saved(client)["session_fee"] == 80
    client.post("/questions/cost/", {"session_fee": "", "coverage": "none"})
    assert "session_fee" not in saved(client)


def test_choosing_none_and_a_past_treatment_together_is_questioned(client):
    response = client.post("/questions/past/", {"past_treatments": ["none", "cbt"]})
    assert response.status_code == 422
    assert "None of these" in response.content.decode()


def test_importance_answers_are_saved_nested_as_the_contract_says(client):
    client.post("/questions/values/", {"importance.quick_relief": "4", "importance.low_cost": "0"})
    assert saved(client)["importance"] == {"quick_relief": 4, "low_cost": 0}


def test_unknown_step_is_a_kind_404(client):
    response = client.get("/questions/nothing-here/")
    assert response.status_code == 404
    assert "We could not find that page" in response.content.decode()


def test_wrong_method_is_refused_without_an_error_page_crash(client):
    response = client.put("/questions/place/")
    assert response.status_code == 405


def test_htmx_gets_only_the_step_and_plain_requests_get_the_whole_page(client):
    full = client.get("/questions/goals/").content.decode()
    partial = client.get("/questions/goals/", headers={"HX-Request": "true"}).content.decode()
    assert "<html" in full and "site-footer" in full
    assert "<html" not in partial and "site-footer" not in partial
    assert 'name="goals"' in partial


def test_htmx_history_restore_gets_the_whole_page(client):
    response = client.get("/questions/goals/", headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in response.content.decode()


def test_htmx_post_moves_on_with_a_redirect_htmx_follows(client):
    response = client.post("/questions/place/", {"region": "UK", "age_band": "25_64"}, headers={"HX-Request": "true"})
    assert response.status_code == 302
    assert response["Location"] == "/questions/safety/"


def test_question_pages_are_never_cached(client):
    response = client.get("/questions/mood/")
    assert "no-store" in response["Cache-Control"]


def test_answers_survive_a_new_session_object_for_the_same_cookie(client):
    client.post("/questions/place/", {"region": "NZ", "age_band": "25_64"})
    cookie = client.cookies["sessionid"].value
    from django.test import Client

    other = Client()
    other.cookies["sessionid"] = cookie
    assert 'value="NZ" id="id_region_5" checked' in other.get("/questions/place/").content.decode()


def test_start_over_asks_first_and_a_link_alone_deletes_nothing(client):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    html = client.get("/start-over/").content.decode()
    assert "Start over with no answers?" in html
    assert '<form method="post" action="/start-over/">' in html
    assert AnswerSet.objects.count() == 1


def test_start_over_deletes_the_answers_and_goes_to_the_first_step(client):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    response = client.post("/start-over/")
    assert response["Location"] == "/questions/place/"
    assert AnswerSet.objects.count() == 0
    assert " checked>" not in client.get("/questions/place/").content.decode()


def test_delete_my_answers_removes_them_at_once(client):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    assert "Delete my answers" in client.get("/questions/safety/").content.decode()
    response = client.post("/delete/")
    assert response["Location"] == "/deleted/"
    assert AnswerSet.objects.count() == 0
    assert "Your answers are deleted" in client.get("/deleted/").content.decode()


def test_delete_needs_a_post_so_a_link_cannot_delete(client):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    client.get("/delete/")
    assert AnswerSet.objects.count() == 1


def test_under_18_sees_a_notice_with_youth_services(client):
    response = client.post("/questions/place/", {"region": "UK", "age_band": "under_18"})
    assert response["Location"] == "/young-people/"
    html = client.get("/young-people/").content.decode()
    assert "written for adults" in html
    assert "Childline" in html
    assert 'href="/questions/safety/"' in html


def test_phq9_and_gad7_keep_their_validated_wording_and_attribution(client):
    mood = client.get("/questions/mood/").content.decode()
    worry = client.get("/questions/worry/").content.decode()
    assert "Over the last 2 weeks, how often have you been bothered by any of the following problems?" in mood
    assert "Thoughts that you would be better off dead or of hurting yourself in some way" in mood
    assert "More than half the days" in mood
    assert "Not being able to stop or control worrying" in worry
    for html in (mood, worry):
        assert "with an educational grant from Pfizer Inc." in html


def test_every_page_footer_shows_the_content_version_and_review_dates(client):
    from decisionaid.content.models import ContentVersion

    html = client.get("/").content.decode()
    assert f"Content version {ContentVersion.objects.first().version}," in html
    assert "Next check due by" in html


def test_results_need_only_what_the_contract_requires(client):
    answers = mild_answers()
    for slug in ("place", "safety", "mood"):
        client.post(f"/questions/{slug}/", form_data(slug, answers))
    assert client.get("/results/").status_code == 200


def test_results_send_a_person_back_to_the_first_unanswered_required_step(client):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    client.post("/questions/safety/", {"in_danger_now": "false"})
    assert client.get("/results/")["Location"] == "/questions/mood/"


@pytest.mark.django_db
def test_a_step_shown_again_shows_each_person_their_own_saved_answers(client):
    # Two people, one step: each page is rendered from that person's own answers.
    from django.test import Client

    other = Client()
    assert 'value="1" id="id_phq9_1_1" checked' not in client.get("/questions/mood/").content.decode()
    complete(client, mild_answers())
    complete(other, mild_answers(**{"phq9_1": 3}))
    mine, theirs = client.get("/questions/mood/").content.decode(), other.get("/questions/mood/").content.decode()
    assert 'value="1" id="id_phq9_1_1" checked' in mine and 'id="id_phq9_1_1" checked' not in theirs
    assert 'value="3" id="id_phq9_1_3" checked' in theirs and 'id="id_phq9_1_3" checked' not in mine
    assert 'id="id_phq9_1_1" checked' not in Client().get("/questions/mood/").content.decode()


def test_answers_deleted_elsewhere_start_afresh_at_the_next_save(client):
    # Deleted in another tab, or purged: the next step saved makes a new set, not an error.
    client.post("/questions/place/", {"region": "AU", "age_band": "65_plus"})
    AnswerSet.objects.all().delete()
    assert client.post("/questions/safety/", {"in_danger_now": "false"}).status_code == 302
    assert saved(client) == {"in_danger_now": False}
    assert AnswerSet.objects.count() == 1


def test_each_form_gets_its_own_copy_of_its_fields():
    # A change to one form's field (a label, an error message) never reaches another form.
    from decisionaid.questionnaire import forms

    first, second = forms.Phq9Form(), forms.Phq9Form()
    first.fields["phq9_1"].widget.attrs["data-changed"] = "yes"
    first.fields["phq9_1"].error_messages["required"] = "Changed."
    first.fields["phq9_1"].label = "Changed"
    for fields in (second.fields, forms.Phq9Form.base_fields):
        assert "data-changed" not in fields["phq9_1"].widget.attrs
        assert fields["phq9_1"].error_messages["required"] != "Changed."
        assert fields["phq9_1"].label != "Changed"
    assert list(second.fields["phq9_1"].choices) == list(forms.Phq9Form.base_fields["phq9_1"].choices)


def test_home_page_start_over_is_a_link_to_the_confirmation_away_from_the_main_button(client):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    html = client.get("/").content.decode()
    assert 'href="/start-over/"' in html
    assert 'action="/start-over/"' not in html  # no button that deletes at one click
    go_on = html.index("Go on with my answers")
    assert html.index('href="/start-over/"') > html.index("If you are in danger now", go_on)


@pytest.mark.parametrize(
    ("typed", "amount"),
    [("£60", 60), ("$60", 60), ("€60", 60), ("1,000", 1000), ("60.5", 60.5), (" 60 ", 60), ("NZ$ 80", 80)],
)
def test_a_fee_is_read_as_people_type_it(client, typed, amount):
    response = client.post("/questions/cost/", {"session_fee": typed})
    assert response.status_code == 302
    assert saved(client)["session_fee"] == amount


@pytest.mark.parametrize("fee", ["1e12", "9" * 400, "-5", "100001", "-£20"])
def test_an_absurd_fee_gets_one_clear_message(client, fee):
    response = client.post("/questions/cost/", {"session_fee": fee})
    html = response.content.decode()
    assert response.status_code == 422
    assert html.count("Please write an amount from 0 to 100,000.") == 2  # beside the field and in the summary
    assert html.count('class="error"') == 1


def test_a_field_with_an_error_is_tied_to_its_hint_and_message(client):
    html = client.post("/questions/cost/", {"session_fee": "fifty"}).content.decode()
    assert 'aria-describedby="id_session_fee_helptext id_session_fee_error"' in html
    assert 'id="id_session_fee_helptext"' in html and 'id="id_session_fee_error"' in html
    assert 'aria-invalid="true"' in html
    assert 'href="#id_session_fee"' in html
    radios = client.post("/questions/place/", {"region": "UK"}).content.decode()
    assert '<fieldset class="question has-error" id="id_age_band" aria-describedby="id_age_band_error">' in radios
    assert "<legend>How old are you?</legend>" in radios


def test_the_worry_questions_can_be_skipped_and_earlier_answers_are_cleared(client):
    complete(client, mild_answers())
    assert "gad7_1" in saved(client)
    html = client.get("/questions/worry/").content.decode()
    assert '<button type="submit" name="skip" value="yes"' in html
    response = client.post("/questions/worry/", {"skip": "yes", "gad7_1": "2"})
    assert response["Location"] == "/questions/concerns/"
    assert not any(key.startswith("gad7_") for key in saved(client))
    assert client.get("/results/").status_code == 200


def test_only_the_worry_step_offers_to_skip(client):
    assert 'name="skip"' not in client.get("/questions/mood/").content.decode()
    response = client.post("/questions/mood/", {"skip": "yes"})
    assert response.status_code == 422


def test_the_crisis_banner_stays_after_the_answers_are_deleted_or_started_over(client):
    client.post("/questions/place/", {"region": "IE", "age_band": "25_64"})
    client.post("/questions/safety/", {"in_danger_now": "true"})
    client.post("/delete/")
    assert AnswerSet.objects.count() == 0
    assert "crisis-banner" in client.get("/deleted/").content.decode()
    client.post("/questions/place/", {"region": "IE", "age_band": "25_64"})
    client.post("/start-over/")
    assert AnswerSet.objects.count() == 0
    assert "crisis-banner" in client.get("/questions/place/").content.decode()


def test_deleting_answers_without_a_crisis_shows_no_banner(client):
    client.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    client.post("/delete/")
    assert "crisis-banner" not in client.get("/questions/place/").content.decode()

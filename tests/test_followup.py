"""Coming back: the return link, its reminder, re-taking the scores on a fresh device, the
change in words, and what the results, links and privacy pages then show."""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from decisionaid.followup import calendar
from decisionaid.followup.change import change, history_rows
from decisionaid.followup.models import ReturnLink, Visit
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.sharing.tokens import hash_token
from tests.factories import gad7, phq9, severe_answers
from tests.questionnaire_helpers import page_text, with_answers

pytestmark = pytest.mark.django_db

URL = re.compile(r'value="(http://testserver/back/([A-Za-z0-9_-]{43})/)"')
LOWER_MOOD = phq9(1, 1, 0, 1, 0, 0, 1, 0, 0)  # 4
LOWER_WORRY = gad7(1, 0, 1, 0, 0, 1, 0)  # 3


def make_link(client: Client) -> tuple[str, str]:
    """Post "Make my return link" and read the link from the page, as a person copies it."""
    response = client.post("/come-back/new/")
    assert response.status_code == 200
    url, token = URL.search(response.content.decode()).groups()
    return url, token


def retake(client: Client, token: str, mood: dict, worry: dict | None, started="medication", since="4_6_weeks"):
    assert client.get(f"/back/{token}/").status_code == 200
    assert client.post(f"/back/{token}/").status_code == 302
    assert client.post("/again/mood/", mood).status_code == 302
    if worry is None:
        assert client.post("/again/worry/", {"skip": "yes"}).status_code == 302
    else:
        assert client.post("/again/worry/", worry).status_code == 302
    data = {"started": started, **({"started_since": since} if since else {})}
    response = client.post("/again/treatment/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == "/again/change/"
    return client.get("/again/change/")


@pytest.fixture
def person(client):
    answer_set = with_answers(client, severe_answers())
    return client, answer_set


def test_nothing_is_made_until_the_person_asks(person):
    client, _ = person
    html = client.get("/results/").content.decode()
    assert "Come back in a few weeks" in html
    assert ReturnLink.objects.count() == 0
    assert Visit.objects.count() == 0


def test_the_link_is_shown_once_and_stored_only_as_a_hash(person):
    client, answer_set = person
    _url, token = make_link(client)
    link = ReturnLink.objects.get()
    assert link.answer_set == answer_set
    assert link.token_hash == hash_token(token)
    assert token not in str(client.session.items())
    assert "Anyone who has this link can see your answers and scores" in page_text(
        client.post("/come-back/new/").content.decode()
    )
    # A new link turns the old one off: one working return link at a time.
    assert ReturnLink.objects.live().count() == 1
    assert Client().get(f"/back/{token}/").status_code == 404


def test_the_new_link_page_has_a_qr_code_of_the_link(person):
    client, _ = person
    html = client.post("/come-back/new/").content.decode()
    assert '<svg role="img" aria-label="QR code for your return link"' in html


@pytest.mark.parametrize("weeks", [2, 4, 6, 8])
def test_the_calendar_reminder_holds_the_link_on_the_chosen_day(person, weeks):
    client, _ = person
    url, token = make_link(client)
    response = client.post("/come-back/reminder.ics", {"token": token, "weeks": weeks})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    unfolded = body.replace("\r\n ", "")
    day = timezone.localdate() + timedelta(weeks=weeks)
    assert f"DTSTART;VALUE=DATE:{day:%Y%m%d}" in body
    assert f"URL:{url}" in unfolded
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")


def test_four_weeks_is_the_reminder_offered_first(person):
    client, _ = person
    html = client.post("/come-back/new/").content.decode()
    assert re.search(r'value="4"[^>]*checked', html)


def test_a_reminder_for_someone_elses_or_a_turned_off_link_is_refused(person):
    client, _ = person
    _url, token = make_link(client)
    other = Client()
    with_answers(other, severe_answers())
    assert other.post("/come-back/reminder.ics", {"token": token, "weeks": 4}).status_code == 409
    ReturnLink.objects.update(revoked_at=timezone.now())
    assert client.post("/come-back/reminder.ics", {"token": token, "weeks": 4}).status_code == 409


def test_a_fresh_browser_retakes_the_scores_and_sees_the_change_in_words(person):
    client, answer_set = person
    _url, token = make_link(client)
    fresh = Client()
    response = retake(fresh, token, LOWER_MOOD, LOWER_WORRY)
    text = page_text(response.content.decode())
    assert "Low mood (PHQ-9): 21 before, 4 now. Down 17 points." in text
    assert "This is a clear improvement." in text
    assert "NHS Talking Therapies calls this “recovery”" in text
    assert "Doctors call this a “response”" in text
    assert "Doctors call this “remission”" in text
    assert "Keep telling your prescriber how it is going." in text
    assert 'href="/results/"' in response.content.decode()
    # The results page, in the fresh browser, is built from the new scores.
    results = page_text(fresh.get("/results/").content.decode())
    assert "4 out of 27" in results
    answer_set.refresh_from_db()
    assert answer_set.answers["phq9_1"] == 1
    assert answer_set.answers["concerns"] == severe_answers()["concerns"]
    assert Visit.objects.completed().filter(answer_set=answer_set).count() == 2


def test_medicine_that_has_not_helped_after_4_weeks_points_to_the_prescriber(person):
    client, _ = person
    _url, token = make_link(client)
    text = page_text(retake(Client(), token, severe_answers(), None, "medication", "4_6_weeks").content.decode())
    assert "Please talk to the person who prescribed it." in text
    assert "No change." in text


def test_therapy_that_has_not_helped_points_to_the_therapist(person):
    client, _ = person
    _url, token = make_link(client)
    text = page_text(retake(Client(), token, severe_answers(), None, "cbt", "6_8_weeks").content.decode())
    assert "Please talk about your progress with your therapist." in text


def test_none_yet_is_allowed_and_needs_no_time(person):
    client, _ = person
    _url, token = make_link(client)
    text = page_text(retake(Client(), token, LOWER_MOOD, None, "none", None).content.decode())
    assert "It is fine not to have started yet." in text


def test_a_started_option_needs_how_long_ago(person):
    client, _ = person
    _url, token = make_link(client)
    fresh = Client()
    fresh.post(f"/back/{token}/")
    fresh.post("/again/mood/", LOWER_MOOD)
    fresh.post("/again/worry/", LOWER_WORRY)
    response = fresh.post("/again/treatment/", {"started": "cbt"})
    assert response.status_code == 422
    assert "Please say about how long ago you started." in page_text(response.content.decode())


def test_a_risky_answer_on_the_retake_shows_crisis_help_at_once(person):
    client, answer_set = person
    _url, token = make_link(client)
    fresh = Client()
    fresh.post(f"/back/{token}/")
    response = fresh.post("/again/mood/", {**LOWER_MOOD, "phq9_9": 2})
    assert response.status_code == 302
    assert response["Location"] == "/crisis/"
    crisis = fresh.get("/crisis/")
    assert "988" in crisis.content.decode()
    assert 'href="/again/worry/"' in crisis.content.decode()
    answer_set.refresh_from_db()
    assert answer_set.crisis


def test_a_risky_answer_with_others_missing_asks_the_step_again(person):
    client, _ = person
    _url, token = make_link(client)
    fresh = Client()
    fresh.post(f"/back/{token}/")
    response = fresh.post("/again/mood/", {"phq9_9": 1})
    assert response["Location"] == "/crisis/"
    assert 'href="/again/mood/"' in fresh.get("/crisis/").content.decode()


def test_a_blank_item_9_is_asked_for_as_on_the_first_visit(person):
    client, _ = person
    _url, token = make_link(client)
    fresh = Client()
    fresh.post(f"/back/{token}/")
    mood = dict(LOWER_MOOD)
    del mood["phq9_9"]
    response = fresh.post("/again/mood/", mood)
    first_visit = Client()
    first_visit.post("/questions/place/", {"region": "UK", "age_band": "25_64"})
    original = first_visit.post("/questions/mood/", mood)
    assert response.status_code == original.status_code == 422
    assert 'id="id_phq9_9_error"' in response.content.decode()


def test_a_dead_link_looks_like_any_unknown_link():
    unknown = Client().get("/back/" + "A" * 43 + "/")
    shared = Client().get("/s/" + "A" * 43 + "/")
    assert unknown.status_code == shared.status_code == 404
    assert page_text(unknown.content.decode()) == page_text(shared.content.decode())


def test_revoked_and_expired_links_are_dead(person):
    client, _ = person
    _url, token = make_link(client)
    link = ReturnLink.objects.get()
    client.post(f"/come-back/{link.public_id}/turn-off/")
    assert Client().get(f"/back/{token}/").status_code == 404
    _url, token = make_link(client)
    ReturnLink.objects.filter(revoked_at__isnull=True).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client().get(f"/back/{token}/").status_code == 404


def test_opening_a_link_moves_its_end_on(person, settings):
    client, _ = person
    _url, token = make_link(client)
    ReturnLink.objects.update(expires_at=timezone.now() + timedelta(days=3))
    Client().post(f"/back/{token}/")
    link = ReturnLink.objects.get()
    assert link.expires_at > timezone.now() + timedelta(days=settings.FOLLOWUP_RETENTION_DAYS - 1)


def test_opening_links_is_rate_limited(person, settings):
    settings.FOLLOWUP_OPEN_LIMIT_PER_HOUR = 2
    guesser = Client()
    assert guesser.get("/back/" + "B" * 43 + "/").status_code == 404
    assert guesser.get("/back/" + "C" * 43 + "/").status_code == 404
    assert guesser.get("/back/" + "D" * 43 + "/").status_code == 429


def test_the_retake_pages_need_the_link():
    assert Client().get("/again/mood/").status_code == 404
    assert Client().get("/again/change/").status_code == 404


def test_the_links_page_lists_the_return_link_with_turn_off(person):
    client, _ = person
    make_link(client)
    html = client.get("/my-links/").content.decode()
    assert "Your return links" in html
    link = ReturnLink.objects.get()
    assert f'action="/come-back/{link.public_id}/turn-off/"' in html


def test_deleting_answers_removes_the_link_and_every_retake(person):
    client, answer_set = person
    _url, token = make_link(client)
    fresh = Client()
    retake(fresh, token, LOWER_MOOD, LOWER_WORRY)
    fresh.post("/delete/")
    assert not AnswerSet.objects.filter(pk=answer_set.pk).exists()
    assert ReturnLink.objects.count() == 0
    assert Visit.objects.count() == 0
    assert Client().get(f"/back/{token}/").status_code == 404


def test_three_visits_draw_a_chart_with_a_table_of_the_same_numbers(person):
    client, _ = person
    _url, token = make_link(client)
    fresh = Client()
    retake(fresh, token, phq9(2, 2, 1, 1, 1, 1, 1, 1, 0), None)
    html = retake(fresh, token, LOWER_MOOD, LOWER_WORRY).content.decode()
    assert "<svg" in html and "<polyline" in html
    assert html.count("<tr>") == 4  # header and three visits
    assert "The table above gives the same numbers." in html


def test_two_visits_have_no_chart(person):
    client, _ = person
    _url, token = make_link(client)
    assert "<polyline" not in retake(Client(), token, LOWER_MOOD, LOWER_WORRY).content.decode()


def test_results_show_the_scores_over_time_after_a_retake(person):
    client, _ = person
    _url, token = make_link(client)
    fresh = Client()
    retake(fresh, token, LOWER_MOOD, LOWER_WORRY)
    html = fresh.get("/results/").content.decode()
    assert "Your scores on each date" in html
    printed = page_text(fresh.get("/results/print/").content.decode())
    assert "Your scores over time" in printed
    assert printed.count("Low mood (PHQ-9) ") >= 2


def test_the_print_view_of_a_person_who_never_came_back_has_no_history(person):
    client, _ = person
    assert "Your scores over time" not in client.get("/results/print/").content.decode()


def test_reliable_change_follows_the_standard_thresholds():
    def row(phq, gad):
        entry = {"date": "2026-01-01", "answers": {**phq9(*phq), **gad7(*gad)}}
        return history_rows([entry])[0]

    first = row([2, 2, 1, 1, 1, 1, 1, 1, 0], [1, 1, 1, 1, 1, 1, 1])  # 10 and 7
    five_down = row([1, 1, 1, 1, 0, 0, 1, 0, 0], [1, 1, 1, 1, 1, 1, 1])  # 5
    six_down = row([1, 1, 1, 1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 1, 1, 1])  # 4 and 3
    assert change(first, five_down)["measures"][0]["kind"] == "unclear"
    result = change(first, six_down)
    assert [measure["kind"] for measure in result["measures"]] == ["improved", "improved"]
    assert result["response"] and result["remission"]
    worse = row([3, 3, 2, 2, 2, 2, 1, 1, 0], [1, 1, 1, 1, 1, 1, 1])  # 16
    assert change(first, worse)["worse"]


def test_calendar_lines_fold_without_splitting_a_character():
    body = calendar.reminder("https://example.org/back/" + "é" * 60 + "/", 4, timezone.localdate(), "example.org")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    body.decode()


def test_a_working_return_link_keeps_the_answers_and_an_unused_one_lets_them_go(person, settings):
    from decisionaid.retention.purge import purge_expired

    client, answer_set = person
    _url, token = make_link(client)
    retake(Client(), token, LOWER_MOOD, LOWER_WORRY)
    long_ago = timezone.now() - timedelta(days=settings.ANSWER_RETENTION_DAYS + 1)
    AnswerSet.objects.filter(pk=answer_set.pk).update(updated_at=long_ago)
    purge_expired()
    assert AnswerSet.objects.filter(pk=answer_set.pk).exists()
    assert Visit.objects.count() == 2
    # Unused for FOLLOWUP_RETENTION_DAYS: the link ends, and the answers and re-takes go with it.
    purge_expired(now=timezone.now() + timedelta(days=settings.FOLLOWUP_RETENTION_DAYS + 1))
    assert ReturnLink.objects.count() == 0
    assert not AnswerSet.objects.filter(pk=answer_set.pk).exists()
    assert Visit.objects.count() == 0


def test_the_privacy_page_says_how_long_a_return_link_works(client, settings):
    settings.FOLLOWUP_RETENTION_DAYS = 200
    text = page_text(client.get("/privacy/").content.decode())
    assert "if you do not use it for 200 days" in text


def test_a_return_link_never_reaches_a_log(person, caplog):
    client, _ = person
    _url, token = make_link(client)
    ReturnLink.objects.update(revoked_at=timezone.now())
    with caplog.at_level("WARNING", logger="django.request"):
        Client().get(f"/back/{token}/")
    assert "/back/[redacted]/" in caplog.text
    assert token not in caplog.text


def test_the_print_view_shows_both_dates(person):
    client, answer_set = person
    AnswerSet.objects.filter(pk=answer_set.pk).update(updated_at=timezone.now() - timedelta(weeks=4))
    _url, token = make_link(client)
    fresh = Client()
    retake(fresh, token, LOWER_MOOD, LOWER_WORRY)
    text = page_text(fresh.get("/results/print/").content.decode())
    then, now = timezone.localdate() - timedelta(weeks=4), timezone.localdate()
    assert f"{then:%-d %B %Y}: Low mood (PHQ-9) 21 of 27, severe low mood" in text
    assert f"{now:%-d %B %Y}: Low mood (PHQ-9) 4 of 27, few or no signs of low mood" in text


@pytest.mark.pdf
def test_the_pdf_shows_both_dates(person):
    from tests.test_printable import pdf_text

    client, answer_set = person
    AnswerSet.objects.filter(pk=answer_set.pk).update(updated_at=timezone.now() - timedelta(weeks=4))
    _url, token = make_link(client)
    fresh = Client()
    retake(fresh, token, LOWER_MOOD, LOWER_WORRY)
    text = pdf_text(fresh.get("/results/summary.pdf").content)
    then, now = timezone.localdate() - timedelta(weeks=4), timezone.localdate()
    assert "Your scores over time" in text
    assert f"{then:%-d %B %Y}: Low mood (PHQ-9) 21 of 27" in text
    assert f"{now:%-d %B %Y}: Low mood (PHQ-9) 4 of 27" in text


def test_every_new_page_reads_at_grade_7_or_below(person):
    from tests.test_plain_language import assert_plain

    client, _ = person
    assert_plain(client.get("/results/").content.decode().split('id="come-back"')[1].split("</section>")[0], "offer")
    new_link = client.post("/come-back/new/").content.decode()
    assert_plain(new_link, "new link")
    _url, token = URL.search(new_link).groups()
    fresh = Client()
    assert_plain(fresh.get(f"/back/{token}/").content.decode(), "welcome")
    fresh.post(f"/back/{token}/")
    assert_plain(fresh.get("/again/treatment/").content.decode(), "treatment step")
    for started, since, mood in [
        ("medication", "4_6_weeks", severe_answers()),
        ("medication", "under_2_weeks", severe_answers()),
        ("cbt", "6_8_weeks", LOWER_MOOD),
        ("combined", "4_6_weeks", phq9(3, 3, 3, 3, 3, 3, 3, 3, 0)),
        ("self_help", "2_4_weeks", LOWER_MOOD),
        ("other", "over_8_weeks", LOWER_MOOD),
        ("none", None, LOWER_MOOD),
    ]:
        html = retake(Client(), token, mood, LOWER_WORRY, started, since).content.decode()
        assert_plain(html, f"change after {started}")
    assert_plain(client.get("/my-links/").content.decode(), "links page")


def test_recovery_is_not_claimed_when_worry_was_skipped_this_time():
    first = history_rows(
        [{"date": "2026-01-01", "answers": {**phq9(2, 2, 2, 2, 2, 0, 0, 0, 0), **gad7(2, 2, 2, 2, 0, 0, 0)}}]
    )[0]
    mood_only = history_rows([{"date": "2026-02-01", "answers": phq9(1, 1, 0, 0, 0, 0, 0, 0, 0)}])[0]
    both = history_rows(
        [{"date": "2026-02-01", "answers": {**phq9(1, 1, 0, 0, 0, 0, 0, 0, 0), **gad7(1, 0, 0, 0, 0, 0, 0)}}]
    )[0]
    assert not any("recovery" in term for term in change(first, mood_only)["terms"])
    assert any("recovery" in term for term in change(first, both)["terms"])

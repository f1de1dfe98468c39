"""The PDF of a shared summary: for the link holder and for the clinician it was sent to."""

import pytest
from django.test import Client

from decisionaid.sharing.models import SummaryOpening
from tests.sharing_people import give_answers, make_clinician, make_invitation, sent_summary
from tests.test_sharing_links import make_link

pytestmark = pytest.mark.django_db


def test_a_share_link_gives_the_summary_pdf_and_records_the_opening(client):
    give_answers(client)
    path = make_link(client)
    response = Client().get(f"{path}summary.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Referrer-Policy"] == "no-referrer"
    assert SummaryOpening.objects.filter(view=SummaryOpening.View.PDF, share_link__isnull=False).count() == 1


def test_a_dead_link_gives_no_pdf(client):
    response = Client().get("/s/not-a-real-token/summary.pdf")
    assert response.status_code == 404
    assert b"%PDF" not in response.content


def test_only_the_clinician_it_was_sent_to_gets_the_pdf():
    dr_a, dr_b = make_clinician("dr_a"), make_clinician("dr_b", "Hilltop Clinic")
    sent = sent_summary(make_invitation(dr_a))
    a, b = Client(), Client()
    a.force_login(dr_a)
    b.force_login(dr_b)
    assert a.get(f"/clinic/summaries/{sent.public_id}/summary.pdf").content.startswith(b"%PDF")
    assert b.get(f"/clinic/summaries/{sent.public_id}/summary.pdf").status_code == 404
    assert SummaryOpening.objects.filter(view=SummaryOpening.View.PDF, clinician=dr_a).count() == 1


def test_a_share_link_and_its_print_view_show_the_persons_first_view_and_details(client):
    give_answers(client)
    path = make_link(client)
    mine = client.get("/results/compare/", headers={"HX-Request": "true"}).content.decode()
    grid = mine[mine.index('<table class="compare"') : mine.index("</table>") + len("</table>")]
    for view in (path, f"{path}print/"):
        html = Client().get(view).content.decode()
        assert grid in html, view  # the very same table, from the same partial
        assert html.count('<details class="option-detail"') == 5
        assert 'id="sources"' in html


def test_the_clinicians_copy_shows_the_same_first_view(client):
    dr_a = make_clinician("dr_grid")
    sent = sent_summary(make_invitation(dr_a))
    doctor = Client()
    doctor.force_login(dr_a)
    html = doctor.get(f"/clinic/summaries/{sent.public_id}/").content.decode()
    assert '<table class="compare"' in html and html.count('<details class="option-detail"') == 5


def test_the_clinicians_pdf_carries_the_readiness_answers_the_person_gave():
    from tests.test_printable import pdf_text

    dr_a = make_clinician("dr_a")
    sure = {
        "sure_of_myself": "yes",
        "understand_information": "yes",
        "risk_benefit_ratio": "no",
        "encouragement": "yes",
    }
    sent = sent_summary(make_invitation(dr_a), sure=sure)
    client = Client()
    client.force_login(dr_a)
    text = pdf_text(client.get(f"/clinic/summaries/{sent.public_id}/summary.pdf").content)
    assert "You have not answered these four questions yet" not in text
    # One sent without SURE answers still says so.
    unanswered = sent_summary(make_invitation(dr_a))
    text = pdf_text(client.get(f"/clinic/summaries/{unanswered.public_id}/summary.pdf").content)
    assert "You have not answered these four questions yet" in text

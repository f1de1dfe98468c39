"""Stored data for the benchmark: many people's answers, share links and clinicians, so query
counts and timings can be compared between a nearly empty database and a realistic one.

Run through `manage.py shell`; each call tops the database up to the totals asked for, so a
small seeding can be followed by a large one. It prints one line, `SEEDED {json}`, with what
the benchmark needs to open the pages: a live share link's token and a clinician's sign-in."""

import base64
import hashlib
import json
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from decisionaid.clinicians.models import ClinicianProfile
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.sharing.links import EXPIRY_DAYS
from decisionaid.sharing.models import Invitation, InvitedAnswers, SentSummary, ShareLink, SummaryOpening
from decisionaid.sharing.tokens import hash_token
from decisionaid.summary import build_summary

ANSWERS = {
    "region": "UK",
    "age_band": "25_64",
    "in_danger_now": False,
    **{f"phq9_{n}": 1 for n in range(1, 10)},
    "phq9_9": 0,
    **{f"gad7_{n}": 1 for n in range(1, 8)},
    "concerns": ["depression", "anxiety"],
    "goals": ["coping_skills"],
    "session_fee": 60,
}

CLINICIAN = "bench-clinician-{}"
# The benchmark's own database, in a temporary folder, thrown away after the run.
PASSWORD = "bench-clinician-password"  # noqa: S105
PATIENTS_PER_CLINICIAN = 40  # more than one dashboard page (25)


def share_token(n: int) -> str:
    """The token of the n-th seeded link. Only its hash is stored, as for every link; deriving
    it from n lets the benchmark open a link without the database ever holding a token."""
    return base64.urlsafe_b64encode(hashlib.sha256(f"bench-share-link-{n}".encode()).digest()).rstrip(b"=").decode()


@transaction.atomic
def answer_sets(total: int) -> int:
    missing = total - AnswerSet.objects.count()
    if missing > 0:
        AnswerSet.objects.bulk_create([AnswerSet(answers=ANSWERS) for _ in range(missing)], batch_size=1000)
    return AnswerSet.objects.count()


@transaction.atomic
def share_links(total: int) -> None:
    """Links spread evenly over the stored answers: one in ten revoked, one in ten expired, the
    rest live for 1, 7, 30 or 90 days; most opened a few times."""
    seeded = ShareLink.objects.count()
    if seeded >= total:
        return
    ids = list(AnswerSet.objects.order_by("id").values_list("id", flat=True))
    now = timezone.now()
    rows = []
    for n in range(seeded, total):
        created = now - timedelta(hours=n % 48)
        expires = created + timedelta(days=EXPIRY_DAYS[(n + 2) % len(EXPIRY_DAYS)])
        if n % 10 == 7:
            created, expires = now - timedelta(days=60), now - timedelta(days=30)
        rows.append(
            ShareLink(
                answer_set_id=ids[n * len(ids) // total],
                token_hash=hash_token(share_token(n)),
                created_at=created,
                expires_at=expires,
                revoked_at=now if n % 10 == 3 else None,
            )
        )
    made = ShareLink.objects.bulk_create(rows, batch_size=1000)
    made = ShareLink.objects.filter(token_hash__in=[link.token_hash for link in made]).order_by("id")
    SummaryOpening.objects.bulk_create(
        [
            SummaryOpening(share_link=link, view=SummaryOpening.View.PAGE, opened_at=now - timedelta(hours=k))
            for n, link in enumerate(made)
            for k in range(n % 4)
        ],
        batch_size=1000,
    )


@transaction.atomic
def clinicians(total: int, patients_each: int) -> None:
    """Clinicians with a practice, a live, an expired and a revoked invitation each, and patients
    who started from the live one and sent their summary (what the dashboard lists)."""
    User = get_user_model()
    seeded = User.objects.filter(username__startswith=CLINICIAN.format("")).count()
    if seeded < total:
        password = make_password(PASSWORD)  # one slow hash, shared by every bench clinician
        today, now = timezone.localdate(), timezone.now()
        users = User.objects.bulk_create(
            [User(username=CLINICIAN.format(n), password=password) for n in range(seeded, total)]
        )
        users = list(User.objects.filter(username__in=[user.username for user in users]))
        ClinicianProfile.objects.bulk_create(
            ClinicianProfile(user=user, practice_name=f"Practice {user.pk}", contact="020 7946 0000") for user in users
        )
        Invitation.objects.bulk_create(
            Invitation(
                clinician=user,
                label=label,
                practice_name=f"Practice {user.pk}",
                contact="020 7946 0000",
                region="UK",
                session_fee=60,
                expires_on=today + timedelta(days=days),
                revoked_at=now if label == "Withdrawn" else None,
            )
            for user in users
            for label, days in (("Old leaflet", -10), ("Withdrawn", 30), ("New patients", 90))
        )
    patients(patients_each)


def patients(each: int) -> None:
    """Top every bench clinician up to `each` sent summaries, from answers no one invited yet."""
    summary = build_summary(ANSWERS)
    phq9, gad7 = summary["scores"]["phq9"], summary["scores"]["gad7"]
    live = {
        invitation.clinician_id: invitation
        for invitation in Invitation.objects.live().filter(clinician__username__startswith=CLINICIAN.format(""))
    }
    counts = dict(
        SentSummary.objects.filter(clinician_id__in=live).order_by().values_list("clinician_id").annotate(n=Count("id"))
    )
    wanted = {clinician: each - counts.get(clinician, 0) for clinician in live}
    free = iter(
        AnswerSet.objects.filter(invited__isnull=True)
        .order_by("id")
        .values_list("id", flat=True)[: sum(max(n, 0) for n in wanted.values())]
    )
    now = timezone.now()
    invited, sent = [], []
    for clinician, missing in wanted.items():
        for k in range(missing):
            answer_set = next(free, None)
            if answer_set is None:
                break
            invited.append(InvitedAnswers(answer_set_id=answer_set, invitation=live[clinician]))
            sent.append(
                SentSummary(
                    clinician_id=clinician,
                    invitation=live[clinician],
                    answer_set_id=answer_set,
                    answers=ANSWERS,
                    content_version=summary["content_version"],
                    phq9_total=phq9["total"],
                    phq9_band=phq9["band"],
                    gad7_total=gad7["total"],
                    gad7_band=gad7["band"],
                    crisis=k % 9 == 4,
                    sent_at=now - timedelta(hours=k * 7),
                )
            )
    InvitedAnswers.objects.bulk_create(invited, batch_size=1000)
    SentSummary.objects.bulk_create(sent, batch_size=1000)


def run(summaries: int, links: int = 0, clinician_count: int = 0) -> None:
    answer_sets(summaries)
    clinicians(clinician_count, min(PATIENTS_PER_CLINICIAN, summaries // (5 * max(clinician_count, 1))))
    share_links(links)
    facts = {"share_token": share_token(0), "clinician": CLINICIAN.format(0), "password": PASSWORD}
    print("SEEDED " + json.dumps(facts))

"""Every page a person or a clinician opens takes a few flat queries: at most 9, and the same
number whatever else the database holds (other people's answers, share links, clinicians and
the summaries sent to them). Intended to catch an N+1 before it reaches a busy server. One
of them is the content cache's check that no editor has saved since (content/snapshot.py).

Each page is measured twice, each time for a fresh person: once with N rows of other people's
data stored, once with 3N."""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

import pytest
from django.contrib.auth.models import AbstractBaseUser
from django.test import Client
from django.utils import timezone

from decisionaid.content import snapshot
from decisionaid.questionnaire import steps
from decisionaid.questionnaire.models import AnswerSet
from decisionaid.questionnaire.session import ANSWERS_KEY
from decisionaid.ratelimit.models import TokenBucket
from decisionaid.sharing import links
from decisionaid.sharing.models import Invitation, InvitedAnswers, SentSummary, ShareLink, SummaryOpening
from decisionaid.sharing.tokens import hash_token, new_share_token
from decisionaid.summary import SURE_CODES
from tests.factories import crisis_answers, mild_answers
from tests.questionnaire_helpers import complete, form_data
from tests.sharing_people import copies_of, make_clinician, make_invitation, sent_summary

pytestmark = pytest.mark.django_db

# 8, plus the content cache's one check a request that no editor has saved since (issue 22).
MAX_QUERIES = 9
# A PDF is also counted against the visitor's address (issue 22): one more rate-limit bucket,
# six statements inside a test's transaction (its savepoints included).
EXTRA_QUERIES = {"GET /results/summary.pdf": 6}
N = 30


# --- Stored data ------------------------------------------------------------------------------------


@dataclass
class World:
    """Everyone else's data, grown in rounds, and the clinician whose pages are measured."""

    clinician: AbstractBaseUser
    stored: int = 0
    rounds: int = 0

    def grow(self, n: int) -> None:
        """n more people's answers: a third of them shared by link (some links expired, some
        revoked, most opened), a third sent to our clinician through a new invitation (an expired one beside it),
        and one more clinician with an invitation and patients of their own."""
        self.rounds += 1
        now = timezone.now()
        made = AnswerSet.objects.bulk_create(AnswerSet(answers=mild_answers(), completed_at=now) for _ in range(n))
        people = list(AnswerSet.objects.filter(public_id__in=[a.public_id for a in made]).order_by("id"))
        shared, sent = people[: n // 3], people[n // 3 : 2 * n // 3]

        link_rows = []
        for i, person in enumerate(shared):
            created = now - timedelta(days=40 if i % 5 == 1 else 2)
            link_rows.append(
                ShareLink(
                    answer_set=person,
                    token_hash=hash_token(new_share_token()),
                    created_at=created,
                    expires_at=created + timedelta(days=30),
                    revoked_at=now if i % 5 == 2 else None,
                )
            )
        ShareLink.objects.bulk_create(link_rows)
        opened = ShareLink.objects.filter(answer_set__in=shared)
        SummaryOpening.objects.bulk_create(SummaryOpening(share_link=link, opened_at=now) for link in opened)

        invitation = make_invitation(self.clinician, label=f"Clinic {self.rounds}")
        make_invitation(self.clinician, label=f"Old {self.rounds}", expires_on=timezone.localdate() - timedelta(days=1))
        template = sent_summary(invitation)
        InvitedAnswers.objects.bulk_create(InvitedAnswers(answer_set=p, invitation=invitation) for p in sent)
        rows = copies_of(
            template,
            (
                {"answer_set": person, "crisis": i % 7 == 0, "sent_at": now - timedelta(hours=i)}
                for i, person in enumerate(sent)
            ),
        )
        rows = SentSummary.objects.filter(public_id__in=[row.public_id for row in rows])
        SummaryOpening.objects.bulk_create(
            SummaryOpening(sent_summary=row, clinician=self.clinician, opened_at=now) for row in rows
        )

        other = make_clinician(f"dr_other_{self.rounds}", practice="Hillside Practice")
        elsewhere = make_invitation(other)
        for _ in range(2):
            sent_summary(elsewhere)
        self.stored += n

    @property
    def own_links(self) -> int:
        """How many links the measured person has made: they grow with everything else."""
        return max(self.stored // 10, 1)


# --- The people measured ----------------------------------------------------------------------------


@dataclass
class Visit:
    client: Client
    method: str
    path: str
    data: dict | None = None
    status: int = 200
    headers: dict = field(default_factory=dict)


def person(answers: dict | None = None) -> tuple[Client, AnswerSet]:
    """A person who has answered every step in their browser."""
    client = Client()
    complete(client, mild_answers() if answers is None else answers)
    return client, AnswerSet.objects.get(public_id=client.session[ANSWERS_KEY])


def person_with_links(world: World) -> tuple[Client, list[str]]:
    """A person with complete answers and some share links of their own, each opened once."""
    client, answer_set = person()
    tokens = []
    for _ in range(world.own_links):
        link, token = links.create(answer_set, 30)
        SummaryOpening.objects.create(share_link=link)
        tokens.append(token)
    return client, tokens


def up_to(slug: str) -> Client:
    """A person who has answered every step before this one."""
    client = Client()
    answers = mild_answers()
    for step in steps.STEPS[: steps.STEPS.index(steps.BY_SLUG[slug])]:
        assert client.post(f"/questions/{step.slug}/", form_data(step.slug, answers)).status_code == 302
    return client


def clinician_client(world: World) -> Client:
    client = Client()
    client.force_login(world.clinician)
    return client


def step_get(slug: str) -> Callable[[World], Visit]:
    return lambda world: Visit(up_to(slug), "GET", f"/questions/{slug}/")


def step_post(slug: str) -> Callable[[World], Visit]:
    return lambda world: Visit(up_to(slug), "POST", f"/questions/{slug}/", form_data(slug, mild_answers()), 302)


def results_from_invitation(world: World) -> Visit:
    client = Client()
    invitation = Invitation.objects.live().filter(clinician=world.clinician).first()
    assert client.post(f"/invite/{invitation.token}/").status_code == 302
    complete(client, mild_answers())
    return Visit(client, "GET", "/results/")


def crisis_page(world: World) -> Visit:
    client = Client()
    complete(client, crisis_answers())
    return Visit(client, "GET", "/crisis/")


def youth_page(world: World) -> Visit:
    client = Client()
    assert client.post("/questions/place/", {"region": "UK", "age_band": "under_18"}).status_code == 302
    return Visit(client, "GET", "/young-people/")


def shared(suffix: str) -> Callable[[World], Visit]:
    def visit(world: World) -> Visit:
        _client, tokens = person_with_links(world)
        return Visit(Client(), "GET", f"/s/{tokens[0]}/{suffix}")

    return visit


def invitation_landing(world: World) -> Visit:
    invitation = Invitation.objects.live().filter(clinician=world.clinician).first()
    return Visit(Client(), "GET", f"/invite/{invitation.token}/")


SURE = dict.fromkeys(SURE_CODES, "yes")

PAGES: dict[str, Callable[[World], Visit]] = {
    **{f"GET /questions/{step.slug}/": step_get(step.slug) for step in steps.STEPS},
    **{f"POST /questions/{step.slug}/": step_post(step.slug) for step in steps.STEPS},
    "GET /results/": lambda world: Visit(person()[0], "GET", "/results/"),
    "GET /results/ (from an invitation)": results_from_invitation,
    "GET /results/ (after a crisis answer)": lambda world: Visit(person(crisis_answers())[0], "GET", "/results/"),
    "POST /results/sure/": lambda world: Visit(person()[0], "POST", "/results/sure/", SURE, 302),
    "POST /results/sure/ (htmx)": lambda world: Visit(
        person()[0], "POST", "/results/sure/", SURE, 200, {"HX-Request": "true"}
    ),
    "GET /results/print/": lambda world: Visit(person()[0], "GET", "/results/print/"),
    "GET /results/summary.pdf": lambda world: Visit(person()[0], "GET", "/results/summary.pdf"),
    "GET /crisis/": crisis_page,
    "GET /young-people/": youth_page,
    "GET /": lambda world: Visit(person()[0], "GET", "/"),
    "GET / (first visit)": lambda world: Visit(Client(), "GET", "/"),
    "GET /about/": lambda world: Visit(person()[0], "GET", "/about/"),
    "GET /help-now/": lambda world: Visit(person()[0], "GET", "/help-now/"),
    "GET /privacy/": lambda world: Visit(person()[0], "GET", "/privacy/"),
    "GET /s/<token>/": shared(""),
    "GET /s/<token>/print/": shared("print/"),
    "GET /my-links/": lambda world: Visit(person_with_links(world)[0], "GET", "/my-links/"),
    "GET /invite/<token>/": invitation_landing,
    "GET /accounts/login/": lambda world: Visit(Client(), "GET", "/accounts/login/"),
    "GET /clinic/": lambda world: Visit(clinician_client(world), "GET", "/clinic/"),
    "GET /clinic/invitations/": lambda world: Visit(clinician_client(world), "GET", "/clinic/invitations/"),
}


def queries_for(visit: Visit, budget: int, django_assert_max_num_queries) -> list[str]:
    """The queries of a new person's first view of the page: the clinical content in memory,
    as it is in a running worker (which asks once a request whether it has changed), from an
    address with no rate-limit counts yet."""
    snapshot.current()
    TokenBucket.objects.all().delete()
    headers = {"headers": visit.headers} if visit.headers else {}
    with django_assert_max_num_queries(budget) as captured:
        if visit.method == "POST":
            response = visit.client.post(visit.path, visit.data, **headers)
        else:
            response = visit.client.get(visit.path, **headers)
    assert response.status_code == visit.status, (visit.path, response.status_code)
    return [query["sql"] for query in captured.captured_queries]


# Not named `page`: that is Playwright's fixture, and asking for it would make pytest move these
# tests among the browser tests, whose live server empties the database after each one.
@pytest.mark.parametrize(
    "path",
    [pytest.param(path, marks=pytest.mark.pdf) if path == "GET /results/summary.pdf" else path for path in PAGES],
)
def test_every_page_takes_a_few_queries_however_much_is_stored(path, django_assert_max_num_queries):
    world = World(make_clinician("dr_a"))
    world.grow(N)
    budget = MAX_QUERIES + EXTRA_QUERIES.get(path, 0)
    few = queries_for(PAGES[path](world), budget, django_assert_max_num_queries)
    world.grow(2 * N)
    many = queries_for(PAGES[path](world), budget, django_assert_max_num_queries)
    assert len(many) == len(few), "\n".join(["with N rows:", *few, "", "with 3N rows:", *many])

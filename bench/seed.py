"""Stored data for the benchmark: many people's answers, so query counts can be compared
between a nearly empty database and a realistic one."""

from django.db import transaction

from decisionaid.questionnaire.models import AnswerSet

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


@transaction.atomic
def answer_sets(total: int) -> int:
    missing = total - AnswerSet.objects.count()
    if missing > 0:
        AnswerSet.objects.bulk_create([AnswerSet(answers=ANSWERS) for _ in range(missing)], batch_size=1000)
    return AnswerSet.objects.count()


def run(summaries: int) -> None:
    answer_sets(summaries)

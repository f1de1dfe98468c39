"""Answer sets for tests, built in code. Each returns a fresh dict of contract codes."""


def phq9(*items: int) -> dict:
    return {f"phq9_{n}": value for n, value in enumerate(items, start=1)}


def gad7(*items: int) -> dict:
    return {f"gad7_{n}": value for n, value in enumerate(items, start=1)}


def minimal_answers(**overrides) -> dict:
    """Only what the contract requires: region, age, safety and the PHQ-9."""
    answers = {"region": "UK", "age_band": "25_64", "in_danger_now": False, **phq9(1, 1, 1, 1, 1, 0, 1, 0, 0)}
    answers.update(overrides)
    return answers


def mild_answers(**overrides) -> dict:
    answers = {
        "region": "UK",
        "age_band": "25_64",
        "in_danger_now": False,
        **phq9(1, 1, 1, 1, 1, 0, 1, 0, 0),
        "phq9_difficulty": 1,
        **gad7(1, 1, 1, 0, 0, 1, 0),
        "concerns": ["depression", "anxiety"],
        "goals": ["coping_skills", "symptom_relief"],
        "relief_timing": "months",
        "commitment": "3_to_6_months",
        "session_fee": 60,
        "coverage": "public",
        "medication_view": "unsure",
        "pregnant_or_breastfeeding": "not_applicable",
        "past_treatments": ["none"],
        "style": "structured",
        "importance": {
            "quick_relief": 2,
            "avoid_side_effects": 4,
            "self_understanding": 1,
            "practical_skills": 4,
            "low_cost": 3,
            "few_sessions": 2,
            "lasting_benefit": 3,
        },
    }
    answers.update(overrides)
    return answers


def severe_answers(**overrides) -> dict:
    answers = mild_answers(
        region="US",
        **phq9(3, 3, 3, 3, 2, 3, 2, 2, 0),
        **gad7(3, 3, 2, 2, 2, 2, 2),
        concerns=["depression"],
        relief_timing="weeks",
        commitment="6_to_12_months",
        session_fee=150,
        coverage="private_insurance",
        medication_view="open",
        style="open_ended",
        goals=["understand_patterns", "lasting_change"],
        past_treatments=["cbt", "medication"],
    )
    answers.update(overrides)
    return answers


def crisis_answers(**overrides) -> dict:
    return mild_answers(**{**phq9(2, 2, 2, 2, 1, 2, 1, 1, 1), **overrides})


ALL_CONCERNS = [
    "depression",
    "anxiety",
    "panic",
    "relationships",
    "eating",
    "sleep",
    "trauma",
    "ocd",
    "psychosis",
    "substance_use",
    "grief",
    "personality",
    "self_esteem",
    "physical_stress",
]


def maximal_answers(**overrides) -> dict:
    """Every concern and goal chosen: the longest summary a person can get."""
    return mild_answers(
        concerns=list(ALL_CONCERNS),
        goals=[
            "symptom_relief",
            "coping_skills",
            "understand_patterns",
            "relationships",
            "self_esteem",
            "lasting_change",
            "work",
        ],
        past_treatments=["cbt", "psychodynamic", "other_therapy", "medication"],
        **overrides,
    )


def heaviest_answers(**overrides) -> dict:
    """The longest paper a person can get: every concern and goal, in danger now, under 18 and
    pregnant (the youth, pregnancy and perinatal OCD notices and their lines), an eating
    pattern, and how each past treatment went."""
    answers = {
        **phq9(2, 2, 2, 2, 1, 2, 1, 1, 1),  # thoughts of self-harm on several days
        "in_danger_now": True,
        "age_band": "under_18",
        "pregnant_or_breastfeeding": "pregnant",
        "eating_pattern": "binge_purge",
        "past_treatment_outcomes": {
            "cbt": "did_not_help",
            "psychodynamic": "partly",
            "other_therapy": "did_not_help",
            "medication": "side_effects",
        },
    }
    return maximal_answers(**{**answers, **overrides})

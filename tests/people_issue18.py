"""The three people of the outside review (issue 18), built in code."""

from tests.factories import mild_answers, phq9


def widow_in_scotland(**overrides) -> dict:
    """A 71-year-old widow in Scotland with grief and poor sleep."""
    return mild_answers(region="UK", uk_nation="scotland", age_band="65_plus", concerns=["grief", "sleep"], **overrides)


def teen_in_the_us(**overrides) -> dict:
    """A 17-year-old in the US drinking, with low self-esteem and PHQ-9 item 9 answered."""
    return mild_answers(
        region="US",
        age_band="under_18",
        concerns=["substance_use", "self_esteem"],
        **phq9(2, 2, 1, 2, 1, 2, 1, 1, 1),
        **overrides,
    )


def breastfeeding_mother_in_canada(**overrides) -> dict:
    """A breastfeeding mother in Canada with mild symptoms and relationship problems."""
    return mild_answers(region="CA", pregnant_or_breastfeeding="breastfeeding", concerns=["relationships"], **overrides)

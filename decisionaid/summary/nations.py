"""The four UK nations: a UK person who names their nation (`uk_nation`) reads its own ways
to pay, where to get each option and routes to a professional, and nothing of another
nation's. One who does not name it reads the UK's words, which say what differs, and each
nation's first route, named with its nation."""

from decisionaid import codes

from .answers import label, unique

UK = "UK"


def nation_of(answers: dict) -> str | None:
    """The person's UK nation, or None (not in the UK, or not said)."""
    if answers.get("region") != UK:
        return None
    return answers.get("uk_nation") or None


def _rows(nation: str, topic: str, content: dict) -> list[dict]:
    return [row for row in content["nations"].get(nation, []) if row["topic"] == topic]


def nation_region(region: dict, answers: dict, content: dict) -> dict:
    """The region row with the nation's own words for how care is paid for."""
    nation = nation_of(answers)
    payment = _rows(nation, "payment", content) if nation else []
    if not payment:
        return region
    return {
        **region,
        "payment": payment[0]["text"],
        "payment_sources": unique(payment[0]["sources"]),
        "uk_nation": nation,
        "uk_nation_name": label(codes.UK_NATIONS, nation),
    }


def nation_access(option: dict, answers: dict, content: dict) -> dict | None:
    """The nation's own "where to get it" words for one option, or None."""
    nation = nation_of(answers)
    for row in _rows(nation, "access", content) if nation else []:
        if row["option"] == option["slug"]:
            return {"text": row["text"], "sources": unique(row["sources"])}
    return None


def nation_routes(answers: dict, content: dict) -> list[dict]:
    """Routes to a professional that belong to one nation: the person's nation's, or every
    nation's (each named with its nation) for a UK person who did not say which."""
    if answers.get("region") != UK:
        return []
    nation = nation_of(answers)
    nations = [nation] if nation else [code for code, _name in codes.UK_NATIONS]
    routes = []
    for code in nations:
        # Not said which nation: each nation's first route, so the list stays short.
        for row in _rows(code, "professional", content)[: None if nation else 1]:
            route = {"name": row["name"], "contact": row["text"]}
            for field in ("phone", "url"):
                if row[field]:
                    route[field] = row[field]
            routes.append(route)
    return routes

"""The SURE test of decisional conflict: its four items and the person's answers to them."""

from decisionaid.content import snapshot

from .answers import unique

# The four items' codes, as the person's answers are stored; their wording, help and source
# are content (`SureItem` rows: Légaré F et al., Can Fam Physician 2010).
SURE_CODES = ["sure_of_myself", "understand_information", "risk_benefit_ratio", "encouragement"]
SURE_ANSWERS = ("yes", "no")


def sure_items() -> list[dict]:
    """The SURE items in order, from the content: code, letter, label, question, help, sources."""
    return list(snapshot.current().sure_items)


def sure_summary(sure: dict | None) -> dict:
    sure = sure or {}
    items = []
    for row in sure_items():
        answer = sure.get(row["code"]) if sure.get(row["code"]) in SURE_ANSWERS else None
        items.append(
            {
                "code": row["code"],
                "letter": row["letter"],
                "label": row["label"],
                "question": row["question"],
                "answer": answer,
                "help": row["help"],
                "sources": list(row["sources"]),
            }
        )
    answered = bool(items) and all(item["answer"] for item in items)
    any_no = any(item["answer"] == "no" for item in items)
    return {
        "items": items,
        "answered": answered,
        "any_no": any_no,
        "all_yes": answered and not any_no,
        "yes_count": sum(item["answer"] == "yes" for item in items),
        "sources": unique(key for item in items for key in item["sources"]),
    }

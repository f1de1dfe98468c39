"""Sources: every key the summary uses, cited in full; hard-coded keys the content lacks are
dropped, with the figures that rest on them."""

from decisionaid.content import snapshot

from .answers import unique
from .scores import scores_given


def used_keys(summary: dict) -> list[str]:
    keys = []
    for score in scores_given(summary):
        keys += score["sources"]
    for notice in summary["notices"]:
        keys += notice["sources"]
    for option in summary["options"]:
        for fact in option["facts"]:
            keys += fact["sources"]
        for item in option["evidence"]:
            keys += item["sources"]
        for reason in option["fit_reasons"] + option["consideration_reasons"]:
            keys += reason["sources"]
        keys += option["time"]["sources"] + option["cost"]["sources"]
        if option.get("access"):
            keys += option["access"]["sources"]
    for figure in summary["figures"]:
        keys += figure["sources"]
    for term in summary.get("glossary", []):
        keys += term["sources"]
    for condition in summary.get("conditions", []):
        keys += condition["sources"]
    for care in summary.get("other_care", []):
        keys += care["sources"]
    keys += summary["sure"]["sources"]
    return unique(keys)


def attach_sources(summary: dict) -> None:
    every_source = snapshot.current().sources
    cited = {key: every_source[key] for key in used_keys(summary) if key in every_source}

    def known(keys: list[str]) -> list[str]:
        return [key for key in keys if key in cited]

    for notice in summary["notices"]:
        notice["sources"] = known(notice["sources"])
    for care in summary.get("other_care", []):
        care["sources"] = known(care["sources"])
    for score in scores_given(summary):
        score["sources"] = known(score["sources"])
    summary["figures"] = [figure for figure in summary["figures"] if figure["source"] in cited]

    sources = []
    for key in used_keys(summary):
        row = cited[key]
        source = {"key": key, "label": row["label"], "citation": row["citation"], "approximate": row["approximate"]}
        if row["doi"]:
            source["doi"] = row["doi"]
        if row["url"]:
            source["url"] = row["url"]
        sources.append(source)
    summary["sources"] = sources

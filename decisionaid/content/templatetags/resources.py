"""Picking one kind of line or service out of a region's list, for templates."""

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def of_kind(resources, kind: str) -> list:
    """The resources of one kind (crisis, youth, professional), in their order."""
    return [resource for resource in resources or () if resource.get("kind") == kind]


@register.simple_tag
def crisis_groups(region, answers=None, with_youth=False) -> list[dict]:
    """A region's crisis lines (and youth lines, `with_youth`) as this person should see
    them (decisionaid/content/lines.py), in groups with a title: young people's lines first
    for someone under 18. Without `answers`, the region's lines as given (a summary's)."""
    from decisionaid.content import lines

    young = lines.is_young(answers)
    kinds = lines.KINDS if with_youth or young else ("crisis",)
    chosen = lines.for_person((region or {}).get("resources", []), answers, kinds=kinds)
    youth = {"title": _("For young people"), "lines": [line for line in chosen if line.get("kind") == "youth"]}
    anyone = {
        "title": _("For anyone") if young else "",
        "lines": [line for line in chosen if line.get("kind") != "youth"],
    }
    groups = [youth, anyone] if young else [anyone, youth]
    return [group for group in groups if group["lines"]]


@register.simple_tag
def person_lines(region, answers=None) -> list:
    """The region's crisis and youth lines for this person, for crisis_buttons."""
    from decisionaid.content import lines

    return lines.for_person((region or {}).get("resources", []), answers)

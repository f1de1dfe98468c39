"""Picking one kind of line or service out of a region's list, for templates."""

from django import template

register = template.Library()


@register.filter
def of_kind(resources, kind: str) -> list:
    """The resources of one kind (crisis, youth, professional), in their order."""
    return [resource for resource in resources or () if resource.get("kind") == kind]

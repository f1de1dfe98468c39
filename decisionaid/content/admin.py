"""Admin for content editors: every option, claim, source and region line is editable here."""

from django.contrib import admin
from django.db.models import URLField

from . import models

# A web address typed without its scheme is read as https, as Django 6 will do by default.
HTTPS_URLS = {URLField: {"assume_scheme": "https"}}


@admin.register(models.ContentVersion)
class ContentVersionAdmin(admin.ModelAdmin):
    list_display = ["version", "reviewed_on", "next_review_on"]


@admin.register(models.Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["key", "approximate", "doi"]
    list_filter = ["approximate"]
    search_fields = ["key", "citation", "doi"]
    formfield_overrides = HTTPS_URLS


@admin.register(models.Concern)
class ConcernAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "order"]
    list_editable = ["order"]
    autocomplete_fields = ["description_sources"]


class Sourced:
    """For inline rows that each cite sources: no blank rows, sources picked by search."""

    extra = 0
    autocomplete_fields = ["sources"]


class OptionFactInline(Sourced, admin.StackedInline):
    model = models.OptionFact


class CostItemInline(Sourced, admin.TabularInline):
    model = models.CostItem


class OptionAccessInline(Sourced, admin.StackedInline):
    model = models.OptionAccess


@admin.register(models.Option)
class OptionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "sessions_low", "sessions_high"]
    # Each option's facts, costs and where to get it in each region, edited with the option.
    inlines = [OptionFactInline, CostItemInline, OptionAccessInline]
    autocomplete_fields = ["sessions_sources"]


@admin.register(models.Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["option", "concern", "level", "medicine", "guideline_position", "approximate", "reviewed_on"]
    list_filter = ["option", "level", "concern", "guideline_position", "approximate"]
    search_fields = ["summary"]
    autocomplete_fields = ["sources"]
    list_select_related = ["option", "concern"]


@admin.register(models.FitRule)
class FitRuleAdmin(admin.ModelAdmin):
    list_display = ["option", "question", "value", "kind", "reviewed_on"]
    list_filter = ["option", "kind", "question"]
    search_fields = ["text"]
    autocomplete_fields = ["sources"]
    list_select_related = ["option"]


class ResourceInline(Sourced, admin.TabularInline):
    model = models.Resource
    formfield_overrides = HTTPS_URLS


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "currency", "emergency_number", "reviewed_on"]
    inlines = [ResourceInline]
    autocomplete_fields = ["payment_sources"]


class FigureGroupInline(admin.TabularInline):
    model = models.FigureGroup
    extra = 0


@admin.register(models.Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = ["code", "title", "source", "order", "reviewed_on"]
    list_filter = ["concerns", "options"]
    search_fields = ["code", "title"]
    autocomplete_fields = ["source"]
    filter_horizontal = ["concerns", "options"]
    inlines = [FigureGroupInline]


@admin.register(models.GlossaryTerm)
class GlossaryTermAdmin(admin.ModelAdmin):
    list_display = ["term", "order", "reviewed_on"]
    list_editable = ["order"]
    search_fields = ["term", "meaning"]
    autocomplete_fields = ["sources"]


@admin.register(models.SureItem)
class SureItemAdmin(admin.ModelAdmin):
    list_display = ["order", "letter", "code", "question"]
    list_display_links = ["code"]
    autocomplete_fields = ["sources"]


@admin.register(models.EvidenceScope)
class EvidenceScopeAdmin(admin.ModelAdmin):
    list_display = ["option", "concern", "age", "eating_pattern", "perinatal", "level", "guideline_position", "order"]
    list_filter = ["option", "concern", "age", "eating_pattern", "perinatal"]
    search_fields = ["summary"]
    autocomplete_fields = ["sources"]
    list_select_related = ["option", "concern"]


@admin.register(models.OtherCare)
class OtherCareAdmin(admin.ModelAdmin):
    list_display = ["concern", "age", "eating_pattern", "perinatal", "region", "order", "reviewed_on"]
    list_filter = ["concern", "age", "region"]
    search_fields = ["text"]
    autocomplete_fields = ["sources"]
    list_select_related = ["concern"]


@admin.register(models.PopulationText)
class PopulationTextAdmin(admin.ModelAdmin):
    list_display = ["population", "option", "part", "order", "reviewed_on"]
    list_filter = ["population", "option", "part"]
    search_fields = ["text"]
    autocomplete_fields = ["sources"]


@admin.register(models.NationText)
class NationTextAdmin(admin.ModelAdmin):
    list_display = ["nation", "topic", "option", "name", "order", "reviewed_on"]
    list_filter = ["nation", "topic"]
    search_fields = ["text", "name"]
    autocomplete_fields = ["sources"]
    formfield_overrides = HTTPS_URLS


@admin.register(models.FactFinding)
class FactFindingAdmin(admin.ModelAdmin):
    list_display = ["option", "row", "order", "reviewed_on"]
    list_filter = ["option", "row", "concerns"]
    search_fields = ["text"]
    autocomplete_fields = ["sources"]
    filter_horizontal = ["concerns"]
    list_select_related = ["option"]

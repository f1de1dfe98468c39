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


class OptionFactInline(admin.StackedInline):
    model = models.OptionFact
    extra = 0
    autocomplete_fields = ["sources"]


@admin.register(models.Option)
class OptionAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "order", "sessions_low", "sessions_high"]
    inlines = [OptionFactInline]
    autocomplete_fields = ["sessions_sources"]


@admin.register(models.Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["option", "concern", "level", "reviewed_on"]
    list_filter = ["option", "level", "concern"]
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


class ResourceInline(admin.TabularInline):
    model = models.Resource
    extra = 0
    autocomplete_fields = ["sources"]
    formfield_overrides = HTTPS_URLS


@admin.register(models.Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "currency", "emergency_number", "reviewed_on"]
    inlines = [ResourceInline]
    autocomplete_fields = ["payment_sources"]

"""Only the audit is shown to admins, read-only: when each shared summary was opened, and
by which clinician or link. Answers and sent summaries stay out of the admin."""

from django.contrib import admin

from .models import SummaryOpening


@admin.register(SummaryOpening)
class SummaryOpeningAdmin(admin.ModelAdmin):
    list_display = ["opened_at", "view", "clinician", "share_link", "sent_summary"]
    list_filter = ["view"]
    list_select_related = ["clinician", "share_link", "sent_summary"]
    date_hierarchy = "opened_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

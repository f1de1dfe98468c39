"""Admins see clinicians' invitation links (and may revoke them), and the audit, read-only:
when each shared summary was opened, and by which clinician or link. Answers and sent
summaries stay out of the admin."""

from django.contrib import admin

from .models import Invitation, SummaryOpening


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


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = ["label", "practice_name", "clinician", "expires_on", "revoked_at", "created_at"]
    list_filter = ["revoked_at"]
    search_fields = ["label", "practice_name", "clinician__username"]
    list_select_related = ["clinician"]
    readonly_fields = ["public_id", "created_at", "revoked_at"]
    exclude = ["token"]
    actions = ["revoke"]

    @admin.action(description="Revoke the selected invitation links")
    def revoke(self, request, queryset) -> None:
        for invitation in queryset:
            invitation.revoke()

"""Admins make clinicians here: a user with a clinician profile (practice name and contact).
Passwords are set through Django's own forms, so they are hashed with Argon2."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import ClinicianProfile, Invitation

User = get_user_model()


class ClinicianProfileInline(admin.StackedInline):
    model = ClinicianProfile
    can_delete = False
    extra = 0
    max_num = 1
    verbose_name = "clinician profile"
    verbose_name_plural = "clinician profile (fill in to make this user a clinician)"


admin.site.unregister(User)


@admin.register(User)
class ClinicianUserAdmin(UserAdmin):
    inlines = [ClinicianProfileInline]
    list_display = [*UserAdmin.list_display, "practice"]
    list_select_related = ["clinician"]

    @admin.display(description="practice")
    def practice(self, user) -> str:
        profile = getattr(user, "clinician", None)
        return profile.practice_name if profile else ""


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

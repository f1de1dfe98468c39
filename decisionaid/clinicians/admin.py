"""Admins make clinicians here: a user with a clinician profile (practice name and contact).
Their invitation links are under sharing. Passwords are set through Django's own forms, so they are hashed with Argon2."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin

from .models import ClinicianProfile

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

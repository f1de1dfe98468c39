from django.contrib import admin
from django.urls import include, path

from decisionaid import pages

urlpatterns = [
    path("", pages.home, name="home"),
    path("about/", pages.about, name="about"),
    path("help-now/", pages.help_now, name="help_now"),
    path("privacy/", pages.privacy, name="privacy"),
    path("healthz", pages.healthz, name="healthz"),
    path("", include("decisionaid.questionnaire.urls")),
    path("", include("decisionaid.results.urls")),
    path("", include("decisionaid.sharing.urls")),
    path("", include("decisionaid.clinicians.urls")),
    path("", include("decisionaid.followup.urls")),
    path("", include("decisionaid.safetyplan.urls")),
    path("admin/", admin.site.urls),
]

handler400 = "decisionaid.pages.bad_request"
handler403 = "decisionaid.pages.forbidden"
handler404 = "decisionaid.pages.not_found"
handler500 = "decisionaid.pages.server_error"

from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

urlpatterns = [
    path(
        "accounts/login/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True),
        name="login",
    ),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("clinic/", views.dashboard, name="clinician_dashboard"),
    path("clinic/opened/", views.opened, name="clinician_opened"),
    path("clinic/invitations/", views.invitations, name="clinician_invitations"),
    path("clinic/invitations/<uuid:public_id>/", views.invitation, name="clinician_invitation"),
    path("clinic/invitations/<uuid:public_id>/qr.svg", views.invitation_qr, name="clinician_invitation_qr"),
    path("clinic/invitations/<uuid:public_id>/revoke/", views.invitation_revoke, name="clinician_invitation_revoke"),
    path("clinic/summaries/<uuid:public_id>/", views.summary, name="clinician_summary"),
    path("clinic/summaries/<uuid:public_id>/print/", views.summary_print, name="clinician_summary_print"),
    path("clinic/summaries/<uuid:public_id>/fhir.json", views.summary_fhir, name="clinician_summary_fhir"),
    path("clinic/summaries/<uuid:public_id>/summary.pdf", views.summary_pdf, name="clinician_summary_pdf"),
]

from django.contrib.auth import views as auth_views
from django.urls import path

from . import auth, views

urlpatterns = [
    path("accounts/login/", auth.SignInView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("accounts/password/done/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
    path("clinic/", views.dashboard, name="clinician_dashboard"),
    path("clinic/opened/", views.opened, name="clinician_opened"),
    path("clinic/invitations/", views.invitations, name="clinician_invitations"),
    path("clinic/invitations/<uuid:public_id>/", views.invitation, name="clinician_invitation"),
    path("clinic/invitations/<uuid:public_id>/qr.svg", views.invitation_qr, name="clinician_invitation_qr"),
    path("clinic/invitations/<uuid:public_id>/revoke/", views.invitation_revoke, name="clinician_invitation_revoke"),
    path("clinic/summaries/<uuid:public_id>/", views.summary, name="clinician_summary"),
    path("clinic/summaries/<uuid:public_id>/reviewed/", views.summary_reviewed, name="clinician_summary_reviewed"),
    path("clinic/summaries/<uuid:public_id>/print/", views.summary_print, name="clinician_summary_print"),
    path("clinic/summaries/<uuid:public_id>/fhir.json", views.summary_fhir, name="clinician_summary_fhir"),
    path("clinic/summaries/<uuid:public_id>/summary.pdf", views.summary_pdf, name="clinician_summary_pdf"),
]

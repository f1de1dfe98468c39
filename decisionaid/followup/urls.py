from django.urls import path

from . import views

urlpatterns = [
    path("come-back/new/", views.link_new, name="followup_link_new"),
    path("come-back/reminder.ics", views.reminder, name="followup_reminder"),
    path("come-back/<uuid:public_id>/turn-off/", views.link_revoke, name="followup_link_revoke"),
    path("back/<str:token>/", views.open_link, name="followup_open"),
    path("again/change/", views.change_page, name="followup_change"),
    path("again/<slug:slug>/", views.retake_step, name="followup_step"),
]

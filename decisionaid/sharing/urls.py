from django.urls import path

from . import views

urlpatterns = [
    path("invite/<str:token>/", views.invite, name="invite"),
    path("share/send/", views.send, name="share_send"),
    path("results/leaning/", views.leaning, name="results_leaning"),
    path("share/new-link/", views.link_new, name="share_link_new"),
    path("my-links/", views.my_links, name="my_links"),
    path("my-links/<uuid:public_id>/revoke/", views.link_revoke, name="share_link_revoke"),
    path("my-links/delete-everything/", views.delete_everything, name="delete_everything"),
    path("s/<str:token>/", views.shared, name="shared"),
    path("s/<str:token>/print/", views.shared_print, name="shared_print"),
    path("s/<str:token>/summary.pdf", views.shared_pdf, name="shared_pdf"),
]

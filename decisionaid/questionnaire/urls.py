from django.urls import path

from . import views

urlpatterns = [
    path("questions/<slug:slug>/", views.step, name="step"),
    path("crisis/", views.crisis, name="crisis"),
    path("young-people/", views.youth, name="youth"),
    path("start-over/", views.start_over, name="start_over"),
    path("delete/", views.delete_answers, name="delete_answers"),
    path("deleted/", views.deleted, name="deleted"),
]

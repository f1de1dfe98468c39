from django.urls import path

from . import views

urlpatterns = [
    path("results/", views.results, name="results"),
    path("results/sure/", views.sure, name="results_sure"),
]

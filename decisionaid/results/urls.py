from django.urls import path

from . import views

urlpatterns = [
    path("results/", views.results, name="results"),
    path("results/sure/", views.sure, name="results_sure"),
    path("results/print/", views.print_view, name="results_print"),
    path("results/summary.pdf", views.pdf, name="results_pdf"),
]

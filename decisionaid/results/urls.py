from django.urls import path

from . import views

urlpatterns = [
    path("results/", views.results, name="results"),
    path("results/sure/", views.sure, name="results_sure"),
    path("results/options/<slug:slug>/", views.option_details, name="results_option"),
    path("results/conditions/", views.conditions, name="results_conditions"),
    path("results/figures/", views.figures, name="results_figures"),
    path("results/compare/", views.compare, name="results_compare"),
    path("results/sources/<slug:block>/", views.sources, name="results_sources"),
    path("results/share/", views.share, name="results_share"),
    path("results/questions/", views.questions, name="results_questions"),
    path("results/ready/", views.ready, name="results_ready"),
    path("results/leaning/form/", views.leaning_form, name="results_leaning_form"),
    path("results/care/", views.care, name="results_care"),
    path("results/change/", views.change, name="results_change"),
    path("results/print/", views.print_view, name="results_print"),
    path("results/summary.pdf", views.pdf, name="results_pdf"),
]

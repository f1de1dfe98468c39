from django.urls import path

from . import views

urlpatterns = [
    path("safety-plan/", views.overview, name="safety_plan"),
    path("safety-plan/all/", views.edit, name="safety_plan_edit"),
    path("safety-plan/part/<int:number>/", views.step, name="safety_plan_step"),
    path("safety-plan/in-summary/", views.in_summary, name="safety_plan_in_summary"),
    path("safety-plan/print/", views.print_view, name="safety_plan_print"),
    path("safety-plan/safety-plan.pdf", views.pdf, name="safety_plan_pdf"),
]

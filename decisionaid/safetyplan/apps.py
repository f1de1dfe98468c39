from django.apps import AppConfig


class SafetyPlanConfig(AppConfig):
    name = "decisionaid.safetyplan"
    verbose_name = "Safety plan"

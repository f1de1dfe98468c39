from django.apps import AppConfig


class CliniciansConfig(AppConfig):
    name = "decisionaid.clinicians"
    verbose_name = "Clinicians"

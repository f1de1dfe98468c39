from django.apps import AppConfig


class ResultsConfig(AppConfig):
    name = "decisionaid.results"
    label = "results"
    verbose_name = "Results"

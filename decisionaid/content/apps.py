from django.apps import AppConfig


class ContentConfig(AppConfig):
    name = "decisionaid.content"
    verbose_name = "Clinical content"

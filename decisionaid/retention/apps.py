from django.apps import AppConfig


class RetentionConfig(AppConfig):
    name = "decisionaid.retention"
    verbose_name = "Retention"

from django.apps import AppConfig


class FollowupConfig(AppConfig):
    name = "decisionaid.followup"
    verbose_name = "Follow-up"

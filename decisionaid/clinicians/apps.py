from django.apps import AppConfig


class CliniciansConfig(AppConfig):
    name = "decisionaid.clinicians"
    verbose_name = "Clinicians"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from decisionaid.middleware import start_idle_clock

        # A signed-in session ends after SIGNED_IN_IDLE_MINUTES without a request.
        user_logged_in.connect(start_idle_clock, dispatch_uid="decisionaid-idle-clock")

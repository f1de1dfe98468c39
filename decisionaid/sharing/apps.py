from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "decisionaid.sharing"
    verbose_name = "Sharing"

    def ready(self) -> None:
        from .redact import install

        # gunicorn's loggers, wherever gunicorn was started from (gunicorn.conf.py does the
        # same in the master process).
        install()

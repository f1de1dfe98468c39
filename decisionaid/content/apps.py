from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


def _content_changed(sender, **kwargs) -> None:
    # Any save in the content app (its many-to-many tables included) makes this process
    # read the content afresh; other processes follow within CONTENT_CACHE_SECONDS.
    if sender._meta.app_label == "content":
        from . import snapshot

        snapshot.forget()


class ContentConfig(AppConfig):
    name = "decisionaid.content"
    verbose_name = "Clinical content"

    def ready(self) -> None:
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_content_changed, dispatch_uid=f"content-snapshot-{signal}")

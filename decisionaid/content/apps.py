from django.apps import AppConfig
from django.core.signals import request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save


def _content_changed(sender, **kwargs) -> None:
    # Any save in the content app (its many-to-many tables included) moves the generation on
    # once it commits, so no worker can read the content before the save and keep it after.
    if sender._meta.app_label == "content" and sender.__name__ != "ContentGeneration":
        from . import snapshot

        transaction.on_commit(snapshot.content_saved)


class ContentConfig(AppConfig):
    name = "decisionaid.content"
    verbose_name = "Clinical content"

    def ready(self) -> None:
        from . import snapshot

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_content_changed, dispatch_uid=f"content-cache-{signal}")
        request_started.connect(snapshot.new_request, dispatch_uid="content-cache-request")

"""Delete what is past its retention period (decisionaid/retention/purge.py). Run it daily (cron)."""

from django.core.management.base import BaseCommand

from decisionaid.retention.purge import purge_expired


class Command(BaseCommand):
    help = "Delete answers, share links, sent summaries, sessions and sign-in records past their retention period."

    def handle(self, *args, **options):
        self.stdout.write(purge_expired().report())

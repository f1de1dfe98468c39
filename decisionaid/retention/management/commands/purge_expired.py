"""Delete answers past the retention period, and expired sessions. Run it daily (cron)."""

from django.core.management.base import BaseCommand

from decisionaid.retention.purge import purge_expired


class Command(BaseCommand):
    help = "Delete stored answers and sessions that are past their retention period."

    def handle(self, *args, **options):
        purged = purge_expired()
        self.stdout.write(f"Deleted {purged.answer_sets} rows of old answers and {purged.sessions} expired sessions.")

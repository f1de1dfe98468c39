"""Load the reviewed content release from fixtures/content.json, unless this database
already has that version (so a content editor's admin changes survive a restart)."""

import json

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from decisionaid.content.models import ContentVersion


class Command(BaseCommand):
    help = "Load the clinical content fixture if this database does not have its version yet."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Load even if the version is there.")

    def handle(self, *args, force: bool = False, **options):
        path = settings.BASE_DIR / "fixtures" / "content.json"
        rows = json.loads(path.read_text())
        # The newest release in the file, as ContentVersion.current() orders them.
        newest = max(
            (row for row in rows if row["model"] == "content.contentversion"),
            key=lambda row: (row["fields"]["reviewed_on"], row["pk"]),
        )
        version = newest["fields"]["version"]
        if not force and ContentVersion.objects.filter(version=version).exists():
            self.stdout.write(f"Content {version} is already loaded.")
            return
        call_command("loaddata", str(path), verbosity=0)
        self.stdout.write(f"Loaded content {version}.")

"""`manage.py summarize ANSWERS.json`: the summary of one answers file as JSON on stdout.

`-` reads the answers from standard input. Invalid answers are a CommandError: one line per
problem on stderr, each naming the field, exit code 1, nothing on stdout."""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from decisionaid.summary import build_summary, validate_answers


class Command(BaseCommand):
    help = "Print the decision-aid summary for an answers file (or - for standard input) as JSON."

    def add_arguments(self, parser):
        parser.add_argument("answers", help="Path to an answers JSON file (answers.schema.json), or - for stdin.")

    def handle(self, *args, answers: str, **options):
        data, problems = self._read(answers)
        if not problems:
            problems = validate_answers(data)
        if problems:
            raise CommandError("\n".join(problems), returncode=1)
        self.stdout.write(json.dumps(build_summary(data), ensure_ascii=False, indent=2))

    def _read(self, name: str) -> tuple[object, list[str]]:
        try:
            text = sys.stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            return None, [f"{name}: cannot read the answers file ({reason})."]
        try:
            return json.loads(text), []
        except json.JSONDecodeError as error:
            source = "stdin" if name == "-" else name
            return None, [f"{source}: not valid JSON at line {error.lineno}, column {error.colno} ({error.msg})."]

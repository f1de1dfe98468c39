"""Django's makemessages, also collecting strings marked with N_ (gettext_noop under a short
name, as decisionaid/summary.py marks its figures and SURE test items to translate later)."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=N_"]

"""How long what a person enters is stored, and the daily purge that keeps to it (purge.py,
and `manage.py purge_expired`)."""

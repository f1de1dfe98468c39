"""Sharing a summary: read-only share links a person makes for any professional, summaries
sent to the clinician whose invitation they started from, and the audit of every opening."""

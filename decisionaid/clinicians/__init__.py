"""Clinicians: their accounts and practice details, the invitation links they give patients,
and their dashboard of the summaries patients chose to send them."""

"""The clinical content: options, concerns, evidence, sources and regions, edited in the admin."""

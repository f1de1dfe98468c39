"""Coming back: a private return link, re-taking the PHQ-9 and GAD-7, and the change over time."""

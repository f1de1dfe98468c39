"""decisionaid: a patient-facing aid for choosing a talking therapy or treatment with a professional."""

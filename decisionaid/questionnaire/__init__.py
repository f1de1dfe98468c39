"""The questionnaire: its steps, their forms, the saved answers and crisis routing."""

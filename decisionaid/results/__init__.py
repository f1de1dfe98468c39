"""The results page: a person's summary shown side by side, with the SURE test."""

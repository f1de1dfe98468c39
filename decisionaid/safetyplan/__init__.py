"""A safety plan of the person's own (issue 19, item 4): six short parts after the
Stanley–Brown safety planning intervention (FACTS 14.F), written in their own words, kept
with their answers and deleted with them."""

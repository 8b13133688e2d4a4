"""Words ``anchoring`` reads to place an event."""

# Prepositions that put an event at a place: "in Gaza", "near the border", "across Syria".
PLACE_PREPOSITIONS = frozenset({"in", "at", "near", "inside", "across", "via", "into", "through", "throughout", "outside"})

# spaCy entity labels that name places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

"""Words the spaCy components of ``components`` read while the parse is built."""

# A quotation mark that opens a paragraph belongs to the sentence it opens.
OPENING_QUOTES = frozenset({'"', "'", "“", "‘", "«"})

# Lemmas the English rule lemmatizer gets wrong on words the event coder relies on: it strips
# "-ed" from "staged" and finds the noun "stag", and "hoped" becomes "hop" (which the
# factuality layer needs as "hope").
LEMMA_FIXES = {"staged": "stage", "staging": "stage", "hoped": "hope", "hoping": "hope"}

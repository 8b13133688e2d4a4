"""Every word class the rule layers use, in one place.

One module per layer holds the closed-class and curated word lists that layer reads
(``words.attribution``, ``words.events``, ...); ``words.lexicon`` holds the lists built from
the packaged third-party lexicons. Names are public and say what the list is for: two layers
that need different lists give them different names, and a list two layers share lives once.
Nothing here imports from the rest of the package but ``resources``.
"""

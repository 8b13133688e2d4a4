"""LIKE patterns that match the user's text literally.

In ``LIKE``, ``%`` and ``_`` are wildcards: a search for ``_`` would match every row, and one
for ``100%`` more than it says. Every LIKE query escapes its text with ``literal`` and declares
the escape character with ``ESCAPE`` (the same clause in SQLite and PostgreSQL).
"""

from __future__ import annotations

__all__ = ["ESCAPE", "literal", "containing"]

# The clause to follow every "LIKE ?": backslash is the escape character.
ESCAPE = "ESCAPE '\\'"


def literal(text: str) -> str:
    """``text`` with the escape character and both wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def containing(text: str) -> str:
    """The pattern of values that contain ``text``."""
    return f"%{literal(text)}%"

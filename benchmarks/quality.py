"""The quality gate as a script: every gold set, compared with ``quality_floors.json``.

Equivalent to ``newsgraph eval --all --gate``; extra arguments are passed through
(``--raise-floors``, ``--allow-regression``, ``--data DIR``, ``--errors FILE``).
"""

from __future__ import annotations

import sys

from newsgraph.cli import app

if __name__ == "__main__":
    app(["eval", "--all", "--gate", *sys.argv[1:]], prog_name="newsgraph")

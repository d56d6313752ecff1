"""Fact YAML shared by the end-to-end tests (one copy of each small desk)."""

from __future__ import annotations

LAVROV_SPELLING = """\
  - id: lavrov-spelling
    kind: spelling
    claim: The house spelling is Sergei Lavrov.
    preferred: Sergei Lavrov
    avoid: [Sergey Lavrov]
"""

# A pattern fact whose match would prove that a file was read.
NO_SECRET = """\
facts:
  - id: no-secret
    kind: pattern
    claim: No article leaks the token.
    forbid: 'SECRET-TOKEN'
"""

"""Untrusted text made safe to print on a terminal or into a CI log.

Article text, fact text and file names come from anyone who can open a pull
request. Before the plugin prints them:

* control characters (C0 but newline and tab, DEL, C1: ESC, BEL, CR, CSI,
  OSC ...) are shown as visible escapes (``\\x1b``), so no escape sequence
  reaches the terminal (no colours, titles, cursor moves or hyperlinks);
* bidirectional controls (U+202A–U+202E, U+2066–U+2069, LRM, RLM, ALM) and
  lone surrogates are shown as ``\\u202e`` / ``\\udcff`` escapes, so text
  cannot be reordered on screen or break the output's encoding;
* a line that a GitHub Actions runner would read as a workflow command — one
  that starts, after white space, with ``::`` — gets ``: :`` instead, and
  ``##[`` anywhere becomes ``# #[``. (Under ``GITHUB_ACTIONS`` the plugin also
  stops command processing around everything it prints; this is the second
  lock.)

Ordinary prose, accents and other scripts pass unchanged, and the result is
stable: neutralising it again changes nothing.
"""

from __future__ import annotations

import regex

__all__ = ["neutralise", "neutralise_lines"]

_BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_UNSAFE = regex.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}\ud800-\udfff]")
_COMMAND_START = regex.compile(r"(?m)^([ \t]*):(?=:)")
_LOG_GROUP = regex.compile(r"##(?=\[)")


def _escape(m: regex.Match[str]) -> str:
    c = ord(m.group())
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def neutralise(text: str) -> str:
    """``text`` with no control sequence and no line a CI runner would obey."""
    out = _UNSAFE.sub(_escape, text)
    out = _COMMAND_START.sub(r"\1: ", out)
    return _LOG_GROUP.sub("# #", out)


def neutralise_lines(lines: list[str]) -> list[str]:
    return [neutralise(line) for line in lines]

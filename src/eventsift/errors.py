"""Coded, actionable errors: every error says what went wrong and what to do about it."""
from __future__ import annotations

import re

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


class EventsiftError(Exception):
    """An error a user can act on: ``code`` (E001...), ``message`` and ``hint``."""

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(f"{code}: {message}" + (f" ({hint})" if hint else ""))
        self.code = code
        self.message = message
        self.hint = hint


def printable(value: str, limit: int = 300) -> str:
    """``value`` safe to print on a terminal: control characters (a file name's escape sequences)
    and lone surrogates shown as ``\\xNN`` / ``\\uNNNN``, cut to ``limit`` characters."""
    def show(m: re.Match) -> str:
        code = ord(m.group())
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"

    shown = _CONTROL.sub(show, value)
    return shown if len(shown) <= limit else shown[: limit - 1] + "\u2026"

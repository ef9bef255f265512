"""Coded, actionable errors: every error says what went wrong and what to do about it."""
from __future__ import annotations


class EventsiftError(Exception):
    """An error a user can act on: ``code`` (E001...), ``message`` and ``hint``."""

    def __init__(self, code: str, message: str, hint: str = "") -> None:
        super().__init__(f"{code}: {message}" + (f" ({hint})" if hint else ""))
        self.code = code
        self.message = message
        self.hint = hint

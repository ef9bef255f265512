"""Whole lines that are page furniture rather than report.

A line is tested as a whole (whitespace collapsed, case ignored): a pattern never removes part
of a line, and a sentence that merely mentions "advertisement" or "cookies" is kept. Patterns
are written from the general shape of news-site chrome (menus, share bars, ad slots, consent
banners, credit lines), not from any particular article; they are data, in
``eventsift/lexicon/boilerplate.tsv``.
"""
from __future__ import annotations

import re

from eventsift import lexicon as lex

#: longest line that a credit/link pattern may remove; longer lines are prose (set so that a
#: "Read more: <headline>" link line fits and a paragraph does not)
MAX_LINK_LINE = 160
#: longest line treated as a cookie/consent notice (banners are one or two sentences)
MAX_COOKIE_LINE = 400
#: no pattern can match a longer line (the longest is a credit line of two MAX_LINK_LINE parts);
#: checked first so that long paragraphs cost one comparison
MAX_BOILERPLATE_LINE = max(MAX_COOKIE_LINE, 2 * MAX_LINK_LINE + 40)

_L = MAX_LINK_LINE

# (reason, full-line pattern) from lexicon/boilerplate.tsv, in file order; the first that matches names the reason
_PATTERNS: tuple[tuple[str, str], ...] = tuple(
    (reason, pattern.replace("{L}", str(_L))) for pattern, reason in lex.rows("page_furniture_lines")
)

#: all patterns in one alternation (one fullmatch per line); group gN names pattern N
_COMBINED = re.compile("|".join(f"(?P<g{i}>{pattern})" for i, (_, pattern) in enumerate(_PATTERNS)), re.IGNORECASE)
_REASONS = {f"g{i}": reason for i, (reason, _) in enumerate(_PATTERNS)}

_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_NOTICE = re.compile(r"\b(?:" + lex.alternation("cookie_notice_cues") + r")\b", re.IGNORECASE)


def boilerplate_reason(line: str) -> str | None:
    """Why ``line`` (whitespace already collapsed and stripped) is page furniture, or None."""
    if not line or len(line) > MAX_BOILERPLATE_LINE:
        return None
    m = _COMBINED.fullmatch(line)
    if m:
        return f"{_REASONS[m.lastgroup]}: {line[:60]!r}"
    if len(line) <= MAX_COOKIE_LINE and _COOKIE.search(line) and _COOKIE_NOTICE.search(line):
        return f"cookie notice: {line[:60]!r}"
    return None


def is_boilerplate(line: str) -> bool:
    """True when a raw line (any whitespace) is page furniture."""
    return boilerplate_reason(" ".join(line.split())) is not None

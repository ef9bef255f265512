"""Whole lines that are page furniture rather than report.

A line is tested as a whole (whitespace collapsed, case ignored): a pattern never removes part
of a line, and a sentence that merely mentions "advertisement" or "cookies" is kept. Patterns
are written from the general shape of news-site chrome (menus, share bars, ad slots, consent
banners, credit lines), not from any particular article.
"""
from __future__ import annotations

import re

#: longest line that a credit/link pattern may remove; longer lines are prose (set so that a
#: "Read more: <headline>" link line fits and a paragraph does not)
MAX_LINK_LINE = 160
#: longest line treated as a cookie/consent notice (banners are one or two sentences)
MAX_COOKIE_LINE = 400
#: no pattern can match a longer line (the longest is a credit line of two MAX_LINK_LINE parts);
#: checked first so that long paragraphs cost one comparison
MAX_BOILERPLATE_LINE = max(MAX_COOKIE_LINE, 2 * MAX_LINK_LINE + 40)

_L = MAX_LINK_LINE

# (reason, full-line pattern); the first that matches names the reason
_PATTERNS: tuple[tuple[str, str], ...] = (
    ("navigation", r"skip to (?:the )?(?:main )?(?:content|navigation|search|article)"),
    ("navigation", r"(?:jump|go) to (?:main )?content"),
    ("navigation", r"(?:main )?(?:menu|navigation|search|home|close|back to top|top of page)"),
    ("navigation", r"(?:log ?in|sign ?in|register|sign up|subscribe(?: now)?)(?: ?[/|] ?(?:log ?in|sign ?in|register|sign up|subscribe))*"),
    ("share bar", r"share(?: this)?(?: article| story| page| post| on)?:?"),
    ("share bar", r"(?:share|post|tweet)(?: this)? on (?:facebook|twitter|x|whatsapp|linkedin|reddit|email|messenger|telegram)"),
    ("share bar", r"(?:facebook|twitter|whatsapp|linkedin|reddit|email|e-mail|print|messenger|telegram|pinterest|copy link)(?: ?[|/·•,]? ?(?:facebook|twitter|whatsapp|linkedin|reddit|email|e-mail|print|messenger|telegram|pinterest|copy link))*"),
    ("share bar", r"(?:share|save|print|email)(?: ?[|/·•] ?(?:share|save|print|email|comment|comments))+"),
    ("advertisement", r"(?:advertisement|advertising|advert|ad|sponsored(?: content)?|promoted(?: content)?|story continues below(?: advertisement)?|continue reading (?:the main story|below))"),
    ("link line", rf"(?:read|see) (?:more|also)(?:\s*[:\-\u2013\u2014>»|]\s*.{{0,{_L}}}| (?:about|on|from|stories|news) .{{0,{_L}}})?"),
    ("link line", rf"(?:related(?: articles| stories| content| topics| coverage| news)?|more on this story|more from .{{1,60}}|recommended(?: stories)?|most (?:read|popular|viewed)|top stories|trending(?: now)?)(?:\s*:\s*.{{0,{_L}}})?"),
    ("link line", rf"(?:also read|you may also like|you might also like|more stories|more news|watch|listen|video|watch live|live updates?)\s*:.{{0,{_L}}}"),
    ("link line", rf"click here\b.{{0,{_L}}}"),
    ("social", rf"(?:follow|like|join) us on .{{1,{_L}}}"),
    ("social", rf"(?:sign up|subscribe)\b.{{0,{_L}}}\bnewsletters?\b.{{0,{_L}}}"),
    ("credit", rf"(?:image|photo|picture|video|media) (?:copyright|source|credit)s?\b.{{0,{_L}}}"),
    ("credit", rf"\(?(?:photo|photograph|picture|image|credit|photo credit|pictured|file photo)s?\s*:\s*.{{1,80}}"),
    ("credit", r"(?:getty images|shutterstock|(?:afp|reuters|ap|epa|anadolu)(?: ?/ ?getty images)?|associated press)"),
    ("credit", rf"(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{{4}}\b)).{{0,{_L}}}"),
    ("credit", rf".{{0,{_L}}}\ball rights reserved\.?"),
    ("player", r"media playback is (?:unsupported|not supported) on your device"),
    ("player", r"(?:this|the) video (?:can ?not|cannot|can't) be played|your browser does not support .{0,80}"),
    ("comments", r"(?:\d+ )?comments?|leave a (?:comment|reply)|view comments|show comments"),
    ("age notice", r"this article is more than \d+ (?:years?|months?|days?) old"),
)

#: all patterns in one alternation (one fullmatch per line); group gN names pattern N
_COMBINED = re.compile("|".join(f"(?P<g{i}>{pattern})" for i, (_, pattern) in enumerate(_PATTERNS)), re.IGNORECASE)
_REASONS = {f"g{i}": reason for i, (reason, _) in enumerate(_PATTERNS)}

_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)
_COOKIE_NOTICE = re.compile(
    r"\b(?:we use|this (?:site|website) uses|accept|consent|cookie (?:policy|settings|preferences)|by continuing|privacy policy|manage (?:cookies|preferences))\b",
    re.IGNORECASE,
)


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

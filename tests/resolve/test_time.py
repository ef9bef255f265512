"""Dates: time expressions resolved against the publication date, and the event date of a sentence."""
from __future__ import annotations

from datetime import date

import pytest

from eventsift.models import Span
from eventsift.resolve.time import (filing_date, find_time_expressions, is_ahead, is_background, resolve_event_time,
                                   resolve_expression)

WED = date(2020, 3, 25)  # a Wednesday
MON = date(2020, 3, 23)  # a Monday
DEC = date(2019, 12, 10)
JAN = date(2021, 1, 5)

# (expression, published, expected date, expected precision)
TABLE = [
    ("today", WED, date(2020, 3, 25), 1),
    ("tonight", WED, date(2020, 3, 25), 1),
    ("earlier today", WED, date(2020, 3, 25), 1),
    ("this morning", WED, date(2020, 3, 25), 1),
    ("since midnight", WED, date(2020, 3, 25), 1),
    ("overnight", WED, date(2020, 3, 25), 1),
    ("yesterday", WED, date(2020, 3, 24), 1),
    ("yesterday afternoon", WED, date(2020, 3, 24), 1),
    ("last night", WED, date(2020, 3, 24), 1),
    ("the day before yesterday", WED, date(2020, 3, 23), 1),
    ("on Tuesday", WED, date(2020, 3, 24), 1),
    ("on Wednesday", WED, date(2020, 3, 25), 1),
    ("on Thursday", WED, date(2020, 3, 19), 1),
    ("late on Saturday", WED, date(2020, 3, 21), 1),
    ("early on Monday", WED, date(2020, 3, 23), 1),
    ("Tuesday night", WED, date(2020, 3, 24), 1),
    ("last Sunday", MON, date(2020, 3, 22), 1),
    ("over the weekend", MON, date(2020, 3, 21), 2),
    ("last week", WED, date(2020, 3, 18), 2),
    ("earlier this week", WED, date(2020, 3, 23), 2),
    ("last month", WED, date(2020, 2, 1), 3),
    ("earlier this month", WED, date(2020, 3, 1), 3),
    ("last month", JAN, date(2020, 12, 1), 3),
    ("two days ago", WED, date(2020, 3, 23), 1),
    ("three weeks ago", WED, date(2020, 3, 4), 2),
    ("a month ago", WED, date(2020, 2, 1), 3),
    ("on 21 March 2020", WED, date(2020, 3, 21), 1),
    ("on 21 March 2020", None, date(2020, 3, 21), 1),
    ("21 March", WED, date(2020, 3, 21), 1),
    ("March 21", WED, date(2020, 3, 21), 1),
    ("March 21, 2020", None, date(2020, 3, 21), 1),
    ("the 21st of March", WED, date(2020, 3, 21), 1),
    ("2020-03-21", None, date(2020, 3, 21), 1),
    ("21/03/2020", None, date(2020, 3, 21), 1),
    ("03/21/2020", None, date(2020, 3, 21), 1),
    ("21 Dec", JAN, date(2020, 12, 21), 1),
    ("on 30 December", JAN, date(2020, 12, 30), 1),
    ("in March", DEC, date(2019, 3, 1), 3),
    ("in March", JAN, date(2020, 3, 1), 3),
    ("in March", WED, date(2020, 3, 25), 3),
    ("in March 2016", WED, date(2016, 3, 1), 3),
    ("mid-March 2016", WED, date(2016, 3, 15), 3),
    ("on the night of 3 May", DEC, date(2019, 5, 3), 1),
    ("between 12 and 14 March", WED, date(2020, 3, 12), 2),
    ("12-14 March 2020", None, date(2020, 3, 12), 2),
    ("from 3 to 28 February 2020", None, date(2020, 2, 3), 3),
    ("As reported on 21 March 2020", None, date(2020, 3, 21), 2),
    ("Reported on 16 March 2020", None, date(2020, 3, 16), 2),
    ("around 5 March", WED, date(2020, 3, 5), 2),
    ("Around 5 March 2020 (week of)", None, date(2020, 3, 5), 2),
    ("Around 5 March 2020 (month of)", None, date(2020, 3, 5), 3),
    ("Around 5 April 2021 (between 5 - 6 April)", None, date(2021, 4, 5), 2),
    ("On 16 November (or around)", DEC, date(2019, 11, 16), 2),
    ("Week of 3 March", WED, date(2020, 3, 3), 2),
    ("yesterday (24 July)", date(2011, 7, 24), date(2011, 7, 24), 1),
    ("at the end of June", DEC, date(2019, 6, 24), 2),
]


@pytest.mark.parametrize(("expr", "published", "expected", "precision"), TABLE)
def test_resolve_expression(expr, published, expected, precision):
    ref = resolve_expression(expr, published)
    assert (ref.date, ref.precision) == (expected, precision), ref.reason
    assert ref.reason


@pytest.mark.parametrize("expr", ["today", "on Tuesday", "last week", "in March", "21 March", "two days ago"])
def test_relative_expressions_stay_unresolved_without_publication_date(expr):
    ref = resolve_expression(expr, None)
    assert ref.date is None and ref.precision is None
    assert "unknown" in ref.reason
    assert not ref.resolved


def test_dateparser_fallback_handles_wording_without_a_rule():
    ref = resolve_expression("Sept. 5th, 2019 at noon", None)
    assert ref.date == date(2019, 9, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On 21 March 2020, 12 militants were killed.", ["On 21 March 2020"]),
        ("Police said on Tuesday that two people died overnight.", ["on Tuesday", "overnight"]),
        ("As reported on 5 March 2020, 3 soldiers were killed.", ["As reported on 5 March 2020"]),
        ("Around 3 March 2022 (between 3 - 4 March), farmers clashed.", ["Around 3 March 2022 (between 3 - 4 March)"]),
        ("A 22-year-old man was shot at 5 pm near the market.", []),
        ("The war, in its sixth year, has killed thousands since 2011.", ["since 2011"]),
        ("Protesters may gather again, officials said.", []),
        ("People of the Red Wednesday movement marched.", []),
        # "on" inside a word is no modifier: "election in April", not "on in April"
        ("They rejected the election in April, officials said.", ["in April"]),
    ],
)
def test_find_time_expressions(text, expected):
    assert [s.text for s in find_time_expressions(text)] == expected


def test_find_time_expressions_offsets_point_into_the_text():
    text = "Intro. Gunmen attacked a post late on Saturday, police said."
    start = text.index("Gunmen")
    spans = find_time_expressions(text, start, len(text))
    assert len(spans) == 1
    sp = spans[0]
    assert text[sp.start:sp.end] == sp.text == "late on Saturday"
    assert find_time_expressions(text, 0, start) == []


def _sentence(text: str) -> Span:
    return Span(0, len(text), text)


@pytest.mark.parametrize(
    ("text", "published", "expected", "precision"),
    [
        ("On 21 March 2020, 12 Taliban militants were killed.", date(2020, 3, 21), date(2020, 3, 21), 1),
        ("Gunmen killed two farmers on Tuesday, police said.", WED, date(2020, 3, 24), 1),
        ("Gunmen killed two farmers, police said.", WED, WED, 1),
        # a war's toll since a year long past is background (is_background says so)
        ("The war has killed 380,000 people since 2011.", WED, date(2011, 1, 1), 3),
        ("Under agreements reached in the 1990s, troops carry no firearms.", WED, date(1999, 1, 1), 3),
        ("The UN recorded 2,640 deaths in the first nine months of 2019.", date(2020, 1, 10), date(2019, 1, 1), 3),
        ("Since January, the group has seized large parts of the province.", date(2020, 6, 1), date(2020, 1, 1), 3),
        # ... but a "since" inside a clause about something else dates nothing
        ("Students marched against the refusal to pay teachers who have been on strike since January.",
         date(2020, 6, 1), date(2020, 6, 1), 1),
        # a dateline's date is the filing date; the sentence's own day wins
        ("NEW DELHI, March 25 (Agency) - Twenty soldiers were killed in a clash on Monday night.", WED,
         date(2020, 3, 23), 1),
        ("KABUL, March 25 (Agency) - A bomb killed four people.", WED, WED, 1),
        # the day a statement was made is not the day of what it reports
        ("The minister said on Wednesday that the jet that crashed on Tuesday was shot down.", WED,
         date(2020, 3, 24), 1),
        ("China on Wednesday accused troops of attacking its soldiers on Monday.", WED, date(2020, 3, 23), 1),
        # the day a toll was revised is not the day of the deaths
        ("A bomb killed 12 people on Monday, and the toll rose to 20 on Wednesday.", WED, date(2020, 3, 23), 1),
        # only a day after publication: what is planned
        ("The army agreed to hand over the district on 30 March.", WED, date(2020, 3, 30), 1),
        ("Students protested the election held on 28 April.", date(2019, 5, 2), date(2019, 5, 2), 1),
        ("Talks are due on 30 March, a week after clashes on Sunday.", WED, date(2020, 3, 22), 1),
        ("A 22-year-old was shot dead at 5 pm yesterday.", WED, date(2020, 3, 24), 1),
        ("Reported on 8 March 2020, Taliban militants clashed with the army.", date(2020, 3, 8), date(2020, 3, 8), 2),
        ("Strikes continued in July, unions said.", date(2016, 7, 15), date(2016, 7, 15), 3),
        # an election's month dates the election, not the riot
        ("Rioters demanded seats in the legislative election in April and blocked the road.", date(2019, 2, 26),
         date(2019, 2, 26), 1),
    ],
)
def test_resolve_event_time(text, published, expected, precision):
    ref = resolve_event_time(text, _sentence(text), published)
    assert (ref.date, ref.precision) == (expected, precision), ref.reason


@pytest.mark.parametrize(
    ("text", "background", "ahead"),
    [
        ("The war has killed 380,000 people since 2011.", True, False),
        ("A Dec. 15 attack on a police station killed 11 officers.", True, False),
        ("The army agreed to hand over the district on 30 March.", False, True),
        ("Gunmen killed two farmers on Tuesday.", False, False),
        ("Gunmen killed two farmers last month.", False, False),
    ],
)
def test_background_and_planned_events(text, background, ahead):
    ref = resolve_event_time(text, _sentence(text), WED)
    assert (is_background(ref, WED), is_ahead(ref, WED)) == (background, ahead), ref.reason


def test_event_time_defaults_to_publication_day_with_reason():
    text = "Gunmen killed two farmers."
    ref = resolve_event_time(text, _sentence(text), WED)
    assert ref.reason == "no date in sentence: publication date"
    assert ref.span is None


def test_event_time_without_publication_date():
    text = "Gunmen killed two farmers on Tuesday."
    assert resolve_event_time(text, _sentence(text), None).date is None
    plain = "Gunmen killed two farmers."
    assert resolve_event_time(plain, _sentence(plain), None).date is None
    explicit = "On 21 March 2020, gunmen killed two farmers."
    assert resolve_event_time(explicit, _sentence(explicit), None).date == date(2020, 3, 21)


def test_event_time_looks_only_inside_the_sentence():
    text = "On 2 March 2020, a bomb exploded. Police arrested a suspect on Tuesday."
    second = Span(text.index("Police"), len(text), text[text.index("Police"):])
    ref = resolve_event_time(text, second, WED)
    assert ref.date == date(2020, 3, 24)
    assert ref.span is not None and text[ref.span.start:ref.span.end] == "on Tuesday"


def test_event_time_never_uses_processing_date():
    text = "Clashes broke out today."
    ref = resolve_event_time(text, _sentence(text), date(2001, 1, 1))
    assert ref.date == date(2001, 1, 1)


@pytest.mark.parametrize("text, expected", [
    ("NAIROBI, Jan 16, 2016 (Wire) - Militants overran a base on Friday.", "2016-01-16"),
    ("Published 16 January 2016\n\nMilitants overran a base on Friday.", "2016-01-16"),
    ("Updated: March 3, 2021 09:12 GMT\nPolice fired on marchers on Tuesday.", "2021-03-03"),
    ("3 March 2021\n\nPolice fired on marchers on Tuesday.", "2021-03-03"),
    # a date in the report's prose is when something happened, not when it was filed
    ("On 3 March 2021, police fired on marchers in the capital.", None),
    # a dateline without a year cannot be placed in time on its own
    ("NAIROBI, Jan 16 (Wire) - Militants overran a base on Friday.", None),
])
def test_filing_date_from_the_reports_opening(text, expected):
    ref = filing_date(text)
    assert (str(ref.date) if ref else None) == expected


"""Which whole lines count as page furniture, and which prose lines must stay."""
from __future__ import annotations

import pytest

from eventsift.clean import boilerplate_reason, is_boilerplate


@pytest.mark.parametrize(
    "line",
    [
        "skip to main content",
        "Skip to content",
        "Share this",
        "Share this article",
        "Share on Facebook",
        "Facebook Twitter Email",
        "Advertisement",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Read more",
        "Read more: Talks stall over border crossing",
        "READ MORE - Floods displace thousands",
        "Related articles",
        "Follow us on Twitter and Facebook",
        "Sign up for our daily newsletter",
        "Image copyright AFP",
        "Image source, Getty Images",
        "Photo: Reuters",
        "(Photo: EPA)",
        "Getty Images",
        "© 2016 Example Media. All rights reserved.",
        "Copyright 2020 Some Wire Service",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Media playback is unsupported on your device",
        "12 comments",
        "This article is more than 5 years old",
        "Menu",
    ],
)
def test_boilerplate_lines(line):
    assert boilerplate_reason(line) is not None
    assert is_boilerplate("  " + line.replace(" ", "\u00a0") + "\r\n")


@pytest.mark.parametrize(
    "line",
    [
        "",
        "Syrian rebels get proposal to quit the city",
        "Rebels said the advertisement for recruits appeared on Tuesday.",
        "Share prices fell after the attack on the refinery.",
        "Copyright disputes are not the issue here, the minister said.",
        "The group used photos to identify the victims: five were children.",
        "Read the statement in full, the spokesman told reporters, before leaving.",
        "Cookies and sweets were handed out to the crowd at the rally.",
        "Officials said the menu of options for the talks had narrowed. " * 8,
        "Follow-up talks are due next week.",
    ],
)
def test_prose_lines_stay(line):
    assert boilerplate_reason(line.strip()) is None

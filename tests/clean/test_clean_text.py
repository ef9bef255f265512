"""clean_text: what is removed, what is kept, and the exact map back to original offsets."""
from __future__ import annotations

import random

import pytest

from eventsift.clean import REPEATED_LINE, clean_text

SEED_NAME = "aleppo-palmyra-2016-12-11.txt"


def assert_map_exact(original: str, cleaned) -> None:
    """Every cleaned character comes from the original at to_original(i): the same character,
    or (for normalised whitespace) a whitespace character."""
    text = cleaned.text
    for i, ch in enumerate(text):
        o = cleaned.to_original(i)
        assert 0 <= o < len(original)
        if original[o] != ch:
            assert ch in " \n" and original[o] in "\u00a0\u2007\u202f\r\u2028\u2029", (i, ch, original[o])
    # offsets increase strictly: nothing is duplicated or reordered
    mapped = [cleaned.to_original(i) for i in range(len(text))]
    assert mapped == sorted(set(mapped))
    assert cleaned.to_original(len(text)) <= len(original)


def test_seed_removes_menu_line_and_second_caption_only(shared_data):
    path = shared_data / "seed" / SEED_NAME
    if not path.exists():
        pytest.skip("seed report absent")
    original = path.read_text(encoding="utf-8")
    cleaned = clean_text(original)
    removed = [(r.span.text.strip(), r.reason) for r in cleaned.removed]
    assert len(removed) == 2
    assert removed[0][0] == "skip to main content"
    assert removed[0][1].startswith("navigation")
    assert removed[1][1] == REPEATED_LINE
    caption = removed[1][0]
    assert cleaned.text.count(caption) == 1
    assert "skip to main content" not in cleaned.text
    # nothing else went: lengths add up, minus the removed lines
    assert len(cleaned.text) + sum(len(r.span.text) for r in cleaned.removed) == len(original)
    for r in cleaned.removed:
        assert original[r.span.start : r.span.end] == r.span.text
    assert_map_exact(original, cleaned)
    assert "\u00a0" not in cleaned.text


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        ("plain text\n", "plain text\n"),
        ("", ""),
        ("a\r\nb\r\n", "a\nb\n"),
        ("a\rb", "a\nb"),
        ("x\u00a0y\u202fz", "x y z"),
        ("\ufeffhead\u200bline", "headline"),
        ("Advertisement\nKept line.\n", "Kept line.\n"),
        ("Kept line.\nShare this\n", "Kept line.\n"),
        ("Caption here\nCaption here\n\nBody.", "Caption here\n\nBody."),
        ("Caption here\r\nCaption\u00a0here\r\nBody.", "Caption here\nBody."),
        ("Same\n\nSame\n", "Same\n\nSame\n"),  # a repeat must be adjacent
        ("Same\nSame\nSame\n", "Same\n"),
        ("Body one.\nskip to main content", "Body one.\n"),
    ],
)
def test_clean_table(original, expected):
    cleaned = clean_text(original)
    assert cleaned.text == expected
    assert_map_exact(original, cleaned)


def test_removed_spans_point_into_original():
    original = "Menu\nFirst para.\nAdvertisement\nSecond para.\nFollow us on Twitter\n"
    cleaned = clean_text(original)
    assert cleaned.text == "First para.\nSecond para.\n"
    assert [original[r.start : r.end] for r in cleaned.removed] == [
        "Menu\n",
        "Advertisement\n",
        "Follow us on Twitter\n",
    ]
    assert all(r.reason for r in cleaned.removed)


def test_span_to_original_skips_removed_stretch():
    original = "Alpha one.\nAdvertisement\nBeta two.\n"
    cleaned = clean_text(original)
    start = cleaned.text.index("Beta")
    s, e = cleaned.span_to_original(start, start + len("Beta two."))
    assert original[s:e] == "Beta two."
    # a span ending right before a removed line does not swallow it
    s, e = cleaned.span_to_original(0, len("Alpha one.\n"))
    assert original[s:e] == "Alpha one.\n"
    # an empty span maps to a point
    assert cleaned.span_to_original(3, 3) == (3, 3)


def test_from_original_spans():
    original = "Alpha one.\nAdvertisement\nBeta two.\n"
    cleaned = clean_text(original)
    b = original.index("Beta")
    start, end = cleaned.span_from_original(b, b + 9)
    assert cleaned.text[start:end] == "Beta two."
    # a span that covers a removed line shrinks to what is kept of it
    a = original.index("Advertisement")
    start, end = cleaned.span_from_original(a, a + len("Advertisement\n"))
    assert start == end == cleaned.text.index("Beta")
    with pytest.raises(IndexError):
        cleaned.from_original(len(original) + 1)


def test_to_original_bounds():
    cleaned = clean_text("abc")
    assert cleaned.to_original(3) == 3
    with pytest.raises(IndexError):
        cleaned.to_original(4)
    with pytest.raises(IndexError):
        cleaned.to_original(-1)
    empty = clean_text("Advertisement\n")
    assert empty.text == ""
    assert empty.to_original(0) == 0


@pytest.mark.parametrize(
    ("original", "unchanged"),
    [("no clutter here.\n", True), ("a\u00a0b", True), ("a\r\nb", False), ("Share this\nx", False), ("", True)],
)
def test_offsets_unchanged(original, unchanged):
    assert clean_text(original).offsets_unchanged is unchanged


_ALPHABET = ["a", "b", "Z", ".", " ", "\n", "\r", "\r\n", "\u00a0", "\u202f", "\u200b", "\ufeff", "\u2028", "é"]
_LINES = ["Advertisement", "Share this", "Photo: AFP", "Read more", "Rebels took the town."]


@pytest.mark.parametrize("seed", range(40))
def test_random_texts_map_exactly(seed):
    rng = random.Random(seed)
    parts: list[str] = []
    for _ in range(rng.randint(0, 60)):
        if rng.random() < 0.15:
            line = rng.choice(_LINES)
            parts.append(line + rng.choice(["\n", "\r\n"]))
            if rng.random() < 0.3:
                parts.append(line + "\n")
        else:
            parts.append(rng.choice(_ALPHABET))
    original = "".join(parts)
    cleaned = clean_text(original)
    assert_map_exact(original, cleaned)
    # the inverse map: kept characters map back to themselves, removed ones to the next kept
    for i in range(len(cleaned.text)):
        assert cleaned.from_original(cleaned.to_original(i)) == i
    for o in range(len(original) + 1):
        c = cleaned.from_original(o)
        assert c == sum(1 for i in range(len(cleaned.text)) if cleaned.to_original(i) < o)
    # every original character is either kept (mapped to), dropped as a whitespace control, or
    # inside a removed line
    kept = {cleaned.to_original(i) for i in range(len(cleaned.text))}
    removed = {i for r in cleaned.removed for i in range(r.start, r.end)}
    for i, ch in enumerate(original):
        if i not in kept and i not in removed:
            assert ch in "\r\u200b\u200c\u200d\u2060\ufeff", (i, repr(ch))


def test_linear_time_on_large_text():
    import time

    body = "".join(f"Forces shelled the town on day {i}, killing three people.\n" for i in range(50))
    original = ("Advertisement\n" + body + "Share this\n") * 200  # ~600 kB
    t0 = time.perf_counter()
    cleaned = clean_text(original)
    elapsed = time.perf_counter() - t0
    assert len(cleaned.removed) == 400
    assert elapsed < 2.0
    assert cleaned.to_original(len(cleaned.text) - 1) == len(original) - len("Share this\n") - 1

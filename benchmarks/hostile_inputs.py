"""A generated corpus of hostile inputs, for the hardening tests and ``make bench``.

``write_corpus(folder, n)`` writes at least ``n`` inputs of every kind that has broken or
stalled a run (deep JSON nesting, huge integers, lone surrogates, byte order marks, UTF-16/32,
NUL bytes, symbol and emoji floods, duplicate ids and texts, weird ids, impossible dates, gzip
bombs, named pipes, symbolic link loops, device links, file names with escape sequences ...)
mixed with ordinary reports, and returns how many inputs it wrote: the number of article rows
a run over the folder must leave in a new store.

Everything is made up here from a seeded random generator; nothing is read from elsewhere.
"""
from __future__ import annotations

import codecs
import gzip
import json
import os
import random
import zlib
from pathlib import Path

_PLACES = ("Kafr Hamra", "Tunis", "Lagos", "Gao", "Kunduz", "Taizz", "Mopti", "Marib", "Bunia", "Sittwe")
_ACTS = ("Police fired tear gas at protesters in {p} on Monday.",
         "Gunmen killed three villagers near {p} on Sunday, officials said.",
         "Troops clashed with rebels outside {p}, leaving two soldiers dead.",
         "Hundreds marched in {p} to demand the release of detained students.")
#: characters a symbol flood is made of (punctuation, symbols, emoji, combining marks)
_FLOOD = ("=", "&", "'s", "-", ".", "!?", "\U0001F600", "\U0001F4A5\u200d", "\u0301", "#", "*_", "|", "~")


def _report(rng: random.Random) -> str:
    place = rng.choice(_PLACES)
    return " ".join(rng.choice(_ACTS).format(p=place) for _ in range(rng.randint(1, 3)))


def _jsonl_lines(rng: random.Random, n: int, flood_chars: int) -> list[bytes]:
    """``n`` lines, each one input (blank lines are added between, and are not inputs)."""
    makers = [
        lambda: json.dumps({"id": f"ok-{rng.random()}", "text": _report(rng)}),
        lambda: "[" * rng.randint(1000, 20000) + "]" * 10,
        lambda: '{"text": "' + _report(rng) + '", "n": ' + "9" * rng.randint(4301, 20000) + "}",
        lambda: '{"id": ' + "7" * rng.randint(4301, 6000) + ', "text": "' + _report(rng) + '"}',
        lambda: '{"text": "' + _report(rng) + ' \\ud83d cut"}',
        lambda: '{"text": "\\udc00\\ud800' + _report(rng) + '"}',
        lambda: json.dumps({"id": rng.choice([[], {"a": 1}, True, None, 1.5, "x" * 100_000, "a\x1b[2Jb", " "]),
                            "text": _report(rng)}),
        lambda: json.dumps({"id": "dup", "text": _report(rng)}),
        lambda: json.dumps({"id": "same", "text": "Police fired tear gas at protesters in Tunis."}),
        lambda: json.dumps({"text": "Gunmen killed three villagers near Gao on Sunday."}),
        lambda: json.dumps({"text": _report(rng), "published": rng.choice(
            ["9999-12-31", "0001-01-01", "2020-02-30", "yesterday", 20200101, {"y": 1}, "-5000-01-01", "1e400"])}),
        lambda: json.dumps({"text": rng.choice(_FLOOD) * (flood_chars // 2)}),
        lambda: json.dumps({"text": _report(rng) + " " + rng.choice(_FLOOD) * 5000 + " " + _report(rng)}),
        lambda: json.dumps({"html": "<div>" * 5000 + "<p>" + _report(rng) + "</p>" + "</div>" * 5000}),
        lambda: json.dumps({"text": _report(rng).replace(" ", "\x00", 1)}),
        lambda: json.dumps({"text": rng.choice([1, [], {}, True])}),
        lambda: rng.choice(["{}", "[]", "null", "1", '"text"', "NaN", "{", '{"text": "unterminated', "\x00\x00"]),
        lambda: json.dumps({"text": "\u202e" + _report(rng) + "\ufeff\u200b", "language": rng.choice(["en", "xx", 5])}),
        lambda: json.dumps({"text": "a" * rng.randint(1000, 50_000)}),
    ]
    lines = []
    for i in range(n):
        line = makers[i % len(makers)]()
        lines.append(line.encode("utf-8", "surrogatepass"))
    return lines


def write_corpus(folder: Path, n: int = 2000, *, seed: int = 16, flood_chars: int = 200_000) -> int:
    """Write at least ``n`` hostile inputs under ``folder``; return how many inputs were written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    count = 0

    def put(name: str, data: bytes, inputs: int = 1) -> None:
        nonlocal count
        (folder / name).write_bytes(data)
        count += inputs

    # files, one input each
    report = _report(rng)
    put("bom.txt", codecs.BOM_UTF8 + report.encode())
    for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"):
        put(f"wide-{codec}.txt", _report(rng).encode(codec))
    put("nul.txt", (_report(rng) * 10).encode() + b"\x00" + _report(rng).encode())
    put("binary.txt", bytes(rng.randrange(256) for _ in range(5000)))
    put("empty.txt", b"")
    put("latin1.html", f"<html><body><p>{_report(rng)} Caf\u00e9.</p></body></html>".encode("latin-1"))
    put("nested.html", b"<html><body>" + b"<div>" * 100_000 + _report(rng).encode() + b"</div>" * 100_000 + b"</body></html>")
    put("amp.html", b"<html><body><p>" + b"&amp;" * 200_000 + b"</p></body></html>")
    put("flood.txt", ("\U0001F600" * flood_chars).encode())
    put("symbols.txt", ("=" * flood_chars).encode())
    put("list.json", json.dumps([{"id": "j1", "text": _report(rng)}, {"id": "j1", "text": _report(rng)}]).encode(), 2)
    put("deep.json", b"[" * 100_000)
    put("notes.pdf", b"%PDF-1.4")
    put("odd\x1b[31mname\x07.txt", _report(rng).encode())
    put("copy-a.txt", b"Police fired tear gas at protesters in Tunis.")
    put("copy-b.txt", b"Police fired tear gas at protesters in Tunis.")
    with gzip.open(folder / "r.txt.gz", "wb") as out:
        out.write(_report(rng).encode())
    count += 1
    # 20 MB of blank lines in 20 kB: no input until the ratio check stops it, then one failed row
    put("bomb.jsonl.gz", gzip.compress(b"\n" * 20_000_000, compresslevel=9))
    # cut short: the complete lines it holds, then one failed row for the rest
    cut = gzip.compress(("\n".join(json.dumps({"id": f"cut-{i}", "text": _report(rng)}) for i in range(300))
                         + "\n").encode())[:600]
    inflated = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(cut)
    put("truncated.jsonl.gz", cut, inflated.count(b"\n") + 1)
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pipe.jsonl")
        count += 1
    os.symlink(folder / "loop.txt", folder / "loop.txt")
    os.symlink(folder / "gone.txt", folder / "broken.txt")
    os.symlink("/dev/zero", folder / "zero.jsonl")
    (folder / "dir.txt").mkdir()
    (folder / "dir.txt" / "inner.txt").write_bytes(_report(rng).encode())
    count += 4

    # JSONL files: the bulk of the corpus
    remaining = max(n - count, 0)
    per_file = 200
    index = 0
    while remaining > 0:
        take = min(per_file, remaining)
        lines = _jsonl_lines(rng, take, flood_chars if index == 0 else 2000)
        codec = ("utf-8", "utf-8-sig", "utf-16", "utf-32-le")[index % 4]
        body = b"\n\n".join(lines) + b"\n"
        if codec != "utf-8":
            body = body.decode("utf-8", "surrogatepass").encode(codec, "surrogatepass")
        put(f"feed-{index:03d}.jsonl", body, take)
        remaining -= take
        index += 1
    return count

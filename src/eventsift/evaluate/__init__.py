"""eventsift's own evaluation, with the same definitions as the reference scorer.

A predicted event matches a gold event of the same event_type within ``MATCH_KM`` and
``MATCH_DAYS`` (or inside the gold ``date_window``); pairs are taken greedily, right sub-type
first, then nearest in space, then in time. Fields are compared on matched pairs. Unmatched
predictions are false positives; optional gold events (``required: false``) may be matched but
are not missed. A prediction whose evidence lies wholly inside listed non-event sentences, or
that breaks a ``forbid`` rule, is a violation. The primary sub-type figure compares each
article's first required gold event with its most confident prediction.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Iterable

from .. import lexicon as lex
from ..taxonomy import INTER_NAMES

MATCH_KM = 100.0
NEAR_KM = 25.0
MATCH_DAYS = 2
#: ACLED's actor type names, lower case, as gold files write them: singular or plural ("rebel groups")
_INTER_BY_NAME = {form: code for code, name in INTER_NAMES.items()
                  for form in (name.lower(), name.lower() if name.endswith("s") else name.lower() + "s")}
_ACTOR_STOPWORDS = lex.words("actor_name_filler_words")


def haversine_km(lat1, lon1, lat2, lon2) -> float:
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return math.inf
    phi1, phi2 = math.radians(float(lat1)), math.radians(float(lat2))
    dphi, dlmb = phi2 - phi1, math.radians(float(lon2) - float(lon1))
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _day(value) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def _days_off(gold: dict, predicted) -> float:
    p = _day(predicted)
    window = gold.get("date_window")
    if window:
        lo, hi = _day(window[0]), _day(window[-1])
        if p is None or lo is None or hi is None:
            return math.inf
        return 0 if lo <= p <= hi else min(abs((p - lo).days), abs((p - hi).days))
    g = _day(gold.get("date"))
    return math.inf if p is None or g is None else abs((p - g).days)


def inter_code(value) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, int) or str(value).isdigit():
        return int(value)
    return _INTER_BY_NAME.get(str(value).strip().lower())


def same_actor(gold, pred) -> bool:
    """Names agree when half the content words of the shorter one are shared."""
    def words(name):
        name = re.sub(r"\(.*?\)", " ", str(name or "").lower())
        return {w for w in re.findall(r"[a-z0-9]+", name) if w not in _ACTOR_STOPWORDS}
    g, p = words(gold), words(pred)
    return bool(g and p) and len(g & p) / min(len(g), len(p)) >= 0.5


def _evidence_spans(text: str, evidence) -> list[tuple[int, int]]:
    spans = []
    for piece in evidence or []:
        piece = {"text": piece} if isinstance(piece, str) else piece
        at = text.find(piece["text"]) if piece.get("text") else -1
        if at >= 0:
            spans.append((at, at + len(piece["text"])))
        elif isinstance(piece.get("start"), int) and isinstance(piece.get("end"), int):
            spans.append((piece["start"], piece["end"]))
    return spans


def _breaks(event: dict, rule: dict) -> bool:
    if "fatalities_at_least" in rule:
        return any(isinstance(event.get(k), (int, float)) and event[k] >= rule["fatalities_at_least"]
                   for k in ("fatalities", "fatalities_low", "fatalities_high"))
    if "date_before" in rule:
        d = _day(event.get("event_date"))
        return d is not None and d < _day(rule["date_before"])
    if "near" in rule:
        lat, lon, radius = rule["near"]
        return haversine_km(lat, lon, event.get("latitude"), event.get("longitude")) <= radius
    return False


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def weighted_f1(pairs: list[tuple[str, str]]) -> float:
    support = Counter(g for g, _ in pairs)
    total = sum(support.values())
    score = 0.0
    for label, n in support.items():
        tp = sum(g == label == p for g, p in pairs)
        predicted = sum(p == label for _, p in pairs)
        score += n * _f1(tp / predicted if predicted else 0.0, tp / n)
    return score / total if total else 0.0


@dataclass
class _Tally:
    right: Counter = field(default_factory=Counter)
    asked: Counter = field(default_factory=Counter)

    def add(self, name: str, ok: bool) -> None:
        self.asked[name] += 1
        self.right[name] += bool(ok)


def score_events(gold_rows: Iterable[dict], predictions: Iterable[dict]) -> dict[str, Any]:
    gold_rows = list(gold_rows)
    by_article: dict[str, list[dict]] = defaultdict(list)
    for p in predictions:
        by_article[str(p.get("article_id"))].append(p)
    known = {str(g["id"]) for g in gold_rows}
    tally = _Tally()
    tp = fp = fn = quiet = quiet_ok = nonevent_hits = forbid_hits = 0
    labels: list[tuple[str, str]] = []
    misses: list[str] = []
    for g in gold_rows:
        gid, text = str(g["id"]), g.get("text") or ""
        preds, golds = by_article.get(gid, []), g.get("events") or []
        regions = []
        for ne in g.get("non_events") or []:
            sentence = ne["text"] if isinstance(ne, dict) else str(ne).split(" || ")[0]
            at = text.find(sentence)
            if at >= 0:
                regions.append((at, at + len(sentence)))
        for p in preds:
            ev = _evidence_spans(text, p.get("evidence"))
            if regions and ev and all(any(s < r1 and r0 < e for r0, r1 in regions) for s, e in ev):
                nonevent_hits += 1
            forbid_hits += any(_breaks(p, rule) for rule in g.get("forbid") or [])
        if not golds:
            quiet += 1
            quiet_ok += not preds
            fp += len(preds)
            continue
        first = next((e for e in golds if e.get("required", True)), golds[0])
        top = max(preds, key=lambda p: p.get("confidence") or 0.0, default=None)
        plabel = top.get("sub_event_type") if top else "NONE"
        if plabel in (first.get("alt_sub_event_types") or []):
            plabel = first.get("sub_event_type")
        labels.append((first.get("sub_event_type"), plabel))
        candidates = []
        for gi, ge in enumerate(golds):
            subs = {ge.get("sub_event_type"), *(ge.get("alt_sub_event_types") or [])}
            for pi, p in enumerate(preds):
                if p.get("event_type") != ge.get("event_type"):
                    continue
                km = haversine_km(ge.get("lat"), ge.get("lon"), p.get("latitude"), p.get("longitude"))
                if ge.get("lat") is not None and km > MATCH_KM:
                    continue
                days = _days_off(ge, p.get("event_date"))
                if ge.get("date") and days > MATCH_DAYS:
                    continue
                candidates.append((p.get("sub_event_type") not in subs, min(km, 1e9), min(days, 1e9), gi, pi))
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, km, days, gi, pi in sorted(candidates):
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            ge, p = golds[gi], preds[pi]
            tally.add("sub_event_type", p.get("sub_event_type") in {ge.get("sub_event_type"), *(ge.get("alt_sub_event_types") or [])})
            if ge.get("lat") is not None:
                tally.add("location_25km", km <= NEAR_KM)
            if ge.get("date"):
                tally.add("date_exact", days == 0)
            if ge.get("fatalities") is not None:
                tally.add("fatalities_exact", p.get("fatalities") == ge["fatalities"])
            if inter_code(ge.get("actor1_type")) is not None:
                tally.add("actor1_type", inter_code(p.get("inter1")) == inter_code(ge.get("actor1_type")))
            if ge.get("actor1"):
                tally.add("actor1_name", same_actor(ge.get("actor1"), p.get("actor1")))
            if ge.get("stance"):
                tally.add("stance", (p.get("stance") or "asserted") == ge["stance"])
            if "civilian_targeting" in ge:
                tally.add("civilian_targeting", bool(p.get("civilian_targeting")) == bool(ge["civilian_targeting"]))
        required = [i for i, e in enumerate(golds) if e.get("required", True)]
        hit = sum(i in used_g for i in required)
        tp, fn, fp = tp + hit, fn + len(required) - hit, fp + len(preds) - len(used_p)
        misses += [f"{gid}: {golds[i].get('sub_event_type')} @ {golds[i].get('location')}" for i in required if i not in used_g]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    n_labels = len(labels)
    return {
        "articles": len(gold_rows),
        "predicted_events": sum(len(v) for v in by_article.values()),
        "stray_predictions": sum(len(v) for k, v in by_article.items() if k not in known),
        "events_tp": tp, "events_fp": fp, "events_fn": fn,
        "event_precision": round(precision, 4), "event_recall": round(recall, 4),
        "event_f1": round(_f1(precision, recall), 4),
        "primary_subtype_weighted_f1": round(weighted_f1(labels), 4),
        "primary_subtype_accuracy": round(sum(g == p for g, p in labels) / n_labels, 4) if n_labels else None,
        "primary_event_found": round(sum(p != "NONE" for _, p in labels) / n_labels, 4) if n_labels else None,
        "quiet_articles": quiet,
        "quiet_articles_kept_quiet": round(quiet_ok / quiet, 4) if quiet else None,
        "nonevent_violations": nonevent_hits, "forbid_violations": forbid_hits,
        "fields": {k: {"right": tally.right[k], "asked": tally.asked[k],
                       "share": round(tally.right[k] / tally.asked[k], 4)}
                   for k in sorted(tally.asked)},
        "missed_examples": misses[:15],
    }


def score_geo(gold_rows: Iterable[dict], predictions: Iterable[dict]) -> dict[str, Any]:
    """acc@161 km per gold toponym; a toponym with no overlapping prediction counts as wrong."""
    by_article = {str(p.get("article_id")): p.get("places") or [] for p in predictions}
    errors: list[float] = []
    predicted = predicted_hit = 0
    for g in gold_rows:
        places = by_article.get(str(g["id"]), [])
        toponyms = g.get("toponyms") or []
        predicted += len(places)
        predicted_hit += sum(any(p.get("start", -1) < t["end"] and t["start"] < p.get("end", -1) for t in toponyms)
                             for p in places)
        for t in (t for t in toponyms if t.get("lat") is not None):
            def overlap(p, t=t):
                return min(t["end"], p.get("end", -1)) - max(t["start"], p.get("start", -1))
            best = max(places, key=overlap, default=None)
            if best is None or overlap(best) <= 0:
                errors.append(math.inf)
            else:
                errors.append(haversine_km(t["lat"], t["lon"], best.get("latitude"), best.get("longitude")))
    found = sorted(e for e in errors if e != math.inf)
    n = len(errors)
    return {
        "articles": len(gold_rows), "gold_toponyms": n,
        "toponym_recall": round(len(found) / n, 4) if n else None,
        "toponym_precision": round(predicted_hit / predicted, 4) if predicted else None,
        "acc_at_161km": round(sum(e <= 161 for e in errors) / n, 4) if n else None,
        "acc_at_161km_of_found": round(sum(e <= 161 for e in found) / len(found), 4) if found else None,
        "acc_at_25km": round(sum(e <= 25 for e in errors) / n, 4) if n else None,
        "median_km_of_found": round(_median(found), 1) if found else None,
    }


def _median(values: list[float]) -> float:
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2

"""Places: an offline gazetteer, toponym finding and resolution, and the event's own place.

    geo = Geocoder.default()                     # loads (or builds once) the cached gazetteer
    places = geo.geocode(text, doc=doc)          # every toponym found, resolved, in text order
    places = geo.geocode(text, spans=[(s, e)])   # exactly these spans, one Place each
    place = geo.event_place(text, places, sentence, trigger)
"""
from __future__ import annotations

import logging
import math
import re
import threading
from collections import Counter
from dataclasses import replace
from typing import NamedTuple

from ... import lexicon as lex
from ...config import Settings
from ...models import Place, Span
from . import gazetteer as _gaz
from .cues import WEAK_CONTEXTS, Found
from .finder import Finder
from .gazetteer import Gazetteer
from .names import key
from .eventplace import event_place
from .resolver import NEAR_KM, Resolver, km

log = logging.getLogger(__name__)

#: a demonym ("Spanish", "Canadian") beats a same-named settlement smaller than this
DEMONYM_OVER_POP = 100_000
#: a settlement found inside a longer given name is kept when this large (or near the article's places)
PART_MIN_POP = 100_000
#: the article's main place: its mentions, plus this much per decade of population (a well-known place
#: named once outweighs a hamlet named twice); set on the dev runs with gold spans (0, 0.5, 1, 2 tried)
MAIN_POP_WEIGHT = 1.0
#: ... and this much per other place of the article within NEAR_KM of it (the article's places cluster round its
#: main place; a stray homonym abroad stands alone); set on the dev runs with gold spans (0, 0.5, 1, 2, 3, 5 tried:
#: GeoWebNews 0.872 -> 0.877 from 2 on)
MAIN_NEAR_WEIGHT = 3.0
#: event places known only to an area of these kinds are coded at the area's seat (ACLED codes an event
#: known only to a province at the provincial capital); a country-level event keeps the country
SEATED_AREAS = frozenset({"ADM1", "ADM2"})
_BROAD = lex.words("geo_broad_area_codes")
#: a found name that opens a building's, an institution's or a street's name ("Loyola University", "Guildhall School
#: of Music", "Wilson's Farm"), up to what joins it to the place it stands in
_SITE_NAME = re.compile(r"(?:['’]s)?(?:\s[A-Z][\w'’.-]*){0,2}?\s(?:" + lex.alternation("geo_site_nouns") + r")\b\.?"
                        r"(?:\sof(?:\sthe)?(?:\s[A-Z][\w'’.-]*){1,2})?")
#: a name that ends with such a noun ("Hertford Road"): a street or a building itself, which places nothing in it
_SITE_END = re.compile(r"\s(?:" + lex.alternation("geo_site_nouns") + r")\.?$")
#: areas too broad to place a building or a street named in them (its own word may say more)
_SITE_TOO_BROAD = _BROAD | {"ADM1"}


def _a_site(text: str, start: int, end: int) -> bool:
    """Whether the name at [start, end) is a building's or a street's ("Hertford Road", "Hertford" of it)."""
    return bool(_SITE_END.search(text, start, end) or _SITE_NAME.match(text, end))

#: what joins a building's or a street's name to the place it stands in: "X University in Y", "X Avenue, Y"
_SITE_LINK = re.compile(r"\s*(?:,\s*|\s+(?:" + lex.alternation("geo_site_prepositions") + r")\s+(?:the\s+)?)")

#: the outlet's home: its country's votes for the article's focus (as much as a country the article names)
HOME_VOTE = 2.0
#: the towns an outlet's name names that count as its home (a small town in a name is more often a word)
HOME_MIN_POP = 100_000
#: the areas an outlet's name may name as its home (a district's name in a title is more often a word)
HOME_AREAS = frozenset({"PCLI", "ADM1"})

__all__ = ["Geocoder", "Gazetteer", "Home"]


class Home(NamedTuple):
    votes: Counter        # country code -> votes for the article's focus
    places: list          # gazetteer entries: the outlet's own town or region


_CAP_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:" + lex.alternation("geo_outlet_name_connectors") + r")?\s*[A-Z][\w'’.-]*)*")


def _outlet_names(outlet: str) -> list[str]:
    """The runs of capitalised words of an outlet's name and their parts, longest first, but for "The ..." and
    common words alone ("News"): "Diario del Sur de Guerrero" gives "Guerrero" among others. A name counts only
    as a place's own name (not an alternate: "Sur" is Tyre's Arabic name and Spanish for "south")."""
    from .cues import STOP
    from .names import fold

    out: list[str] = []
    for m in _CAP_RUN.finditer(outlet):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            for i in range(len(words) - n + 1):
                part = words[i:i + n]
                if all(fold(w) in STOP for w in part) or fold(part[0]) == "the" or not part[-1][:1].isupper():
                    continue
                name = " ".join(part)
                if name not in out:
                    out.append(name)
    return out


def country_of_url(url: str | None, gazetteer: Gazetteer) -> str | None:
    """The country of a URL's country-code top-level domain, or None (generic and worldwide-sold domains)."""
    if not url:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(url if "//" in url else "//" + url).hostname or "").rstrip(".")
    tld = host.rsplit(".", 1)[-1].lower() if "." in host else ""
    if len(tld) != 2 or tld in _generic_tlds():
        return None
    return _tld_countries(gazetteer).get(tld)


def _generic_tlds() -> frozenset[str]:
    import json
    from importlib import resources

    data = json.loads(resources.files("eventsift.data").joinpath("geo/readings.json").read_text(encoding="utf-8"))
    return frozenset(data["worldwide_tlds"])


def _tld_countries(gazetteer: Gazetteer) -> dict[str, str]:
    out = {cc.lower(): cc for cc in gazetteer.countries}
    out["uk"] = "GB"
    return out


class Geocoder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.finder = Finder(gazetteer)
        self.resolver = Resolver(gazetteer)
        self._cc_of_iso3: dict[str, str] | None = None

    _instances: dict = {}
    _lock = threading.Lock()

    @classmethod
    def default(cls, settings: Settings | None = None) -> "Geocoder":
        """The process-wide Geocoder for these settings (the gazetteer is built on first use, then cached)."""
        settings = settings or Settings.from_env()
        path = _gaz.cache_path(settings)
        with cls._lock:
            geo = cls._instances.get(path)
            gaz = _gaz.default(settings)
            if geo is None or geo.gazetteer is not gaz:
                geo = cls._instances[path] = cls(gaz)
            return geo

    def geocode(self, text: str, doc=None, spans: list[tuple[int, int]] | None = None, *,
                demonyms: bool = False, home: Home | None = None) -> list[Place]:
        """Places in ``text`` in text order. With ``spans``: exactly one Place per span, in the given order
        (an unresolvable span gives a Place with ``latitude=None``). ``demonyms=True`` also returns
        demonyms ("Syrian") as their country, at geo_precision 3 (for corpora that count them as toponyms).
        ``home``: the outlet's home (see ``home()``), which weighs the article's homonyms towards it."""
        if spans is not None:
            return self._given(text, doc, list(spans), home)
        found, hints = self.finder.find(text, doc)
        places = self._sited([p for p in self.resolver.resolve(text, found, hints, home) if p is not None], text)
        if demonyms:
            for d in hints:
                p = self._demonym_place(d.start, d.end, d.text)
                if p is not None:
                    places.append(p)
            places.sort(key=lambda p: p.span.start)
        return places

    def home(self, outlet: str | None = None, url: str | None = None) -> Home | None:
        """The outlet's home as far as the input says it: the country of the URL's country-code domain
        ("bbc.co.uk": GB; not the domains sold worldwide, such as .tv or .io) and the places the outlet's name
        names ("Winnipeg Free Press", "Diario del Sur de Guerrero") that are countries, first-level regions or towns
        of HOME_MIN_POP people; a name several countries share votes for none, a name several places share anchors none."""
        votes: Counter = Counter()
        places: list = []
        cc = country_of_url(url, self.gazetteer)
        if cc:
            votes[cc] += HOME_VOTE
        matched: list[str] = []
        for name in _outlet_names(outlet or ""):
            if any(f" {name} " in f" {m} " for m in matched):
                continue   # a part of a name already found ("Port" of "Port Harcourt")
            entries = [e for e in self.gazetteer.lookup(name, allow_loose=False)
                       if (not cc or e.cc == cc) and (key(e.name) == key(name) or e.feature_code == "PCLI")
                       and (e.feature_code in HOME_AREAS or (e.feature_class == "P" and e.population >= HOME_MIN_POP))]
            if entries:
                matched.append(name)
            ccs = {e.cc for e in entries if e.cc}
            if len(ccs) == 1 and not cc:
                votes[next(iter(ccs))] += HOME_VOTE
            if len(entries) == 1 and entries[0].feature_code != "PCLI":
                places.append(entries[0])   # a town or a region: its neighbours gain (a country: its votes do)
        return Home(votes, places) if votes or places else None

    def _given(self, text: str, doc, spans: list[tuple[int, int]], home: Home | None = None) -> list[Place]:
        found = self.finder.given(text, spans)
        context_found, hints = self.finder.find(text, doc)
        # resolve the given spans together with the article's other toponyms (focus, proximity)
        extra = [f for f in context_found if not any(f.start < g.end and g.start < f.end for g in found)]
        # the given spans are the article's toponyms: another name counts only where its words show it to be a
        # place ("in X", "the town of X") or where it names the area of a given one ("X district, Balkh", "Moscow,
        # Idaho"); a bare capitalised word is as likely a person ("Kelly", "Stewart")
        every = sorted([f for f in found if f.context != "given-common"] + extra, key=lambda f: f.start)
        chained = {id(every[j]) for i, chain in self.resolver.containers(text, every).items()
                   if every[i].context.startswith("given") for j in chain}
        extra = [f for f in extra if f.context not in WEAK_CONTEXTS or id(f) in chained]
        merged = sorted([f for f in found if f.context != "given-common"] + extra, key=lambda f: f.start)
        results = self.resolver.resolve(text, merged, hints, home)
        resolved = {(f.start, f.end, f.context.startswith("given")): p for f, p in zip(merged, results)}
        located = [p for f, p in zip(merged, results) if p is not None and f.context != "given-part"]
        # the article's main place is one of its given toponyms when any is known
        own = [p for f, p in zip(merged, results) if p is not None and f.context == "given"]
        located_main = own or located
        out = []
        for f in found:
            p = resolved.get((f.start, f.end, True))
            site = (self._site(text, f, merged, results)
                    if (f.context == "given-part" or p is None) and not self.finder.demonym(f.text) else None)
            if site is not None:
                out.append(site)
                continue
            if p is None or "loose" in p.reason or (p.population or 0) < DEMONYM_OVER_POP:
                p = self._demonym_place(f.start, f.end, f.text) or p
            if p is not None and f.context == "given-part" and not self._plausible(p, located):
                p = None
            if p is not None and f.context == "given-part":
                p = replace(p, geo_precision=max(p.geo_precision or 1, 2),
                            reason=f"'{text[f.start:f.end]}' names a place inside it: {p.reason}")
            if p is None:
                p = self._article_place(text, f, located_main)
            out.append(p if p is not None else Place(span=Span(f.start, f.end, text[f.start:f.end]), name=f.text,
                                                     reason=f"'{f.text}' not found in the gazetteer"))
        return out

    def _sited(self, places: list[Place], text: str) -> list[Place]:
        """Each place found at the head of a building's or a street's name ("Loyola University", "Weir Road"):
        moved to the place the text puts it in ("... in Los Angeles"), else, when the town its word names is
        neither big nor near the article's other places, to the article's main place (as a given building's)."""
        at = {p.span.start: p for p in places}
        heads = {id(p): _SITE_NAME.match(text, p.span.end) for p in places}
        located = [p for p in places if heads.get(id(p)) is None]
        out = []
        for p in places:
            name = heads.get(id(p))
            if name is None:
                out.append(p)
                continue
            link = _SITE_LINK.match(text, name.end())
            q = at.get(link.end()) if link else None
            if q is not None and q.latitude is not None and q.feature_code not in _SITE_TOO_BROAD and q is not p \
                    and not _a_site(text, q.span.start, q.span.end):
                p = replace(q, span=p.span, geo_precision=max(q.geo_precision or 1, 2),
                            reason=f"'{text[p.span.start:name.end()]}' stands in {q.name}: {q.reason}")
            elif p.feature_class == "P" and not self._plausible(p, located):
                f = Found(p.span.start, p.span.end, p.span.text)
                p = self._article_place(text, f, located) or p
            out.append(p)
        return out

    @staticmethod
    def _site(text: str, f: Found, merged: list[Found], results: list) -> Place | None:
        """A given name that only names a place inside a longer name of its own, or none ("Loyola University",
        "Hampton Avenue", "Seasons restaurant"), followed by the place it stands in ("... in Los Angeles",
        "..., St. Louis"): a building or a street, placed in that place rather than at the town its word names."""
        name = _SITE_NAME.match(text, f.end)   # a given name whose building's noun the span leaves out ("Cedar Flat Rd.")
        link = _SITE_LINK.match(text, name.end() if name else f.end)
        if link is None:
            return None
        at = link.end()
        g, p = next(((g, r) for g, r in zip(merged, results) if g.start == at and g is not f), (None, None))
        if p is None or p.latitude is None or p.feature_code in _SITE_TOO_BROAD or _a_site(text, g.start, g.end):
            return None   # "the Tijuana River in Baja California": a province or a country says too little
        return replace(p, span=Span(f.start, f.end, text[f.start:f.end]), geo_precision=max(p.geo_precision or 1, 2),
                       reason=f"'{text[f.start:f.end]}' stands in {p.name}: {p.reason}")

    @staticmethod
    def _plausible(p: Place, located: list[Place]) -> bool:
        """A place found inside a longer name ("Colorado State University") is kept when it is an area,
        a large place, or near the article's other places."""
        if p.feature_code in _BROAD or (p.feature_class == "P" and (p.population or 0) >= PART_MIN_POP):
            return True
        if p.feature_class != "P":   # an area ("Saint Michael" parish in "St. Michael's Hospital"): of a country named
            return any(q.latitude is not None and q.geonameid != p.geonameid and q.iso3 == p.iso3 for q in located)
        return any(q.latitude is not None and q.geonameid != p.geonameid
                   and km(p.latitude, p.longitude, q.latitude, q.longitude) < NEAR_KM for q in located)

    @staticmethod
    def _article_place(text: str, f: Found, located: list[Place]) -> Place | None:
        """For a given span that names no known place (a street, a building): the article's main place,
        its most named settlement among the others around it (else its most named area), at precision 3."""
        counts: Counter = Counter()
        first: dict[tuple, Place] = {}
        for p in located:
            if p.latitude is None:
                continue
            k = (p.name, p.iso3, p.feature_code)
            counts[k] += 1
            first.setdefault(k, p)
        if not counts:
            return None
        def neighbours(k: tuple) -> int:   # the other places of the article close to it
            p = first[k]
            return sum(1 for k2, q in first.items()
                       if k2 != k and km(p.latitude, p.longitude, q.latitude, q.longitude) < NEAR_KM)

        k = max(counts, key=lambda k: (first[k].feature_class == "P",
                                        counts[k] + MAIN_POP_WEIGHT * math.log10((first[k].population or 0) + 10)
                                        + MAIN_NEAR_WEIGHT * neighbours(k)))
        p = first[k]
        return replace(p, span=Span(f.start, f.end, text[f.start:f.end]), geo_precision=3,
                       reason=f"'{f.text}' not in the gazetteer: the article's main place {p.name}; {p.reason}")

    def _demonym_place(self, start: int, end: int, word: str) -> Place | None:
        code = self.finder.demonym(word)
        if not code:
            return None
        if code.startswith("@"):
            entry = next((e for e in self.gazetteer.lookup(code[1:], allow_loose=False)
                          if e.feature_code in ("CONT", "RGN")), None)
        else:
            entry = self.gazetteer.country_entry(code)
        if entry is None:
            return None
        return self.resolver._place(Span(start, end, word), entry, 3, f"demonym '{word}' -> {entry.name}", None)

    def event_place(self, text: str, places: list[Place], sentence: Span, trigger: Span | None = None, *,
                    national: bool = False) -> Place | None:
        """Where the event of ``sentence`` happened (see resolver.event_place). An event known only to
        a province is coded at the province's seat, as ACLED's coders do (geo_precision 3); with ``national``
        (a demonstration or a strategic development), an event known only to its country is coded at the seat
        of its government, where a coder puts a national march or strike."""
        place = event_place(text, places, sentence, trigger)
        if place is None or place.latitude is None:
            return place
        if place.feature_code in SEATED_AREAS or (national and place.feature_code == "PCLI"):
            return self._at_seat(place)
        return place

    def country_place(self, iso3: str, reason: str, *, national: bool = False) -> Place | None:
        """A Place for an event whose report names no place, known to be in the country ``iso3`` from
        elsewhere (``reason`` says how): the country (geo_precision 3), or with ``national`` its seat."""
        cc = self._cc(iso3)
        entry = self.gazetteer.country_entry(cc) if cc else None
        if entry is None:
            return None
        place = self.resolver._place(None, entry, 3, reason, None)
        return self._at_seat(place) if national else place

    def country_iso3(self, value: str) -> str | None:
        """The ISO 3166 alpha-3 code of a country given by name or by its two- or three-letter code."""
        key = value.strip().casefold()
        for cc, info in self.gazetteer.countries.items():
            if key in (cc.casefold(), info.iso3.casefold(), info.name.casefold()):
                return info.iso3
        return None

    def _cc(self, iso3: str | None) -> str | None:
        if self._cc_of_iso3 is None:
            self._cc_of_iso3 = {info.iso3: cc for cc, info in self.gazetteer.countries.items()}
        return self._cc_of_iso3.get(iso3 or "")

    def _at_seat(self, place: Place) -> Place:
        cc = self._cc(place.iso3)
        if place.feature_code == "PCLI":
            area = self.gazetteer.country_entry(cc) if cc else None
        else:
            area = self.gazetteer.region(cc, place.name, place.feature_code, admin1=place.admin1) if cc else None
        seat = self.gazetteer.seat(area) if area is not None else None
        if seat is None or seat.latitude is None:
            return place
        return replace(place, name=seat.name, latitude=seat.latitude, longitude=seat.longitude,
                       geonameid=seat.geonameid, admin1=place.admin1 or seat.admin1, admin2=seat.admin2 or place.admin2, feature_class=seat.feature_class,
                       feature_code=seat.feature_code, population=seat.population,
                       geo_precision=2 if place.feature_code == "ADM2" else 3,
                       reason=f"the event is known only to {place.name}: coded at its seat {seat.name}; {place.reason}")


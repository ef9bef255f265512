"""Resolving toponyms to gazetteer entries, and picking the place where an event happened.

A candidate's score adds: its population (log), its kind (country, capital, admin seat), the article's
country focus (countries and demonyms named, first-pass picks), containment by a place named right
after it ("Dawlat Abad district, Balkh", "Noma Tounga (Malanville, Alibori)"), and proximity to the
article's other places. A second look weighs each homonym's candidates by the article's other names (towns near
it, the state or county around it, counties of its state), and a name said several times is one place. Every
Place carries the reason and the runner-up.
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter

from ... import lexicon as lex
from ...models import Place, Span
from .cues import Demonym, Found
from .gazetteer import Entry, Gazetteer
from .names import fold, key
from .readings import not_a_place_reading

log = logging.getLogger(__name__)

# Weights: set by hand, then checked on the GeoWebNews / TR-News dev runs with gold spans.
W_POP = 1.0            # per decade of population
W_FOCUS = 6.0          # times the share of the article's country votes held by the candidate's country
#: the share is taken of at least this many votes: one village's half vote (a "Crescent" that only the US has)
#: is not a whole article's focus
FOCUS_MIN_VOTES = 2.0
W_CONTAINED = 8.0      # the place named right after it contains the candidate
W_NOT_CONTAINED = -4.0
W_NEAR = 2.5           # within NEAR_KM of another place of the article
#: a small settlement abroad (no vote for its country but its own) in a report that is mostly about one
#: country is a homonym of a village the gazetteer lacks, not the place meant: it is left
#: unresolved (the enclosing area, when named, takes over). Set on the ACLED dev notes by
#: looking at the error kinds (Afghan districts landing in Iran, Poland, Tunisia), then checked
#: on the geoparsing corpora.
FOREIGN_FOCUS_SHARE = 0.6
FOREIGN_SMALL_POP = 50_000
#: ... and only when the article's votes add up to this much: a demonym's half vote ("a Japanese man") is no
#: country the report is about (set on the dev runs: 0, 1 and 2 tried; 2 cost an Afghan event its village)
FOREIGN_MIN_VOTES = 1.0
NEAR_KM = 250.0
W_EXACT = 1.0          # the gazetteer's own name (not an alternate) matches
W_LOOSE = -2.0         # only a loose (transliteration) key matched
#: a settlement matched only by another of its names (a former name, a name in another language) when a candidate
#: of a country the article speaks of as much bears the name as its own ("Salisbury" is the English town, not
#: Harare's former name; "Riverdale" in New York, not Riverdale Park; but Palmyra in a report on Syria is Tadmur)
W_OTHER_NAME = -3.0
W_KIND = lex.numbers("geo_kind_weights")
W_REGION_WORD = 4.0    # "X province" prefers admin areas; bare names prefer settlements
W_SETTLEMENT = 0.5
#: "the town of X", "X village": a settlement, not the district named after it
_SETTLEMENT_CONTEXTS = frozenset({"of:town", "of:village", "of:city", "after:town", "after:village", "after:city"})
#: a region's seat of the same name ("Aleppo", "Kabul", "New York") beats the region when it has this many people
#: and no region word is given (the cities named like their region are the ones readers mean)
SEAT_MIN_POP = 20_000
#: how alike (difflib ratio of folded names) a loose-key match must be to the name written; below it the
#: transliteration rules merged two different names (set on the dev runs: 0.6..0.85 tried)
LOOSE_MIN_RATIO = 0.75
#: how alike (difflib ratio of keys) a name closing an admin chain ("Gulran district, Heart") must be to a
#: first-level region's name to be taken for a misspelling of it (0.75..0.9 tried on the ACLED dev notes)
ADMIN1_ALIKE = 0.8
#: a loose-key match to an admin area named as a container may be spelt less alike (Urozgan / Oruzgan)
LOOSE_ADMIN_RATIO = 0.7
#: a container's candidate that contains a candidate of the name it follows ("Cotonou (Cotonou, Littoral)":
#: Benin's Littoral, not Cameroon's)
W_CONTAINS = 4.0
#: a demonym's vote for the article's country ("Nigerian herders" in Benin says whose, not where); a
#: country or a region closing an admin chain votes 2, a place 1, a village 0.5
W_DEMONYM_VOTE = 0.5
#: a candidate's gain per share of the article's other resolved towns within NEAR_KM of it, on a second look
#: (3.0 until counties of one state agreed and told apart; then 3, 4 and 5 tried on the dev runs with gold spans)
W_CONTEXT = 4.0
CONTEXT_CANDIDATES = 6    # best candidates of a name it weighs again
#: a name's sense counts on the second look when its first look gives it this share (softmax of the scores)
CONTEXT_MIN_SHARE = 0.1
#: the second look's gain is W_CONTEXT times the support over this many names at most (so that one
#: neighbour still counts in a long article)
CONTEXT_NAMES = 4
#: a first-level region the article names with at least this share of its name's senses: any candidate inside it
#: is looked at again, however far down its first look put it
NAMED_REGION_SHARE = 0.5
#: how much more support (in names) a candidate needs on the second look to displace the first pick
CONTEXT_MARGIN = 0.5
#: a county and a town or county of the same state agree with each other however far apart they lie (a local
#: paper's places: "Allamakee County, Dallas County and Plymouth County" in an article on Iowa); towns alone agree
#: by distance only (an article naming Houston and Dallas is no article about Portland, Texas). Set on the dev runs
#: with gold spans (0.5, 1.0 tried; towns of one state agreeing cost GeoWebNews a Portland)
SAME_ADMIN1_AGREES = 1.0
#: two senses of a name said twice closer than this are one place for the one-sense rule
SAME_SENSE_KM = 161.0
#: most names after a place that may contain it ("X area of Y (Y') district, Z": three)
CHAIN_MAX = 3
#: words that may stand between a place and the place that contains it ("X district of Y", "X neighbourhood of Y")
_CONTAINER_WORDS = re.compile(r"\b(?:" + lex.alternation("geo_container_words") + r")s?\b")
#: a local name's other name in square brackets ("Kangara [Kangara Peulh] (Karimama, Alibori)")
_OTHER_NAME = re.compile(r"\s?\[[^\[\]]{1,40}\]")
_PLURAL_AREA = re.compile(r"(?:\s\([^()]{1,30}\))?\s+(?:" + lex.alternation("geo_plural_area_nouns") + r")\b",
                          re.IGNORECASE)
#: a county or parish written in full ("Suffolk County", "Orleans Parish")
_COUNTY_WRITTEN = re.compile(r"^(.+?)\s+(?:County|Parish|Co\.)$")
#: the finder's contexts in which a written form is a state's or a province's abbreviation
_ABBREVIATION_CONTEXTS = frozenset({"after-town", "abbreviation"})
def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


def _alike(a: str, b: str, bar: float = LOOSE_MIN_RATIO) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio() >= bar


#: the order of containment: a candidate can lie inside a container of a lower rank only
_RANK = {code: int(rank) for code, rank in lex.numbers("geo_containment_ranks").items()}
_BROAD = lex.words("geo_broad_area_codes")
_PROVINCE_OR_BROADER = _BROAD | {"ADM1"}


def _rank(e: Entry) -> int:
    return _RANK.get(e.feature_code, 4)


def precision_of(entry: Entry, found: Found | None) -> int:
    if entry.feature_code in _PROVINCE_OR_BROADER:
        return 2 if found is not None and found.direction else 3
    if entry.feature_code == "ADM2":
        return 2
    return 2 if found is not None and found.relative else 1


class Resolver:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._admin1: list[Entry] | None = None

    def admin1_like(self, name: str) -> Entry | None:
        """The first-level region whose name is spelt most like ``name`` (same first letter, difflib ratio of
        keys >= ADMIN1_ALIKE): "Heart" for Herat, "Nangrhar" for Nangarhar. Only asked for the name that closes
        an admin chain, where nothing but a region fits."""
        from difflib import SequenceMatcher

        if self._admin1 is None:
            self._admin1 = [Entry._make(e) for e in self.gaz.entries if e[7] == "ADM1"]
        target = key(name)
        if len(target) < 4:
            return None
        best, best_r = None, ADMIN1_ALIKE
        sm = SequenceMatcher(None, "", target)
        for e in self._admin1:
            k = key(e.name)
            if not k or k[0] != target[0] or abs(len(k) - len(target)) > 3:
                continue
            sm.set_seq1(k)
            r = sm.ratio()
            if r > best_r or (r == best_r and (best is None or e.population > best.population)):
                best, best_r = e, r
        return best

    # --- containers -------------------------------------------------------------------------------
    @staticmethod
    def containers(text: str, found: list[Found]) -> dict[int, list[int]]:
        """For each toponym, the toponyms named right after it that may contain it:
        "X, Y", "X district, Y province", "X (Y, Z)", "X in Y province"."""
        out: dict[int, list[int]] = {}
        for i, f in enumerate(found):
            chain, prev_end = [], f.end
            for j in range(i + 1, min(i + 1 + CHAIN_MAX, len(found))):
                gap = text[prev_end:found[j].start].lower()
                gap = _CONTAINER_WORDS.sub("", _OTHER_NAME.sub("", gap))
                if gap.strip(" ,()") == "and" and _PLURAL_AREA.match(text, found[j].end):
                    prev_end = found[j].end   # "X and Y districts, Z": Y is X's peer, Z contains both
                    continue
                if gap.strip(" ,()") or len(gap) > 12 or not re.search(r"[,()]|^\s+$", gap):
                    break
                chain.append(j)
                prev_end = found[j].end
            if chain:
                out[i] = chain
        return out

    # --- scoring ----------------------------------------------------------------------------------
    def _score(self, f: Found, e: Entry, exact_key: str, focus: Counter, focus_total: float,
               inside: list[Entry], anchors: list[Entry], container: bool = False) -> tuple[float, str]:
        why = []
        s = W_POP * math.log10(e.population + 10)
        kind = W_KIND.get(e.feature_code, 0.0)
        s += kind
        if f.region_word or container:
            if e.feature_class == "A" and e.feature_code != "PCLI":
                s += W_REGION_WORD
                why.append("admin area named as such")
            elif e.feature_code == "PCLI" and f.context.startswith("after:"):
                s -= W_REGION_WORD   # "Niger State", "Delta State": a state or province, not the country
        elif e.feature_class == "P":
            s += W_SETTLEMENT
            if f.context in _SETTLEMENT_CONTEXTS:
                s += W_REGION_WORD
                why.append("settlement named as such")
        if key(e.name) == exact_key:
            s += W_EXACT
        if focus_total and e.cc:
            share = focus[e.cc] / max(focus_total, FOCUS_MIN_VOTES)
            if share:
                s += W_FOCUS * share
                why.append(f"article focus {e.cc} {share:.0%}")
        if inside:
            ok = any(self._contains(c, e) for c in inside)
            s += W_CONTAINED if ok else W_NOT_CONTAINED
            if ok:
                why.append("inside " + "/".join(c.name for c in inside))
        if anchors and (e.feature_class == "P" or e.feature_code == "ADM2"):
            if any(a is not e and (self._contains(a, e) if a.feature_class == "A"
                                   else e.feature_class == "P"
                                   and km(a.latitude, a.longitude, e.latitude, e.longitude) < NEAR_KM)
                   for a in anchors):
                s += W_NEAR
                why.append("near other places of the article")
        return s, ", ".join(why)

    def _by_context(self, found: list[Found], picked: dict, scored_of: dict, open_choices: dict) -> None:
        """A second look at the names that had several candidates: each candidate gains by how many of the
        article's other names have a likely sense near it (a town within NEAR_KM) or around it (the state or
        county it lies in, a county of the same state), each name counting by the share its first look gives that
        sense. So Franklin and
        Bourbon agree with the New Orleans the article is about, London with St. Thomas and Middlesex in
        Ontario, Edmonton with Enfield in England, Franklin with the Louisiana the article names."""
        senses: dict[str, list[tuple[Entry, float]]] = {}
        for j, (e, _, why, _) in picked.items():
            k = key(found[j].text)
            if "inside " in why or j not in scored_of:
                senses[k] = [(e, 1.0)]   # placed by the area named after it: that sense only
            elif k not in senses:
                top = scored_of[j][:CONTEXT_CANDIDATES]
                m = max(s for s, _, _ in top)
                w = [math.exp(s - m) for s, _, _ in top]
                z = sum(w)
                senses[k] = [(c, x / z) for (_, c, _), x in zip(top, w) if x / z >= CONTEXT_MIN_SHARE]

        named_regions = [c for cs in senses.values() for c, share in cs if share >= NAMED_REGION_SHARE and _rank(c) == 2]

        def support(e: Entry, k: str) -> float:
            total = 0.0
            for kk, cs in senses.items():
                if kk == k:
                    continue
                total += max((p * self._agrees(c, e) for c, p in cs if c != e), default=0.0)
            return total

        for i, scored in open_choices.items():
            k = key(found[i].text)
            n_other = len(senses) - (k in senses)
            if n_other < 1:
                continue
            e0 = picked[i][0]
            n0 = support(e0, k)
            def gain(n: float) -> float:
                return W_CONTEXT * min(1.0, n / min(n_other, CONTEXT_NAMES))

            best = (picked[i][1] + gain(n0), e0, "", n0)
            # the best candidates, and any other that lies inside a region the article surely names ("Montgomery
            # County" in an article about Iowa: one of many counties of that name, and not a populous one)
            inside_named = [x for x in scored[CONTEXT_CANDIDATES:]
                            if any(a != x[1] and _rank(a) == 2 and self._contains(a, x[1])
                                   for a in named_regions)]
            for s, e, why in scored[:CONTEXT_CANDIDATES] + inside_named:
                if self._contains(e, e0) or self._contains(e0, e):
                    continue   # a region and its seat of the same name: the seat rule has decided
                n = support(e, k)
                total = s + gain(n)
                if n >= n0 + CONTEXT_MARGIN and total > best[0]:   # only more support moves a pick (not the seat rule's order)
                    best = (total, e, why, n)
            if best[1] is not e0:
                _, e, why, n = best
                picked[i] = (e, best[0], (why + ", " if why else "")
                             + f"second look: agrees with {n:.1f} of the article's {n_other} other names "
                               f"(other towns and areas; first look {e0.name}, {e0.admin1 or e0.cc})", e0)
        self._one_sense(found, picked, support)

    def _one_sense(self, found: list[Found], picked: dict, support) -> None:
        """A name said several times in an article, with no area after it, means one place: when its mentions were
        placed apart (far apart, and neither holding the other), the sense the article's other names support most
        takes them all (ties: the sense placed most often, then the first)."""
        groups: dict[str, list[int]] = {}
        for i in sorted(picked):
            if "inside " not in picked[i][2] and found[i].context != "given-part":   # not a word of a longer name
                groups.setdefault(key(found[i].text), []).append(i)
        for k, idx in groups.items():
            senses = []
            for i in idx:
                if picked[i][0] not in senses:
                    senses.append(picked[i][0])
            if len(senses) < 2 or all(a is b or self._contains(a, b) or self._contains(b, a)
                                      or km(a.latitude, a.longitude, b.latitude, b.longitude) < SAME_SENSE_KM
                                      for a in senses for b in senses):
                continue
            count = Counter(picked[i][0] for i in idx)
            best = max(senses, key=lambda e: (support(e, k), count[e], -senses.index(e)))
            for i in idx:
                e, score, why, runner = picked[i]
                if e != best and not self._contains(e, best) and not self._contains(best, e):
                    picked[i] = (best, score, f"as its other mentions in the article ({best.name}, "
                                              f"{best.admin1 or best.cc}; supported by the article's other names)", e)

    @staticmethod
    def _agrees(c: Entry, e: Entry) -> float:
        """How much another name's sense ``c`` speaks for ``e``: fully when it is an area around it or inside
        it, less the farther a town or area lies (nothing from NEAR_KM on; countries are the focus's business)."""
        if _rank(c) < 2 or _rank(e) < 2:
            return 0.0
        if (_rank(e) > _rank(c) and Resolver._contains(c, e)) or (_rank(c) > _rank(e) and Resolver._contains(e, c)):
            return 1.0
        near = max(0.0, 1.0 - km(c.latitude, c.longitude, e.latitude, e.longitude) / NEAR_KM)
        if "ADM2" in (c.feature_code, e.feature_code) and c.admin1 and c.admin1 == e.admin1 and c.cc == e.cc:
            return max(near, SAME_ADMIN1_AGREES)
        return near

    @staticmethod
    def _strict(text: str, f: Found, inside: list[Entry], entries: list[Entry], chain_paren: bool = False) -> bool:
        """Whether the place named after ``f`` must contain it ("X district, Y", "X (Y, Z)", an unknown X, a chain
        that closes in ACLED's brackets: "X near Y (A, B)", "X [X'] (A, B)", "X, in Y arrondissement (Y, B)"),
        rather than being the next item of a list ("Paris, London", "Syria, Iraq")."""
        if not entries or not f.known:
            return True
        if not any(_rank(e) > _rank(c) for e in entries for c in inside):
            return False   # a country is never inside a town, nor a region inside a region of its rank
        return f.region_word or f.context == "paren" or text[f.end:f.end + 2] in (" (", " [") or chain_paren

    @staticmethod
    def _contains(outer: Entry, inner: Entry) -> bool:
        if outer.feature_code == "PCLI":
            return inner.cc == outer.cc
        if outer.feature_code == "ADM2" and outer.admin1 and inner.admin1 and outer.admin1 != inner.admin1:
            return False   # a county of that name in another state
        if outer.feature_code in ("ADM1", "ADM2"):
            return inner.cc == outer.cc and key(outer.name) in (key(inner.admin1), key(inner.admin2))
        if outer.feature_code == "CONT" or not outer.cc or inner.cc != outer.cc:
            return False
        # a settlement named as a container: the same admin area, or close by
        if outer.admin1 and outer.admin1 == inner.admin1 and outer.admin2 and outer.admin2 == inner.admin2:
            return True
        return km(outer.latitude, outer.longitude, inner.latitude, inner.longitude) < 60

    def _candidates(self, f: Found, container: bool = False) -> tuple[list[Entry], bool]:
        abbreviated = self.gaz.abbreviation(f.text)
        if abbreviated and (f.context in _ABBREVIATION_CONTEXTS or f.context.startswith("given")):
            return abbreviated, False   # not "the NE region": a state's code only where the finder read one
        exact = self.gaz.lookup(f.text, allow_loose=False)
        if exact:
            return exact, False
        written = fold(f.text)
        return [e for e in self.gaz.lookup(f.text)
                if _alike(written, fold(e.name), LOOSE_ADMIN_RATIO if container and e.feature_class == "A"
                          else LOOSE_MIN_RATIO)], True

    def resolve(self, text: str, found: list[Found], demonyms: list[Demonym], home=None) -> list[Place | None]:
        """``home``: the outlet's home (a Home: country votes and places) when the input says it."""
        conts = self.containers(text, found)
        container_ids = {j for c in conts.values() for j in c}
        cands = [self._candidates(f, i in container_ids) for i, f in enumerate(found)]
        # the name closing an admin chain ("X district, Heart") is a region: a misspelt one when no region
        # of that name is known
        for i in container_ids - set(conts):
            entries, _ = cands[i]
            if not any(e.feature_class == "A" for e in entries) and (not entries or cands[i][1] or not found[i].known):
                near = self.admin1_like(found[i].text)
                if near is not None:
                    cands[i] = ([near], True)
        # pass 1: country votes from countries named, demonyms, unambiguous and clear-cut places
        focus: Counter = Counter()
        for d in demonyms:
            if not d.cc.startswith("@"):
                focus[d.cc] += W_DEMONYM_VOTE
        if home is not None:
            focus.update(home.votes)   # a local paper writes about its own country first
        voted: set[str] = set()
        for i, (f, (entries, was_loose)) in enumerate(zip(found, cands)):
            if entries and (not_a_place_reading(text, f.start, f.end, {e.feature_code for e in entries})
                            or (_bare_code(f) and self.gaz.abbreviation(f.text))):
                continue   # "US dollars", "Voice of America", "the Punch reported": no vote for a country
            tail = i in container_ids and any(e.feature_class == "A" for e in entries)
            if f.context == "given-part":
                continue   # a word of a longer name ("Craven Cottage", "Norwich City", "SB Smith Electrical") says little
            if (was_loose and not tail) or key(f.text) in voted:
                continue   # a spelling variant is a guess (but for the area closing a chain), a name said again votes once
            chain_ccs = {e.cc for j in conts.get(i, ()) for e in cands[j][0]}
            if chain_ccs and not any(e.cc in chain_ccs for e in entries):
                continue   # a homonym abroad of a place named with its areas ("Chora (X district), Urozgan")
            voted.add(key(f.text))
            if _area_unknown(f, entries) and not conts.get(i):
                continue   # "Soum province" known only as a village abroad: a missing area, not that village's country
            ccs = {e.cc for e in entries if e.cc}
            if len(ccs) == 1:
                if any(e.feature_code == "PCLI" for e in entries) or (tail and f.known is not False):
                    focus[next(iter(ccs))] += 2
                elif all(e.feature_class == "P" and e.population < FOREIGN_SMALL_POP for e in entries):
                    focus[next(iter(ccs))] += 0.5   # a village says less about the article than a region
                else:
                    focus[next(iter(ccs))] += 1
            elif entries:
                top = max(entries, key=lambda e: e.population)
                if top.feature_code == "PCLI" and f.region_word and f.context.startswith("after:"):
                    pass   # "Niger State": the state, whatever the country of that name
                elif top.feature_code == "PCLI" or (top.population >= 1_000_000 and top.feature_class == "P"):
                    focus[top.cc] += 1   # a big city is likely meant; an area's name shared abroad ("Plateau") says nothing
        total = float(sum(focus.values()))
        for i, f in enumerate(found):
            if _bare_code(f) and self.gaz.abbreviation(f.text):
                cands[i] = ([e for e in cands[i][0] if focus[e.cc] > 0], cands[i][1])
        # pass 2: containers first (they constrain what they contain), then the rest
        picked: dict[int, tuple[Entry, float, str, Entry | None]] = {}
        # the places named unambiguously: settlements, and the regions of a country (which hold a town rather
        # than lie near it); a country's point is no neighbour of the towns around it (the focus speaks for it)
        anchors = [a for a in (_sure_sense(es) for es, _ in cands) if a is not None]
        if home is not None:
            anchors += home.places   # and about the places around its home
        inner_of: dict[int, list[int]] = {}
        for m, chain in conts.items():
            for j in chain:
                inner_of.setdefault(j, []).append(m)
        # the outermost first: a container named later in the text ("X area of Y district, Z") encloses the earlier
        order = sorted(range(len(found)), key=lambda i: (i not in container_ids, -i if i in container_ids else i))
        open_choices: dict[int, list] = {}
        scored_of: dict[int, list] = {}
        for i in order:
            entries, was_loose = cands[i]
            f = found[i]
            if not entries and not conts.get(i):
                continue
            inside = [picked[j][0] for j in conts.get(i, ()) if j in picked]
            if inside:
                # the name's own candidates, not the container itself: "Kouande (Kouande, Atacora)" names the
                # town inside its homonymous commune
                entries = [e for e in entries if e not in inside] or entries
                contained = [e for e in entries if any(self._contains(c, e) for c in inside)]
                if not contained and self._strict(text, f, inside, entries,
                                                  any(found[j].context == "paren" for j in conts.get(i, ()))):
                    near = self.gaz.similar_in(inside[0], f.text)
                    contained = [near] if near is not None else []
                    was_loose = True
                    entries = contained   # nothing inside the named area: fall back to the area itself
                elif contained and not any(e.feature_code == c.feature_code for e in entries for c in inside[:1]):
                    # a list is told by the name right after ("Paris, London"); a town further on closes no list
                    # that a state holds ("Richmond, Virginia, Orlando, Florida")
                    entries = contained
                else:
                    inside = []   # a list ("Paris, London"; a peer: "Mexico, United States"), not containment
            elif was_loose and focus:
                # a spelling variant is trusted only inside a country the article speaks of
                entries = [e for e in entries if focus[e.cc] > 0]
            if _area_unknown(f, entries) and not inside:
                # an area the gazetteer lacks (and no area named after it holds the settlement of its name): a settlement of that name counts only as the seat of an area or in a
                # country the article speaks of
                entries = [e for e in entries if focus[e.cc] > 0 or e.feature_code in ("PPLA", "PPLC")]
            if not entries:
                continue
            k = key(f.text)
            scored = []
            inner = [x for m in inner_of.get(i, ()) for x in cands[m][0]]
            own_focus = max((focus[x.cc] for x in entries if key(x.name) == k), default=-1.0)
            for e in entries:
                s, why = self._score(f, e, k, focus, total, inside, anchors, i in container_ids)
                if was_loose:
                    s += W_LOOSE
                elif own_focus >= focus[e.cc] and e.feature_class == "P" and key(e.name) != k:
                    s += W_OTHER_NAME   # "Salisbury" is a town of that name before Harare's former name
                    why = (why + ", " if why else "") + "only another of its names"
                if inner and e.feature_class == "A" and any(x is not e and self._contains(e, x) for x in inner):
                    s += W_CONTAINS
                    why = (why + ", " if why else "") + "contains the place named before it"
                scored.append((s, e, why))
            scored.sort(key=lambda t: -t[0])
            if not (f.region_word or i in container_ids):
                scored = _seat_first(scored)
            best = scored[0]
            e = best[1]
            if (total >= FOREIGN_MIN_VOTES and not inside and e.feature_class == "P" and e.cc and focus[e.cc] <= 1
                    and e.population < FOREIGN_SMALL_POP
                    and focus.most_common(1)[0][0] != e.cc
                    and focus.most_common(1)[0][1] / total >= FOREIGN_FOCUS_SHARE):
                continue
            runner = scored[1][1] if len(scored) > 1 else None
            picked[i] = (best[1], best[0], best[2] + (", loose spelling" if was_loose else ""), runner)
            scored_of[i] = scored
            if (len(scored) > 1 and not inside and not was_loose
                    and not (i in container_ids and "contains the place named before it" in best[2])):
                open_choices[i] = scored   # a container that held nothing of its inner names may be looked at again
        self._by_context(found, picked, scored_of, open_choices)
        # one sense per article: a name placed by the area named after it ("London, Ky.") is that place
        # wherever else the article names it without an area
        settled: dict[str, tuple[Entry, str]] = {}
        for i, (e, _, why, _) in picked.items():
            if "inside " in why:
                settled.setdefault(key(found[i].text), (e, why))
        for i, (e, score, why, runner) in list(picked.items()):
            hit = settled.get(key(found[i].text))
            if hit is not None and i not in conts and hit[0] != e:
                picked[i] = (hit[0], score, f"as elsewhere in the article ({hit[1]})", e)
        # a county or parish the article names in full ("Suffolk County") is what its bare name means elsewhere in
        # the article ("Suffolk"), unless the bare name's own pick is the larger place ("Washington" beside
        # "Washington County")
        counties: dict[str, Entry] = {}
        for i, (e, _, _, _) in picked.items():
            m = _COUNTY_WRITTEN.match(found[i].text)
            if m and e.feature_code == "ADM2":
                counties.setdefault(key(m.group(1)), e)
        for i, (e, score, why, runner) in list(picked.items()):
            county = counties.get(key(found[i].text))
            if (county is not None and county != e and i not in conts and "inside " not in why
                    and not self._contains(county, e) and e.population < county.population):
                picked[i] = (county, score, f"the {county.name} the article names", e)
        out: list[Place | None] = []
        for i, f in enumerate(found):
            span = Span(f.start, f.end, text[f.start:f.end])
            if i in picked:
                e, score, why, runner = picked[i]
                reason = f"'{f.text}' -> {e.name} ({e.admin1 or '-'}, {e.cc or '-'}), pop {e.population}"
                if why:
                    reason += f"; {why}"
                if f.context and f.context not in ("bare", "given"):
                    reason += f"; context {f.context}"
                out.append(self._place(span, e, precision_of(e, f), reason, runner))
                continue
            # unknown name: fall back to the place that encloses it, never to a homonym elsewhere
            enclosing = [picked[j][0] for j in conts.get(i, ()) if j in picked]
            if enclosing:
                e = enclosing[0]
                prec = 3 if e.feature_code in _PROVINCE_OR_BROADER else 2
                why = "not in the gazetteer" if not cands[i][0] else f"no place of that name inside {e.name} is known"
                out.append(self._place(span, e, prec, f"'{f.text}' {why}: enclosing {e.name}", None))
            else:
                out.append(None)
        return out

    def _place(self, span: Span, e: Entry, precision: int, reason: str, runner: Entry | None) -> Place:
        info = self.gaz.country(e.cc) if e.cc else None
        return Place(
            span=span, name=e.name, latitude=e.latitude, longitude=e.longitude, geonameid=e.geonameid,
            country=info.name if info else None, iso3=info.iso3 if info else None,
            admin1=e.admin1 or None, admin2=e.admin2 or None, feature_class=e.feature_class,
            feature_code=e.feature_code, population=e.population, geo_precision=precision, reason=reason,
            runner_up=(f"{runner.name} ({runner.admin1 or '-'}, {runner.cc or '-'})" if runner else None))


def _seat_first(scored: list) -> list:
    """A settlement named like the admin area it lies in ("Aleppo" in Aleppo governorate, "Kabul",
    "New York") goes before that area when no region word is written."""
    best = scored[0][1]
    if best.feature_code not in ("ADM1", "ADM2"):
        return scored
    area = key(best.name)
    for n, (s, e, why) in enumerate(scored):
        if e.feature_class != "P" or e.cc != best.cc:
            continue
        if e.feature_code == "PPLC":   # the national capital before a region named like it ("Washington")
            return [(s, e, (why + ", " if why else "") + "the capital")] + scored[:n] + scored[n + 1:]
        if e.population >= SEAT_MIN_POP and area in (key(e.admin1), key(e.admin2)):
            return [(s, e, (why + ", " if why else "") + f"seat of {best.name}")] + scored[:n] + scored[n + 1:]
    return scored


#: a region's name stands for the region when every other place of that name has less than this share of its
#: people ("Iowa": the state, not the Louisiana town)
SURE_REGION_SHARE = 0.01


def _sure_sense(entries: list[Entry]) -> Entry | None:
    """The one sense of a name that other names may lean on: its only candidate (a settlement or a region of a
    country), or a region of a country whose namesakes are all small settlements."""
    if not entries:
        return None
    if len(entries) == 1:
        e = entries[0]
        return e if e.feature_class == "P" or _rank(e) >= 2 else None
    top = max(entries, key=lambda e: e.population)
    if _rank(top) == 2 and all(e is top or (e.feature_class == "P" and e.population < SURE_REGION_SHARE * top.population)
                               for e in entries):
        return top
    return None


def _area_unknown(f: Found, entries: list[Entry]) -> bool:
    """Whether ``f`` is written as an area ("X province", "X district") that only settlements are named like."""
    return (f.region_word and f.context.startswith("after:") and bool(entries)
            and not any(e.feature_class == "A" for e in entries))


def _bare_code(f: Found) -> bool:
    """A two-letter postal code that the finder did not read as one (a given span "SA", "WA" alone): a state
    only in an article about that state's country."""
    return len(f.text) == 2 and f.text.isupper() and f.context not in _ABBREVIATION_CONTEXTS

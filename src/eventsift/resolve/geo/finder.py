"""Finding toponyms in text: gazetteer-backed matching of capitalised spans, checked by context and NER.

spaCy's small model alone misses many places (Aleppo as NORP, Palmyra as PERSON), so every run of
capitalised words (with al-/el- prefixes and short connectors) is matched against the gazetteer,
longest first, and then kept or dropped by its context: "in X", "near X", "the village of X",
"X district", "20 km north of X" keep it; months, titles, demonyms, words inside a person's or an
organisation's name, and tiny homonyms of common words at the start of a sentence drop it.
"""
from __future__ import annotations

import re

from ... import lexicon as lex
from .cues import (ADMIN_CHAIN_AFTER, ADMIN_TAIL, AFTER, AFTER_NUMBER, AFTER_TOWN, AREA_AFTER, BARE_STEM_MIN, BEFORE,
                   BIG_CODES, CODED_TO, CONNECTORS, CONTINENTS, DATELINE_AFTER, DEMONYM_ENDINGS, DIRECTIONS, HYPHEN,
                   IRREGULAR_DEMONYMS, KNOWN_CODES, LOCAL_AFTER, LOCAL_NOUNS, LOWER_WORD, NAME_OPENERS, NAMED_DAY,
                   NOT_PLACE_LABELS, OF_WORDS, PAREN_CLOSE, PAREN_LIST, PLACE_LABELS, PLACE_ONLY_CONTEXTS, PREFIXED,
                   REGION_WORDS, RELATIVE, STOP, TAIL_END, TITLES, WEAK_CONTEXTS, Demonym, Found, any_big,
                   defines_acronym, is_cap, sentence_initial, tokens)
from .gazetteer import COUNTRY_ALIASES, Entry, Gazetteer
from .names import fold, key
from .regions import ABBREVIATIONS, CITY_ABBREVIATIONS, STANDALONE_ABBREVIATIONS

#: most words a place name spans
MAX_WORDS = 4
#: a bare capitalised match (no place context, no NER place label) needs this population unless it is
#: a country, an admin area or a continent; set on GeoWebNews/TR-News dev runs (1k..100k tried)
MIN_POP_BARE = 5_000
#: a sentence-initial word (capitalised anyway) needs this population, or a place context/NER label
MIN_POP_INITIAL = 100_000
#: a spelling variant (loose key) is tried only for names this long, and only in a place context
LOOSE_MIN_CHARS = 6
#: a whole local name ("Band Sharan") spelt this much like a gazetteer entry (difflib ratio) is that entry
LOCAL_ALIKE = 0.75
#: an abbreviation's readings: a first-level division, a country or a territory
_STATE_OR_COUNTRY = lex.words("geo_country_codes") | {"ADM1"}
#: a match inside a place context ("in X", "X district") needs only to exist in the gazetteer
MIN_POP_CONTEXT = 0


def _alike(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return SequenceMatcher(None, a, b).ratio() >= LOCAL_ALIKE


#: a name the NER tags as a person this many times, in this share of its mentions, is a person's (see _people)
PEOPLE_MIN = 2
PEOPLE_SHARE = 0.5
#: ... unless it is the very name of a country or of a place this big ("Georgia", "Owerri" stay places; "Levi" is
#: only another name of Lévis, "Johnson" the short name of a county)
PEOPLE_MAX_POP = 100_000
_COUNTRY_CODES = lex.words("geo_country_codes")
#: a bare name right before a speech verb is a person unless it is a place this big (a government speaking)
SPEAKER_MAX_POP = 100_000
_SPEAKS = re.compile(r"\s+(?:" + lex.alternation("geo_speech_verbs") + r")\b")
_SURE_PLACE_LABELS = lex.words("sure_place_entity_labels")
_DATED_OR_TITLED_LABELS = lex.words("dated_or_titled_entity_labels")
_DOUBTFUL_PLACE_LABELS = lex.words("doubtful_place_entity_labels")


class Finder:
    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer
        self._demonym_cache: dict[str, str] = {}
        stems = [(fold(c.name), cc) for cc, c in gazetteer.countries.items()]
        stems += [(fold(a), cc) for cc, names in COUNTRY_ALIASES.items() for a in names if len(a) > 4]
        stems += [(fold(e.name), "@" + e.name) for e in map(gazetteer.entry, range(len(gazetteer.entries)))
                  if e.feature_code == "CONT"] if len(gazetteer.entries) < 1000 else []
        stems += [(fold(n), "@" + n) for n in CONTINENTS]
        self._country_stems = sorted(stems, key=lambda x: -len(x[0]))
        self._country_names = frozenset(n for n, _ in stems)

    _ORG_NAMES: frozenset | None = None
    _FUNCTION_WORDS: frozenset | None = None

    @classmethod
    def _function_words(cls) -> frozenset:
        """English function words ("most", "part", "same"), from the parser's own language data (loaded on first use)."""
        if cls._FUNCTION_WORDS is None:
            from spacy.lang.en.stop_words import STOP_WORDS   # noqa: PLC0415 (spaCy is imported only when needed)

            cls._FUNCTION_WORDS = frozenset(STOP_WORDS)
        return cls._FUNCTION_WORDS

    @classmethod
    def _org_names(cls) -> frozenset:
        """Names of armed groups and forces of two words or more (from the actor dictionary), lower-cased."""
        if cls._ORG_NAMES is None:
            from ...lexicon.tables import load   # noqa: PLC0415 (cached; loaded on first use only)

            cls._ORG_NAMES = frozenset(k for k in load().aliases if len(k) >= 2 and all(w.isalpha() for w in k))
        return cls._ORG_NAMES

    def _org_name(self, toks, i: int, j: int) -> int:
        """How many words of the capitalised run at ``i`` spell an armed group's name (0: none)."""
        names = self._org_names()
        for k in range(min(j - i, 6), 1, -1):
            if tuple(t[2].lower() for t in toks[i:i + k]) in names:
                return k
        return 0

    # --- demonyms ---------------------------------------------------------------------------------
    def demonym(self, word: str) -> str:
        """The country code a demonym points to ("Syrian" -> SY), "@Europe" for a continent's or a
        macro-region's, or ''. The longest country name that the word extends wins ("Nigerian": Nigeria)."""
        hit = self._demonym_cache.get(word)
        if hit is not None:
            return hit
        w = fold(word)
        forms = [w] + ([w[:-1]] if w.endswith("s") and not w.endswith("ss") else [])
        cc = next((IRREGULAR_DEMONYMS[f] for f in forms if f in IRREGULAR_DEMONYMS), "")
        if not cc and len(w) >= 4 and w not in self._country_names:
            best = 0
            for f in forms:
                for name, code in self._country_stems:
                    if len(name) - 1 <= best or not f.startswith(name[:-1]):
                        continue
                    for stem in (name, name[:-1]):
                        rest = f[len(stem):]
                        if (f.startswith(stem) and rest in DEMONYM_ENDINGS and (rest or len(stem) >= BARE_STEM_MIN)
                                and f != name and len(stem) > best):
                            best, cc = len(stem), code
        self._demonym_cache[word] = cc
        return cc

    # --- finding ----------------------------------------------------------------------------------
    def _split_compounds(self, toks: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Hyphenated words that are not names themselves, cut at their hyphens: "London-based",
        "Canada-EU", "Russian-backed", "anti-Russian" ("Guinea-Bissau" and "al-Numan" stay whole, and so does a
        compound of capitalised words unless all are names and one a well-known one: "Bello-Tounga", "Siki-Gando")."""
        out = []
        for s, e, w in toks:
            if ("-" not in w and "‐" not in w) or PREFIXED.match(w) or self.gaz.has(w.rstrip(".")):
                out.append((s, e, w))
                continue
            parts = [x for x in HYPHEN.split(w.rstrip(".")) if x]
            if len(parts) > 1 and all(is_cap(x) for x in parts) and not (
                    all(self.gaz.has(x) or self.demonym(x) or fold(x) in STOP for x in parts)
                    and any(self._big_name(x) for x in parts)):
                out.append((s, e, w))   # "Bello-Tounga", "Siki-Gando": one local name, not "Bello" and a word
                continue
            pos = s
            for part in HYPHEN.split(w):
                if part:
                    out.append((pos, pos + len(part), part))
                pos += len(part) + 1
        return out

    def find(self, text: str, doc=None) -> tuple[list[Found], list[Demonym]]:
        toks = self._split_compounds(tokens(text))
        ents = self._entity_map(doc, text)
        surnames = self._surnames(text, ents)
        lower = frozenset(LOWER_WORD.findall(text))
        found: list[Found] = []
        demonyms: list[Demonym] = []
        i, n = 0, len(toks)
        while i < n:
            s, e, w = toks[i]
            if not is_cap(w) or (fold(w).rstrip(".") in CONNECTORS and not (
                    i + 1 < n and text[e:toks[i + 1][0]] in (" ", "-") and is_cap(toks[i + 1][2]))):
                i += 1
                continue   # a connector opens a name only written capitalised before one ("El Fasher", "Al Bab")
            # the run of capitalised words (and connectors between them) starting here
            j = i + 1
            while j < n and j - i < MAX_WORDS + 2:
                gap = text[toks[j - 1][1]:toks[j][0]]
                prev_word = toks[j - 1][2]
                if prev_word.endswith(".") and len(prev_word) > 3:
                    break  # "Balkh. Fatalities": a sentence ends inside the run
                if gap not in (" ", "-", "‐") or not (is_cap(toks[j][2]) or fold(toks[j][2]) in CONNECTORS):
                    break
                j += 1
            if j - i >= 2 and fold(w) in NAME_OPENERS:
                i = j   # "Operation Lafiya Dole": an operation's name, whatever town its words spell
                continue
            local = self._local_name(text, toks, i, j, ents) if j - i >= 2 else None
            if local is not None:
                found.append(local)
                i = next(k for k in range(i, n) if toks[k][1] >= local.end) + 1
                continue
            matched = False
            for length in range(min(MAX_WORDS, j - i), 0, -1):
                last = i + length - 1
                if fold(toks[last][2]).rstrip(".") in CONNECTORS:
                    continue
                start, end = s, toks[last][1]
                phrase = text[start:end]
                if phrase.endswith(".") and not (len(phrase) <= 5 and phrase.count(".") >= 2):
                    end -= 1
                    phrase = phrase[:-1]
                if last + 1 < j and not self._may_follow(toks[last + 1][2]) and not self._big_name(phrase):
                    continue  # "Noma" of "Noma Tounga": a name that only begins like a known place
                hit = self._judge(text, start, end, phrase, toks, i, last, ents, surnames, lower)
                if hit is None:
                    continue
                if isinstance(hit, Demonym):
                    demonyms.append(hit)
                else:
                    found.append(hit)
                i = last + 1
                matched = True
                break
            if not matched and j - i >= 2:
                k = self._org_name(toks, i, j)
                if k:
                    i += k   # "Boko Haram": an armed group's name, whatever place its later words spell
                    continue
            if not matched:
                unknown = self._unknown(text, toks, i, j, ents)
                if unknown is not None:
                    found.append(unknown)
                    i = next(k for k in range(i, n) if toks[k][1] >= unknown.end) + 1
                    continue
                i += 1
        found = self._people(found, ents)
        found += self._repeats(text, toks, ents, surnames, found, demonyms)
        found.sort(key=lambda f: f.start)
        return found, demonyms

    def _people(self, found: list[Found], ents) -> list[Found]:
        """Drops a name the NER tags as a person in PEOPLE_SHARE of its mentions, PEOPLE_MIN times at least, that
        the article never names in a place's context and that is not the name of a country or of a PEOPLE_MAX_POP
        town ("Nelson says", "both Nelson and Banks agree", "Lord and Levi"): one word that keeps standing for
        someone is their name throughout."""
        if not ents:
            return found
        mentions: dict[str, list[Found]] = {}
        for f in found:
            mentions.setdefault(key(f.text), []).append(f)
        people = set()
        for k, fs in mentions.items():
            tagged = sum(1 for f in fs if (self._ent_at(ents, f.start, f.end) or ("",))[0] == "PERSON")
            if (tagged >= PEOPLE_MIN and tagged >= PEOPLE_SHARE * len(fs)
                    and all(f.context in WEAK_CONTEXTS for f in fs)
                    and not any(key(e.name) == k
                                and (e.feature_code in _COUNTRY_CODES or e.population >= PEOPLE_MAX_POP)
                                for e in self.gaz.lookup(fs[0].text, allow_loose=False))):
                people.add(k)
        return [f for f in found if key(f.text) not in people] if people else found

    def _sure_place(self, f: Found, ents) -> bool:
        """A mention that shows its name to be a place for the whole article: named in a place context or
        tagged as one by the NER (not as an organisation, a person, a facility or a date), written like a
        name (not an acronym), and a place that could stand without context (an area, or a settlement of
        MIN_POP_BARE)."""
        if not f.known or f.context in WEAK_CONTEXTS or key(f.text) in STOP:
            return False
        acronym = f.text.isupper() and f.text not in KNOWN_CODES
        if acronym or (" " not in f.text and any(c.isupper() for c in f.text[1:])):   # "NATO", "MoD"
            return False
        ent = self._ent_at(ents, f.start, f.end)
        label = ent[0] if ent else ""
        named_as_place = f.context.startswith(("of:", "after:", "relative", "paren")) and f.context != "after:division"
        if label and label not in _SURE_PLACE_LABELS and not (named_as_place and label != "PERSON"):
            return False   # "Congress", "Notre Dame" (but "Cavan County Council", "Heathrow airport" name places)
        entries = self.gaz.lookup(f.text, allow_loose=False)
        return any(e.feature_class in ("A", "L") or e.population >= MIN_POP_BARE for e in entries)

    def _repeats(self, text, toks, ents, surnames, found, demonyms) -> list[Found]:
        """Later mentions of a place the article has already named as one ("in Slidell" ... "Slidell PD",
        "the Cavan Town Hall" ... "Cavan Institute"): a name means the same place throughout an article, so
        it is a place again at the head of an organisation's name or without context. Not inside a person's
        name, not after a title, and not after another capitalised word ("Real Madrid", "Doug Logan")."""
        sources = {key(f.text) for f in found if self._sure_place(f, ents)}
        if not sources:
            return []
        taken = [(f.start, f.end) for f in found] + [(d.start, d.end) for d in demonyms]
        people = [(s, e) for (label, s, e, ntok) in ents.values() if label == "PERSON"]
        out: list[Found] = []
        n = len(toks)
        for i in range(n):
            s0 = toks[i][0]
            if not is_cap(toks[i][2]) or any(a <= s0 < b for a, b in taken):
                continue
            if i > 0 and text[toks[i - 1][1]:s0] in (" ", "-") and is_cap(toks[i - 1][2]):
                prev = fold(toks[i - 1][2]).rstrip(".")
                if prev in TITLES or not (prev in STOP or prev in DIRECTIONS):
                    continue
            for length in range(min(MAX_WORDS, n - i), 0, -1):
                last = i + length - 1
                if any(text[toks[k - 1][1]:toks[k][0]] not in (" ", "-") for k in range(i + 1, last + 1)):
                    continue
                start, end = s0, toks[last][1]
                phrase = text[start:end].rstrip(".")
                end = start + len(phrase)
                if key(phrase) not in sources:
                    continue
                if any(a < end and start < b for a, b in taken + people):
                    break
                if fold(phrase) in surnames:
                    break
                _, region, direction, relative = self._context(text, start, end)
                out.append(Found(start, end, phrase, "repeat", region, direction, relative))
                taken.append((start, end))
                break
        return out

    def _local_name(self, text, toks, i, j, ents) -> Found | None:
        """A run of two or more capitalised words that the gazetteer lacks as a whole (nor spelt alike), named
        as a local area ("the Marki Khel area of Sherzad district"): one unknown name, so that none of its
        words is taken for a homonym elsewhere."""
        if sentence_initial(text, toks[i][0]):
            return None
        for last in range(i + 1, min(j, i + MAX_WORDS)):   # the shortest: "X Y of Z district" is X Y
            words = [fold(t[2]).rstrip(".") for t in toks[i:last + 1]]
            if words[-1] in CONNECTORS:
                continue
            start, end = toks[i][0], toks[last][1]
            phrase = text[start:end].rstrip(".")
            end = start + len(phrase)
            if not LOCAL_AFTER.match(text[end:end + 60]):
                continue
            if any((w in STOP and w not in CONNECTORS) or w in AFTER or w in REGION_WORDS or w == "city" for w in words):
                return None
            written = fold(phrase)
            if any(_alike(written, fold(e.name)) for e in self.gaz.lookup(phrase)):
                return None
            ent = self._ent_at(ents, start, end)
            if ent and ent[0] in _DATED_OR_TITLED_LABELS:
                return None
            ctx, region, direction, relative = self._context(text, start, end)
            return Found(start, end, phrase, ctx or "local", region, direction, relative, known=False)
        return None

    def _may_follow(self, word: str) -> bool:
        """Whether a capitalised word may follow a place name inside one run ("Helmand Province")."""
        f = fold(word).rstrip(".")
        return f in STOP or f in AFTER or f in CONNECTORS or bool(self.demonym(word)) is False and self.gaz.has(word)

    def _big_name(self, phrase: str) -> bool:
        """A country, a first-level region, a continent, a capital, a big city, a known code or a demonym:
        a place even when more capitalised words follow ("New York Times", "Russian Foreign Minister")."""
        if phrase in KNOWN_CODES:
            return True
        if fold(phrase) in IRREGULAR_DEMONYMS:
            return True   # "North American Free Trade Agreement", "Canadian Blood Services"
        entries = self.gaz.lookup(phrase, allow_loose=False)
        if entries and any_big(entries):
            return True
        return " " not in phrase and bool(self.demonym(phrase))

    def given(self, text: str, spans: list[tuple[int, int]]) -> list[Found]:
        """One Found per span. The name looked up is the span widened to whole words and trimmed of
        "the", possessives and lower-case words around it; when that is unknown, the longest known part
        of it ("Kabul University" -> Kabul), tagged ``given-part`` so that the caller can check it."""
        out = []
        for start, end in spans:
            name, ctx_tag = self._given_name(text, start, end)
            ctx = self._context(text, start, end)
            out.append(Found(start, end, name, ctx_tag, ctx[1], ctx[2], ctx[3], self.gaz.has(name)))
        return out

    def _given_name(self, text: str, start: int, end: int) -> tuple[str, str]:
        s, e = start, end
        while s > 0 and text[s - 1].isalnum():
            s -= 1   # a span cut inside a word: widen it to the whole word
        while e < len(text) and text[e].isalnum():
            e += 1
        toks = [t for t in tokens(text[s:e]) if t[2]]
        # drop lower-case words at either end ("the", "was"), but not a lone word
        while len(toks) > 1 and not is_cap(toks[0][2]):
            toks = toks[1:]
        while len(toks) > 1 and not is_cap(toks[-1][2]):
            toks = toks[:-1]
        if not toks:
            return text[start:end], "given-common"
        name = text[s + toks[0][0]:s + toks[-1][1]]
        if not any(is_cap(t[2]) for t in toks):
            return name, "given-common"   # "the lot", "downtown", "alley" (not Aley): a common noun, not a name
        if name.endswith(".") and not (len(name) <= 6 and "." in name[:-1]) and not self.gaz.has(name):
            name = name[:-1]
        if self.gaz.has(name) or self.demonym(name) or len(toks) == 1:
            return name, "given"
        # the longest known run of capitalised words inside the span, leftmost first
        words = [t[2] for t in toks]
        for length in range(len(words) - 1, 0, -1):
            for i in range(len(words) - length + 1):
                part = words[i:i + length]
                stops = [fold(w).rstrip(".") in STOP for w in part]
                if not is_cap(part[0]) or not is_cap(part[-1]) or (stops[0] if length == 1 else all(stops)):
                    continue
                phrase = text[s + toks[i][0]:s + toks[i + length - 1][1]]
                if self.gaz.has(phrase) or (length == 1 and self.demonym(phrase)):
                    return phrase, "given-part"
        return name, "given"

    def _entity_map(self, doc, text: str = "") -> dict[int, tuple[str, int, int]]:
        """char offset -> (label, ent start, ent end) for every character of a named entity."""
        if doc is None:
            return {}
        out = {}
        for ent in doc.ents:
            if any(d in text[ent.start_char:ent.end_char] for d in (" - ", " – ", " — ")):
                continue   # "Trump - Wisconsin": an entity across a dash is the tagger's slip
            out[ent.start_char] = (ent.label_, ent.start_char, ent.end_char, len(ent))
        return out

    def _ent_at(self, ents, start: int, end: int):
        if not ents:
            return None
        # entities are few: scan for the one covering [start, end)
        for (label, s, e, ntok) in ents.values():
            if s <= start and end <= e:
                return label, s, e, ntok
        return None

    def _context(self, text: str, start: int, end: int) -> tuple[str, bool, str, bool]:
        """(context tag, region word, direction, relative) from the words around a span."""
        before = text[max(0, start - 60):start]
        after = text[end:end + 30]
        words_before = before.lower().replace(",", " ").split()
        prev = words_before[-1] if words_before else ""
        prev2 = words_before[-2] if len(words_before) > 1 else ""
        nxt_words = after.lower().lstrip(" -").split()
        nxt = nxt_words[0].strip(",.;:)") if nxt_words else ""
        direction = prev if prev in DIRECTIONS else ""
        anchor, anchor2 = (prev2, words_before[-3] if len(words_before) > 2 else "") if direction else (prev, prev2)
        relative = bool(RELATIVE.search(before))
        region = nxt in REGION_WORDS or (anchor == "of" and anchor2 in REGION_WORDS)
        if relative:
            return "relative", region, direction, True
        if nxt in AFTER:
            return f"after:{nxt}", region, direction, False
        if anchor == "of" and anchor2 in OF_WORDS:
            return f"of:{anchor2}", region, direction, False
        if (anchor in BEFORE or (anchor == "the" and anchor2 in BEFORE)) and (anchor, anchor2) != ("to", "according"):
            return f"before:{anchor}", region, direction, False
        if "(" in before[-34:] and PAREN_CLOSE.match(after) and PAREN_LIST.search(before):
            return "paren", region, direction, False   # "X (Y, Z)": the areas that contain X, ACLED's style
        written = text[start:end]
        if (written.isupper() and len(written) >= 4 and sentence_initial(text, start)
                and DATELINE_AFTER.match(text[end:end + 40])):
            return "dateline", region, direction, False
        if AREA_AFTER.match(after) and self._area_name(AREA_AFTER.match(after).group(1)):
            return "area-after", region, direction, False   # checked by _judge: the place must lie in that area
        if text[max(0, start - 2):start] == ", " or text[max(0, start - 1):start] == "(":
            return "list", region, direction, False
        return "", region, direction, False

    def _area_name(self, name: str) -> list[Entry]:
        """The countries and first-level areas a name written after a comma stands for."""
        name = name.rstrip(".")
        return [e for e in self.gaz.lookup(name, allow_loose=False)
                if e.feature_code in _STATE_OR_COUNTRY]

    @staticmethod
    def _surnames(text: str, ents) -> frozenset[str]:
        """The last words of the people's full names the article gives ("Michael Steele"): said alone later
        ("Steele said"), they are the person."""
        return frozenset(fold(text[s:e].split()[-1]) for (label, s, e, ntok) in ents.values()
                         if label == "PERSON" and ntok > 1 and text[s:e].split())

    def _judge(self, text, start, end, phrase, toks, i, last, ents, surnames=frozenset(), lower=frozenset()):
        """A Found, a Demonym, or None for a capitalised span."""
        f = fold(phrase)
        if f in STOP or key(phrase) in STOP:
            if i == last and f in IRREGULAR_DEMONYMS:
                return Demonym(start, end, phrase, IRREGULAR_DEMONYMS[f])   # "Kurdish": never a place, a demonym
            return None
        if i > 0 and fold(toks[i - 1][2]).rstrip(".") in TITLES and toks[i][0] - toks[i - 1][1] <= 1:
            return None  # "Mr Assad", "President Moscow": a person's name
        if defines_acronym(text, start, end):
            return None
        abbreviated = self._abbreviation(text, start, end, phrase)
        if abbreviated is not None:
            return abbreviated
        if phrase.isupper() and len(phrase) <= 5 and phrase not in KNOWN_CODES and "." not in phrase:
            hits = self.gaz.lookup(phrase, allow_loose=False)
            if not any(fold(e.name) == f or e.feature_code in BIG_CODES for e in hits):
                return None   # an acronym ("AMLO") that only an alternate spelling makes a place
        if phrase.isupper() and len(phrase) <= 3 and phrase not in KNOWN_CODES:
            return None
        entries = self.gaz.lookup(phrase, allow_loose=False)
        if not entries and len(f) >= LOOSE_MIN_CHARS:
            ctx = self._context(text, start, end)[0]
            if (ctx and ctx != "list" and not sentence_initial(text, start)) or ADMIN_TAIL.search(text[max(0, start - 60):start]):
                # another spelling of a known place, in a place context ("the town of Maarat al-Numan")
                entries = self.gaz.lookup(phrase)
        if not entries:
            if i == last or f in IRREGULAR_DEMONYMS:   # "Syrian", "Central American", "Middle Eastern"
                cc = self.demonym(phrase)
                if cc:
                    return Demonym(start, end, phrase, cc)
            return None
        ctx, region, direction, relative = self._context(text, start, end)
        if NAMED_DAY.match(text, end) and re.search(r"\b(?:the|a|an)\s+$", text[max(0, start - 5):start], re.I) \
                and not any(e.feature_code in BIG_CODES for e in entries):
            return None   # "the Red Wednesday movement", "a Black Friday sale": a day's name, not a place
        if ctx == "area-after":
            areas = self._area_name(AREA_AFTER.match(text[end:end + 30]).group(1))
            inside = [e for e in entries if any(e.cc == a.cc and (a.feature_class == "A" and a.feature_code != "ADM1"
                                                                   or key(e.admin1) == key(a.name)) for a in areas)]
            if inside and not any(e.feature_code in BIG_CODES for e in entries):
                entries = inside
            else:
                ctx = "list" if text[max(0, start - 2):start] == ", " else ""
        if (phrase.isupper() and " " not in phrase and phrase not in KNOWN_CODES and not any_big(entries)
                and not ctx.startswith(PLACE_ONLY_CONTEXTS)):
            return None   # "NATO", "STORY": a word in capitals is an acronym or a shout unless only a place fits
        ent = self._ent_at(ents, start, end)
        label = ent[0] if ent else ""
        if (label in ("ORG", "NORP") and ent[3] == 1 and (ent[1], ent[2]) == (start, end)
                and text[end:end + 1] == " " and fold(text[end + 1:end + 16].split(" ")[0]).rstrip(".,") in LOCAL_NOUNS):
            label = ""   # "Danbury police", "Torrington businesses": the town's name as a modifier, not a body
        big = max(e.population for e in entries)
        admin = any(e.feature_class in ("A", "L") for e in entries)
        if i == last and not any(e.feature_code == "PCLI" for e in entries):
            cc = self.demonym(phrase)
            if cc and big < MIN_POP_INITIAL:
                return Demonym(start, end, phrase, cc)
            if cc and not region and all(e.cc != cc for e in entries) and re.match(r" [a-z]", text[end:end + 2]):
                return Demonym(start, end, phrase, cc)   # "Somali government troops": Somalia's, not Ethiopia's Somali region
        big_place = any_big(entries)
        national = any(e.feature_code in BIG_CODES for e in entries)
        if i == last and not national and big < SPEAKER_MAX_POP and _SPEAKS.match(text, end) \
                and not ctx.startswith(PLACE_ONLY_CONTEXTS) and not ctx.startswith("before:"):
            return None   # "Walsh said": a person speaking ("Moscow said", "Kabul says": a big place's government)
        if f in surnames and not ctx.startswith(PLACE_ONLY_CONTEXTS) and not national and label not in PLACE_LABELS:
            return None   # 'Steele said', after 'Michael Steele'
        if ent and label in NOT_PLACE_LABELS and ent[3] > 1 and (ent[1], ent[2]) != (start, end):
            # a word inside a person's or an organisation's name ("Islamic State", "Aleppo Media Center");
            # a country or a big city still names a place inside an organisation's ("The Washington Post")
            if label == "PERSON" and not ctx.startswith(PLACE_ONLY_CONTEXTS):
                return None
            if not (ctx and ctx != "list") and not (big_place and label != "PERSON"):
                return None
        strong = bool(ctx) and ctx != "list"
        if (label == "PERSON" and ent[3] > 1 and not ctx.startswith(PLACE_ONLY_CONTEXTS)
                and not (big_place and (ent[1], ent[2]) == (start, end) and " " in phrase)):
            return None   # a person's name, unless it is exactly a big place's name of two words ("Tamil Nadu")
        if label in PLACE_LABELS:
            return Found(start, end, phrase, f"ner:{label}" if not strong else ctx, region, direction, relative)
        if strong:
            if big >= MIN_POP_CONTEXT or admin:
                return Found(start, end, phrase, ctx, region, direction, relative)
            return None
        if i == last and f in lower and not national:
            return None   # "Will I lose my job?", "Thanksgiving Day": a word the article also writes in lower case
        initial = sentence_initial(text, start)
        if initial and i == last and not national and f in self._function_words():
            return None   # "Most are poor", "Part of that is...": a common word opening a sentence, not Most or Perth
        if initial and not admin and big < MIN_POP_INITIAL:
            return None
        if not admin and big < MIN_POP_BARE:
            return None
        if (label in NOT_PLACE_LABELS or label in _DOUBTFUL_PLACE_LABELS) and not admin and big < MIN_POP_INITIAL:
            return None
        return Found(start, end, phrase, ctx or "bare", region, direction, relative)

    def _abbreviation(self, text: str, start: int, end: int, phrase: str) -> Found | None:
        """A state's or a province's abbreviation: any written form right after "Town, " ("Fresno, Calif.",
        "HORRY COUNTY, SC"), a form with two or more full stops anywhere but after a number ("in B.C.")."""
        written = phrase + "." if text[end:end + 1] == "." and phrase + "." in ABBREVIATIONS else phrase
        before = text[max(0, start - 40):start]
        if written + "." in ABBREVIATIONS and written[:1].isupper() and not written.isupper() and AFTER_TOWN.search(before):
            # "EDMONTON, Ky (WBKO)": the dotted form written without its dot, right after a town
            return Found(start, start + len(phrase), written + ".", "after-town", True)
        if written not in ABBREVIATIONS and written not in CITY_ABBREVIATIONS:
            return None
        standalone = written.count(".") >= 2 or written in STANDALONE_ABBREVIATIONS
        if AFTER_TOWN.search(before) or (standalone and not AFTER_NUMBER.search(before)):
            ctx = "after-town" if AFTER_TOWN.search(before) else "abbreviation"
            return Found(start, start + len(written), written, ctx, True)
        return None

    def _unknown(self, text, toks, i, j, ents):
        """A capitalised name missing from the gazetteer, kept only in a strong place pattern
        ("in X district", "the village of X", "in X (Y, Z)", "X, coded to Y")."""
        last = min(j, i + MAX_WORDS) - 1
        while last > i and fold(toks[last][2]).rstrip(".") in CONNECTORS:
            last -= 1
        start, end = toks[i][0], toks[last][1]
        phrase = text[start:end].rstrip(".")
        end = start + len(phrase)
        if fold(phrase) in STOP or any(fold(t[2]).rstrip(".") in STOP for t in toks[i:last + 1]):
            return None
        if sentence_initial(text, start) or defines_acronym(text, start, end):
            return None
        ctx, region, direction, relative = self._context(text, start, end)
        after = text[end:end + 3]
        # the area that closes a chain ("Gulran district, Heart."): kept, for a spelling of a known region
        if (last - i < 3 and ADMIN_TAIL.search(text[max(0, start - 60):start])
                and TAIL_END.match(text[end:end + 3])):
            return Found(start, end, phrase, "tail", True, direction, relative, known=False)
        ent = self._ent_at(ents, start, end)
        chained = bool(ADMIN_CHAIN_AFTER.match(text, end)) or ctx == "paren"
        if ent and ent[0] in NOT_PLACE_LABELS | {"NORP", "DATE"} and not (
                ctx.startswith(PLACE_ONLY_CONTEXTS) and (region or ctx.startswith("of:") or chained)):
            return None   # a person's name, unless named as an area or a village ("Nahri Saraj district",
            #               "the village of Bello-Tounga", "Bako Maka (Karimama, Alibori)", "(Karimama, Alibori)")
        enclosed = after.startswith(" (") or after.startswith(", ")
        coded = bool(CODED_TO.search(text[max(0, start - 12):start]))
        in_parens = text[max(0, start - 1):start] == "(" and after[:1] in (",", ")")
        if ((ctx.startswith("after:") and region) or ctx.startswith("of:") or in_parens
                or ((ctx.startswith("before:") or coded) and enclosed)):
            return Found(start, end, phrase, ctx, region, direction, relative, known=False)
        return None

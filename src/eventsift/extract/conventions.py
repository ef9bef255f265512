"""The one place a sub-event type is decided: ACLED's conventions as an ordered table in data.

Every reading of a sentence (``subtype.classify``) and every later change of a story's reading
(a later sentence, a note's label, the event's country) names a row of
``lexicon/conventions.tsv``: its id, the sub-type it gives, a one-line rationale and the
condition on the mention's features. The sub-type comes from the row, never from the code that
picks it, and ``reasons["sub_event_type"]`` names the row that decided.

A condition is a small expression on the fields of ``extract.features.Features``::

    violent and weapon_used == "air" and not (battle and air_support)
    "protest" in families or patient_inter in {None, 7}

It may use feature names, constants (strings, numbers, True, False, None), ``and``/``or``/``not``,
comparisons (``==``, ``!=``, ``in``, ``not in``, ``is None``, ``is not None``), ``&`` of sets and set
literals of constants; nothing else (no calls, no attribute access). ``first`` walks the rows in
table order and the first whose condition holds decides. A row whose condition column reads
``code: ...`` is decided by code elsewhere (a later sentence, a note's label), which names the row.
"""
from __future__ import annotations

import ast
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from types import CodeType

from .. import lexicon as lex
from ..models import Decision, Mention, Span
from ..taxonomy import EVENT_TYPE_OF
from .actors import ActorRef
from .features import Features
from .rules import Trigger

#: the lexicon set of the table
TABLE = "subtype_conventions"
#: how the condition column of a row decided by code begins
CODE = "code"
#: the names a condition may use: the features of a mention
FEATURES = frozenset(f.name for f in fields(Features))

#: the sub-type column of a row that decides there is no event
NO_EVENT = "-"
#: the sub-type column of a row whose sub-type is another reading's (a later sentence's, a label's)
ANOTHER = "*"


class ConventionError(lex.LexiconError):
    """A row of the table is malformed (its condition names no feature or uses other syntax), or a
    decision names a row that the table lacks or asks it for another sub-type."""


@dataclass(frozen=True, slots=True)
class Convention:
    id: str
    sub_event_type: str  # NO_EVENT, ANOTHER or one of ACLED's 25
    rationale: str
    condition: str
    test: CodeType | None = None  # the compiled condition; None for a row decided in code
    where: str = ""  # file:line of the row

    def reason(self, detail: str) -> str:
        """The reason text of a decision by this row: its id, its rationale and what was read."""
        return f"[{self.id}] {self.rationale}; {detail}" if detail else f"[{self.id}] {self.rationale}"

    def holds(self, features: dict) -> bool:
        """Whether the row's condition holds on a mention's features (by name); False for a code row."""
        return self.test is not None and bool(eval(self.test, {"__builtins__": {}}, features))  # noqa: S307 - checked by parse


_NODES = (ast.Expression, ast.BoolOp, ast.And, ast.Or, ast.UnaryOp, ast.Not, ast.Compare, ast.Eq, ast.NotEq,
          ast.In, ast.NotIn, ast.Is, ast.IsNot, ast.Name, ast.Load, ast.Constant, ast.Set, ast.BinOp, ast.BitAnd)
_SYNTAX = "feature names, constants, and/or/not, comparisons, in, is None, & and set literals"


def parse(condition: str, where: str = "<condition>", known: frozenset[str] = FEATURES) -> CodeType:
    """The compiled condition; raises ConventionError (with ``where``, the row's file:line) when it is
    no expression, names anything but a feature in ``known``, or uses any other syntax."""
    try:
        tree = ast.parse(condition.strip(), mode="eval")
    except SyntaxError as e:
        raise ConventionError(f"{where}: condition {condition!r} is no expression ({e.msg})") from None
    for node in ast.walk(tree):
        if not isinstance(node, _NODES):
            raise ConventionError(f"{where}: {type(node).__name__.lower()} {ast.unparse(node)!r} is not allowed in a "
                                  f"condition; use only {_SYNTAX}")
        if isinstance(node, ast.Name) and node.id not in known:
            raise ConventionError(f"{where}: condition names {node.id!r}, which is no feature of a mention; "
                                  "add it to extract.features.Features or use one of its fields")
        if isinstance(node, ast.Constant) and not (node.value is None or isinstance(node.value, (str, int))):
            raise ConventionError(f"{where}: constant {node.value!r} is not allowed in a condition; use only {_SYNTAX}")
        if isinstance(node, ast.BinOp) and not isinstance(node.op, ast.BitAnd):
            raise ConventionError(f"{where}: {ast.unparse(node)!r} is not allowed in a condition; use only {_SYNTAX}")
        if isinstance(node, ast.Set) and not all(isinstance(e, ast.Constant) for e in node.elts):
            raise ConventionError(f"{where}: set {ast.unparse(node)!r} holds more than constants")
        if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops) and not all(
                isinstance(c, ast.Constant) and c.value is None for c in node.comparators):
            raise ConventionError(f"{where}: {ast.unparse(node)!r}: 'is' compares only with None")
    return compile(tree, where, "eval")


def build(entries) -> dict[str, Convention]:
    """The conventions of lexicon entries (``lex.Entry`` of the table's set), in decision order, by id."""
    out: dict[str, Convention] = {}
    for e in entries:
        rid, (sub, rationale, condition) = e.entry, (*e.values, "", "", "")[:3]
        where = f"{e.file}:{e.line}"
        if sub not in (NO_EVENT, ANOTHER) and sub not in EVENT_TYPE_OF:
            raise ConventionError(f"{where}: convention {rid!r}: {sub!r} is no ACLED sub-event type")
        if not rationale or not condition:
            raise ConventionError(f"{where}: convention {rid!r} needs a rationale and a condition")
        if rid in out:
            raise ConventionError(f"{where}: convention {rid!r} is already a row of the table")
        code = condition.split(":", 1)[0].strip() == CODE
        out[rid] = Convention(rid, sub, rationale, condition, None if code else parse(condition, where), where)
    return out


@lru_cache(maxsize=1)
def table() -> dict[str, Convention]:
    """The conventions in decision order, by id."""
    return build(lex.items(TABLE))


@lru_cache(maxsize=1)
def _decided_by_table() -> tuple[tuple[Convention, ...], tuple[str, ...]]:
    rows = tuple(r for r in table().values() if r.test is not None)
    return rows, tuple(sorted({n for r in rows for n in r.test.co_names}))


def first(features: Features) -> Convention:
    """The first row, in table order, whose condition holds on the mention's features."""
    rows, names = _decided_by_table()
    named = {n: getattr(features, n) for n in names}
    for row in rows:
        if row.holds(named):
            return row
    raise ConventionError("no convention row holds; the table must end with a row whose condition is True")


def rule(rule_id: str) -> Convention:
    try:
        return table()[rule_id]
    except KeyError:
        raise ConventionError(f"no convention row {rule_id!r}; add it to lexicon/conventions.tsv") from None


def sub_of(rule_id: str, other: str | None = None) -> str | None:
    """The sub-type a row decides (None for a row of no event); ``other`` for a row that takes another reading's."""
    row = rule(rule_id)
    if row.sub_event_type == NO_EVENT:
        return None
    if row.sub_event_type == ANOTHER:
        if other is None:
            raise ConventionError(f"convention {rule_id!r} takes another reading's sub-type; none was given")
        return other
    if other is not None and other != row.sub_event_type:
        raise ConventionError(f"convention {rule_id!r} gives {row.sub_event_type!r}, not {other!r}")
    return row.sub_event_type


@dataclass(frozen=True, slots=True)
class Typed:
    """A sentence's reading: the row that decided it (``sub_event_type`` None: no event), its actors
    and event word."""

    rule: str
    sub_event_type: str | None
    actor1: ActorRef | None
    actor2: ActorRef | None
    trigger: Trigger
    reason: str
    actor1_reason: str
    actor2_reason: str


def typed(rule_id: str, actor1: ActorRef | None, actor2: ActorRef | None, trigger: Trigger, detail: str,
          actor1_reason: str = "", actor2_reason: str = "", *, sub: str | None = None) -> Typed:
    """A reading decided by the row ``rule_id`` (``sub`` only for a row that takes another reading's)."""
    return Typed(rule_id, sub_of(rule_id, sub), actor1, actor2, trigger, rule(rule_id).reason(detail),
                 actor1_reason, actor2_reason)


def retype(m: Mention, rule_id: str, detail: str, *, sub: str | None = None, span: Span | None = None,
           **changes) -> Mention:
    """The mention with the sub-type the row ``rule_id`` gives (and any actor changes it brings),
    recorded as a decision that names the row. The only way a story's reading changes after its
    first sentence."""
    new = sub_of(rule_id, sub)
    if new is None:
        raise ConventionError(f"convention {rule_id!r} decides no event; a mention cannot take it")
    decision = Decision("sub_event_type", new, f"{m.sub_event_type} → {new}: {rule(rule_id).reason(detail)}", span)
    return replace(m, event_type=EVENT_TYPE_OF[new], sub_event_type=new, **changes,
                   decisions=m.decisions + (decision,))

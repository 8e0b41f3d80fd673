"""XLSForm expressions: a tokenizer, a recursive-descent parser and a total evaluator (no `eval`).

An expression is parsed once, when its definition loads, into a small tree, and compiled into
Python closures. Evaluating never raises on odd answers: as in XPath, a value of the wrong kind
becomes the empty string or NaN, and a comparison with NaN is false.

Values inside the evaluator are `str`, `float`, `bool` and `datetime.date`; the empty answer is
`""`; a select_multiple answer is its space-separated string, as in XLSForm (see forms.values).
"""

from __future__ import annotations

import datetime
import functools
import math
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

# Values and their conversions live in forms.values; re-exported here, where callers find them.
from forms.values import MAX_NUMBER_TEXT as MAX_NUMBER_TEXT
from forms.values import Value as Value
from forms.values import parse_iso_date as parse_iso_date
from forms.values import to_bool as to_bool
from forms.values import to_date as to_date
from forms.values import to_number as to_number
from forms.values import to_string as to_string

MAX_EXPRESSION_LENGTH = 4000  # characters of source
MAX_DEPTH = 60  # depth of the tree (operators, calls); keeps evaluation far from Python's recursion limit
MAX_NESTING = 32  # parentheses and call arguments; each costs the parser about ten stack frames
MAX_REGEX_INPUT = 1000  # regex() is false on longer strings: a bounded cost per check


class ExpressionError(ValueError):
    """An expression that cannot be parsed. `kind` says why, for importers that report it."""

    def __init__(self, message: str, *, kind: str = "syntax", position: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind  # syntax | unknown_function | arity | too_deep | too_long | bad_regex
        self.position = position


# --------------------------------------------------------------------------- the tree
@dataclass(frozen=True, slots=True)
class Node:
    """One node of a parsed expression."""

    kind: str  # literal | field | current | column | neg | binary | call
    value: Value = ""  # literal value; field/column/call name; binary operator
    args: tuple[Node, ...] = ()
    depth: int = 1


class Env:
    """What an expression can see: typed answers by field, `.`, a choice's columns, today."""

    __slots__ = ("column_of", "current", "today", "values")

    def __init__(
        self,
        values: Mapping[str, Value],
        today: datetime.date,
        current: Value = "",
        column_of: Callable[[str], str] | None = None,
    ) -> None:
        self.values = values
        self.today = today
        self.current = current
        self.column_of = column_of  # a choice's columns, for choice filters


Compiled = Callable[[Env], Value]


@dataclass(frozen=True)
class Expression:
    """A parsed expression: its source, tree, the fields it reads and a compiled evaluator."""

    source: str
    tree: Node
    fields: frozenset[str]
    columns: frozenset[str]
    uses_current: bool
    _run: Compiled = field(repr=False, compare=False)

    def evaluate(self, env: Env) -> Value:
        """The expression's value. Never raises: an internal slip gives the empty value."""
        try:
            return self._run(env)
        except (ArithmeticError, ValueError, TypeError, re.error):  # pragma: no cover - a bug
            return ""

    def evaluate_unguarded(self, env: Env) -> Value:
        """Like `evaluate` without the safety net; tests use it to prove the evaluator is total."""
        return self._run(env)

    def is_true(self, env: Env) -> bool:
        """The expression's value as a boolean (`evaluate`'s safety net inlined: one call less per check)."""
        try:
            value = self._run(env)
        except (ArithmeticError, ValueError, TypeError, re.error):  # pragma: no cover - a bug
            value = ""
        return to_bool(value)


# --------------------------------------------------------------------------- tokenizer
_TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<field>\$\{(?P<fieldname>[A-Za-z_][A-Za-z0-9_.\-]*)\})
  | (?P<number>\d+(?:\.\d*)?|\.\d+)
  | (?P<string>'[^']*'|"[^"]*")
  | (?P<op>!=|<=|>=|=|<|>|\+|-|\*|\(|\)|,)
  | (?P<name>[A-Za-z_][A-Za-z0-9_]*(?:[-:.][A-Za-z_][A-Za-z0-9_]*)*)
  | (?P<dot>\.)
    """,
    re.VERBOSE,
)
_WORD_OPERATORS = frozenset({"and", "or", "div", "mod"})


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # field | number | string | op | name | dot | end
    text: str
    position: int


def _tokenize(source: str) -> list[_Token]:
    tokens: list[_Token] = []
    position = 0
    while position < len(source):
        match = _TOKEN.match(source, position)
        if match is None:
            raise ExpressionError(
                f"unexpected character {source[position]!r} at position {position + 1}", position=position
            )
        kind = match.lastgroup or ""
        if kind == "fieldname":  # pragma: no cover - the outer group is the last one to close
            kind = "field"
        if kind == "field":
            tokens.append(_Token("field", match["fieldname"], position))
        elif kind == "name" and match.group() in _WORD_OPERATORS:
            tokens.append(_Token("op", match.group(), position))
        elif kind != "space":
            tokens.append(_Token(kind, match.group(), position))
        position = match.end()
    tokens.append(_Token("end", "", len(source)))
    return tokens


# --------------------------------------------------------------------------- parser
# name -> (fewest, most arguments); most = -1 for any number
FUNCTIONS: dict[str, tuple[int, int]] = {
    "if": (3, 3),
    "selected": (2, 2),
    "count-selected": (1, 1),
    "string-length": (1, 1),
    "regex": (2, 2),
    "today": (0, 0),
    "concat": (1, -1),
    "coalesce": (2, 2),
    "int": (1, 1),
    "number": (1, 1),
    "string": (1, 1),
    "not": (1, 1),
    "true": (0, 0),
    "false": (0, 0),
    "date": (1, 1),
    "format-date": (2, 2),
}

_LEVELS: tuple[frozenset[str], ...] = (
    frozenset({"or"}),
    frozenset({"and"}),
    frozenset({"=", "!="}),
    frozenset({"<", "<=", ">", ">="}),
    frozenset({"+", "-"}),
    frozenset({"*", "div", "mod"}),
)


class _Parser:
    def __init__(self, source: str, *, allow_columns: bool) -> None:
        self.tokens = _tokenize(source)
        self.index = 0
        self.nesting = 0
        self.allow_columns = allow_columns

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def take(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def expect(self, text: str) -> None:
        token = self.take()
        if token.kind != "op" or token.text != text:
            found = "the end" if token.kind == "end" else repr(token.text)
            raise ExpressionError(
                f"expected {text!r} at position {token.position + 1}, found {found}", position=token.position
            )

    def node(self, kind: str, value: Value = "", args: tuple[Node, ...] = ()) -> Node:
        depth = 1 + max((a.depth for a in args), default=0)
        if depth > MAX_DEPTH:
            raise ExpressionError(f"expression is nested more than {MAX_DEPTH} levels deep", kind="too_deep")
        return Node(kind, value, args, depth)

    def parse(self) -> Node:
        tree = self.binary(0)
        token = self.peek()
        if token.kind != "end":
            raise ExpressionError(
                f"unexpected {token.text!r} at position {token.position + 1}", position=token.position
            )
        return tree

    def binary(self, level: int) -> Node:
        if level == len(_LEVELS):
            return self.unary()
        left = self.binary(level + 1)
        while (token := self.peek()).kind == "op" and token.text in _LEVELS[level]:
            self.take()
            left = self.node("binary", token.text, (left, self.binary(level + 1)))
        return left

    def unary(self) -> Node:
        minus = 0
        while (token := self.peek()).kind == "op" and token.text == "-":
            self.take()
            minus += 1
            if minus > MAX_DEPTH:
                raise ExpressionError(f"expression is nested more than {MAX_DEPTH} levels deep", kind="too_deep")
        operand = self.primary()
        for _ in range(minus):
            operand = self.node("neg", "", (operand,))
        return operand

    def nested(self) -> Node:
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise ExpressionError(f"expression nests parentheses more than {MAX_NESTING} levels deep", kind="too_deep")
        tree = self.binary(0)
        self.nesting -= 1
        return tree

    def primary(self) -> Node:
        token = self.take()
        if token.kind == "number":
            return self.node("literal", float(token.text))
        if token.kind == "string":
            return self.node("literal", token.text[1:-1])
        if token.kind == "field":
            return self.node("field", token.text)
        if token.kind == "dot":
            return self.node("current")
        if token.kind == "op" and token.text == "(":
            inner = self.nested()
            self.expect(")")
            return inner
        if token.kind == "name":
            if self.peek().kind == "op" and self.peek().text == "(":
                return self.call(token)
            if self.allow_columns:
                return self.node("column", token.text)
            raise ExpressionError(
                f"{token.text!r} at position {token.position + 1} is neither a function call nor a ${{field}} reference",
                position=token.position,
            )
        found = "the end of the expression" if token.kind == "end" else repr(token.text)
        raise ExpressionError(
            f"expected a value at position {token.position + 1}, found {found}", position=token.position
        )

    def call(self, name: _Token) -> Node:
        if name.text not in FUNCTIONS:
            raise ExpressionError(f"unknown function {name.text}()", kind="unknown_function", position=name.position)
        self.expect("(")
        args: list[Node] = []
        if not (self.peek().kind == "op" and self.peek().text == ")"):
            args.append(self.nested())
            while self.peek().kind == "op" and self.peek().text == ",":
                self.take()
                args.append(self.nested())
        self.expect(")")
        fewest, most = FUNCTIONS[name.text]
        if len(args) < fewest or (most >= 0 and len(args) > most):
            wanted = str(fewest) if fewest == most else f"at least {fewest}" if most < 0 else f"{fewest} to {most}"
            raise ExpressionError(
                f"{name.text}() takes {wanted} argument(s), got {len(args)}", kind="arity", position=name.position
            )
        if name.text == "regex" and args[1].kind == "literal":
            try:
                _compiled_regex(str(args[1].value))
            except re.error as exc:
                raise ExpressionError(
                    f"regex() pattern is invalid: {exc}", kind="bad_regex", position=name.position
                ) from None
        return self.node("call", name.text, tuple(args))


def parse(source: str, *, allow_columns: bool = False) -> Expression:
    """Parse `source`; raises ExpressionError. Bare names (choice columns) only when `allow_columns`."""
    if len(source) > MAX_EXPRESSION_LENGTH:
        raise ExpressionError(f"expression is longer than {MAX_EXPRESSION_LENGTH} characters", kind="too_long")
    tree = _Parser(source, allow_columns=allow_columns).parse()
    fields: set[str] = set()
    columns: set[str] = set()
    uses_current = False
    stack = [tree]
    while stack:
        node = stack.pop()
        if node.kind == "field":
            fields.add(str(node.value))
        elif node.kind == "column":
            columns.add(str(node.value))
        elif node.kind == "current":
            uses_current = True
        stack.extend(node.args)
    return Expression(source, tree, frozenset(fields), frozenset(columns), uses_current, _compile(tree))


# --------------------------------------------------------------------------- evaluation
@functools.lru_cache(maxsize=256)
def _compiled_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def _equal(a: Value, b: Value) -> bool:
    if isinstance(a, str) and isinstance(b, str):  # the common case; text is neither bool, float nor date
        return a == b
    if isinstance(a, bool) or isinstance(b, bool):
        return to_bool(a) == to_bool(b)
    if isinstance(a, float) or isinstance(b, float):
        return to_number(a) == to_number(b)
    if isinstance(a, datetime.date) or isinstance(b, datetime.date):
        return to_date(a) == to_date(b) is not None
    return a == b


def _div(a: float, b: float) -> float:
    if b == 0.0:
        return math.nan if a == 0.0 or math.isnan(a) else math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def _mod(a: float, b: float) -> float:
    if b == 0.0 or math.isinf(a) or math.isnan(a) or math.isnan(b):
        return math.nan
    return math.fmod(a, b)


_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_ARITHMETIC: dict[str, Callable[[float, float], float]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "div": _div,
    "mod": _mod,
}


# format-date directives as str.format fields of (day, two-digit year)
_DATE_FIELDS = {
    "%Y": "{0.year:04d}",
    "%y": "{1:02d}",
    "%m": "{0.month:02d}",
    "%n": "{0.month}",
    "%d": "{0.day:02d}",
    "%e": "{0.day}",
}
_DATE_DIRECTIVE = re.compile(r"(%[Yymnde])")


@functools.lru_cache(maxsize=64)
def _date_template(pattern: str) -> str:
    """A format-date pattern as a str.format template, made once: `'%Y%m%d'` → `'{0.year:04d}…'`.
    The directives are found as re.sub would find them; the text between keeps its braces."""
    pieces = _DATE_DIRECTIVE.split(pattern)  # text, directive, text, directive, …, text
    return "".join(_DATE_FIELDS[p] if i % 2 else p.replace("{", "{{").replace("}", "}}") for i, p in enumerate(pieces))


def _format_date(value: Value, pattern: Value) -> str:
    day = to_date(value)
    if day is None:
        return ""
    return _date_template(to_string(pattern)).format(day, day.year % 100)


def _regex(text: Value, pattern: Value) -> bool:
    subject = to_string(text)
    if len(subject) > MAX_REGEX_INPUT:
        return False
    try:
        compiled = _compiled_regex(to_string(pattern))
    except re.error:
        return False
    return compiled.search(subject) is not None


def _int(value: Value) -> float:
    number = to_number(value)
    return float(math.trunc(number)) if math.isfinite(number) else number


def _as_date_value(value: Value) -> Value:
    day = to_date(value)
    return "" if day is None else day


_SIMPLE_FUNCTIONS: dict[str, Callable[..., Value]] = {
    "selected": lambda items, item: to_string(item).strip() in to_string(items).split(),
    "count-selected": lambda items: float(len(to_string(items).split())),
    "string-length": lambda text: float(len(to_string(text))),
    "regex": _regex,
    "concat": lambda *parts: "".join(to_string(p) for p in parts),
    "coalesce": lambda a, b: a if to_string(a) != "" else b,
    "int": _int,
    "number": to_number,
    "string": to_string,
    "not": lambda v: not to_bool(v),
    "true": lambda: True,
    "false": lambda: False,
    "date": _as_date_value,
    "format-date": _format_date,
}


# What a subexpression's value depends on, from least to most.
_CONSTANT, _TODAY, _ANSWERS = 0, 1, 2
_NOTHING = Env({}, datetime.date.min)  # the environment constants are folded in: they read nothing from it
_FAULTS = (ArithmeticError, ValueError, TypeError, re.error)  # what `Expression.evaluate` guards against


def _compile(node: Node) -> Compiled:
    return _build(node)[0]


def _build(node: Node) -> tuple[Compiled, int]:
    """A node compiled, and what its value depends on. Evaluation is pure, so a part that reads
    no answers is worked out once: now when it reads nothing (`date('1900-01-01')`), once a day
    when it reads only today() (`int(format-date(today(), '%Y'))`)."""
    if node.kind == "literal":
        return _compile_node(node, []), _CONSTANT
    if node.kind in ("field", "current", "column"):
        return _compile_node(node, []), _ANSWERS
    built = [_build(a) for a in node.args]
    depends = max((d for _, d in built), default=_CONSTANT)
    if node.kind == "call" and node.value == "today":
        depends = _TODAY
    run = _compile_node(node, built)
    if depends == _TODAY:
        return _once_a_day(run), _TODAY
    if depends == _CONSTANT:
        try:
            value = run(_NOTHING)
        except _FAULTS:  # pragma: no cover - a bug; left to fail (and be guarded) at each evaluation
            return run, _ANSWERS
        return (lambda env: value), _CONSTANT
    return run, _ANSWERS


def _once_a_day(run: Compiled) -> Compiled:
    """`run` for a part that reads only today(): computed again only when the day changes."""
    last: list[tuple[datetime.date | None, Value]] = [(None, "")]

    def cached(env: Env) -> Value:
        day, value = last[0]  # one tuple, replaced whole: safe when several threads check records
        if day != env.today:
            value = run(env)
            last[0] = (env.today, value)
        return value

    return cached


def _compile_node(node: Node, built: list[tuple[Compiled, int]]) -> Compiled:
    """One node's evaluator, given its arguments' (compiled, depends) from `_build`."""
    kind, value = node.kind, node.value
    if kind == "literal":
        return lambda env: value
    if kind == "field":
        name = str(value)
        return lambda env: env.values.get(name, "")
    if kind == "current":
        return lambda env: env.current
    if kind == "column":
        column = str(value)
        return lambda env: "" if env.column_of is None else env.column_of(column)
    args = [compiled for compiled, _ in built]
    if kind == "neg":
        (operand,) = args
        return lambda env: -to_number(operand(env))
    if kind == "binary":
        left, right = args
        if value == "or":
            return lambda env: to_bool(left(env)) or to_bool(right(env))
        if value == "and":
            return lambda env: to_bool(left(env)) and to_bool(right(env))
        if value == "=":
            return lambda env: _equal(left(env), right(env))
        if value == "!=":
            return lambda env: not _equal(left(env), right(env))
        if value in _COMPARE:
            compare = _COMPARE[str(value)]
            if built[1][1] == _CONSTANT:  # `. >= 0`, `. >= date('1900-01-01')`: the limit as a number, once
                limit = to_number(right(_NOTHING))
                return lambda env: compare(to_number(left(env)), limit)
            return lambda env: compare(to_number(left(env)), to_number(right(env)))
        arithmetic = _ARITHMETIC[str(value)]
        return lambda env: arithmetic(to_number(left(env)), to_number(right(env)))
    if value == "if":
        test, then, otherwise = args
        return lambda env: then(env) if to_bool(test(env)) else otherwise(env)
    if value == "today":
        return lambda env: env.today
    if value == "regex" and node.args[1].kind == "literal" and isinstance(node.args[1].value, str):
        return _compile_regex(args[0], node.args[1].value)
    function = _SIMPLE_FUNCTIONS[str(value)]
    # The usual arities spelled out: the same calls, in the same order, without a generator.
    if len(args) == 1:
        (only,) = args
        return lambda env: function(only(env))
    if len(args) == 2:
        first, second = args
        return lambda env: function(first(env), second(env))
    return lambda env: function(*(a(env) for a in args))


def _compile_regex(subject: Compiled, pattern: str) -> Compiled:
    """regex(x, 'literal'): the pattern compiled once, here, instead of looked up at each call."""
    try:
        compiled = _compiled_regex(pattern)
    except re.error:  # the parser refuses such patterns; keep _regex's answer (false) all the same
        return lambda env: _regex(subject(env), pattern)

    def run(env: Env) -> Value:
        text = to_string(subject(env))
        return len(text) <= MAX_REGEX_INPUT and compiled.search(text) is not None

    return run

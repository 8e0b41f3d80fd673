"""Choices and choice lists: from a definition's `choices` or from a provider, indexed lazily."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

LANGUAGES = ("km", "en")

#: The column of a choice that holds search words (`{ km = "…", en = "…" }`); not a filter column.
KEYWORDS_COLUMN = "keywords"
#: Keywords are phrases separated by commas or semicolons (full-width ones too).
_KEYWORD_SEPARATORS = re.compile(r"[,;\uff0c\uff1b]")


def pick_label(labels: Mapping[str, str], lang: str, fallback: str) -> str:
    """The text in `lang`, else English, else Khmer, else `fallback`."""
    return labels.get(lang) or labels.get("en") or labels.get("km") or fallback


def split_keywords(texts: Mapping[str, str]) -> tuple[str, ...]:
    """The phrases of a `keywords` column, Khmer first, then English, then other languages;
    spaces collapsed, empty and repeated phrases dropped."""
    order = {lang: index for index, lang in enumerate(LANGUAGES)}
    found: dict[str, None] = {}
    for lang in sorted(texts, key=lambda code: (order.get(code, len(order)), code)):
        for phrase in _KEYWORD_SEPARATORS.split(texts[lang]):
            cleaned = " ".join(phrase.split())
            if cleaned:
                found.setdefault(cleaned, None)
    return tuple(found)


class Choice:
    """One option: its stored `name` (a code), labels per language, extra columns for filters,
    and search keywords per language (the `keywords` column: words a teller may type to find
    it, such as "vegetable" or "បន្លែ"; kept apart from the filter columns)."""

    __slots__ = ("_keywords", "columns", "keyword_texts", "labels", "name")

    def __init__(
        self,
        name: str,
        labels: Mapping[str, str],
        columns: Mapping[str, str] | None = None,
        keyword_texts: Mapping[str, str] | None = None,
    ) -> None:
        self.name = name
        self.labels = labels
        self.columns: Mapping[str, str] = columns or {}
        self.keyword_texts: Mapping[str, str] = keyword_texts or {}
        self._keywords = split_keywords(self.keyword_texts) if self.keyword_texts else ()

    def label(self, lang: str = "en") -> str:
        """The label in `lang` (km or en), falling back to the other language, then the name."""
        return pick_label(self.labels, lang, self.name)

    @property
    def keywords(self) -> tuple[str, ...]:
        """Every search keyword in every language (Khmer, English, then any other), each phrase
        once, as written: `("បន្លែ", "ផ្លែឈើ", "vegetable", "fruit", "motorbike repair")`; () when
        the choice has none. Pickers match typed text against these and the labels."""
        return self._keywords

    def column(self, column: str) -> str:
        """A filter column's value; `name` is the choice's own name, as in XLSForm."""
        return self.name if column == "name" else self.columns.get(column, "")

    def __repr__(self) -> str:
        return f"Choice({self.name!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Choice):
            return NotImplemented
        return (self.name, dict(self.labels), dict(self.columns), dict(self.keyword_texts)) == (
            other.name,
            dict(other.labels),
            dict(other.columns),
            dict(other.keyword_texts),
        )

    def __hash__(self) -> int:
        return hash(self.name)


class ChoiceList:
    """A named list of choices, read from `load` on first use and indexed by name and by column."""

    def __init__(self, name: str, load: Callable[[], Sequence[Choice]], *, provider: str | None = None) -> None:
        self.name = name
        self.provider = provider
        self._load = load
        self._items: Sequence[Choice] | None = None
        self._by_name: dict[str, list[Choice]] = {}
        self._by_column: dict[str, dict[str, list[Choice]]] = {}

    @property
    def items(self) -> Sequence[Choice]:
        """Every choice, in the list's order."""
        if self._items is None:
            items = self._load()
            by_name: dict[str, list[Choice]] = {}
            for choice in items:
                by_name.setdefault(choice.name, []).append(choice)
            self._by_name = by_name
            self._items = items
        return self._items

    def by_name(self, name: str) -> Sequence[Choice]:
        """Choices with this name (usually one; the gazetteer repeats a few village codes)."""
        if self._items is None:  # `items` reads the list and indexes it by name, once
            _ = self.items
        return self._by_name.get(name, ())

    def by_column(self, column: str, value: str) -> Sequence[Choice]:
        """Choices whose filter column `column` equals `value`."""
        index = self._by_column.get(column)
        if index is None:
            index = {}
            for choice in self.items:
                index.setdefault(choice.column(column), []).append(choice)
            self._by_column[column] = index
        return index.get(value, ())

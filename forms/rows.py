"""A survey row: the one type the form's definition and its validation share.

`forms.definition` builds rows from a definition and `forms.validation` reads them; the type
lives here, below both, so that validation needs nothing from the module that builds forms
(which itself calls validation for `Form.validate`, `Form.normalise` and the rest).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from forms.choices import pick_label
from forms.expressions import Expression

#: Row types a person answers (the others are notes, calculates and groups).
ANSWER_TYPES = ("text", "integer", "decimal", "date", "select_one", "select_multiple")


@dataclass(frozen=True, eq=False)
class Row:
    """One survey row. `number` is its 1-based position among the survey rows."""

    number: int
    name: str
    type: str
    list_name: str | None = None
    labels: Mapping[str, str] = field(default_factory=dict)
    hints: Mapping[str, str] = field(default_factory=dict)
    required: bool = False
    required_if: Expression | None = None
    required_message: Mapping[str, str] = field(default_factory=dict)
    constraint: Expression | None = None
    constraint_message: Mapping[str, str] = field(default_factory=dict)
    relevant: Expression | None = None
    choice_filter: Expression | None = None
    calculation: Expression | None = None
    default: str | None = None
    read_only: bool = False
    appearance: str = ""
    normalise: str | None = None
    suffix_field: str | None = None
    groups: tuple[str, ...] = ()  # enclosing groups, outermost first

    def label(self, lang: str = "en") -> str:
        """The label in `lang` (km or en), falling back to the other language, then the name."""
        return pick_label(self.labels, lang, self.name)

    def hint(self, lang: str = "en") -> str:
        """The hint in `lang`, or "" when the row has none."""
        return pick_label(self.hints, lang, "")

    @property
    def takes_answer(self) -> bool:
        """True for rows a person answers (not notes, calculates or groups)."""
        return self.type in ANSWER_TYPES

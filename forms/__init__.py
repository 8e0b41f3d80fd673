"""The form language and the CAM-IE registration form definitions. Pure Python, no Qt.

    >>> import forms
    >>> form = forms.load_form()                      # the latest cam_ie_registration
    >>> form.validate({"sex": "female"}, "km")        # doctest: +SKIP
    >>> form.normalise(answers)                       # doctest: +SKIP

See docs/forms.md for the definition format and the expression language.
"""

from forms.choices import Choice
from forms.definition import (
    DefinitionError,
    Form,
    FormError,
    Page,
    UnknownForm,
    available_forms,
    clear_cache,
    form_from_dict,
    load_form,
    load_form_file,
)
from forms.expressions import ExpressionError
from forms.rows import Row
from forms.validation import ANSWERS_KEY, META_FORM_ID, META_FORM_VERSION, Problem

__all__ = [
    "ANSWERS_KEY",
    "META_FORM_ID",
    "META_FORM_VERSION",
    "Choice",
    "DefinitionError",
    "ExpressionError",
    "Form",
    "FormError",
    "Page",
    "Problem",
    "Row",
    "UnknownForm",
    "available_forms",
    "clear_cache",
    "form_from_dict",
    "load_form",
    "load_form_file",
]

"""Filling the wizard through its widgets, from a record's answers."""

from __future__ import annotations

from typing import Any

from branch_client.ui.capture.fields import ButtonsField, SearchField, TextField
from branch_client.ui.capture.page import CapturePage


def fill(page: CapturePage, answers: dict[str, Any]) -> None:
    """Give each answer through its question's widget, page by page, in the form's order."""
    wizard = page.wizard
    assert wizard is not None
    view = page.wizard_view
    for index, form_page in enumerate(wizard.pages):
        view.show_page(index)
        for row in form_page.rows:
            if row.name not in answers or row.name not in view.fields:
                continue
            value = answers[row.name]
            field = view.fields[row.name]
            if isinstance(field, TextField):
                text = str(value)
                if row.type == "date" and len(text) == 10 and text[4] == "-":  # typed as on the ID card
                    text = f"{text[8:]}-{text[5:7]}-{text[:4]}"
                field.edit.setText(text)
            elif isinstance(field, SearchField):
                field.combo.setCurrentIndex(field.combo.findData(str(value)))
            elif isinstance(field, ButtonsField):
                for name in value if isinstance(value, list) else [value]:
                    if not field.buttons[str(name)].isChecked():
                        field.buttons[str(name)].click()
    view.show_page(wizard.review_page)

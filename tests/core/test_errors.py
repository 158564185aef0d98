from __future__ import annotations

from desktop.core.errors import UserError, ValidationError

CATALOGUE = {
    ("errors", "The {what} cannot be negative"): "{what}不能为负数",
    ("errors", "group price"): "拼团价",
}


def translate(context: str, text: str) -> str:
    return CATALOGUE.get((context, text), text)  # Qt returns the source when it has no translation


def test_message_and_word_parameters_are_translated() -> None:
    error = ValidationError("The {what} cannot be negative", what="group price")
    assert error.render(translate) == "拼团价不能为负数"
    assert str(error) == "The group price cannot be negative"


def test_names_and_numbers_stay_as_they_are() -> None:
    error = UserError("{name} owes {amount}", name="小张", amount=12)
    assert error.render(translate) == "小张 owes 12"


def test_a_broken_translation_never_raises() -> None:
    error = UserError("{a} and {b}", a="x")
    assert error.render(translate) == "{a} and {b}"

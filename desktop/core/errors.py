"""The two kinds of failure: ones the user or the environment can fix, and bugs.

A `UserError` carries an English message with `{placeholders}` (marked for translation under
the context "errors") and the values to fill in. The UI translates and shows it; the CLI
prints it. Anything else that escapes is a bug: logged with context, shown as "internal error".
"""

from __future__ import annotations

from typing import Any


class UserError(Exception):
    """Something the user or the environment can fix; the message says what."""

    context = "errors"

    def __init__(self, message: str, **params: Any) -> None:
        super().__init__(message)
        self.message = message
        self.params = params

    def render(self, translate: Any = None) -> str:
        """The message in the user's language; `translate(context, text)` is Qt's translate.

        Word parameters ("group price", "open") are translated too when the catalogue has
        them (they are marked with QT_TRANSLATE_NOOP where they are defined); other values,
        such as names and amounts, stay as they are.
        """
        text = translate(self.context, self.message) if translate else self.message
        params = {key: _word(translate, self.context, value) for key, value in self.params.items()}
        try:
            return str(text).format(**params)
        except (KeyError, IndexError, ValueError):
            return str(text)

    def __str__(self) -> str:
        return self.render()

    def to_json(self) -> str:
        """Stored (e.g. as a print job's last error) so it can be shown later in any language."""
        import json  # here: this module is on the way to the login window, json is not

        return json.dumps({"message": self.message, "params": self.params}, ensure_ascii=False, default=str)

    @classmethod
    def from_stored(cls, text: str) -> UserError:
        """What `to_json` wrote; plain text from older rows comes back as a message of its own."""
        import json

        try:
            data = json.loads(text)
            return cls(str(data["message"]), **dict(data.get("params") or {}))
        except (ValueError, TypeError, KeyError):
            return cls(text)


def _word(translate: Any, context: str, value: Any) -> Any:
    if translate is None or not isinstance(value, str) or not value:
        return value
    return translate(context, value) or value


class ValidationError(UserError):
    """Bad input: nothing was written."""


class PermissionDenied(UserError):
    """The staff member's role does not allow this action."""


class InvalidTransition(UserError):
    """The object is not in a state that allows this action."""

"""Errors the API returns as JSON: {"error": code, "reason": English text, ...extra}."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    def __init__(self, status: int, code: str, reason: str, **extra: Any) -> None:
        super().__init__(reason)
        self.status = status
        self.code = code
        self.reason = reason
        self.extra = extra

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "reason": self.reason, **self.extra}


def not_found(what: str, ident: str) -> ApiError:
    return ApiError(404, "not_found", f"unknown {what} {ident!r}")


def invalid(reason: str) -> ApiError:
    return ApiError(422, "invalid_request", reason)


class OpRejected(Exception):
    """An op that can never succeed: rejected with this reason, last_seq still advances."""

"""Printing a group's invite, its vouchers and draw slip, and a redemption receipt: the
service use cases (desktop.services.print_jobs) queue the documents; this prints the jobs
in the background and reports how it went."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from desktop.ui.context import UiContext
from desktop.ui.messages import show_error
from desktop.ui.print_actions import dispatch_job


def print_invite(ctx: UiContext, group_id: str, parent: QWidget | None = None) -> None:
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_invite(ctx.actor, group_id), parent)


def print_results(ctx: UiContext, group_id: str, parent: QWidget | None = None,
                  reprint: bool = False) -> None:
    """Every winner's voucher, then the draw slip."""
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_results(
        ctx.actor, group_id, reprint=reprint), parent)


def results_printed(ctx: UiContext, group_id: str) -> bool:
    """Were this group's vouchers and draw slip printed (queued) before? Then a print is a copy."""
    return ctx.services.print_jobs.results_printed(group_id)


def print_redemption(ctx: UiContext, voucher_id: str, parent: QWidget | None = None,
                     reprint: bool = False) -> None:
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_redemption(
        ctx.actor, voucher_id, reprint=reprint), parent)


def _queue_and_print(ctx: UiContext, queue: Callable[[], list[int]], parent: QWidget | None) -> None:
    try:
        job_ids = queue()
    except Exception as exc:  # noqa: BLE001 - the one error split: show_error logs a bug
        show_error(parent, exc, "queueing a printout")
        return
    for job_id in job_ids:
        dispatch_job(ctx, job_id, parent)

"""Printing a group's invite, vouchers and draw slip, its refund/consolation slips, a deposit
slip and a redemption receipt: the service use cases (desktop.services.print_jobs) queue the
documents off the UI thread (through `run_op`, success and failure on the main thread); each
job is then printed in the background and the outcome reported (desktop.ui.print_actions)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import QWidget

from desktop.ui.changes import Change
from desktop.ui.context import UiContext
from desktop.ui.operations import run_op
from desktop.ui.print_actions import dispatch_job, show_print_failure

Done = Callable[[list[int]], None] | None


def print_invite(ctx: UiContext, group_id: str, parent: QWidget | None = None, *,
                 busy: Iterable[QWidget] = ()) -> None:
    actor = ctx.actor
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_invite(actor, group_id), parent, busy)


def print_results(ctx: UiContext, group_id: str, parent: QWidget | None = None,
                  reprint: bool = False, *, busy: Iterable[QWidget] = (), done: Done = None) -> None:
    """Every winner's voucher, then the draw slip."""
    actor = ctx.actor
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_results(actor, group_id, reprint=reprint),
                     parent, busy, done)


def results_printed(ctx: UiContext, group_id: str) -> bool:
    """Were this group's vouchers and draw slip printed (queued) before? Then a print is a copy."""
    return ctx.services.print_jobs.results_printed(group_id)


def print_refund_slips(ctx: UiContext, group_id: str, parent: QWidget | None = None,
                       reprint: bool = False, *, busy: Iterable[QWidget] = (), done: Done = None) -> None:
    """One refund/consolation slip per loser (per person of a cancelled group)."""
    actor = ctx.actor
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_refund_slips(actor, group_id, reprint=reprint),
                     parent, busy, done)


def refund_slips_printed(ctx: UiContext, group_id: str) -> bool:
    return ctx.services.print_jobs.refund_slips_printed(group_id)


def print_deposit_slip(ctx: UiContext, entry_id: str, parent: QWidget | None = None,
                       reprint: bool = False, *, busy: Iterable[QWidget] = ()) -> None:
    actor = ctx.actor
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_deposit_slip(actor, entry_id, reprint=reprint),
                     parent, busy)


def print_redemption(ctx: UiContext, voucher_id: str, parent: QWidget | None = None,
                     reprint: bool = False, *, busy: Iterable[QWidget] = ()) -> None:
    actor = ctx.actor
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_redemption(actor, voucher_id, reprint=reprint),
                     parent, busy)


def print_sale_receipt(ctx: UiContext, sale_id: str, parent: QWidget | None = None,
                       reprint: bool = False, *, busy: Iterable[QWidget] = ()) -> None:
    """The receipt of a completed sale; a reprint is marked 重印/COPY."""
    actor = ctx.actor
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_sale_receipt(actor, sale_id, reprint=reprint),
                     parent, busy)


def print_refund_receipt(ctx: UiContext, refund_id: str, parent: QWidget | None = None,
                         reprint: bool = False, *, busy: Iterable[QWidget] = ()) -> None:
    actor = ctx.actor
    _queue_and_print(ctx, lambda: ctx.services.print_jobs.print_refund_receipt(actor, refund_id, reprint=reprint),
                     parent, busy)


def _queue_and_print(ctx: UiContext, queue: Callable[[], list[int]], parent: QWidget | None,
                     busy: Iterable[QWidget] = (), done: Done = None) -> None:
    def queued(job_ids: list[int]) -> None:
        for job_id in job_ids:
            dispatch_job(ctx, job_id, parent)
        if done is not None:
            done(job_ids)

    run_op(ctx, queue, {Change.PRINT_JOBS}, queued,
           lambda text, _exc: show_print_failure(ctx, text, parent),
           busy=busy, doing="queueing a printout")

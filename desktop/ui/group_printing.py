"""Printing a group's invite, its vouchers and draw slip, and a redemption receipt: builds the
printing templates from desktop.services.print_data and hands them to the print queue."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.printing.templates import (
    DrawSlipData,
    InviteData,
    RedemptionData,
    VoucherData,
    draw_slip_document,
    invite_document,
    redemption_receipt_document,
    voucher_document,
)
from desktop.ui.context import UiContext
from desktop.ui.messages import show_error
from desktop.ui.print_actions import send_to_printer


def print_invite(ctx: UiContext, group_id: str, parent: QWidget | None = None) -> None:
    try:
        document = invite_document(InviteData(**ctx.services.print_data.invite(group_id)))
    except Exception as exc:  # noqa: BLE001 - the one error split: show_error logs a bug
        show_error(parent, exc, "building a printout")
        return
    send_to_printer(ctx, "invite", document, group_id, parent)


def print_results(ctx: UiContext, group_id: str, parent: QWidget | None = None,
                  reprint: bool = False) -> None:
    """Every winner's voucher, then the draw slip."""
    try:
        vouchers = [voucher_document(VoucherData(**fields, reprint=reprint))
                    for fields in ctx.services.print_data.vouchers(group_id)]
        slip = draw_slip_document(DrawSlipData(**ctx.services.print_data.draw_slip(group_id),
                                               reprint=reprint))
    except Exception as exc:  # noqa: BLE001 - the one error split: show_error logs a bug
        show_error(parent, exc, "building a printout")
        return
    for document in vouchers:
        send_to_printer(ctx, "voucher", document, group_id, parent)
    send_to_printer(ctx, "draw_slip", slip, group_id, parent)


def results_printed(ctx: UiContext, group_id: str) -> bool:
    """Were this group's vouchers and draw slip printed (queued) before? Then a print is a copy."""
    return any(job.kind == "draw_slip" and job.ref == group_id for job in ctx.services.print_queue.list_jobs())


def print_redemption(ctx: UiContext, voucher_id: str, parent: QWidget | None = None,
                     reprint: bool = False) -> None:
    try:
        fields = ctx.services.print_data.redemption(voucher_id)
        document = redemption_receipt_document(RedemptionData(**fields, reprint=reprint))
    except Exception as exc:  # noqa: BLE001 - the one error split: show_error logs a bug
        show_error(parent, exc, "building a printout")
        return
    send_to_printer(ctx, "redemption_receipt", document, voucher_id, parent)

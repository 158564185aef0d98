"""The slip use cases: a deposit slip per enrolment, one refund/consolation slip per loser
of a drawn group (per person of a cancelled one), each a job, the ids returned in order."""

from __future__ import annotations

import pytest

from desktop.core.errors import ValidationError
from desktop.documents.document import plain_text
from desktop.documents.kinds import DocumentKind
from desktop.documents.serialize import document_from_json
from desktop.documents.templates import REPRINT_MARK
from tests.support.deal_flow import cashier, full_group, launched_deal, manager


def _text(services, job_id: int) -> str:
    return plain_text(document_from_json(services.print_queue.job(job_id).document_json), 48)


def test_a_deposit_slip_is_one_job_with_the_entry_id(demo_services) -> None:
    staff = cashier(demo_services)
    group_id = demo_services.groups.open_group(staff, launched_deal(demo_services), "13800000001", "cash")
    entry_id = demo_services.groups.enrol(staff, group_id, "13800000002", "card")
    [job_id] = demo_services.print_jobs.print_deposit_slip(staff, entry_id)
    job = demo_services.print_queue.job(job_id)
    assert (job.kind, job.ref) == (DocumentKind.DEPOSIT_SLIP, entry_id)
    text = _text(demo_services, job_id)
    assert entry_id in text and "E2 / 5" in text and "138****0002" in text and "银行卡 Card" in text


def test_refund_slips_are_one_job_per_loser_with_their_amounts(demo_services) -> None:
    staff = cashier(demo_services)
    group_id = full_group(demo_services, launched_deal(demo_services))
    outcome = demo_services.draws.draw_and_settle(staff, group_id)
    ids = demo_services.print_jobs.print_refund_slips(staff, group_id)
    assert len(ids) == 4 and ids == sorted(ids)
    jobs = [demo_services.print_queue.job(i) for i in ids]
    assert {(j.kind, j.ref) for j in jobs} == {(DocumentKind.REFUND_SLIP, group_id)}
    view = demo_services.group_views.view(group_id)
    losers = [e for e in view.entries if e.id not in outcome.winners]
    for entry, job_id in zip(losers, ids, strict=True):
        text = _text(demo_services, job_id)
        assert entry.id in text and "￥98.00" in text and "￥5.00" in text and "购物币 Coins" in text
        assert REPRINT_MARK not in text
    assert demo_services.print_jobs.refund_slips_printed(group_id)
    copies = demo_services.print_jobs.print_refund_slips(staff, group_id, reprint=True)
    assert len(copies) == 4 and all(REPRINT_MARK in _text(demo_services, i) for i in copies)


def test_a_cancelled_group_gets_a_slip_per_person_by_tender(demo_services) -> None:
    staff = cashier(demo_services)
    group_id = demo_services.groups.open_group(staff, launched_deal(demo_services), "13800000001", "cash")
    demo_services.groups.enrol(staff, group_id, "13800000002", "card")
    demo_services.groups.cancel(manager(demo_services), group_id, "the oven broke")
    ids = demo_services.print_jobs.print_refund_slips(staff, group_id)
    cash, card = (_text(demo_services, i) for i in ids)
    assert "拼团已取消" in cash and "现金当场退还" in cash and "安慰金" not in cash
    assert "刷卡退款(待办)" in card


def test_an_open_group_has_no_refund_slips(demo_services) -> None:
    staff = cashier(demo_services)
    group_id = demo_services.groups.open_group(staff, launched_deal(demo_services), "13800000001", "cash")
    with pytest.raises(ValidationError):
        demo_services.print_jobs.print_refund_slips(staff, group_id)
    assert not demo_services.print_jobs.refund_slips_printed(group_id)

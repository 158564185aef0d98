"""What the printed invite, vouchers, draw slip and redemption receipt show, from the store:
the data of the matching template in desktop.documents.templates (InviteData, VoucherData,
DrawSlipData, RedemptionData). desktop.services.print_jobs builds and queues the documents."""

from __future__ import annotations

import json
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.clock import from_iso
from desktop.core.deals import LeaderRule
from desktop.core.errors import ValidationError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.phones import customer_label
from desktop.core.vouchers import fallback_code
from desktop.documents.templates import DrawSlipData, InviteData, RedemptionData, VoucherData
from desktop.services.base import ServiceBase
from desktop.services.settings import STORE_ID, STORE_NAME
from desktop.store.deal_models import Deal, Draw, Group, Redemption, Voucher
from desktop.store.group_queries import deal_of, entries_of, get_group, terms_from_json
from desktop.store.models import Setting
from desktop.store.sync_models import SyncState

JOIN_URL_BASE = "platform.join_url_base"
DEFAULT_JOIN_URL_BASE = "https://pinshang.example"  # neither the setting nor a pairing yet


def _setting(session: Session, key: str, default: str = "") -> str:
    row = session.get(Setting, key)
    return row.value if row else default


def join_url(session: Session, group: Group) -> str:
    """`<base>/j/<group_id>?t=<join_token>`: base is the setting platform.join_url_base, else
    the paired platform's address. A phone shows `t` back to join online."""
    pairing = session.get(SyncState, 1)
    base = _setting(session, JOIN_URL_BASE) or (pairing.platform_url if pairing else "") \
        or DEFAULT_JOIN_URL_BASE
    url = f"{base.rstrip('/')}/j/{quote(group.id, safe='')}"
    return f"{url}?t={group.join_token}" if group.join_token else url


def result_url(session: Session, group: Group) -> str:
    """`<base>/d/<group_id>?s=<store_id>`: the platform's result and proof page (the draw slip's
    QR); "" before the terminal knows a platform (the QR then carries the proof's digest)."""
    pairing = session.get(SyncState, 1)
    base = _setting(session, JOIN_URL_BASE) or (pairing.platform_url if pairing else "")
    if not base:
        return ""
    store = _setting(session, STORE_ID)
    url = f"{base.rstrip('/')}/d/{quote(group.id, safe='')}"
    return f"{url}?s={quote(store, safe='')}" if store else url


class PrintDataService(ServiceBase):
    def invite(self, group_id: str) -> InviteData:
        with self.db.read() as s:
            group = get_group(s, group_id)
            deal = deal_of(s, group)
            terms = terms_from_json(deal.terms)
            return InviteData(
                store_name=_setting(s, STORE_NAME), deal_title=terms.product_name,
                price_fen=terms.group_price_fen, group_size=terms.group_size,
                winners=terms.winners, consolation_cash_fen=terms.consolation_cash_fen,
                consolation_coins=terms.consolation_coins, deadline=from_iso(group.deadline),
                commitment=group.commitment,
                disclosure=f"{deal.disclosure_zh or ''}\n\n{deal.disclosure_en or ''}".strip(),
                join_url=join_url(s, group),
                leader_in_draw=terms.leader_rule is LeaderRule.DRAWN,
            )

    def vouchers(self, group_id: str) -> list[VoucherData]:
        with self.db.read() as s:
            group = get_group(s, group_id)
            deal = deal_of(s, group)
            rows = s.scalars(select(Voucher).where(Voucher.group_id == group_id).order_by(Voucher.id))
            return [self._voucher(s, deal, row) for row in rows]

    def _voucher(self, session: Session, deal: Deal, row: Voucher) -> VoucherData:
        terms = terms_from_json(deal.terms)
        return VoucherData(
            store_name=_setting(session, STORE_NAME), deal_title=row.product,
            voucher_code=row.qr_text, typed_code=row.fallback_code,
            expires_at=from_iso(row.expires_at),
            terms=f"兑奖地点 Redeem at: {deal.redemption_place}; 一次有效 single use; "
                     f"{terms.redemption_days} 天 days",
            winner_label=customer_label(row.customer),
        )

    def draw_slip(self, group_id: str) -> DrawSlipData:
        with self.db.read() as s:
            group = get_group(s, group_id)
            draw = s.get(Draw, group_id)
            if draw is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Group {id} has not been drawn yet"), id=group_id
                )
            entries = {e.id: e for e in entries_of(s, group_id)}
            winners = json.loads(draw.winners)
            return DrawSlipData(
                store_name=_setting(s, STORE_NAME),
                deal_title=terms_from_json(deal_of(s, group).terms).product_name,
                group_id=group.id, drawn_at=from_iso(draw.drawn_at),
                winners=tuple(customer_label(entries[w].customer) for w in winners),
                entry_count=len(entries), commitment=group.commitment,
                seed=group.seed_hex, proof_digest=draw.digest,
                proof_link=result_url(s, group), draw_version=str(json.loads(draw.proof).get("v", "")),
            )

    def redemption(self, voucher_id: str) -> RedemptionData:
        with self.db.read() as s:
            row = s.scalar(select(Redemption).where(Redemption.voucher_id == voucher_id))
            if row is None:
                raise ValidationError(
                    QT_TRANSLATE_NOOP("errors", "Voucher {id} has not been redeemed"), id=voucher_id
                )
            group = s.get(Group, row.group_id)
            value = terms_from_json(deal_of(s, group).terms).market_value_fen if group else 0
            return RedemptionData(
                store_name=_setting(s, STORE_NAME), deal_title=row.product,
                typed_code=fallback_code(row.voucher_id), redeemed_at=from_iso(row.redeemed_at),
                cashier=row.staff, terminal=row.terminal, value_fen=value,
            )

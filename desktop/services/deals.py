"""Deal templates: save a draft, launch it (disclosure frozen), amend it only in the customers'
favour. Managers only (Permission.MANAGE_DEALS), checked here, not only in the UI."""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict, dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.compliance import check_amendment, check_coin_cap, check_launchable, disclosure
from desktop.core.deals import DealState, DealTerms, validate_terms
from desktop.core.errors import InvalidTransition, ValidationError
from desktop.core.groups import ACTIVE_STATES
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.ops import OpKind
from desktop.core.staff import Permission
from desktop.services.base import Actor, ServiceBase, Transaction, require
from desktop.services.settings import STORE_NAME
from desktop.services.sync import schedule_in_force
from desktop.store.deal_models import Deal, Group
from desktop.store.group_queries import terms_from_json
from desktop.store.models import MenuItem, Setting
from desktop.store.sync_models import SyncState

DRAW_TIME = {
    "zh_CN": "成团后由店员在门店当场开奖",
    "en": "as soon as the group is full, by staff at the counter",
}


@dataclass(frozen=True)
class DealInfo:
    id: str
    terms: DealTerms
    contact: str
    redemption_place: str
    state: str
    version: int
    disclosure_zh: str | None
    disclosure_en: str | None
    menu_item_id: int | None
    active_groups: int = 0

    @property
    def launched(self) -> bool:
        return self.state == DealState.LAUNCHED


@dataclass(frozen=True)
class MenuChoice:
    id: int
    name: str
    price_fen: int
    cost_fen: int


# --- terms as JSON ---------------------------------------------------------------------------


def terms_to_json(terms: DealTerms) -> str:
    data: dict[str, Any] = asdict(terms)
    data["leader_rule"] = terms.leader_rule.value
    data["fill_window"] = int(terms.fill_window.total_seconds())
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def terms_to_dict(terms: DealTerms) -> dict[str, Any]:
    return dict(json.loads(terms_to_json(terms)))


# --- the service -----------------------------------------------------------------------------


class DealService(ServiceBase):
    def save_draft(
        self,
        actor: Actor,
        terms: DealTerms,
        contact: str,
        place: str,
        menu_item_id: int | None = None,
        deal_id: str | None = None,
    ) -> str:
        """Create or replace a draft; bad numbers raise ValidationError and write nothing."""
        require(actor, Permission.MANAGE_DEALS)
        terms = replace(terms, product_name=terms.product_name.strip())
        with self.transaction(actor) as tx:
            validate_terms(terms, tx.now)
            row = _draft_row(tx, deal_id)
            row.product_name, row.terms = terms.product_name, terms_to_json(terms)
            row.contact, row.redemption_place = contact.strip(), place.strip()
            row.menu_item_id = menu_item_id
            tx.session.flush()
            tx.audit("deal.saved", deal_id=row.id, product=terms.product_name)
            return row.id

    def launch(self, actor: Actor, deal_id: str) -> DealInfo:
        """Freeze the disclosure (zh_CN and en) and publish the deal (deal.launched)."""
        require(actor, Permission.MANAGE_DEALS)
        with self.transaction(actor) as tx:
            row = _get(tx.session, deal_id)
            if row.state != DealState.DRAFT:
                raise InvalidTransition(QT_TRANSLATE_NOOP("errors", "This deal is launched already"))
            terms = terms_from_json(row.terms)
            validate_terms(terms, tx.now)
            check_launchable(terms)
            check_coin_cap(terms, _coin_value(tx.session, tx.now))
            _freeze_disclosure(tx.session, row, terms)
            row.state, row.launched_at = DealState.LAUNCHED.value, tx.now_iso
            tx.emit(OpKind.DEAL_LAUNCHED, _published(row, terms))
            tx.audit("deal.launched", deal_id=row.id, terms=terms_to_dict(terms))
            return _info(row)

    def amend(self, actor: Actor, deal_id: str, terms: DealTerms) -> DealInfo:
        """A launched deal changes only in the customers' favour; others are refused with why."""
        require(actor, Permission.MANAGE_DEALS)
        with self.transaction(actor) as tx:
            row = _get(tx.session, deal_id)
            if row.state != DealState.LAUNCHED:
                raise InvalidTransition(QT_TRANSLATE_NOOP("errors", "Only a launched deal is amended"))
            old = terms_from_json(row.terms)
            new = replace(terms, product_name=terms.product_name.strip())
            check_amendment(old, new)
            check_coin_cap(new, _coin_value(tx.session, tx.now))
            row.terms, row.version = terms_to_json(new), row.version + 1
            _freeze_disclosure(tx.session, row, new)
            tx.emit(OpKind.DEAL_AMENDED, _published(row, new))
            tx.audit("deal.amended", deal_id=row.id, before=terms_to_dict(old),
                     after=terms_to_dict(new))
            return _info(row)

    def get(self, deal_id: str) -> DealInfo:
        with self.db.read() as s:
            return _info(_get(s, deal_id), _active_groups(s).get(deal_id, 0))

    def list_deals(self) -> list[DealInfo]:
        with self.db.read() as s:
            active = _active_groups(s)
            rows = s.scalars(select(Deal).order_by(Deal.created_at.desc(), Deal.id)).all()
            return [_info(row, active.get(row.id, 0)) for row in rows]

    def menu_choices(self) -> list[MenuChoice]:
        with self.db.read() as s:
            rows = s.scalars(select(MenuItem).where(MenuItem.active).order_by(MenuItem.id)).all()
            return [MenuChoice(r.id, r.name, r.price_fen, r.cost_fen) for r in rows]


def _draft_row(tx: Transaction, deal_id: str | None) -> Deal:
    if deal_id is None:
        row = Deal(id=uuid.uuid4().hex[:16], state=DealState.DRAFT.value, version=1, created_at=tx.now_iso)
        tx.session.add(row)
        return row
    row = _get(tx.session, deal_id)
    if row.state != DealState.DRAFT:
        raise InvalidTransition(
            QT_TRANSLATE_NOOP("errors", "A launched deal cannot be edited as a draft: amend it")
        )
    return row


def _get(session: Session, deal_id: str) -> Deal:
    row = session.get(Deal, deal_id)
    if row is None:
        raise ValidationError(QT_TRANSLATE_NOOP("errors", "There is no deal {id}"), id=deal_id)
    return row


def _freeze_disclosure(session: Session, row: Deal, terms: DealTerms) -> None:
    store = session.get(Setting, STORE_NAME)
    store_name = store.value if store else ""
    row.disclosure_zh = disclosure(terms, store_name, row.contact, DRAW_TIME["zh_CN"],
                                   row.redemption_place, "zh_CN")
    row.disclosure_en = disclosure(terms, store_name, row.contact, DRAW_TIME["en"],
                                   row.redemption_place, "en")


def _coin_value(session: Session, now: datetime) -> int:
    """A coin's value in fen at the paired merchant's schedule in force (1 before any pull)."""
    state = session.get(SyncState, 1)
    schedule = schedule_in_force(session, state.merchant_id, now) if state is not None else None
    return schedule.coin_value_fen if schedule is not None else 1


def _published(row: Deal, terms: DealTerms) -> dict[str, Any]:
    return {
        "deal_id": row.id,
        "terms": terms_to_dict(terms),
        "disclosure": {"zh_CN": row.disclosure_zh, "en": row.disclosure_en},
        "version": row.version,
    }


def _active_groups(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(Group.deal_id, func.count())
        .where(Group.state.in_(ACTIVE_STATES))
        .group_by(Group.deal_id)
    ).all()
    return {deal_id: int(count) for deal_id, count in rows}


def _info(row: Deal, active_groups: int = 0) -> DealInfo:
    return DealInfo(
        id=row.id,
        terms=terms_from_json(row.terms),
        contact=row.contact,
        redemption_place=row.redemption_place,
        state=row.state,
        version=row.version,
        disclosure_zh=row.disclosure_zh,
        disclosure_en=row.disclosure_en,
        menu_item_id=row.menu_item_id,
        active_groups=active_groups,
    )

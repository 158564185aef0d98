"""The manager's attention queue: ops the platform rejected and redemption conflicts."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from desktop.core.errors import UserError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.staff import Permission
from desktop.services.base import Actor, ServiceBase, require
from desktop.store.sync_models import AttentionItem


@dataclass(frozen=True)
class AttentionInfo:
    id: int
    kind: str  # rejected_op | conflict
    ref: str
    subject: str
    reason: str
    action: str
    created_at: str
    resolved_at: str | None
    resolved_by: str | None


class AttentionService(ServiceBase):
    def items(self, actor: Actor, include_resolved: bool = False) -> list[AttentionInfo]:
        require(actor, Permission.VIEW_REPORTS)
        query = select(AttentionItem).order_by(AttentionItem.id.desc())
        if not include_resolved:
            query = query.where(AttentionItem.resolved_at.is_(None))
        with self.db.read() as s:
            return [_info(row) for row in s.scalars(query).all()]

    def open_count(self) -> int:
        """Items not resolved yet: the badge of the Needs attention screen."""
        with self.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(AttentionItem)
                                .where(AttentionItem.resolved_at.is_(None))) or 0)

    def resolve(self, actor: Actor, item_id: int) -> None:
        require(actor, Permission.VIEW_REPORTS)
        with self.transaction(actor) as tx:
            row = tx.session.get(AttentionItem, item_id)
            if row is None:
                raise UserError(QT_TRANSLATE_NOOP("errors", "There is no attention item {id}"), id=item_id)
            if row.resolved_at is not None:
                raise UserError(QT_TRANSLATE_NOOP("errors", "This item was already resolved by {name}"),
                                name=row.resolved_by or "")
            row.resolved_at, row.resolved_by = tx.now_iso, actor.label
            tx.audit("attention.resolved", item=item_id, kind=row.kind, ref=row.ref)


def _info(row: AttentionItem) -> AttentionInfo:
    return AttentionInfo(row.id, row.kind, row.ref, row.subject, row.reason, row.action, row.created_at,
                         row.resolved_at, row.resolved_by)

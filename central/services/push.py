"""Push (DESIGN.md §6): apply a terminal's outbox batch exactly once, in seq order.

One transaction per batch, a savepoint per op: a rejected op rolls back alone and still
advances `last_seq`; everything (effects, op records, `last_seq`, audit head) commits together,
so an acknowledged op is durable and a lost acknowledgement is harmless: the retry finds
`seq <= last_seq` and answers from the stored records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from central.errors import ApiError, OpRejected, invalid
from central.models import ReceivedOp, SeenOpId, Terminal
from central.platform import Platform, TerminalContext
from central.services.op_handlers import HANDLERS, PREPARE, OpContext, Outcome, payload_text


@dataclass(frozen=True)
class Op:
    seq: int
    op_id: str
    kind: str
    payload: Any


def push(platform: Platform, ctx: TerminalContext, ops: list[Op],
         audit_head: dict[str, Any] | None) -> dict[str, Any]:
    batch = _dedupe(ops)
    with platform.tx() as session:
        terminal = _lock_terminal(session, ctx.terminal_id)
        old = [op for op in batch if op.seq <= terminal.last_seq]
        new = [op for op in batch if op.seq > terminal.last_seq]
        _check_contiguous(new, terminal.last_seq)
        results = {r["seq"]: r for r in _replayed(session, ctx.terminal_id, old)}
        results.update((r["seq"], r) for r in _apply_all(session, platform, ctx, new))
        if new:
            terminal.last_seq = new[-1].seq
        _store_audit_head(terminal, audit_head)
        return {"last_seq": terminal.last_seq, "results": [results[op.seq] for op in batch]}


def _dedupe(ops: list[Op]) -> list[Op]:
    """Sort by seq; a seq sent twice in one batch must be the same op."""
    by_seq: dict[int, Op] = {}
    for op in sorted(ops, key=lambda o: o.seq):
        if op.seq < 1:
            raise invalid("seq starts at 1")
        if op.seq in by_seq and by_seq[op.seq].op_id != op.op_id:
            raise invalid(f"seq {op.seq} appears twice with different op_ids")
        by_seq[op.seq] = op
    return list(by_seq.values())


def _lock_terminal(session: Session, terminal_id: str) -> Terminal:
    return session.execute(select(Terminal).where(Terminal.id == terminal_id).with_for_update()).scalar_one()


def _check_contiguous(new: list[Op], last_seq: int) -> None:
    for expected, op in enumerate(new, start=last_seq + 1):
        if op.seq != expected:
            raise ApiError(409, "seq_gap", f"expected seq {expected}, got {op.seq}: nothing applied",
                           expected_seq=expected, last_seq=last_seq)


def _replayed(session: Session, terminal_id: str, old: list[Op]) -> list[dict[str, Any]]:
    if not old:
        return []
    rows = session.execute(select(ReceivedOp).where(
        ReceivedOp.terminal_id == terminal_id, ReceivedOp.seq.in_([op.seq for op in old])
    )).scalars()
    stored = {row.seq: row for row in rows}
    return [_replay_result(op, stored.get(op.seq)) for op in old]


def _replay_result(op: Op, row: ReceivedOp | None) -> dict[str, Any]:
    if row is None or row.op_id != op.op_id:
        reason = "seq already used by another op" if row else "acknowledged before"
        return _result(op, "duplicate", reason, original_status="unknown")
    return _result(op, "duplicate", row.reason, original_status=row.status, conflict=row.conflict)


def _result(op: Op, status: str, reason: str = "", **extra: Any) -> dict[str, Any]:
    return {"seq": op.seq, "op_id": op.op_id, "status": status, "reason": reason,
            "conflict": False, **extra}


def _apply_all(session: Session, platform: Platform, ctx: TerminalContext,
               new: list[Op]) -> list[dict[str, Any]]:
    if not new:
        return []
    seen = set(session.execute(select(SeenOpId.op_id).where(
        SeenOpId.op_id.in_([op.op_id for op in new])
    )).scalars())
    now = platform.clock()
    results, records, fresh_ids = [], [], []
    for op in new:
        if op.op_id in seen:
            result = _result(op, "duplicate", "op_id received before under another seq",
                             original_status="unknown")
        else:
            seen.add(op.op_id)
            fresh_ids.append({"op_id": op.op_id, "terminal_id": ctx.terminal_id})
            result = _apply_one(session, OpContext(session, platform, ctx, op.op_id, now), op)
        results.append(result)
        records.append(_record(ctx, op, result, now))
    session.execute(insert(SeenOpId), fresh_ids) if fresh_ids else None
    session.execute(insert(ReceivedOp), records)
    return results


def _apply_one(session: Session, op_ctx: OpContext, op: Op) -> dict[str, Any]:
    handler = HANDLERS.get(op.kind)
    if handler is None:
        return _result(op, "rejected", f"unknown op kind {op.kind!r}")
    prepare = PREPARE.get(op.kind)
    if prepare is not None:
        prepare(op_ctx, op.payload)
    for attempt in (1, 2):  # a concurrent first-wins insert (PostgreSQL) is retried once
        try:
            with session.begin_nested():
                outcome: Outcome = handler(op_ctx, op.payload)
            return _result(op, "applied", outcome.reason, conflict=outcome.conflict)
        except (OpRejected, ApiError) as exc:
            return _result(op, "rejected", getattr(exc, "reason", None) or str(exc))
        except IntegrityError as exc:
            if attempt == 2:
                return _result(op, "rejected", f"conflicts with existing data: {exc.orig}")
    raise AssertionError("unreachable")


def _record(ctx: TerminalContext, op: Op, result: dict[str, Any], now: Any) -> dict[str, Any]:
    return {
        "terminal_id": ctx.terminal_id, "seq": op.seq, "op_id": op.op_id, "kind": op.kind[:64],
        "payload": payload_text(op.payload), "status": result["status"], "reason": result["reason"],
        "conflict": result["conflict"], "received_at": now,
    }


def _store_audit_head(terminal: Terminal, head: dict[str, Any] | None) -> None:
    if not head:
        return
    length, digest = head.get("length"), head.get("hash")
    if not isinstance(length, int) or length < 0 or not isinstance(digest, str) or len(digest) > 64:
        raise invalid("audit_head must be {length: int >= 0, hash: hex string}")
    terminal.audit_length, terminal.audit_hash = length, digest

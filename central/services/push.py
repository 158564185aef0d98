"""Push (docs/sync-protocol.md): apply a terminal's outbox batch exactly once, in seq order.

One transaction per batch, a savepoint per op: a rejected op rolls back alone and still
advances `last_seq`; everything (effects, op records, `last_seq`, audit head) commits together,
so an acknowledged op is durable and a lost acknowledgement is harmless: the retry finds
`seq <= last_seq` and answers from the stored records. Rows many ops write (op records, lines,
store and settlement sales) are deferred and written in one insert per table when the batch
ends; an op that reads them other than by key has them written before it runs
(`op_handlers.reads_back`); what the ops would look up one by one is prefetched
(`op_handlers.prefetch`). A bulk insert the database refuses makes the batch apply again op
by op (`_BulkRefused`).

Content never makes a 5xx: an op whose kind, payload or values break the contract is rejected
with a reason (and still advances `last_seq`); a database refusal is logged with its driver text
and answered with a plain reason. A seq the platform holds under ANOTHER op_id is answered
`seq_conflict` (the terminal was restored from a backup and must renumber), and then nothing
after it in the batch is applied (`not_applied`), so the terminal can renumber the lot in one
go (docs/sync-protocol.md).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DataError, IntegrityError
from sqlalchemy.orm import Session

from central.db import (
    bulk_insert,
    deferred_mark,
    discard_deferred,
    flush_deferred,
    forget_absent,
    insert_immediately,
)
from central.errors import ApiError, OpRejected, invalid
from central.models import ReceivedOp, SeenOpId, Terminal
from central.platform import Platform, TerminalContext
from central.services.audit_head import store_audit_head
from central.services.op_handlers import (
    HANDLERS,
    PREPARE,
    OpContext,
    Outcome,
    payload_text,
    prefetch,
    reads_back,
)
from desktop.core.op_contracts import MAX_PAYLOAD_BYTES, ContractError, check_json_safe

log = logging.getLogger(__name__)
SEQ_CONFLICT = "seq_conflict"
NOT_APPLIED = "not_applied"


@dataclass(frozen=True)
class Op:
    seq: int
    op_id: str
    kind: str
    payload: Any


class _BulkRefused(Exception):
    """The database refused the batch's bulk insert of deferred rows (a constraint or trigger
    of the database itself): the batch is rolled back and applied again the slow way."""


def push(platform: Platform, ctx: TerminalContext, ops: list[Op],
         audit_head: dict[str, Any] | None) -> dict[str, Any]:
    batch = _dedupe(ops)
    try:
        return _push(platform, ctx, batch, audit_head, immediate=False)
    except _BulkRefused as exc:
        log.info("the bulk insert of a batch was refused (%s): applying it op by op", getattr(exc.__cause__, "orig", exc))
        return _push(platform, ctx, batch, audit_head, immediate=True)


def _push(platform: Platform, ctx: TerminalContext, batch: list[Op], audit_head: dict[str, Any] | None,
          *, immediate: bool) -> dict[str, Any]:
    with platform.tx() as session:
        if immediate:
            insert_immediately(session)  # each op's rows inside its savepoint: a refusal is that op's
        terminal = _lock_terminal(session, ctx.terminal_id)
        old = [op for op in batch if op.seq <= terminal.last_seq]
        new = [op for op in batch if op.seq > terminal.last_seq]
        _check_contiguous(new, terminal.last_seq)
        results = {r["seq"]: r for r in _replayed(session, ctx.terminal_id, old)}
        if any(r["status"] == SEQ_CONFLICT for r in results.values()):
            results.update((op.seq, _not_applied(op)) for op in new)
            new = []
        results.update((r["seq"], r) for r in _apply_all(session, platform, ctx, new))
        if new:
            terminal.last_seq = new[-1].seq
        store_audit_head(session, terminal, audit_head, platform.clock(), replay_only=not new)
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
    if row is None:
        return _result(op, "duplicate", "acknowledged before", original_status="unknown")
    if row.op_id != op.op_id:
        # Never an acknowledgement: this op was not received. The terminal renumbers it.
        return _result(op, SEQ_CONFLICT, f"seq {op.seq} already used by another op: this op was "
                       "not received; renumber it after last_seq")
    return _result(op, "duplicate", row.reason, original_status=row.status, conflict=row.conflict)


def _not_applied(op: Op) -> dict[str, Any]:
    return _result(op, NOT_APPLIED, "not applied: an earlier op of this batch has a seq already "
                   "used by another op; renumber and send again")


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
    prefetch(session, ctx, [(op.kind, op.payload) for op in new if op.op_id not in seen])
    now = platform.clock()
    results, records, fresh_ids = [], [], []
    for op in new:
        stored = _stored_text(op.payload)
        if op.op_id in seen:
            result = _result(op, "duplicate", "op_id received before under another seq",
                             original_status="unknown")
        else:
            seen.add(op.op_id)
            fresh_ids.append({"op_id": op.op_id, "terminal_id": ctx.terminal_id})
            op_ctx = OpContext(session, platform, ctx, op.op_id, now, op.payload, op.kind)
            result = _apply_one(session, op_ctx, op, stored)
        results.append(result)
        records.append(_record(ctx, op, result, now, stored))
    bulk_insert(session, SeenOpId, fresh_ids)
    bulk_insert(session, ReceivedOp, records)
    _flush_deferred(session)  # the batch's sales and lines, one statement per table (bulk_insert)
    return results


def _flush_deferred(session: Session) -> None:
    try:
        flush_deferred(session)
    except (IntegrityError, DataError) as exc:
        raise _BulkRefused from exc


def _apply_one(session: Session, op_ctx: OpContext, op: Op, stored: str) -> dict[str, Any]:
    handler = HANDLERS.get(op.kind)
    if handler is None:
        return _result(op, "rejected", f"unknown op kind {_printable(op.kind)}")
    unfit = _unfit_payload(op.payload, stored)
    if unfit:
        return _result(op, "rejected", unfit)
    if reads_back(op.kind, op.payload):
        _flush_deferred(session)  # outside the op's savepoint: they are the earlier ops' rows
    prepare = PREPARE.get(op.kind)
    if prepare is not None:
        prepare(op_ctx, op.payload)
    mark = deferred_mark(session)
    for attempt in (1, 2):  # a concurrent first-wins insert (PostgreSQL) is retried once
        try:
            with session.begin_nested():
                outcome: Outcome = handler(op_ctx, op.payload)
            return _result(op, "applied", outcome.reason, conflict=outcome.conflict)
        except (OpRejected, ApiError) as exc:
            discard_deferred(session, mark)  # rolled back with its savepoint
            return _result(op, "rejected", getattr(exc, "reason", None) or str(exc))
        except IntegrityError as exc:
            discard_deferred(session, mark)
            forget_absent(session)  # the retry asks the database what a concurrent push wrote
            if attempt == 2:
                _log_refusal(op_ctx, op, exc)
                return _result(op, "rejected", "conflicts with data the platform already holds")
        except DataError as exc:  # a value the database cannot hold: content, not a bug
            discard_deferred(session, mark)
            _log_refusal(op_ctx, op, exc)
            return _result(op, "rejected", "a value does not fit what the platform stores")
    raise AssertionError("unreachable")


def _log_refusal(op_ctx: OpContext, op: Op, exc: Exception) -> None:
    """The driver's text goes to the log only, with what is needed to find the op."""
    log.warning("op refused by the database: terminal=%s seq=%s op_id=%s kind=%s: %s",
                op_ctx.terminal.terminal_id, op.seq, op.op_id, _printable(op.kind),
                getattr(exc, "orig", exc))


def _unfit_payload(payload: Any, stored: str) -> str:
    """Why a payload cannot be stored at all (bad text, too deep, too big), or ''."""
    try:
        check_json_safe(payload)
    except ContractError as exc:
        return exc.reason
    if len(stored) > MAX_PAYLOAD_BYTES:
        return "invalid payload: larger than 2 MiB"
    return ""


def _printable(text: str) -> str:
    return ascii(text[:64])


def _stored_text(payload: Any) -> str:
    """The payload as the platform stores it: JSON text valid as UTF-8 (lone surrogates escaped)."""
    try:
        text = payload_text(payload)
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return json.dumps(payload, separators=(",", ":"), ensure_ascii=True, sort_keys=True)
    except (RecursionError, ValueError, TypeError):
        return json.dumps({"unstorable_payload": True})


def _record(ctx: TerminalContext, op: Op, result: dict[str, Any], now: Any, stored: str) -> dict[str, Any]:
    if len(stored) > MAX_PAYLOAD_BYTES:
        stored = json.dumps({"payload_too_large_bytes": len(stored)})
    return {
        "terminal_id": ctx.terminal_id, "seq": op.seq, "op_id": op.op_id,
        "kind": op.kind[:64] if op.kind.isascii() and op.kind.isprintable() else _printable(op.kind)[:64],
        "payload": stored, "status": result["status"], "reason": result["reason"][:2000],
        "conflict": result["conflict"], "received_at": now,
    }

"""Every migration step, with rows in it, upgrades to head without losing a row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import text

from desktop.store.db import Database, StoreError
from desktop.store.migrate import alembic_config, head_revision, open_store, upgrade

SAMPLE_ROWS = {
    "settings": "INSERT INTO settings (key, value) VALUES ('store.name', '品尚小馆')",
    "staff": "INSERT INTO staff (name, role, pin_hash, active, failed_attempts, created_at) "
             "VALUES ('小张', 'cashier', 'scrypt$x', 1, 2, '2026-01-01T00:00:00+00:00')",
    "audit_log": "INSERT INTO audit_log (at, actor, action, detail, prev_hash, hash) "
                 "VALUES ('2026-01-01', 'a', 'b', '{}', '00', 'ab')",
    "outbox": "INSERT INTO outbox (op_id, kind, payload, created_at, status) "
              "VALUES ('11111111-1111-1111-1111-111111111111', 'staff.changed', '{}', '2026', 'pending')",
    "transfers": "INSERT INTO transfers (id, debit, credit, amount, kind, unit, ref, created_at) "
                 "VALUES ('t1', 'a', 'b', 100, 'plain', 'fen', '', '2026')",
    "menu_items": "INSERT INTO menu_items (name, price_fen, cost_fen, active) VALUES ('奶茶', 1800, 400, 1)",
    "sync_state": "INSERT INTO sync_state (terminal_id, terminal_name, store_id, store_name, merchant_id, "
                  "platform_url, platform_public_key, seq_base, paired_at) VALUES ('T1', '柜台', 'S1', '店', "
                  "'M1', 'http://127.0.0.1:8700', 'a2V5', 0, '2026')",
    "members": "INSERT INTO members (member_id, phone, name) VALUES (hex(randomblob(8)), '13800000000', '王')",
    "attention_items": "INSERT INTO attention_items (kind, ref, subject, reason, action, created_at) "
                       "VALUES ('conflict', hex(randomblob(8)), 'v1', 'twice', 'check', '2026')",
    "deals": "INSERT INTO deals (id, product_name, terms, contact, redemption_place, state, version, created_at) "
             "VALUES (hex(randomblob(8)), '牛排', '{}', 'c', 'p', 'launched', 1, '2026')",
    "join_requests": "INSERT INTO join_requests (request_id, group_id, member_id, nonce, arrived_at, sequence, status) "
                     "VALUES (hex(randomblob(8)), 'g1', 'U1', 'ab', '2026', 0, 'pending')",
    "signing_keys": "INSERT INTO signing_keys (key_id, public_key, created_at, own) "
                    "VALUES (hex(randomblob(4)), 'ab', '2026', 1)",
    "vouchers": "INSERT INTO vouchers (id, group_id, entry_id, store_id, key_id, product, customer, qr_text, "
                "fallback_code, issued_at, expires_at) VALUES (hex(randomblob(10)), 'g1', hex(randomblob(8)), 's', "
                "'k', '牛排', 'c', 'PSV1', hex(randomblob(6)), '2026', '2027')",
    "redemptions": "INSERT INTO redemptions (voucher_id, redeemed_at, staff, terminal, product, group_id, entry_id) "
                   "VALUES (hex(randomblob(10)), '2026', '小张', 't', '牛排', 'g1', 'e1')",
    "printers": "INSERT INTO printers (name, connection, host, port, timeout_ms, usb_vendor_id, usb_product_id, "
                "serial_device, baudrate, windows_printer, pdf_folder, paper_mm, chinese_mode, qr_mode, profile, "
                "enabled) VALUES (hex(randomblob(6)), 'network', '10.0.0.9', 9100, 10000, 0, 0, '', 9600, '', '', "
                "80, 'gb18030', 'native', 'default', 1)",
    # tables are filled in any order: a route only where a printer already exists
    "printer_routes": "INSERT INTO printer_routes (kind, printer_id) SELECT hex(randomblob(6)), id FROM printers LIMIT 1",
    "shifts": "INSERT INTO shifts (terminal, opened_by, opened_at, cashier, float_counts, float_fen, closed_at, "
              "reason, approver) VALUES (hex(randomblob(6)), '小张', '2026', '小张', '{}', 50000, '2026', '', '')",
    "cash_movements": "INSERT INTO cash_movements (shift_id, direction, amount_fen, reason, staff, approver, "
                      "transfer_id, at) SELECT id, 'out', 100, 'bank', 's', '', hex(randomblob(6)), '2026' "
                      "FROM shifts LIMIT 1",
    "z_reports": "INSERT INTO z_reports (terminal, number, shift_id, created_at, totals) SELECT terminal, 1, id, "
                 "'2026', '{}' FROM shifts WHERE id NOT IN (SELECT shift_id FROM z_reports) LIMIT 1",
    "redemption_reversals": "INSERT INTO redemption_reversals (voucher_id, redemption_op_id, redeemed_at, "
                            "redeemed_by, terminal, product, group_id, entry_id, reversed_at, reversed_by, "
                            "approver, reason) VALUES (hex(randomblob(10)), hex(randomblob(16)), '2026', 's', "
                            "'t', '牛排', 'g1', 'e1', '2026', 's', 'm', 'mistake')",
    "menu_item_prices": "INSERT INTO menu_item_prices (item_id, version, price_fen, cost_fen, created_at) "
                        "SELECT id, 1 + (SELECT count(*) FROM menu_item_prices), 1800, 400, '2026' FROM menu_items "
                        "LIMIT 1",
    "menu_search_terms": "INSERT INTO menu_search_terms (term, item_id) SELECT hex(randomblob(6)), id "
                         "FROM menu_items LIMIT 1",
    "print_jobs": "INSERT INTO print_jobs (kind, ref, document, status, attempts, created_at) "
                  "VALUES ('voucher', 'v1', '{}', 'queued', 0, '2026')",
    "settlement_lines": "INSERT INTO settlement_lines (op_id, source, ref, kind, fen, schedule_version, at) "
                        "VALUES (hex(randomblob(8)), 'sale', 's1', 'turnover_commission', 551, 1, '2026-12-01')",
    "receipt_counters": "INSERT INTO receipt_counters (series, last_no) VALUES (hex(randomblob(4)), 3)",
    "sales": "INSERT INTO sales (id, receipt_no, sold_at, cashier, staff_id, shift_id, member_id, member_label, "
             "gross_fen, line_discount_fen, bill_discount_fen, base_fen, coins, coin_fen, coin_capture_key, "
             "coin_token_id, rounding_fen, total_fen, change_fen, schedule_version, coin_reimbursement_fen, "
             "turnover_commission_fen, alliance_share_fen, home_merchant_id, approved_by) VALUES (hex(randomblob(8)), "
             "hex(randomblob(4)), '2026', '收银', 1, '', 'U1', '陈', 1800, 0, 0, 1800, 10, 10, hex(randomblob(8)), "
             "NULL, 0, 1790, 0, 1, 8, 0, 0, '', '')",
    "sale_lines": "INSERT INTO sale_lines (sale_id, line_no, item_id, price_version, name, quantity, unit_price_fen, "
                  "discount_fen, amount_fen, voucher_id) SELECT id, abs(random() % 1000000000), 1, 1, '奶茶', 1, 1800, "
                  "0, 1800, NULL FROM sales LIMIT 1",
    "sale_tenders": "INSERT INTO sale_tenders (sale_id, position, kind, amount_fen, reference) "
                    "SELECT id, abs(random() % 1000000000), 'cash', 1790, '' FROM sales LIMIT 1",
    "sale_refunds": "INSERT INTO sale_refunds (id, refund_no, sale_id, kind, at, cashier, approved_by, reason, shift_id, "
                    "total_fen, coins_returned, coin_fen_returned, coin_reimbursement_fen, turnover_commission_fen, "
                    "alliance_share_fen) SELECT hex(randomblob(8)), hex(randomblob(4)), id, 'refund', '2026', '收银', "
                    "'经理', '凉了', '', 100, 0, 0, 0, 0, 0 FROM sales LIMIT 1",
    "sale_refund_lines": "INSERT INTO sale_refund_lines (refund_id, line_no, quantity, amount_fen) "
                         "SELECT id, abs(random() % 1000000000), 1, 100 FROM sale_refunds LIMIT 1",
    "sale_refund_tenders": "INSERT INTO sale_refund_tenders (refund_id, position, kind, amount_fen) "
                           "SELECT id, abs(random() % 1000000000), 'cash', 100 FROM sale_refunds LIMIT 1",
    "parked_orders": "INSERT INTO parked_orders (label, parked_at, cashier, order_json) VALUES ('3号桌', '2026', '收银', '{}')",
    "coin_captures": "INSERT INTO coin_captures (key, member_id, coins, state, created_at, sale_id, reason) "
                     "VALUES (hex(randomblob(8)), 'U1', 10, 'captured', '2026', NULL, '')",
    "accepted_coin_tokens": "INSERT INTO accepted_coin_tokens (token_id, member_id, coins, sale_id, accepted_at) "
                            "VALUES (hex(randomblob(16)), 'U1', 10, hex(randomblob(8)), '2026')",
}


# Rows for tables whose columns a later step changed: (a column only the later form has, row).
LATER_ROWS = {
    "members": ("phone_masked", "INSERT INTO members (member_id, phone_masked, phone_hash, name) "
                                "VALUES (hex(randomblob(8)), '138****0000', hex(randomblob(32)), '王')"),
}


def _sample_row(conn: object, table: str) -> str:
    later = LATER_ROWS.get(table)
    if later is not None:
        columns = {row[1] for row in conn.exec_driver_sql(f"PRAGMA table_info({table})")}  # type: ignore[attr-defined]
        if later[0] in columns:
            return later[1]
    return SAMPLE_ROWS[table]


def revisions() -> list[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def _tables(db: Database) -> set[str]:
    with db.engine.connect() as conn:
        return {row[0] for row in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'")}


@pytest.mark.parametrize("revision", revisions())
def test_database_from_every_step_upgrades_without_losing_rows(tmp_path: Path, revision: str) -> None:
    db = Database(tmp_path / "old.db")
    upgrade(db, revision)
    present = _tables(db) & SAMPLE_ROWS.keys()
    assert present, "every step has at least one table to fill"
    with db.engine.begin() as conn:
        for table in present:
            for _ in range(3):
                conn.exec_driver_sql(_sample_row(conn, table).replace("'t1'", "hex(randomblob(8))")
                                     .replace("'11111111-1111-1111-1111-111111111111'", "hex(randomblob(16))")
                                     .replace("'ab'", "hex(randomblob(16))")
                                     .replace("'store.name'", "hex(randomblob(4))")
                                     .replace("'小张'", "hex(randomblob(4))"))
        before = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in present}
    db.close()

    reopened = open_store(tmp_path / "old.db")
    with reopened.engine.connect() as conn:
        after = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in present}
        version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar_one()
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    reopened.close()
    assert after == before
    assert version == head_revision()


def test_a_database_from_a_newer_app_is_refused(tmp_path: Path) -> None:
    open_store(tmp_path / "p.db").close()
    with sqlite3.connect(tmp_path / "p.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    with pytest.raises(StoreError, match="newer version"):
        open_store(tmp_path / "p.db")


def test_a_file_that_is_not_a_database_is_refused_clearly(tmp_path: Path) -> None:
    (tmp_path / "p.db").write_bytes(b"this is a spreadsheet, not a database" * 200)
    with pytest.raises(StoreError, match="damaged or not a Pinshang database"):
        open_store(tmp_path / "p.db")
    assert (tmp_path / "p.db").read_bytes().startswith(b"this is a spreadsheet")


def test_a_read_only_folder_is_refused_clearly(tmp_path: Path) -> None:
    import os

    if os.geteuid() == 0:
        folder = Path("/proc/pinshang-cannot-write-here")  # root ignores mode bits; /proc refuses
    else:
        folder = tmp_path / "ro"
        folder.mkdir()
        folder.chmod(0o500)
    with pytest.raises(StoreError, match="Cannot write"):
        open_store(folder / "p.db")


def test_pragmas_of_the_counter(tmp_path: Path) -> None:
    db = open_store(tmp_path / "p.db")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar_one() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar_one() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar_one() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar_one() == 10000
    db.close()


def test_the_search_step_gives_existing_items_their_terms(tmp_path: Path) -> None:
    db = Database(tmp_path / "old.db")
    upgrade(db, "0010_catalogue")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO menu_items (name, name_en, category, barcode, sku, price_fen, cost_fen, "
                             "active) VALUES ('招牌奶茶', 'House milk tea', '饮品', '6900001', 'T1', 1800, 400, 1)")
    db.close()
    reopened = open_store(tmp_path / "old.db")
    with reopened.engine.connect() as conn:
        terms = {r[0] for r in conn.exec_driver_sql("SELECT term FROM menu_search_terms")}
        text_of = conn.exec_driver_sql("SELECT search_text FROM menu_items").scalar_one()
    reopened.close()
    assert {"奶茶", "zpnc", "naicha", "milk", "6900001", "t1"} <= terms
    assert "zhaopainaicha" in text_of

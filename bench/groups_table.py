"""The groups screen's table with 10,000 groups, against a plain QTableView over the same rows.

The store holds the demo's deals and 10,000 groups with their seats (three each). Measured in
the same run, alternating, each from the database to the table painted (offscreen):

- ours: `GroupQueries.list_groups()` (one lean query on the raw connection, deal terms parsed
  once per deal) into `desktop.ui.models.deal_tables.GroupsModel`, shown in a QTableView as the
  groups screen shows it;
- plain: a bare sqlite3 connection, the same join and order, into a minimal
  QAbstractTableModel that shows the cells as they are, in a QTableView.

Target: ours <= 2x plain.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/groups_table.py [--groups 10000] [--repeat 15] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication, QHeaderView, QTableView  # noqa: E402

from desktop.services.registry import Services  # noqa: E402
from desktop.store.migrate import open_store  # noqa: E402
from desktop.ui.models.deal_tables import GroupsModel  # noqa: E402

PLAIN_SQL = ("SELECT g.id, d.product_name, g.state, coalesce(t.n, 0), g.deadline FROM deal_groups g "
             "JOIN deals d ON d.id = g.deal_id "
             "LEFT JOIN (SELECT group_id, count(*) AS n FROM group_entries GROUP BY group_id) t "
             "ON t.group_id = g.id ORDER BY g.opened_at DESC, g.id")


def build(folder: Path, groups: int) -> Services:
    services = Services.build(open_store(folder / "pinshang.db"))
    services.demo.seed()
    conn = sqlite3.connect(folder / "pinshang.db")
    columns = [c[1] for c in conn.execute("PRAGMA table_info(deal_groups)")]
    group = dict(zip(columns, conn.execute("SELECT * FROM deal_groups LIMIT 1").fetchone(), strict=True))
    entry_columns = [c[1] for c in conn.execute("PRAGMA table_info(group_entries)")]
    entry = dict(zip(entry_columns, conn.execute("SELECT * FROM group_entries LIMIT 1").fetchone(), strict=True))
    deals = [d for (d,) in conn.execute("SELECT id FROM deals")]
    states = ("open", "full", "drawn", "settled", "expired", "refunded", "cancelled")
    new_groups, new_entries = [], []
    for i in range(groups):
        gid = f"BG{i:06d}"
        new_groups.append({**group, "id": gid, "deal_id": deals[i % len(deals)], "state": states[i % len(states)],
                           "opened_at": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T{i % 24:02d}:00:00+00:00",
                           "deadline": f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}T23:00:00+00:00",
                           "commitment": f"{i:064x}", "seed_hex": f"{i:064x}"})
        for seat in range(3):
            new_entries.append({**entry, "id": f"BE{i:06d}{seat}", "group_id": gid, "position": seat + 1,
                                "nonce": f"{i:030x}{seat:02x}", "hold_id": f"BH{i:06d}{seat}"})
    for table, rows in (("deal_groups", new_groups), ("group_entries", new_entries)):
        names = list(rows[0])
        conn.executemany(f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                         [tuple(r[n] for n in names) for r in rows])
    conn.commit()
    conn.close()
    return services


class PlainModel(QAbstractTableModel):
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.rows = rows

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.rows)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: N802, B008
        return 4

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return str(self.rows[index.row()][index.column() + 1])


def shown(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    view.resize(1000, 600)
    view.show()
    view.grab()  # painted
    return view


def ours(services: Services) -> tuple[float, int]:
    start = time.perf_counter()
    model = GroupsModel()
    model.set_rows(services.group_views.list_groups(None))
    view = shown(model)
    elapsed = time.perf_counter() - start
    view.close()
    return elapsed, model.rowCount()


def plain(path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    conn = sqlite3.connect(path)
    rows = conn.execute(PLAIN_SQL).fetchall()
    conn.close()
    model = PlainModel(rows)
    view = shown(model)
    elapsed = time.perf_counter() - start
    view.close()
    return elapsed, model.rowCount()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--groups", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    ratios = []
    with tempfile.TemporaryDirectory() as tmp:
        services = build(Path(tmp), args.groups)
        path = Path(tmp) / "pinshang.db"
        ours(services), plain(path)  # warm caches
        for run in range(args.runs):
            mine, bare = [], []
            for _ in range(args.repeat):
                elapsed, count = ours(services)
                mine.append(elapsed)
                elapsed, plain_count = plain(path)
                bare.append(elapsed)
                assert count == plain_count >= args.groups, (count, plain_count)
                app.processEvents()
            ratio = statistics.median(mine) / statistics.median(bare)
            ratios.append(ratio)
            print(f"run {run + 1}: {count:,} groups; ours median {statistics.median(mine) * 1000:.1f} ms, "
                  f"plain QTableView median {statistics.median(bare) * 1000:.1f} ms, ratio {ratio:.2f}x", flush=True)
        services.close()
    print(f"\nratio ours / plain: median {statistics.median(ratios):.2f} "
          f"(spread {min(ratios):.2f}-{max(ratios):.2f})   (target <= 2x)")
    return 0 if all(r <= 2 for r in ratios) else 1


if __name__ == "__main__":
    raise SystemExit(main())

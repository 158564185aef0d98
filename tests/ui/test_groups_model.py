"""The groups table's model over the lean query (desktop/services/group_views.list_groups):
it passes Qt's model tester and shows every group with its deal, state and seats."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from desktop.ui.models.deal_tables import ID_ROLE, GroupsModel
from tests.support.deal_flow import cashier, launched_deal


def test_the_groups_model_over_the_lean_query(qtmodeltester, demo_services) -> None:
    services = demo_services
    deal_id = launched_deal(services)
    opened = [services.groups.open_group(cashier(services), deal_id, f"1380000000{i}", "cash") for i in range(3)]
    services.groups.enrol(cashier(services), opened[0], "13700000009", "cash")
    rows = services.group_views.list_groups()
    model = GroupsModel()
    model.set_rows(rows)
    qtmodeltester.check(model)
    by_id = {model.data(model.index(r, 0), ID_ROLE): r for r in range(model.rowCount(QModelIndex()))}
    assert set(opened) <= set(by_id)
    first = by_id[opened[0]]
    size = next(g.size for g in rows if g.id == opened[0])
    assert model.data(model.index(first, 2)) == f"2 / {size}"
    assert model.data(model.index(first, 0)) == next(g.product for g in rows if g.id == opened[0])
    only = services.group_views.list_groups(deal_id)
    assert {g.id for g in only} >= set(opened) and {g.deal_id for g in only} == {deal_id}

"""A commission-rate change pulled from the platform is a sensitive action: it is audited once."""

from __future__ import annotations

from desktop.core.staff import Actor, Role

SCHEDULE = {"merchant_id": "m1", "version": 2, "effective_from": "2026-12-01T00:00:00+00:00",
            "coin_settlement_bp": 2000, "deal_commission_bp": 500, "alliance_share_bp": 300,
            "coin_cap_bp": 1000, "coin_value_fen": 10}


def test_new_schedule_versions_are_audited_once(demo_services) -> None:
    owner = Actor(1, "王店长", Role.OWNER)
    for cursor in ("c1", "c2"):  # the same version arrives twice (e.g. after a reset)
        demo_services.sync_pull.apply({"cursor": cursor, "reset": cursor == "c2",
                                       "commission_schedules": [SCHEDULE]})
    received = [r for r in demo_services.audit.recent(owner) if r.action == "commission_schedule.received"]
    assert len(received) == 1
    assert '"coin_settlement_bp":2000' in received[0].detail and '"version":2' in received[0].detail
    assert demo_services.audit.verify().ok

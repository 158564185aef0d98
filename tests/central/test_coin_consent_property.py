"""Property: random sequences of authorize / capture (code, consent, token; online and pushed,
own merchant and another's) / cancel / time passing, over HTTP against the real platform, never
make a balance negative and never move or reserve coins without a consumed member code or a
valid token. A model predicts every outcome; the platform must agree."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

import requests
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from central.models import CoinBalance
from central.services import admin
from central.services.coin_consents import (
    CODE_FAILURE_WINDOW,
    WRONG_CODES_PER_MEMBER,
    WRONG_CODES_PER_TERMINAL,
)
from desktop.core.member_codes import STEPS_AHEAD, STEPS_BEHIND, step_at
from desktop.sync.client import PlatformClient, PlatformRejected
from tests.central.helpers import MovableClock, Seed, op, paired

GRACE = timedelta(hours=1)  # capture_grace of the test server (tests/central/conftest.py)
_phones = itertools.count(1)

code_kinds = st.sampled_from(["fresh", "fresh", "fresh", "replay", "none", "other"])
STEPS: dict[str, Any] = {
    "authorize": st.tuples(st.just("authorize"), st.integers(0, 1), st.integers(1, 200),
                           st.sampled_from([900, 60, 900, 86400, 7 * 86400]), code_kinds),
    "capture": st.tuples(st.just("capture"), st.integers(0, 5), st.integers(1, 60), st.sampled_from(["A", "A", "B"]),
                         st.sampled_from(["online", "push", "push", "push_backdated"])),
    "spend": st.tuples(st.just("spend"), st.integers(0, 1), st.integers(1, 200), code_kinds),
    "cancel": st.tuples(st.just("cancel"), st.integers(0, 5)),
    "wait": st.tuples(st.just("wait"), st.sampled_from([1, 10, 30, 70, 180])),
}
actions = st.lists(st.sampled_from(["authorize", "authorize", "capture", "capture", "capture", "spend", "cancel",
                                    "wait"]).flatmap(lambda kind: STEPS[kind]
), min_size=3, max_size=20)


@dataclass
class Auth:
    token: dict[str, Any]
    member: int
    max_coins: int
    issued: datetime
    expires: datetime
    state: str = "reserved"


@dataclass
class World:
    seed: Seed
    clock: MovableClock
    a: PlatformClient
    a_terminal: str
    b: PlatformClient
    b_terminal: str
    seqs: dict[str, int] = field(default_factory=lambda: {"A": 0, "B": 0})
    wrong_codes: list[tuple[str, datetime]] = field(default_factory=list)  # at terminal A: (named member, at)


@dataclass
class Model:
    members: list[str]
    tokens: list[str]
    posted: list[int]
    used_codes: list[tuple[str, datetime] | None] = field(default_factory=lambda: [None, None])
    auths: list[Auth] = field(default_factory=list)

    def reserved(self, i: int, now: datetime) -> int:
        return sum(a.max_coins for a in self.auths if a.member == i and _open(a, now))

    def available(self, i: int, now: datetime) -> int:
        return self.posted[i] - self.reserved(i, now)


def _open(auth: Auth, now: datetime) -> bool:
    return auth.state == "reserved" and now <= auth.expires + GRACE


def _ledger(world: World, member: str) -> CoinBalance | None:
    with world.seed.server.app.state.platform.tx() as session:
        row = session.get(CoinBalance, f"member:{member}")
        if row is not None:
            session.expunge(row)
        return row


def _code(world: World, model: Model, i: int, kind: str) -> tuple[str | None, bool]:
    """The code to present and whether the model expects it to be taken; wrong ones are counted
    (unless the budget is spent already: then nothing is looked at)."""
    now = world.clock.now
    if kind == "none":
        return None, False
    if kind == "fresh":
        code = world.seed.fresh_code(model.members[i])
        named, good, now = i, True, world.clock.now
        model.used_codes[i] = (code, now)
    elif kind == "replay" and model.used_codes[i] is not None:
        code, made = model.used_codes[i]  # type: ignore[misc]
        named, good = i, False
        stale = not step_at(now) - STEPS_BEHIND <= step_at(made) <= step_at(now) + STEPS_AHEAD
        if not stale:  # used already: refused, but it was the right code (not counted)
            return code, False
    else:
        other = model.members[1 - i]
        code = world.seed.fresh_code(other) if kind == "other" else world.seed.member_code(other)
        named, good, now = 1 - i, False, world.clock.now
    if _locked(world, model.members[named], now):
        return code, False
    if not good:
        world.wrong_codes.append((model.members[named], now))
    return code, good


def _locked(world: World, named: str, now: datetime) -> bool:
    recent = [m for m, at in world.wrong_codes if at >= now - CODE_FAILURE_WINDOW]
    return recent.count(named) >= WRONG_CODES_PER_MEMBER or len(recent) >= WRONG_CODES_PER_TERMINAL


def _ok(call: Any, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
    try:
        result: dict[str, Any] = call(*args, **kwargs)
        return result
    except PlatformRejected as exc:
        assert exc.status < 500 and exc.reason
        return None


def _spend(world: World, model: Model, i: int, coins: int, kind: str) -> None:
    code, good = _code(world, model, i, kind)
    now = world.clock.now
    expected = good and coins <= model.available(i, now)
    done = _ok(world.a.capture_coins, model.members[i], coins, "s", uuid.uuid4().hex, member_code=code)
    assert (done is not None) == expected, (kind, coins)
    event(f"spend {kind} {'applied' if done else 'refused'}")
    if done:
        model.posted[i] -= coins


def _authorize(world: World, model: Model, i: int, coins: int, ttl: int, kind: str) -> None:
    if ttl > 86400:  # refused as an invalid request (422): no code is even looked at
        assert _ok(world.a.authorize_coins, model.members[i], coins, ttl,
                   member_code=world.seed.member_code(model.members[i])) is None
        return
    code, good = _code(world, model, i, kind)
    now = world.clock.now
    open_count = sum(1 for a in model.auths if a.member == i and _open(a, now))
    expected = good and coins <= model.available(i, now) and open_count < 3
    done = _ok(world.a.authorize_coins, model.members[i], coins, ttl, member_code=code)
    assert (done is not None) == expected, (kind, coins, ttl, open_count)
    event(f"authorize {kind} {'applied' if done else 'refused'}")
    if done:
        model.auths.append(Auth(done, i, coins, now, now + timedelta(seconds=ttl)))


def _capture(world: World, model: Model, n: int, coins: int, who: str, how: str) -> None:
    if not model.auths:
        return
    auth = model.auths[n % len(model.auths)]
    now = world.clock.now
    at = auth.issued - timedelta(hours=1) if how == "push_backdated" else now
    expected = (who == "A" and how != "push_backdated" and _open(auth, now) and at < auth.expires
                and coins <= auth.max_coins)
    client = world.a if who == "A" else world.b
    if how == "online":
        done = _ok(client.capture_coins, model.members[auth.member], coins, "s", uuid.uuid4().hex,
                   token=auth.token["token"]) is not None
    else:
        world.seqs[who] += 1
        payload = {"token_id": auth.token["token_id"], "member_id": model.members[auth.member], "coins": coins,
                   "token": auth.token["token"], "at": at.isoformat()}
        terminal = world.a_terminal if who == "A" else world.b_terminal
        result = client.push(terminal, [op(world.seqs[who], "coins.captured", payload)])["results"][0]
        done = result["status"] == "applied"
    assert done == expected, (who, how, coins, auth)
    event(f"capture {who} {how} {'applied' if done else 'refused'}")
    if done:
        model.posted[auth.member] -= coins
        auth.state = "captured"
    elif auth.state == "reserved" and not _open(auth, now):
        auth.state = "expired"


def _cancel(world: World, model: Model, n: int) -> None:
    if not model.auths:
        return
    auth = model.auths[n % len(model.auths)]
    expected = _open(auth, world.clock.now)
    response = requests.delete(f"{world.seed.server.url}/v1/me/coin-authorizations/{auth.token['token_id']}",
                               headers={"Authorization": f"Member {model.tokens[auth.member]}"}, timeout=10)
    assert response.status_code < 500 and (response.status_code == 200) == expected
    if expected:
        auth.state = "revoked"


def _check(world: World, model: Model) -> None:
    for i, member in enumerate(model.members):
        row = _ledger(world, member)
        posted = 0 if row is None else row.posted
        reserved = 0 if row is None else row.reserved
        assert posted == model.posted[i], "coins moved that the model did not consent to"
        assert posted - reserved >= 0 and reserved >= model.reserved(i, world.clock.now)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=actions, start=st.tuples(st.integers(100, 600), st.integers(0, 600)))
def test_coins_never_move_without_consent_and_never_go_negative(
        seed: Seed, clock: MovableClock, steps: list[tuple[Any, ...]], start: tuple[int, int]) -> None:
    world = _world(seed, clock)
    members = []
    with seed.server.app.state.platform.tx() as session:
        for _ in range(2):
            members.append(admin.create_member(session, f"137{next(_phones):08d}", "P", seed.merchant_id))
    for member, coins in zip(members, start, strict=True):
        if coins:
            seed.grant(member, coins)
    model = Model(members, [seed.member_token(m) for m in members], list(start))
    for step in steps:
        kind, *args = step
        if kind == "spend":
            _spend(world, model, *args)
        elif kind == "authorize":
            _authorize(world, model, *args)
        elif kind == "capture":
            _capture(world, model, *args)
        elif kind == "cancel":
            _cancel(world, model, *args)
        else:
            clock.advance(minutes=args[0])
        _check(world, model)


def _world(seed: Seed, clock: MovableClock) -> World:
    """Terminals of the two merchants, paired for this example (their wrong-code budgets too)."""
    a, a_terminal = paired(seed)
    b, b_terminal = paired(seed, "Tea counter", store_id=seed.other_store_id)
    return World(seed, clock, a, a_terminal, b, b_terminal)

"""The PIN lockout: it escalates, and the PC clock cannot end it (docs/security.md).

Five wrong PINs in a row lock a staff member; each further lock before a successful login lasts
longer (5 min, 15 min, 1 h, 4 h, then 24 h). A lock is measured only on a monotonic clock, which
nobody can set: what is stored is the time still left at an *anchor* (a monotonic reading and
the boot it counts from). On the same boot the time left shrinks by the monotonic time since the
anchor. After a reboot the monotonic clock starts again and the time between cannot be measured,
so it does not count: the lock goes on with the time that was left at the last anchor, from the
first moment the app sees it again. The wall clock is only used to show "locked until 14:05".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

MAX_FAILED_PINS = 5
LOCKOUTS = (timedelta(minutes=5), timedelta(minutes=15), timedelta(hours=1), timedelta(hours=4),
            timedelta(hours=24))
CLOCK_JUMP = timedelta(minutes=5)  # wall and monotonic time disagreeing by more: the clock was set
BOOT_TOLERANCE_S = 120.0  # two boot estimates (wall - monotonic) this close: the same boot
ESTIMATED = "~"  # prefix of a boot id estimated from the clocks (no boot id from the system)


@dataclass(frozen=True)
class Reading:
    """One moment on both clocks: the wall clock (shown, settable) and a monotonic one."""

    wall: datetime
    mono: float  # seconds on a monotonic clock since some point of this boot
    boot: str  # which boot `mono` counts from


def same_boot(a: str | None, b: str) -> bool:
    """Boot ids from the system compare exactly; estimates (wall - monotonic) within a tolerance.
    A wrong "no" only makes a lock last longer, never shorter."""
    if a is None:
        return False
    if a.startswith(ESTIMATED) and b.startswith(ESTIMATED):
        try:
            return abs(float(a[1:]) - float(b[1:])) <= BOOT_TOLERANCE_S
        except ValueError:
            return False
    return a == b


def lockout_for(level: int) -> timedelta:
    """How long the `level`-th lock in a row lasts (level 1 = the first)."""
    return LOCKOUTS[min(max(level, 1), len(LOCKOUTS)) - 1]


@dataclass(frozen=True)
class LockState:
    failed_attempts: int = 0
    level: int = 0  # locks since the last successful login
    left: timedelta | None = None  # time still locked at the anchor; None = not locked
    anchor_mono: float | None = None
    anchor_boot: str | None = None

    def left_at(self, now: Reading) -> timedelta:
        """Time still locked at `now` (zero when not locked)."""
        if self.left is None:
            return timedelta(0)
        left = self.left
        if self.anchor_mono is not None and same_boot(self.anchor_boot, now.boot) and now.mono >= self.anchor_mono:
            left -= timedelta(seconds=now.mono - self.anchor_mono)
        return max(left, timedelta(0))

    def is_locked(self, now: Reading) -> bool:
        return self.left_at(now) > timedelta(0)

    def locked_until(self, now: Reading) -> datetime | None:
        """For display only: the wall time the lock should end if nobody touches the clock."""
        left = self.left_at(now)
        return now.wall + left if left > timedelta(0) else None

    def reanchored(self, now: Reading) -> LockState:
        """The same lock with its time left measured up to `now` (stored at each attempt, so
        that a reboot loses as little measured time as possible)."""
        left = self.left_at(now)
        if left <= timedelta(0):
            return replace(self, left=None, anchor_mono=None, anchor_boot=None)
        return replace(self, left=left, anchor_mono=now.mono, anchor_boot=now.boot)

    def after_failure(self, now: Reading) -> LockState:
        failures = self.failed_attempts + 1
        if failures < MAX_FAILED_PINS:
            return replace(self.reanchored(now), failed_attempts=failures)
        level = self.level + 1
        return LockState(0, level, lockout_for(level), now.mono, now.boot)

    @staticmethod
    def after_success() -> LockState:
        return LockState()


def clock_jump(last: Reading | None, now: Reading) -> timedelta | None:
    """How far the wall clock was moved since `last` (forwards > 0), when it is more than
    CLOCK_JUMP; None when it looks honest or cannot be told. Recorded in the audit log."""
    if last is None:
        return None
    if same_boot(last.boot, now.boot) and now.mono >= last.mono:
        drift = (now.wall - last.wall) - timedelta(seconds=now.mono - last.mono)
        return drift if abs(drift) > CLOCK_JUMP else None
    behind = now.wall - last.wall  # after a reboot only a clock that went back is certain
    return behind if behind < -CLOCK_JUMP else None

"""Start a throwaway PostgreSQL cluster (Debian's binaries) for the central tests.

`start_cluster(base_dir)` returns a `postgresql+psycopg://` URL, or None when PostgreSQL is not
installed. As root, initdb/pg_ctl run as the `postgres` user (initdb refuses root).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
from pathlib import Path

DATABASE = "pinshang_test"


def find_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _run(args: list[str]) -> None:
    subprocess.run(_as_owner(args), check=True, capture_output=True, timeout=120)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_cluster(base_dir: Path) -> str | None:
    bin_dir = find_bin_dir()
    if bin_dir is None:
        return None
    data = base_dir / "data"
    _stop_existing(bin_dir, data)
    shutil.rmtree(base_dir, ignore_errors=True)
    base_dir.mkdir(parents=True)
    if os.geteuid() == 0:
        shutil.chown(base_dir, "postgres", "postgres")
    _run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    port = _free_port()
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c fsync=off"
    _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base_dir / "log"), "-o", options, "-w", "start"])
    _run([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE])
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{DATABASE}"


def _stop_existing(bin_dir: Path, data: Path) -> None:
    if (data / "postmaster.pid").exists():
        subprocess.run(_as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True, timeout=60)


def stop_cluster(base_dir: Path) -> None:
    bin_dir = find_bin_dir()
    if bin_dir is not None:
        _stop_existing(bin_dir, base_dir / "data")


if __name__ == "__main__":
    print(start_cluster(Path.cwd() / ".venv" / "pg"))

"""Start a throwaway PostgreSQL cluster (Debian's binaries) for the central tests.

`start_cluster(state_file)` returns a `postgresql+psycopg://` URL, or None when PostgreSQL is
not installed; `stop_cluster(state_file)` stops it and removes its folder.

The cluster's data folder is a fresh `tempfile.mkdtemp(prefix="pinshang-pg-")` in the system's
temporary folder (/tmp), NOT inside the checkout: as root, initdb and pg_ctl run as the
`postgres` user (initdb refuses root), and that user cannot enter a checkout under /root (mode
0700 on Debian). The folder's path is written to `state_file` so that stop finds it, and a
cluster left behind by a killed run is stopped and removed at the next start.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

DATABASE = "pinshang_test"
PREFIX = "pinshang-pg-"


def find_bin_dir() -> Path | None:
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                        key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(candidates[-1]).parent if candidates else None


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _run(args: list[str]) -> None:
    done = subprocess.run(_as_owner(args), capture_output=True, timeout=120, text=True)
    if done.returncode != 0:
        raise subprocess.CalledProcessError(done.returncode, args, done.stdout,
                                            f"{done.stderr.strip()} ({' '.join(args[:1])})")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_base_dir() -> Path:
    """A new folder the cluster's owner can enter, whatever the checkout's location."""
    base = Path(tempfile.mkdtemp(prefix=PREFIX))
    if os.geteuid() == 0:
        shutil.chown(base, "postgres", "postgres")
    base.chmod(0o700)
    return base


def start_cluster(state_file: Path, *, durable: bool = False) -> str | None:
    """`durable`: fsync on, as a production platform runs (the benches); the tests run without."""
    bin_dir = find_bin_dir()
    if bin_dir is None:
        return None
    stop_cluster(state_file)  # one left behind by a killed run
    base_dir = make_base_dir()
    state_file.parent.mkdir(parents=True, exist_ok=True)
    state_file.write_text(str(base_dir))
    data = base_dir / "data"
    _run([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8"])
    port = _free_port()
    options = f"-p {port} -k {base_dir} -c listen_addresses=127.0.0.1 -c max_connections=200"
    if not durable:
        options += " -c fsync=off"
    _run([str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base_dir / "log"), "-o", options, "-w", "start"])
    _run([str(bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", DATABASE])
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/{DATABASE}"


def stop_cluster(state_file: Path) -> None:
    """Stop the cluster named in `state_file` (if any) and remove its folder."""
    if not state_file.exists():
        return
    base_dir = Path(state_file.read_text().strip())
    bin_dir = find_bin_dir()
    data = base_dir / "data"
    if bin_dir is not None and (data / "postmaster.pid").exists():
        subprocess.run(_as_owner([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True, timeout=60)
    if base_dir.name.startswith(PREFIX):  # never remove anything we did not make
        shutil.rmtree(base_dir, ignore_errors=True)
    state_file.unlink(missing_ok=True)


if __name__ == "__main__":
    import sys

    # `python -m tools.pgcluster [--durable] [STATE_FILE]`: the URL of a fresh cluster.
    durable = "--durable" in sys.argv[1:]
    named = [a for a in sys.argv[1:] if a != "--durable"]
    print(start_cluster(Path(named[0]) if named else Path.cwd() / ".venv" / "pg-cluster", durable=durable))

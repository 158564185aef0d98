"""Issue 8, finding 14 (client): the data folder and everything the app writes in it are
private (0700 folders, 0600 files) whatever the umask, and files left group- or world-readable
by an older version are tightened at start-up. POSIX only: on Windows the per-user AppData
folder's ACL is the protection (docs/security.md)."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app import open_for_counter
from desktop.logs import LOG_NAME, setup_logging
from desktop.store.migrate import open_store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX; Windows relies on the AppData ACL")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    """The usual desktop umask (022), under which files are 0644 unless made otherwise."""
    old = os.umask(0o022)
    yield
    os.umask(old)


@pytest.fixture
def no_app_logging() -> Iterator[None]:
    root = logging.getLogger()
    before = list(root.handlers)
    yield
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()


def test_a_new_store_its_wal_and_shm_files_are_private(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    db = open_store(folder / "pinshang.db")
    with db.engine.begin() as conn:  # a write, so the WAL and shared-memory files exist
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('x', 'y')")
    assert mode(folder) == 0o700
    for name in ("pinshang.db", "pinshang.db-wal", "pinshang.db-shm"):
        assert (folder / name).exists(), name
        assert mode(folder / name) == 0o600, name
    db.close()


def test_an_old_world_readable_store_is_tightened_when_opened(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_store(folder / "pinshang.db").close()
    folder.chmod(0o755)
    (folder / "pinshang.db").chmod(0o644)
    (folder / "pinshang.db-wal").write_bytes(b"")
    (folder / "pinshang.db-wal").chmod(0o644)
    db = open_store(folder / "pinshang.db")
    assert (mode(folder), mode(folder / "pinshang.db"), mode(folder / "pinshang.db-wal")) == (0o700, 0o600, 0o600)
    db.close()


@pytest.mark.usefixtures("no_app_logging")
def test_the_log_folder_and_every_log_file_even_rotated_ones_are_private(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path)
    logging.getLogger("pinshang.test").warning("小张 logged in")
    assert log_file.name == LOG_NAME and "小张" in log_file.read_text(encoding="utf-8")
    assert (mode(tmp_path / "logs"), mode(log_file)) == (0o700, 0o600)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "_pinshang", False))
    handler.doRollover()  # type: ignore[attr-defined]
    logging.getLogger("pinshang.test").warning("after the rotation")
    files = sorted((tmp_path / "logs").iterdir())
    assert len(files) == 2 and all(mode(f) == 0o600 for f in files)


@pytest.mark.usefixtures("no_app_logging")
def test_start_up_tightens_what_an_older_version_left_readable_and_touches_nothing_else(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_store(folder / "pinshang.db").close()
    (folder / "logs").mkdir()
    (folder / "printed").mkdir()
    old = {folder: 0o755, folder / "pinshang.db": 0o644, folder / "logs": 0o755, folder / "printed": 0o755}
    for name, content in (("logs/pinshang.log.1", b"old log"), ("printed/000001-voucher.pdf", b"%PDF"),
                          ("notes.txt", b"the owner's own file")):
        (folder / name).write_bytes(content)
        old[folder / name] = 0o644
    for path, bits in old.items():
        path.chmod(bits)
    services = open_for_counter(folder)
    try:
        for path in old:
            expected = 0o644 if path.name == "notes.txt" else (0o700 if path.is_dir() else 0o600)
            assert mode(path) == expected, path
        assert mode(folder / "logs" / LOG_NAME) == 0o600
    finally:
        services.close()


@pytest.mark.usefixtures("qapp")
def test_a_pdf_printer_writes_private_pdfs_in_a_private_new_folder(services, tmp_path: Path) -> None:
    from desktop.core.staff import Actor, Role
    from desktop.printing.dispatch import PrintDispatcher
    from desktop.services.print_jobs import make_test_page
    from desktop.services.print_queue import JobStatus
    from desktop.services.printers import PrinterSettings

    owner = Actor(1, "王店长", Role.OWNER)
    folder = tmp_path / "receipts"
    printer_id = services.printers.save(owner, PrinterSettings("PDF", connection="pdf", pdf_folder=str(folder)))
    services.printers.set_route(owner, "test_page", printer_id)
    job_id = services.print_queue.enqueue(owner, "test_page", make_test_page(PrinterSettings("PDF"), "店"), "")
    assert PrintDispatcher(services).dispatch(job_id).status is JobStatus.DONE
    [pdf] = folder.iterdir()
    assert (mode(folder), mode(pdf)) == (0o700, 0o600)

"""Engines for the platform database: the one place where SQLite and PostgreSQL settings live.

SQLite runs in WAL mode with `synchronous=FULL`: an acknowledged push must survive a power cut
(the terminal deletes its outbox rows once acknowledged), and with one transaction per batch the
fsync per commit is cheap. Writers begin with `BEGIN IMMEDIATE` so that two pushes of the same
terminal serialize on the write lock instead of both reading the same `last_seq`.
PostgreSQL runs at READ COMMITTED; the terminal row and the change counter are locked with
`SELECT ... FOR UPDATE` / `UPDATE` where ordering matters (see services/changes.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine, and_, create_engine, event, insert, inspect, or_, select
from sqlalchemy.exc import DBAPIError, StatementError
from sqlalchemy.orm import Session, sessionmaker

T = TypeVar("T")

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=30000",
)


def is_sqlite(url: str) -> bool:
    return url.startswith("sqlite")


def make_engine(url: str) -> Engine:
    if is_sqlite(url):
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves (pysqlite's is lazy)
        cursor = dbapi_conn.cursor()
        for pragma in SQLITE_PRAGMAS:
            cursor.execute(pragma)
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        read_only = conn.get_execution_options().get("central_read_only", False)  # central.platform.READ_ONLY
        conn.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")

    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False)
    event.listen(factory, "before_commit", _before_commit)
    event.listen(factory, "transient_to_pending", _on_pending)
    return factory


def _before_commit(session: Session) -> None:
    """A deferred row is never lost: written before the transaction commits (a savepoint's
    release also comes here: those rows wait for the end of the batch)."""
    if not session.in_nested_transaction():
        flush_deferred(session)


# Deferred inserts: rows many ops of one push write (reconciliation and settlement lines, the
# store's and the settlement's record of each sale) are collected and written in one
# executemany per table when the batch ends, instead of one statement per op. An op whose
# savepoint rolls back drops its own rows (`deferred_mark` / `discard_deferred`). A row given
# with its primary `key` counts as present for `exists` from the moment it is deferred (the
# second op of a batch naming the same sale finds the first one's). An op that reads such rows
# by anything else than their key has them written first, outside its savepoint (the push's
# `reads_back`, central/services/op_handlers.py). A session marked `insert_immediately` writes
# them at once instead (the push's slow path, when the database refuses the bulk insert: then
# the refusal is the one op's, as without deferral).
_DEFERRED = "central_deferred_inserts"
_DEFERRED_KEYS = "central_deferred_keys"
_IMMEDIATE = "central_insert_immediately"


def insert_immediately(session: Session) -> None:
    session.info[_IMMEDIATE] = True


def defer_insert(session: Session, table: Any, row: dict[str, Any], key: tuple[Any, ...] | None = None) -> None:
    if key is not None:
        _forget_absent_key(session, table, key)
    if session.info.get(_IMMEDIATE):
        session.execute(insert(table), [row])
        return
    session.info.setdefault(_DEFERRED, []).append((table, row, key))
    if key is not None:
        session.info.setdefault(_DEFERRED_KEYS, set()).add((table, key))


def deferred_mark(session: Session) -> int:
    return len(session.info.get(_DEFERRED, ()))


def discard_deferred(session: Session, mark: int) -> None:
    pending = session.info.get(_DEFERRED, [])
    keys: set[Any] = session.info.get(_DEFERRED_KEYS, set())
    for table, _row, key in pending[mark:]:
        keys.discard((table, key))
    del pending[mark:]


def flush_deferred(session: Session) -> None:
    """Write the deferred rows, one executemany per table, in the order they came."""
    pending = session.info.pop(_DEFERRED, [])
    session.info.pop(_DEFERRED_KEYS, None)  # in the database now: `exists` asks it
    by_table: dict[Any, list[dict[str, Any]]] = {}
    for table, row, _key in pending:
        by_table.setdefault(table, []).append(row)
    for table, rows in by_table.items():
        bulk_insert(session, table, rows)


def bulk_insert(session: Session, table: Any, rows: list[dict[str, Any]]) -> None:
    """Many rows of one table in one statement, through the session's transaction: COPY on
    PostgreSQL (psycopg), the table's own insert as one executemany elsewhere (an ORM bulk insert
    would split the rows into one statement per run of rows with the same columns not None).

    COPY costs PostgreSQL and the driver a fraction of an INSERT per row (a push of 500 ops:
    PostgreSQL's CPU per op from 0.068 to 0.05 ms, the platform's from 0.23 to 0.17,
    bench/sync_push_pg.py). The values pass through the columns' own bind processing (UTC
    times; a naive time is refused), a column the rows leave out gets its scalar default, and a
    failure is raised as the SQLAlchemy error an insert would raise (IntegrityError, DataError,
    StatementError; a lost connection is invalidated). Every row gives the same columns (an
    executemany takes the first row's and would drop what later rows add)."""
    if not rows:
        return
    first = rows[0].keys()
    if any(row.keys() != first for row in rows):
        raise ValueError(f"rows of {getattr(table, '__tablename__', table)} give different columns")
    core = getattr(table, "__table__", table)
    connection = session.connection()
    dialect = connection.dialect
    columns = _copy_columns(core, rows) if (dialect.name, dialect.driver) == ("postgresql", "psycopg") else None
    if columns is None:
        session.execute(insert(core), rows)
        return
    quote = dialect.identifier_preparer.quote
    sql = (f"COPY {dialect.identifier_preparer.format_table(core)} "
           f"({', '.join(quote(column.name) for column, _ in columns)}) FROM STDIN")
    processors = [column.type.dialect_impl(dialect).bind_processor(dialect) for column, _ in columns]
    driver = connection.connection.driver_connection
    try:
        with driver.cursor() as cursor, cursor.copy(sql) as copy:  # type: ignore[union-attr]
            for row in rows:
                values = [row[column.name] if column.name in row else default for column, default in columns]
                copy.write_row([value if process is None else process(value)
                                for value, process in zip(values, processors, strict=True)])
    except dialect.loaded_dbapi.Error as exc:
        lost = dialect.is_disconnect(exc, driver, None)
        if lost:
            connection.invalidate(exc)
        raise DBAPIError.instance(sql, None, exc, dialect.loaded_dbapi.Error, connection_invalidated=lost,
                                  dialect=dialect) from exc
    except (ValueError, TypeError) as exc:  # a value a column's bind processing refused
        raise StatementError(str(exc), sql, None, exc) from exc


def _copy_columns(table: Any, rows: list[dict[str, Any]]) -> list[tuple[Any, Any]] | None:
    """(column, value when a row leaves it out) for COPY: the columns the rows give, and those
    with a scalar default; None when a column left out has a default only an INSERT can apply
    (a function, SQL): then the rows go through the insert."""
    given = rows[0].keys()
    columns = []
    for column in table.columns:
        default = column.default
        if column.name in given:
            columns.append((column, None))  # every row gives it (bulk_insert checks)
        elif default is not None:
            if not default.is_scalar:
                return None
            columns.append((column, default.arg))
    return columns


# Known rows: a push looks up, op by op, rows that are almost never there (a sale pushed a
# second time, a member the platform does not know). `prefetch` loads the keys a whole batch
# names in one query: the rows found stay in the session (held until it closes, so the
# identity map answers for them), the keys not found are remembered as absent, and `lookup`
# and `exists` answer from both without a round trip. An absent key is forgotten as soon as a
# row with that key is added to the session or deferred (the second op of a batch naming the
# same sale finds the first one's), and every absent key is forgotten after a database
# refusal (`forget_absent`: a concurrent transaction may have written one since; the retry
# asks the database). Only for rows written through the session or `defer_insert` with their
# key: a row inserted otherwise would not forget its key.
_ABSENT = "central_known_absent"
_HELD = "central_prefetched"
_PREFETCH_CHUNK = 500


def prefetch(session: Session, model: type[T], keys: Iterable[tuple[Any, ...]]) -> list[T]:
    """Load the rows of `model` with these primary keys (in the mapper's column order) at once;
    returns the rows found (of the keys not known already)."""
    absent: dict[type[Any], set[tuple[Any, ...]]] = session.info.setdefault(_ABSENT, {})
    known = absent.setdefault(model, set())
    wanted = sorted({tuple(key) for key in keys} - known)
    columns = inspect(model).primary_key
    held: list[Any] = session.info.setdefault(_HELD, [])
    loaded: list[T] = []
    for start in range(0, len(wanted), _PREFETCH_CHUNK):
        chunk = wanted[start:start + _PREFETCH_CHUNK]
        rows = list(session.scalars(select(model).where(_key_in(columns, chunk))))
        held.extend(rows)
        loaded.extend(rows)
        found = {tuple(inspect(row).identity or ()) for row in rows}
        known.update(key for key in chunk if key not in found)
    return loaded


def _key_in(columns: Sequence[Any], keys: list[tuple[Any, ...]]) -> Any:
    """Primary key in `keys`, as an index range per leading part: `store_id = S AND sale_id IN
    (...)` for a batch's sales of one store. A row-value list, `(store_id, sale_id) IN ((...),
    ...)`, SQLite answers by scanning the table, and PostgreSQL planned it, under the push
    bench's load, as a scan testing every pair of the list on every row: 150 ms a batch at
    20,000 sales, growing with the table (measured with pg_stat_statements)."""
    *leading, last = columns
    by_leading: dict[tuple[Any, ...], list[Any]] = {}
    for key in keys:
        by_leading.setdefault(tuple(key[:-1]), []).append(key[-1])
    return or_(*(and_(*(column == value for column, value in zip(leading, prefix, strict=True)), last.in_(lasts))
                 for prefix, lasts in by_leading.items()))


def lookup(session: Session, model: type[T], key: tuple[Any, ...]) -> T | None:
    """`session.get(model, key)`, without a round trip for a key `prefetch` found absent (a
    row still deferred is not returned: use `exists`)."""
    if key in session.info.get(_ABSENT, {}).get(model, ()):
        return None
    return session.get(model, key)


def exists(session: Session, model: type[Any], key: tuple[Any, ...]) -> bool:
    """Whether a row of `model` with this primary key is in the database or deferred."""
    if (model, key) in session.info.get(_DEFERRED_KEYS, ()):
        return True
    return lookup(session, model, key) is not None


def forget_absent(session: Session) -> None:
    session.info.pop(_ABSENT, None)


def _forget_absent_key(session: Session, model: Any, key: tuple[Any, ...]) -> None:
    known = session.info.get(_ABSENT, {}).get(model)
    if known:
        known.discard(key)


def _on_pending(session: Session, instance: Any) -> None:
    if type(instance) in session.info.get(_ABSENT, {}):
        mapper = inspect(type(instance))
        key = tuple(getattr(instance, mapper.get_property_by_column(c).key) for c in mapper.primary_key)
        _forget_absent_key(session, type(instance), key)


@contextmanager
def transaction(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any exception."""
    with factory() as session, session.begin():
        yield session

"""The batch journal: one SQLite row per item, written before the step that depends on it.

SQLite from the standard library, in WAL mode with ``synchronous=FULL``, so a
committed step survives a crash or a power cut; each step is one
transaction. One connection is shared under a lock (worker threads of the
sync runner, or tasks of the async one, whose calls are short). The schema
is documented in the README ("Batches").
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Generator, Iterable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    input TEXT NOT NULL,
    phase TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    intent_at TEXT,
    prediction_id TEXT,
    status TEXT,
    output TEXT,
    saved TEXT,
    error TEXT,
    predict_time REAL
);
"""


class Phase(StrEnum):
    """Where an item stands; each is a state the plan knows how to continue from."""

    #: Listed, never started.
    PENDING = "pending"
    #: A create is about to go out (or went out): its id may be unknown.
    INTENT = "intent"
    #: The prediction exists: ``prediction_id`` is known, not finished yet.
    CREATED = "created"
    #: Finished: ``status`` is final, outputs saved (``saved``) or ``error`` says why not.
    DONE = "done"
    #: Its prediction was canceled by an interrupt of the batch: it runs again.
    INTERRUPTED = "interrupted"


@dataclass(frozen=True)
class Row:
    """One item as the journal has it."""

    key: str
    position: int
    input: dict[str, Any]
    phase: Phase
    attempts: int
    intent_at: datetime | None
    prediction_id: str | None
    status: str | None
    output: Any
    saved: list[str] | None
    error: str | None
    predict_time: float | None


class Journal:
    """The journal file of one batch (created if absent)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=FULL")
        self._db.executescript(_SCHEMA)
        with self._step() as db:
            db.execute(
                "INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
            )
        version = self._meta("schema_version")
        if version != str(SCHEMA_VERSION):
            self.close()
            raise ValueError(
                f"{self.path}: journal schema version {version}, this library writes "
                f"{SCHEMA_VERSION}"
            )

    def close(self) -> None:
        """Close the connection (every step is already committed)."""
        self._db.close()

    @contextmanager
    def _step(self) -> Generator[sqlite3.Connection]:
        """One transaction, committed (durably) before the caller goes on."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _meta(self, name: str) -> str | None:
        with self._lock:
            found = self._db.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return None if found is None else str(found[0])

    def claim(self, model: str) -> None:
        """Make this the journal of ``model``; ValueError if it already belongs to another."""
        with self._step() as db:
            db.execute("INSERT OR IGNORE INTO meta VALUES ('model', ?)", (model,))
        recorded = self._meta("model")
        if recorded != model:
            raise ValueError(
                f"{self.path} is the journal of a batch of {recorded!r}, not {model!r}: "
                "pass another journal path to run a batch of this model"
            )

    def add(self, items: Iterable[tuple[str, int, str]]) -> None:
        """Record (key, position, input JSON) of items not in the journal yet, as pending."""
        with self._step() as db:
            db.executemany(
                "INSERT OR IGNORE INTO items (key, position, input, phase) VALUES (?, ?, ?, ?)",
                [(key, position, text, Phase.PENDING.value) for key, position, text in items],
            )

    def rows(self) -> list[Row]:
        """Every item, in the order first listed."""
        with self._lock:
            found = self._db.execute(
                "SELECT key, position, input, phase, attempts, intent_at, prediction_id, status,"
                " output, saved, error, predict_time FROM items ORDER BY position"
            ).fetchall()
        return [_row(values) for values in found]

    def row(self, key: str) -> Row:
        """One item by key (KeyError if absent)."""
        with self._lock:
            found = self._db.execute(
                "SELECT key, position, input, phase, attempts, intent_at, prediction_id, status,"
                " output, saved, error, predict_time FROM items WHERE key = ?",
                (key,),
            ).fetchone()
        if found is None:
            raise KeyError(key)
        return _row(found)

    def intent(self, key: str, at: datetime) -> None:
        """A create is about to be sent: counted as an attempt, at ``at`` (UTC), id unknown."""
        self._update(
            key,
            "phase = ?, attempts = attempts + 1, intent_at = ?, prediction_id = NULL,"
            " status = NULL, output = NULL, saved = NULL, error = NULL, predict_time = NULL",
            Phase.INTENT.value,
            at.isoformat(),
        )

    def created(self, key: str, prediction_id: str, status: str) -> None:
        """The prediction exists: its id, known before any wait."""
        self._update(
            key,
            "phase = ?, prediction_id = ?, status = ?",
            Phase.CREATED.value,
            prediction_id,
            status,
        )

    def status(self, key: str, status: str) -> None:
        """A status change of the item's unfinished prediction."""
        self._update(key, "status = ?", status)

    def finished(
        self, key: str, status: str, output: object, predict_time: float | None, error: str | None
    ) -> None:
        """The prediction finished: final status, output, predict time, error; not saved yet."""
        self._update(
            key,
            "status = ?, output = ?, predict_time = ?, error = ?",
            status,
            json.dumps(output),
            predict_time,
            error,
        )

    def done(self, key: str) -> None:
        """The item is done, with nothing to save (no ``output_dir``, or it did not succeed)."""
        self._update(key, "phase = ?", Phase.DONE.value)

    def saved(self, key: str, saved: list[str], error: str | None) -> None:
        """A succeeded item's files: where they were saved, and why not all were (or None).

        A save that failed leaves the files saved so far and the reason; the
        next run tries again (``_batch.plan``), and a success clears the reason.
        """
        self._update(
            key, "phase = ?, saved = ?, error = ?", Phase.DONE.value, json.dumps(saved), error
        )

    def interrupted(self, key: str) -> None:
        """The batch was interrupted and the item's prediction canceled: it runs again next time."""
        self._update(key, "phase = ?", Phase.INTERRUPTED.value)

    def in_flight(self) -> list[str]:
        """The ids of predictions created and not known to have finished."""
        with self._lock:
            found = self._db.execute(
                "SELECT prediction_id FROM items WHERE phase = ? AND prediction_id IS NOT NULL",
                (Phase.CREATED.value,),
            ).fetchall()
        return [str(values[0]) for values in found]

    def known_ids(self) -> set[str]:
        """Every prediction id some item holds (a reconciliation adopts none of these twice)."""
        with self._lock:
            found = self._db.execute(
                "SELECT prediction_id FROM items WHERE prediction_id IS NOT NULL"
            ).fetchall()
        return {str(values[0]) for values in found}

    def _update(self, key: str, assignments: str, *values: object) -> None:
        with self._step() as db:
            changed = db.execute(
                f"UPDATE items SET {assignments} WHERE key = ?",
                (*values, key),
            ).rowcount
        if changed != 1:
            raise KeyError(key)


def _row(values: tuple[Any, ...]) -> Row:
    (key, position, text, phase, attempts, intent_at, prediction_id, status) = values[:8]
    output, saved, error, predict_time = values[8:]
    return Row(
        key=key,
        position=position,
        input=json.loads(text),
        phase=Phase(phase),
        attempts=attempts,
        intent_at=None if intent_at is None else datetime.fromisoformat(intent_at),
        prediction_id=prediction_id,
        status=status,
        output=None if output is None else json.loads(output),
        saved=None if saved is None else json.loads(saved),
        error=error,
        predict_time=predict_time,
    )

"""The registrations list's queries: a page at a time, searched and filtered, and one record.

Pure SQL over the store's DB-API connection, no Qt. The list shows the newest registration
first, `PAGE_SIZE` rows at a time, with keyset paging on the record id: ids are UUIDv7,
made when capture starts, so their order is the order registrations were taken, and the
primary-key index walks it newest first without reading a single registration row.

Search is by prefix over `registration_terms` (`registrations.search_terms`): the query is
turned into a key with `registrations.search_key`, and a term matches when
`term >= key AND term < key || U+10FFFF`. Two plans answer the same question, and `page`
picks one per query from a capped count of the candidates (see `_plan`):

- *few candidates* (an ID number, a phone, a reference, a rare name, a rare state): read
  them from their index and sort just those;
- *many candidates* ("s", a common family name, every waiting record): walk the id index
  newest first and test each record until a page is full; with so many matches that
  takes a few hundred steps.

Each step is a covering-index lookup on `registration_terms (record_id, term)`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from branch_client.store import indicator_facts, registrations
from branch_client.store.database import rows_by_name
from branch_client.store.states import (  # the states' vocabulary lives with their counts
    CORRECTABLE,
    JOINS,
    LATEST_SQL,
    SOURCE,
    STATE_SQL,
    STATES,
)
from sync.outbox import Outbox

PAGE_SIZE = 200

# Below this many candidates, read them from their index and sort them; above, walk the
# id index. Both plans then cost a few milliseconds on a branch of 120,000 records.
_FEW = 10_000
_TOP = "\U0010ffff"

_JOINS = JOINS + " LEFT JOIN accounts a ON a.id = r.captured_by"
# The registrations submitted on some Cambodian days, from the indicators' index.
_DAYS_SOURCE = (
    "SELECT id FROM registrations WHERE date(submitted_at, '+7 hours') BETWEEN ? AND ? AND withdrawn_at IS NULL"
)
_LIST_SELECT = (  # constant pieces below; every value is a parameter; read by column name
    "SELECT r.id AS record_id, r.reference AS reference,"  # noqa: S608
    " json_extract(r.answers, '$.family_name_km') AS family_name_km,"
    " json_extract(r.answers, '$.given_name_km') AS given_name_km,"
    " json_extract(r.answers, '$.family_name_latin') AS family_name_latin,"
    " json_extract(r.answers, '$.given_name_latin') AS given_name_latin,"
    " json_extract(r.answers, '$.business_name') AS business_name,"
    f" r.submitted_at AS submitted_at, coalesce(a.username, r.captured_by) AS captured_by, {STATE_SQL} AS state,"
    f" s.cam_ie_number AS cam_ie_number FROM registrations r{_JOINS}"
)
_LIST_ORDER = "ORDER BY r.id DESC LIMIT ?"
_DETAIL_SELECT = (  # read by column name: each column is named after its RecordDetail field
    "SELECT r.id AS record_id, r.reference AS reference, r.form_id AS form_id,"  # noqa: S608
    " r.form_version AS form_version, r.answers AS answers, r.captured_at AS captured_at,"
    f" r.submitted_at AS submitted_at, coalesce(a.username, r.captured_by) AS captured_by, {STATE_SQL} AS state,"
    " s.cam_ie_number AS cam_ie_number, s.reason_code AS reason_code, s.message_km AS message_km,"
    " s.message_en AS message_en, s.fields AS field_messages, s.duplicate_of AS duplicate_of,"
    " r.review_note AS review_note, r.withdrawn_at AS withdrawn_at, r.withdrawn_reason AS withdrawn_reason,"
    " r.receipt_printed_at AS receipt_printed_at, r.supersedes AS supersedes,"
    " (SELECT c.id FROM registrations c WHERE c.supersedes = r.id LIMIT 1) AS superseded_by"
    f" FROM registrations r{_JOINS} WHERE r.id = ?"
)
_NOT_SUPERSEDED = LATEST_SQL
_HAS_TERM = "EXISTS (SELECT 1 FROM registration_terms t WHERE t.record_id = r.id AND t.term >= ? AND t.term < ?)"


@dataclass(frozen=True)
class ListFilter:
    """What the list shows: a search-as-you-type query, one state (None: all), and only the
    latest version of each registration (a record replaced by a correction is hidden).

    The home page opens the list on what one of its numbers counts: `days` (first and last
    Cambodian day, ISO) with the owner's `sex` (indicator_facts.SEXES) and `captured_by`
    (an account id) narrow it to `indicator_facts.counted_on`, the clause that number
    was counted with."""

    query: str = ""
    state: str | None = None
    latest_only: bool = True
    days: tuple[str, str] | None = None
    sex: str | None = None
    captured_by: str | None = None

    @property
    def key(self) -> str:
        """The query as a search key ("" matches everything)."""
        return registrations.search_key(self.query) if self.query.strip() else ""


@dataclass(frozen=True)
class ListRow:
    """One line of the registrations list."""

    record_id: str
    reference: str
    owner_km: str
    owner_latin: str
    business_name: str
    submitted_at: str
    captured_by: str  # username
    state: str  # one of STATES
    cam_ie_number: str | None
    version: int  # 1 for an original, 2… for its corrections

    @property
    def owner_name(self) -> str:
        """Khmer script, then Latin in brackets when both exist."""
        if self.owner_km and self.owner_latin:
            return f"{self.owner_km} ({self.owner_latin})"
        return self.owner_km or self.owner_latin


@dataclass(frozen=True)
class Version:
    """One version of a registration in its chain of corrections."""

    record_id: str
    reference: str
    submitted_at: str
    state: str


@dataclass(frozen=True)
class RecordDetail:
    """Everything the read-only record view shows."""

    record_id: str
    reference: str
    form_id: str
    form_version: str
    answers: Mapping[str, Any]
    captured_at: str
    submitted_at: str
    captured_by: str  # username
    state: str
    cam_ie_number: str | None
    reason_code: str | None
    message_km: str | None
    message_en: str | None
    field_messages: Mapping[str, Mapping[str, str]]  # field -> {km, en}, from the centre
    duplicate_of: str | None
    review_note: str | None
    withdrawn_at: str | None
    withdrawn_reason: str | None
    receipt_printed_at: str | None
    supersedes: str | None
    superseded_by: str | None
    versions: Sequence[Version] = field(default_factory=tuple)
    history: Sequence[tuple[str, str, str | None, str | None]] = field(default_factory=tuple)  # Outbox.history

    @property
    def version(self) -> int:
        """1 for an original, n for its (n-1)th correction."""
        ids = [v.record_id for v in self.versions]
        return ids.index(self.record_id) + 1 if self.record_id in ids else 1

    @property
    def correctable(self) -> bool:
        """The centre rejected it or asked for a correction, and no correction exists yet."""
        return self.state in CORRECTABLE and self.superseded_by is None


def version_of(reference: str) -> int:
    """The version a reference names: `…-K` is 1, `…-K/2` is 2."""
    _, _, suffix = reference.partition("/")
    return int(suffix) if suffix.isdigit() else 1


def page(conn: Any, where: ListFilter, *, before: str | None = None, limit: int = PAGE_SIZE) -> list[ListRow]:
    """Up to `limit` rows matching `where`, newest first, after the row `before` (a record id
    of the previous page's last row; None for the first page)."""
    conditions: list[str] = []
    params: list[Any] = []
    if before is not None:
        conditions.append("r.id < ?")
        params.append(before)
    if where.latest_only:
        conditions.append(_NOT_SUPERSEDED)
    key = where.key
    if where.state is not None:
        if where.state not in STATES:
            raise ValueError(f"unknown state {where.state!r}")
        conditions.append(f"({STATE_SQL}) = ?")
        params.append(where.state)
    if where.days is not None:
        counted, counted_params = indicator_facts.counted_on(*where.days, sex=where.sex, captured_by=where.captured_by)
        conditions.append(counted)
        params += counted_params
    elif where.captured_by is not None:
        conditions.append("r.captured_by = ?")
        params.append(where.captured_by)
    source = _plan(conn, key, where.state, where.days)
    if key:
        conditions.append(_HAS_TERM)
        params += [key, key + _TOP]
    if source is not None:
        sql, source_params = source
        conditions.append(f"r.id IN ({sql})")
        params += source_params
    sql = " ".join([_LIST_SELECT, "WHERE " + " AND ".join(conditions) if conditions else "", _LIST_ORDER])
    params.append(limit)
    return [_list_row(row) for row in rows_by_name(conn.execute(sql, params))]


def plan(conn: Any, where: ListFilter) -> str:
    """Which plan `page` takes for `where`: "scan" or "candidates" (for tests and benchmarks)."""
    return "scan" if _plan(conn, where.key, where.state, where.days) is None else "candidates"


def _plan(
    conn: Any, key: str, state: str | None, days: tuple[str, str] | None = None
) -> tuple[str, tuple[Any, ...]] | None:
    """The smallest candidate source under `_FEW` rows (its SQL and parameters), or None to
    walk the id index. A capped count costs at most `_FEW` index steps."""
    sources: list[tuple[str, tuple[Any, ...]]] = []
    if key:
        sources.append(("SELECT record_id FROM registration_terms WHERE term >= ? AND term < ?", (key, key + _TOP)))
    if state is not None:
        sources.append(SOURCE[state])
    if days is not None:
        sources.append((_DAYS_SOURCE, days))
    few = _FEW
    best: tuple[int, tuple[str, tuple[Any, ...]]] | None = None
    for sql, params in sources:
        count = conn.execute(f"SELECT count(*) FROM ({sql} LIMIT ?)", [*params, few]).fetchone()[0]  # noqa: S608
        if count < few and (best is None or count < best[0]):
            best = (count, (sql, params))
    return None if best is None else best[1]


def _list_row(row: Mapping[str, Any]) -> ListRow:
    """One line of the list from a `_LIST_SELECT` row (read by column name)."""

    def words(*parts: Any) -> str:
        return " ".join(p.strip() for p in parts if isinstance(p, str) and p.strip())

    return ListRow(
        record_id=row["record_id"],
        reference=row["reference"],
        owner_km=words(row["family_name_km"], row["given_name_km"]),
        owner_latin=words(row["family_name_latin"], row["given_name_latin"]),
        business_name=words(row["business_name"]),
        submitted_at=row["submitted_at"],
        captured_by=row["captured_by"],
        state=row["state"],
        cam_ie_number=row["cam_ie_number"],
        version=version_of(row["reference"]),
    )


def state_of(conn: Any, record_id: str) -> str | None:
    """One registration's state (one of `STATES`), or None when there is no such record."""
    row = conn.execute(f"SELECT {STATE_SQL} FROM registrations r{_JOINS} WHERE r.id = ?", [record_id]).fetchone()  # noqa: S608
    return None if row is None else str(row[0])


def detail(db: Any, record_id: str) -> RecordDetail | None:
    """Everything about one registration, or None when it is not in this store.

    `db` is the session's `sqlite_utils.Database` (the versions chain is read with
    `registrations.chain`, the sync history with `Outbox.history`).
    """
    conn = db.conn
    found = rows_by_name(conn.execute(_DETAIL_SELECT, [record_id]))
    if not found:
        return None
    row = found[0]
    versions = []
    for version_id in registrations.chain(db, record_id):
        version_row = conn.execute(
            f"SELECT r.reference, r.submitted_at, {STATE_SQL} FROM registrations r{_JOINS} WHERE r.id = ?",  # noqa: S608
            [version_id],
        ).fetchone()
        if version_row is not None:
            versions.append(Version(version_id, version_row[0], version_row[1], version_row[2]))
    return RecordDetail(
        record_id=row["record_id"],
        reference=row["reference"],
        form_id=row["form_id"],
        form_version=row["form_version"],
        answers=registrations.json_object(row["answers"]),
        captured_at=row["captured_at"],
        submitted_at=row["submitted_at"],
        captured_by=row["captured_by"],
        state=row["state"],
        cam_ie_number=row["cam_ie_number"],
        reason_code=row["reason_code"],
        message_km=row["message_km"],
        message_en=row["message_en"],
        field_messages=registrations.field_messages(row["field_messages"]),
        duplicate_of=row["duplicate_of"],
        review_note=row["review_note"],
        withdrawn_at=row["withdrawn_at"],
        withdrawn_reason=row["withdrawn_reason"],
        receipt_printed_at=row["receipt_printed_at"],
        supersedes=row["supersedes"],
        superseded_by=row["superseded_by"],
        versions=tuple(versions),
        history=tuple(Outbox(conn).history(record_id)),
    )

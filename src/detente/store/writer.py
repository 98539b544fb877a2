"""The one writer: each batch (articles, their mentions, skipped documents and failures) is
committed in one transaction, so a run killed at any moment leaves whole batches only.

Idempotent: an article whose id is already stored is not written again (it counts as
skipped), and a failure is keyed by document, stage and error, so re-running the same
ingest adds nothing. Near-duplicate articles are linked to the story of the stored article
they reprint inside the same transaction (ingest/duplicates.py).
"""

from __future__ import annotations

import contextlib
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from detente.errors import Errors, StoreError
from detente.ingest import duplicates
from detente.records import Article, Event, Failure, content_id
from detente.store.aggregates import rebuild_dyad_days
from detente.store.database import Lease, initialise, writing
from detente.store.schema import ACTOR_COLUMNS

log = logging.getLogger(__name__)

ALREADY_STORED = "already stored"
MAX_CANDIDATES = 5  # reprint candidates checked per article: those sharing the most LSH bands
# (at least duplicates.MIN_SHARED_BANDS of them)


@dataclass
class Skipped:
    """A document read but not coded, and why (not English, already stored, ...)."""

    article: Article
    reason: str


@dataclass
class Batch:
    """What one commit writes: coded articles with their events, skipped documents, failures.

    `failures` pairs each Failure with where its document was read from. Articles coded on
    workers that wrote their records as Parquet parts (store/parts.py) come in `in_parts`,
    each with its number of events; `parts` are the files holding those mention rows.
    """

    coded: list[tuple[Article, list[Event]]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failures: list[tuple[Failure, str | None]] = field(default_factory=list)
    in_parts: list[tuple[Article, int]] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.coded) + len(self.skipped) + len(self.failures) + len(self.in_parts)


@dataclass
class Committed:
    """What a commit did: documents stored, skipped (by reason) and failed; mentions written."""

    stored: int = 0
    skipped: dict[str, int] = field(default_factory=dict)
    failed: int = 0
    events: int = 0

    def add(self, other: Committed) -> None:
        self.stored += other.stored
        self.failed += other.failed
        self.events += other.events
        for k, v in other.skipped.items():
            self.skipped[k] = self.skipped.get(k, 0) + v


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _actor(prefix: str, actor: Any) -> dict[str, Any]:
    return {f"{prefix}_{c}": getattr(actor, c) if actor is not None else None for c in ACTOR_COLUMNS}


def _span(prefix: str, span: tuple[int, int] | None) -> dict[str, int | None]:
    return {f"{prefix}_start": span[0] if span else None, f"{prefix}_end": span[1] if span else None}


def mention_row(event: Event, story_id: str | None, run_id: str) -> dict[str, Any]:
    """One mentions row: every field of the event record, flattened, plus story and run."""
    loc, ev = event.location, event.evidence
    return {
        "event_id": event.event_id, "article_id": event.article_id,
        "sentence_index": event.sentence_index, "sentence": event.sentence,
        **_actor("source", event.source), **_actor("target", event.target),
        "event_type": event.event_type, "mode": event.mode, "context": list(event.context),
        "cameo": event.cameo, "goldstein": event.goldstein, "quad_class": event.quad_class,
        "date": event.date, "date_precision": event.date_precision, "date_basis": event.date_basis,
        "status": event.status,
        "location_name": loc.name if loc else None, "location_country": loc.country if loc else None,
        "location_admin1": loc.admin1 if loc else None, "location_lat": loc.lat if loc else None,
        "location_lon": loc.lon if loc else None,
        "location_geonames_id": loc.geonames_id if loc else None,
        **_actor("speaker", event.speaker),
        "evidence_trigger": ev.trigger, **_span("evidence_trigger", ev.trigger_span),
        **_span("evidence_source", ev.source_span), **_span("evidence_target", ev.target_span),
        "evidence_rule": ev.rule, "confidence": event.confidence,
        "story_id": story_id, "run_id": run_id, "mutual": event.mutual,
    }


def event_from_row(row: dict[str, Any]) -> Event:
    """The event record a mentions row was written from (the inverse of `mention_row`)."""

    def actor(prefix: str) -> dict[str, Any] | None:
        d = {c: row.get(f"{prefix}_{c}") for c in ACTOR_COLUMNS}
        return d if d["text"] is not None else None

    def span(prefix: str) -> list[int] | None:
        start, end = row.get(f"{prefix}_start"), row.get(f"{prefix}_end")
        return None if start is None or end is None else [int(start), int(end)]

    location = None
    if row.get("location_name") is not None:
        location = {k: row.get(f"location_{k}")
                    for k in ("name", "country", "admin1", "lat", "lon", "geonames_id")}
    date: Any = row.get("date")
    if date is not None and not isinstance(date, str):
        date = date.isoformat()
    return Event.from_dict({
        **{k: row[k] for k in ("event_id", "article_id", "sentence_index", "sentence", "event_type",
                               "mode", "cameo", "goldstein", "quad_class", "date_precision",
                               "date_basis", "status", "confidence")},
        "context": list(row.get("context") or []),
        "mutual": bool(row.get("mutual")),
        "date": date,
        "source": actor("source"), "target": actor("target"), "speaker": actor("speaker"),
        "location": location,
        "evidence": {"trigger": row["evidence_trigger"], "rule": row.get("evidence_rule"),
                     "trigger_span": span("evidence_trigger"),
                     "source_span": span("evidence_source"),
                     "target_span": span("evidence_target")},
    })


def _table(rows: list[dict[str, Any]], types: dict[str, pa.DataType] | None = None) -> pa.Table:
    if not rows:
        return pa.table({})
    names = list(rows[0])
    types = types or {}
    return pa.table({n: pa.array([r[n] for r in rows], type=types.get(n)) for n in names})


def _unregister(con: duckdb.DuckDBPyConnection, name: str) -> None:
    """Drop a registered view; after a failed statement DuckDB refuses, and the rollback drops it."""
    with contextlib.suppress(duckdb.Error):
        con.unregister(name)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]],
            types: dict[str, pa.DataType] | None = None, ignore: bool = False) -> None:
    if not rows:
        return
    con.register("_rows", _table(rows, types))
    try:
        con.execute(f"INSERT {'OR IGNORE ' if ignore else ''}INTO {table} BY NAME SELECT * FROM _rows")
    finally:
        _unregister(con, "_rows")


class StoreWriter:
    """Writes ingest runs into the store at `path`; holds the file only while committing."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        initialise(self.path)
        self.lease = Lease(self.path)

    def close(self) -> None:
        """Let go of the store (readers and rebuild_merged can open it)."""
        self.lease.release()

    def begin_run(self, sources: Sequence[str], versions: dict[str, str]) -> str:
        """Record a new run with the versions of code, model and data; its id."""
        started = _now()
        run_id = content_id("run", started.isoformat(), *sources)
        with self.lease.transaction() as con:
            con.execute(
                """INSERT INTO runs (run_id, started_at, status, sources, code_version, model_version,
                   ontology_version, dictionary_version, patterns_version)
                   VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?)""",
                [run_id, started, " ".join(sources), versions.get("code"), versions.get("model"),
                 versions.get("ontology"), versions.get("dictionary"), versions.get("patterns")])
        return run_id

    def known(self, ids: Iterable[str]) -> set[str]:
        """Which of these article ids the store already holds (the checkpoint of earlier runs)."""
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        with self.lease.transaction() as con:
            return self._known(con, wanted)

    @staticmethod
    def _known(con: duckdb.DuckDBPyConnection, ids: list[str]) -> set[str]:
        rows = con.execute("SELECT article_id FROM articles WHERE list_contains(?, article_id)",
                           [ids]).fetchall()
        return {r[0] for r in rows}

    def commit(self, run_id: str, batch: Batch) -> Committed:
        """Write a batch in one transaction; if it fails, each document alone (a bad one fails)."""
        try:
            with self.lease.transaction() as con:
                return self._write(con, run_id, batch)
        except (duckdb.Error, StoreError) as e:
            log.warning("batch commit failed (%s); committing documents one by one", e)
        done = Committed()
        singles = ([Batch(coded=[c]) for c in batch.coded] + [Batch(skipped=[s]) for s in batch.skipped]
                   + [Batch(failures=[f]) for f in batch.failures]
                   + [Batch(in_parts=[p], parts=batch.parts) for p in batch.in_parts])
        for single in singles:
            try:
                with self.lease.transaction() as con:
                    done.add(self._write(con, run_id, single))
            except (duckdb.Error, StoreError) as e:
                art = (single.coded[0][0] if single.coded else single.in_parts[0][0] if single.in_parts
                       else single.skipped[0].article if single.skipped else None)
                if art is None:
                    raise
                failure = Failure(art.id, "store", Errors.E304.format(reason=e))
                with self.lease.transaction() as con:
                    done.add(self._write(con, run_id, Batch(failures=[(failure, art.origin)])))
        return done

    def _write(self, con: duckdb.DuckDBPyConnection, run_id: str, batch: Batch) -> Committed:
        done = Committed()
        now = _now()
        ids = ([a.id for a, _ in batch.coded] + [a.id for a, _ in batch.in_parts]
               + [s.article.id for s in batch.skipped])
        taken = self._known(con, ids)

        def fresh(article: Article) -> bool:
            if article.id in taken:
                done.skipped[ALREADY_STORED] = done.skipped.get(ALREADY_STORED, 0) + 1
                return False
            taken.add(article.id)
            return True

        coded = [(a, len(evs), evs) for a, evs in batch.coded if fresh(a)]
        coded += [(a, n, []) for a, n in batch.in_parts if fresh(a)]
        skipped = [s for s in batch.skipped if fresh(s.article)]
        stories = self._link_stories(con, [a for a, _, _ in coded])
        articles: list[dict[str, Any]] = []
        mentions: list[dict[str, Any]] = []
        bands: list[dict[str, Any]] = []
        for article, n_events, events in coded:
            sig, story_id, dup_of, sim = stories[article.id]
            articles.append(self._article_row(article, "coded", None, run_id, now, n_events,
                                              sig, story_id, dup_of, sim))
            bands.extend({"band": b, "hash": h, "article_id": article.id} for b, h in duplicates.bands(sig))
            mentions.extend(mention_row(e, story_id, run_id) for e in events)
        for s in skipped:
            articles.append(self._article_row(s.article, "skipped", s.reason, run_id, now, 0,
                                              None, None, None, None))
            done.skipped[s.reason] = done.skipped.get(s.reason, 0) + 1
        failures = [{
            "failure_id": content_id(f.document, f.stage, f.reason), "document_id": f.document,
            "source": origin, "stage": f.stage, "error": f.reason, "run_id": run_id, "failed_at": now,
        } for f, origin in batch.failures]
        _insert(con, "articles", articles, {"minhash": pa.list_(pa.uint64()), "similarity": pa.float64(),
                                            "n_events": pa.int32()})
        _insert(con, "article_bands", bands, {"band": pa.int16(), "hash": pa.uint64()})
        _insert(con, "mentions", mentions, MENTION_TYPES)
        _insert(con, "failures", failures, ignore=True)
        in_parts = {a.id: n for a, n in batch.in_parts if a.id in stories}
        loaded = self._load_parts(con, run_id, batch.parts, {a: stories[a][1] for a in in_parts})
        if loaded != sum(in_parts.values()):
            raise StoreError(Errors.E306.format(parts=", ".join(batch.parts), found=loaded,
                                                expected=sum(in_parts.values())))
        done.stored = len(coded)
        done.failed = len(failures)
        done.events = len(mentions) + loaded
        return done

    @staticmethod
    def _load_parts(con: duckdb.DuckDBPyConnection, run_id: str, parts: list[str],
                    stories: dict[str, str]) -> int:
        """Insert the mention rows of these articles from Parquet parts, with their story and
        this run; rows of articles not given (already stored) stay out. Rows inserted."""
        if not parts or not stories:
            return 0
        con.register("_stories", pa.table({"article_id": pa.array(list(stories), pa.string()),
                                           "story_id": pa.array(list(stories.values()), pa.string())}))
        try:
            row = con.execute("""
                INSERT INTO mentions BY NAME
                SELECT p.* REPLACE (s.story_id AS story_id, CAST(? AS VARCHAR) AS run_id)
                FROM read_parquet(?) p JOIN _stories s USING (article_id)""", [run_id, parts]).fetchone()
        finally:
            _unregister(con, "_stories")
        return int(row[0]) if row else 0

    @staticmethod
    def _article_row(article: Article, status: str, reason: str | None, run_id: str, now: datetime,
                     n_events: int, sig: Any, story_id: str | None, dup_of: str | None,
                     sim: float | None) -> dict[str, Any]:
        return {
            "article_id": article.id, "url": article.url, "title": article.title,
            "published": article.published, "outlet": article.outlet, "language": article.language,
            "origin": article.origin, "published_basis": article.published_basis, "text": article.text,
            "content_hash": duplicates.content_hash(article.text),
            "minhash": [int(x) for x in sig] if sig is not None else None,
            "story_id": story_id, "duplicate_of": dup_of, "similarity": sim,
            "status": status, "skip_reason": reason, "n_events": n_events,
            "run_id": run_id, "ingested_at": now,
        }

    @staticmethod
    def _link_stories(con: duckdb.DuckDBPyConnection, articles: list[Article]
                      ) -> dict[str, tuple[Any, str, str | None, float | None]]:
        """For each article: its signature, story id, the article it reprints and how closely."""
        sigs = {a.id: duplicates.signature(a.text) for a in articles}
        out: dict[str, tuple[Any, str, str | None, float | None]] = {}
        if not articles:
            return out
        rows = [{"band": b, "hash": h, "article_id": aid} for aid, s in sigs.items()
                for b, h in duplicates.bands(s)]
        con.register("_bands", _table(rows, {"band": pa.int16(), "hash": pa.uint64()}))
        try:
            found = con.execute(f"""
                SELECT c.new_id, a.article_id, a.minhash, a.story_id
                FROM (SELECT n.article_id AS new_id, b.article_id AS old_id, count(*) AS shared
                      FROM _bands n JOIN article_bands b USING (band, hash)
                      GROUP BY n.article_id, b.article_id HAVING count(*) >= {duplicates.MIN_SHARED_BANDS}
                      QUALIFY row_number() OVER (PARTITION BY new_id ORDER BY shared DESC, old_id)
                              <= {MAX_CANDIDATES}) c
                JOIN articles a ON a.article_id = c.old_id""").fetchall()
        finally:
            _unregister(con, "_bands")
        candidates: dict[str, list[tuple[str, Any, str]]] = {}
        for new_id, old_id, old_sig, old_story in found:
            candidates.setdefault(new_id, []).append((old_id, old_sig, old_story))
        band_index: dict[tuple[int, int], list[str]] = {}
        for a in articles:  # in order: an article may reprint one earlier in the same batch
            sig = sigs[a.id]
            options = list(candidates.get(a.id, []))
            my_bands = duplicates.bands(sig)
            shared = Counter(e for key in my_bands for e in band_index.get(key, []))
            for earlier, n_shared in shared.most_common(MAX_CANDIDATES):
                if n_shared < duplicates.MIN_SHARED_BANDS:
                    break
                options.append((earlier, sigs[earlier], out[earlier][1]))
            best: tuple[float, str, str] | None = None
            for old_id, old_sig, old_story in options:
                sim = duplicates.similarity(sig, old_sig)
                if sim >= duplicates.THRESHOLD and (best is None or (sim, old_id) > (best[0], best[1])):
                    best = (sim, old_id, old_story)
            out[a.id] = (sig, best[2], best[1], best[0]) if best else (sig, a.id, None, None)
            for key in my_bands:
                band_index.setdefault(key, []).append(a.id)
        return out

    def finish_run(self, run_id: str, read: int, done: Committed) -> bool:
        """Close a run with its counts; True when read = stored + skipped + failed holds in the store."""
        skipped = sum(done.skipped.values())
        with self.lease.transaction() as con:
            row = con.execute("""SELECT count(*) FILTER (WHERE status = 'coded'),
                                        count(*) FILTER (WHERE status = 'skipped')
                                 FROM articles WHERE run_id = ?""", [run_id]).fetchone()
            stored_db, skipped_db = (row or (0, 0))
            written_skips = skipped - done.skipped.get(ALREADY_STORED, 0)
            ok = (read == done.stored + skipped + done.failed and stored_db == done.stored
                  and skipped_db == written_skips)
            con.execute("""UPDATE runs SET finished_at = ?, status = 'finished', documents_read = ?,
                           documents_stored = ?, documents_skipped = ?, documents_failed = ?,
                           events_stored = ?, reconciled = ? WHERE run_id = ?""",
                        [_now(), read, done.stored, skipped, done.failed, done.events, ok, run_id])
        return ok


def _role_types(role: str) -> dict[str, pa.DataType]:
    return {f"{role}_{c}": pa.string() for c in ACTOR_COLUMNS}


# The Arrow type of every mentions column, in the order of `mention_row` and of the table: how
# rows go into the store and into Parquet parts (store/parts.py). Dates stay ISO strings, which
# DuckDB casts to DATE on insert, so both paths store the same values.
MENTION_TYPES: dict[str, pa.DataType] = {
    "event_id": pa.string(), "article_id": pa.string(), "sentence_index": pa.int32(),
    "sentence": pa.string(), **_role_types("source"), **_role_types("target"),
    "event_type": pa.string(), "mode": pa.string(), "context": pa.list_(pa.string()),
    "cameo": pa.string(), "goldstein": pa.float64(), "quad_class": pa.int32(), "date": pa.string(),
    "date_precision": pa.string(), "date_basis": pa.string(), "status": pa.string(),
    "location_name": pa.string(), "location_country": pa.string(), "location_admin1": pa.string(),
    "location_lat": pa.float64(), "location_lon": pa.float64(), "location_geonames_id": pa.int64(),
    **_role_types("speaker"), "evidence_trigger": pa.string(),
    **{f"evidence_{k}_{e}": pa.int32() for k in ("trigger", "source", "target") for e in ("start", "end")},
    "evidence_rule": pa.string(), "confidence": pa.float64(), "story_id": pa.string(), "run_id": pa.string(),
    "mutual": pa.bool_(),
}
MENTION_SCHEMA = pa.schema(list(MENTION_TYPES.items()))


MERGE_QUERY = """
    SELECT m.event_id, m.article_id, m.source_code, m.target_code, m.event_type, m.cameo, m.status,
           m.date, m.date_precision, m.story_id, a.outlet, a.published, m.location_name,
           m.location_geonames_id, m.confidence, m.sentence_index
    FROM mentions m JOIN articles a USING (article_id)
    ORDER BY coalesce(m.source_code, ''), coalesce(m.target_code, ''), m.event_type, m.cameo, m.status,
             CASE WHEN m.source_code IS NULL AND m.target_code IS NULL
                  THEN coalesce(m.story_id, m.article_id) END,
             CASE WHEN coalesce(m.date, a.published) IS NULL THEN 'undated'
                  WHEN m.date IS NOT NULL AND coalesce(m.date_precision, 'day') <> 'day'
                  THEN m.date_precision ELSE 'day' END,
             CASE WHEN coalesce(m.date, a.published) IS NULL THEN coalesce(m.story_id, m.article_id)
                  WHEN m.date IS NOT NULL AND coalesce(m.date_precision, 'day') <> 'day'
                  THEN CAST(m.date AS VARCHAR) ELSE '' END
"""

EVENTS_FROM_CORE = """
    INSERT INTO events BY NAME
    SELECT c.merged_id, m.source_code, m.source_country, m.source_sector, m.source_name,
           m.target_code, m.target_country, m.target_sector, m.target_name, m.event_type, m.mode,
           m.context, m.cameo, m.goldstein, m.quad_class, c.date, m.date_precision, m.status,
           m.location_name, m.location_country, m.location_admin1, m.location_lat, m.location_lon,
           m.location_geonames_id, c.num_mentions, c.num_articles, c.num_sources, c.num_stories,
           c.first_seen, c.last_seen, m.event_id AS best_event_id, m.article_id AS best_article_id,
           m.sentence, m.evidence_trigger, a.url, m.confidence, m.mutual
    FROM _core c JOIN mentions m ON m.event_id = c.best_event_id
    JOIN articles a ON a.article_id = m.article_id
"""

ACTORS_FROM_MENTIONS = """
    INSERT INTO actors
    SELECT code, mode(name), mode(country), mode(sector), mode(wikidata), count(*), min(published),
           max(published)
    FROM (
        SELECT m.source_code AS code, m.source_name AS name, m.source_country AS country,
               m.source_sector AS sector, m.source_wikidata AS wikidata, a.published
        FROM mentions m JOIN articles a USING (article_id)
        UNION ALL
        SELECT m.target_code, m.target_name, m.target_country, m.target_sector, m.target_wikidata,
               a.published
        FROM mentions m JOIN articles a USING (article_id)
    ) WHERE code IS NOT NULL
    GROUP BY code
"""

MERGE_CHUNK = 20_000


def rebuild_merged(path: str | Path, window_days: int | None = None) -> int:
    """Rebuild events, event_mentions and actors from all mentions (merge.py); events made.

    One transaction: readers see the old merged tables until the new ones are committed.
    Mentions are streamed in group order, so memory is bounded by the largest group.
    """
    from detente import merge

    window = merge.WINDOW_DAYS if window_days is None else window_days
    n_events = 0
    with writing(path) as con:
        for table in ("events", "event_mentions", "actors"):
            con.execute(f"DELETE FROM {table}")
        cursor = con.cursor()
        cursor.execute(MERGE_QUERY)
        names = [d[0] for d in cursor.description or []]

        def items() -> Iterable[merge.MergeItem]:
            while rows := cursor.fetchmany(MERGE_CHUNK):
                yield from (merge.MergeItem.from_row(dict(zip(names, r, strict=True))) for r in rows)

        core: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []

        def flush() -> None:
            _insert(con, "event_mentions", links)
            con.register("_core", _table(core, {"date": pa.date32(), "first_seen": pa.date32(),
                                                "last_seen": pa.date32()}))
            try:
                con.execute(EVENTS_FROM_CORE)
            finally:
                _unregister(con, "_core")
            core.clear()
            links.clear()

        for members in merge.merge_sorted(items(), window):
            mid = merge.merged_id(members)
            c = merge.counts(members)
            core.append({"merged_id": mid, "best_event_id": merge.best_mention(members).event_id,
                         "date": c.date, "num_mentions": c.num_mentions, "num_articles": c.num_articles,
                         "num_sources": c.num_sources, "num_stories": c.num_stories,
                         "first_seen": c.first_seen, "last_seen": c.last_seen})
            links.extend({"merged_id": mid, "event_id": m.event_id} for m in members)
            n_events += 1
            if len(core) >= MERGE_CHUNK:
                flush()
        if core:
            flush()
        cursor.close()
        con.execute(ACTORS_FROM_MENTIONS)
        rebuild_dyad_days(con)
    return n_events

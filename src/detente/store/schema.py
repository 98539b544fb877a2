"""The store's schema, built by numbered migrations (named functions, each in one transaction).

`schema_version` records every migration applied. A migration is never edited once
released: later changes are new migrations that only add tables or columns.

Tables (see store/README.md for every column):
  articles        one row per document stored or skipped (with the skip reason)
  article_bands   MinHash LSH bands of each article, for near-duplicate (reprint) lookup
  mentions        one row per coded event record (records.Event flattened), with story and run
  events          mentions merged across articles (merge.py), GDELT-style counts and best evidence
  event_mentions  which mentions make up which merged event
  actors          every actor code seen in mentions, with its name and counts
  failures        documents that failed at some stage (read, language, parse, code, store)
  runs            one row per ingest run: versions of code, model and data; reconciliation counts
  dyad_days       events per directed country dyad, day, type and quad class (store/aggregates.py)
  actor_countries every (actor code, country) pair among the merged events' sources and targets
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb

from detente.errors import Errors, StoreError

ACTOR_COLUMNS = ("text", "code", "country", "sector", "name", "wikidata")


def _actor_columns(role: str) -> str:
    return ", ".join(f"{role}_{c} VARCHAR" for c in ACTOR_COLUMNS)


def create_core_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 1: runs, articles, article bands, mentions, failures."""
    con.execute("""
        CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY,
            started_at TIMESTAMP NOT NULL,
            finished_at TIMESTAMP,
            status VARCHAR NOT NULL,            -- running, finished (a killed run stays running)
            sources VARCHAR,                    -- what was ingested, as given
            code_version VARCHAR,               -- detente version
            model_version VARCHAR,              -- nlp.model_version()
            ontology_version VARCHAR,           -- coding.ontology.ontology_version()
            dictionary_version VARCHAR,         -- actors.dictionary.data_version()
            patterns_version VARCHAR,           -- coding.patterns.patterns_version()
            documents_read INTEGER,
            documents_stored INTEGER,
            documents_skipped INTEGER,
            documents_failed INTEGER,
            events_stored INTEGER,
            reconciled BOOLEAN                  -- read = stored + skipped + failed
        )""")
    con.execute("""
        CREATE TABLE articles (
            article_id VARCHAR PRIMARY KEY,     -- the document's id, else its URL, else a content hash
            url VARCHAR,
            title VARCHAR,
            published DATE,
            outlet VARCHAR,
            language VARCHAR,
            origin VARCHAR,                     -- where it was read: path, path:line, WARC record, URL
            published_basis VARCHAR,
            text VARCHAR,
            content_hash VARCHAR,               -- hash of the normalised text
            minhash UBIGINT[],                  -- MinHash signature (ingest/duplicates.py)
            story_id VARCHAR,                   -- the first article of its near-duplicate group
            duplicate_of VARCHAR,               -- the stored article it reprints, or null
            similarity DOUBLE,                  -- estimated Jaccard similarity to duplicate_of
            status VARCHAR NOT NULL,            -- coded or skipped
            skip_reason VARCHAR,
            n_events INTEGER,
            run_id VARCHAR,
            ingested_at TIMESTAMP
        )""")
    con.execute("""
        CREATE TABLE article_bands (
            band SMALLINT NOT NULL,
            hash UBIGINT NOT NULL,
            article_id VARCHAR NOT NULL
        )""")
    con.execute(f"""
        CREATE TABLE mentions (
            event_id VARCHAR PRIMARY KEY,       -- records.Event.event_id
            article_id VARCHAR NOT NULL,
            sentence_index INTEGER,
            sentence VARCHAR,
            {_actor_columns("source")},
            {_actor_columns("target")},
            event_type VARCHAR,
            mode VARCHAR,
            context VARCHAR[],
            cameo VARCHAR,
            goldstein DOUBLE,
            quad_class INTEGER,
            date DATE,
            date_precision VARCHAR,
            date_basis VARCHAR,
            status VARCHAR,
            location_name VARCHAR,
            location_country VARCHAR,
            location_admin1 VARCHAR,
            location_lat DOUBLE,
            location_lon DOUBLE,
            location_geonames_id BIGINT,
            {_actor_columns("speaker")},
            evidence_trigger VARCHAR,
            evidence_trigger_start INTEGER,
            evidence_trigger_end INTEGER,
            evidence_source_start INTEGER,
            evidence_source_end INTEGER,
            evidence_target_start INTEGER,
            evidence_target_end INTEGER,
            evidence_rule VARCHAR,
            confidence DOUBLE,
            story_id VARCHAR,
            run_id VARCHAR
        )""")
    con.execute("""
        CREATE TABLE failures (
            failure_id VARCHAR PRIMARY KEY,     -- hash of document, stage and error: reruns add nothing
            document_id VARCHAR NOT NULL,
            source VARCHAR,                     -- where it was read from
            stage VARCHAR NOT NULL,             -- read, language, parse, code, store
            error VARCHAR NOT NULL,
            run_id VARCHAR,
            failed_at TIMESTAMP
        )""")


def create_merged_tables(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 2: merged events, their mentions, and actors (rebuilt after every run)."""
    con.execute("""
        CREATE TABLE events (
            merged_id VARCHAR NOT NULL,
            source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR, source_name VARCHAR,
            target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR, target_name VARCHAR,
            event_type VARCHAR,
            mode VARCHAR,
            context VARCHAR[],
            cameo VARCHAR,
            goldstein DOUBLE,
            quad_class INTEGER,
            date DATE,
            date_precision VARCHAR,
            status VARCHAR,
            location_name VARCHAR,
            location_country VARCHAR,
            location_admin1 VARCHAR,
            location_lat DOUBLE,
            location_lon DOUBLE,
            location_geonames_id BIGINT,
            num_mentions INTEGER,               -- event records merged
            num_articles INTEGER,               -- distinct articles
            num_sources INTEGER,                -- distinct outlets
            num_stories INTEGER,                -- distinct stories (reprints count once)
            first_seen DATE,                    -- earliest publication date of its articles
            last_seen DATE,
            best_event_id VARCHAR,              -- the mention chosen as evidence
            best_article_id VARCHAR,
            sentence VARCHAR,
            evidence_trigger VARCHAR,
            url VARCHAR,
            confidence DOUBLE
        )""")
    con.execute("""
        CREATE TABLE event_mentions (
            merged_id VARCHAR NOT NULL,
            event_id VARCHAR NOT NULL
        )""")
    con.execute("""
        CREATE TABLE actors (
            code VARCHAR NOT NULL,
            name VARCHAR,
            country VARCHAR,
            sector VARCHAR,
            wikidata VARCHAR,
            num_mentions INTEGER,
            first_seen DATE,
            last_seen DATE
        )""")


def create_dyad_days(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 3: daily event counts per directed country dyad, for fast dyad series."""
    con.execute("""
        CREATE TABLE dyad_days (
            source_country VARCHAR NOT NULL,
            target_country VARCHAR NOT NULL,
            date DATE NOT NULL,                 -- the event's date, else its first publication
            event_type VARCHAR,
            quad_class INTEGER,
            events INTEGER NOT NULL,            -- merged events
            goldstein_sum DOUBLE                -- sum of their Goldstein scores
        )""")


def add_scored_and_actor_countries(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 4: dyad_days counts the events with a Goldstein score (for exact means), and
    actor_countries lists the (code, country) pairs of merged events, so that a reader can tell
    when an actor filter means exactly one country and the dyad aggregate answers it."""
    con.execute("ALTER TABLE dyad_days ADD COLUMN scored INTEGER")  # events with a Goldstein score
    con.execute("""
        CREATE TABLE actor_countries (
            code VARCHAR,                       -- an actor code of a merged event's source or target
            country VARCHAR                     -- that actor's country (null for none)
        )""")
    con.execute("DELETE FROM dyad_days")  # refilled with the new column, as rebuild_merged does
    con.execute("""
        INSERT INTO dyad_days
        SELECT source_country, target_country, coalesce(date, first_seen) AS day, event_type, quad_class,
               count(*)::INTEGER, sum(goldstein), count(goldstein)::INTEGER
        FROM events
        WHERE source_country IS NOT NULL AND target_country IS NOT NULL
          AND coalesce(date, first_seen) IS NOT NULL
        GROUP BY ALL
        ORDER BY source_country, target_country, day, event_type, quad_class""")
    con.execute("""
        INSERT INTO actor_countries
        SELECT DISTINCT source_code, source_country FROM events
        UNION SELECT DISTINCT target_code, target_country FROM events""")


def add_mutual(con: duckdb.DuckDBPyConnection) -> None:
    """Migration 5: `mutual` on mentions and merged events: a symmetric act both parties do
    together (talks, a summit, a deal both sign) is one record standing for both directions."""
    con.execute("ALTER TABLE mentions ADD COLUMN mutual BOOLEAN DEFAULT false")
    con.execute("ALTER TABLE events ADD COLUMN mutual BOOLEAN DEFAULT false")
    # a mutual event counts in both directed dyads; its second row is marked, so that a series of
    # both directions counts it once
    con.execute("ALTER TABLE dyad_days ADD COLUMN mirrored BOOLEAN DEFAULT false")


@dataclass(frozen=True)
class Migration:
    """One numbered schema step."""

    version: int
    apply: Callable[[duckdb.DuckDBPyConnection], None]

    @property
    def name(self) -> str:
        return self.apply.__name__


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, create_core_tables),
    Migration(2, create_merged_tables),
    Migration(3, create_dyad_days),
    Migration(4, add_scored_and_actor_countries),
    Migration(5, add_mutual),
)


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied (0 for a new database)."""
    con.execute("""CREATE TABLE IF NOT EXISTS schema_version (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)""")
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def knows_mutual(con: duckdb.DuckDBPyConnection) -> bool:
    """Whether a store records mutual events (migration 5); a reader of an older store, which it
    may not migrate, reads every event as directed."""
    try:
        row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    except duckdb.CatalogException:
        return False
    return bool(row and row[0] is not None and row[0] >= 5)


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration not yet applied, each in its own transaction; names applied."""
    applied: list[str] = []
    version = current_version(con)
    if version > MIGRATIONS[-1].version:
        raise StoreError(Errors.E301.format(version=version, known=MIGRATIONS[-1].version))
    for m in MIGRATIONS:
        if m.version <= version:
            continue
        con.execute("BEGIN TRANSACTION")
        try:
            m.apply(con)
            con.execute("INSERT INTO schema_version VALUES (?, ?, now())", [m.version, m.name])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
        applied.append(m.name)
    return applied

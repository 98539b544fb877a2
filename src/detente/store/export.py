"""Exports of the merged events: GDELT 2.0 event table, PLOVER/POLECAT-style JSON, Parquet, CSV.

GDELT: the 61 columns of the GDELT 2.0 event table in their order, tab-separated, no
header (as GDELT ships them). Fields detente does not produce (ethnic and religion codes,
tone, FIPS geography codes, actor-level places) are left empty. GLOBALEVENTID is the
merged id read as a number (its first 15 hex digits), so it fits a 64-bit integer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from detente.output import tsv_cell
from detente.store.database import reading

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
KNOWN_GROUP_PREFIXES = ("IGO", "NGO", "IMG", "MNC")
FORMATS = ("gdelt", "plover", "parquet", "csv")
TABLES = ("events", "mentions")

EXPORT_QUERY = """
    SELECT e.*, m.sentence_index, a.ingested_at, a.outlet, a.published, a.language
    FROM events e LEFT JOIN mentions m ON m.event_id = e.best_event_id
    LEFT JOIN articles a ON a.article_id = e.best_article_id
    ORDER BY coalesce(e.date, e.first_seen), e.merged_id
"""


def _rows(db: str | Path, chunk: int = 10_000) -> Iterator[dict[str, Any]]:
    with reading(db) as con:
        cur = con.execute(EXPORT_QUERY)
        names = [d[0] for d in cur.description or []]
        while rows := cur.fetchmany(chunk):
            yield from (dict(zip(names, r, strict=True)) for r in rows)


def _cell(v: Any) -> str:
    """A GDELT cell: floats in their shortest form, text as one TSV cell."""
    return tsv_cell(f"{v:g}" if isinstance(v, float) else v)


def _geo_type(r: dict[str, Any]) -> int | None:
    """GDELT geo type: 1 country, 4 a place within a country (detente has no US-state types)."""
    if not r.get("location_name"):
        return None
    return 1 if r.get("location_lat") is None and r.get("location_admin1") is None else 4


def gdelt_row(r: dict[str, Any]) -> list[Any]:
    """One event as the 61 GDELT 2.0 event columns."""
    day: dt.date | None = r["date"] or r["first_seen"]
    cameo = r["cameo"] or ""

    def actor(role: str) -> list[Any]:
        code = r[f"{role}_code"]
        group = code[:3] if code and code[:3] in KNOWN_GROUP_PREFIXES else None
        return [code, r[f"{role}_name"], r[f"{role}_country"], group, None, None, None,
                r[f"{role}_sector"], None, None]

    geo = _geo_type(r)
    action_geo = [geo, r["location_name"], None, None, None, r["location_lat"], r["location_lon"],
                  r["location_geonames_id"]] if geo else [None] * 8
    added = r.get("ingested_at")
    row = [
        int(r["merged_id"][:15], 16),
        day.strftime("%Y%m%d") if day else None,
        day.strftime("%Y%m") if day else None,
        day.year if day else None,
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else None,
        *actor("source"), *actor("target"),
        1 if (r.get("sentence_index") or 0) == 0 else 0,
        cameo, cameo[:3], cameo[:2], r["quad_class"], r["goldstein"],
        r["num_mentions"], r["num_sources"], r["num_articles"], None,
        *([None] * 8), *([None] * 8), *action_geo,
        added.strftime("%Y%m%d%H%M%S") if added else None,
        r["url"],
    ]
    assert len(row) == len(GDELT_COLUMNS)
    return row


def write_gdelt(db: str | Path, out: TextIO) -> int:
    """Events as GDELT 2.0 event rows (tab-separated, no header); rows written."""
    n = 0
    for r in _rows(db):
        out.write("\t".join(_cell(v) for v in gdelt_row(r)) + "\n")
        n += 1
    return n


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, dt.date) else v


def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """One event as a PLOVER/POLECAT-style object (snake_case POLECAT field names)."""
    def actor(role: str, prefix: str) -> dict[str, Any]:
        return {f"{prefix}_name": r[f"{role}_name"], f"{prefix}_code": r[f"{role}_code"],
                f"{prefix}_country": r[f"{role}_country"], f"primary_{prefix}_sector": r[f"{role}_sector"]}

    return {
        "event_id": r["merged_id"],
        "event_date": _iso(r["date"]),
        "event_date_precision": r["date_precision"],
        "event_type": r["event_type"],
        "event_mode": r["mode"],
        "contexts": list(r["context"] or []),
        "event_intensity": r["goldstein"],
        "quad_code": r["quad_class"],
        "cameo": r["cameo"],
        "status": r["status"],
        "mutual": bool(r.get("mutual")),
        **actor("source", "actor"),
        **actor("target", "recipient"),
        "placename": r["location_name"],
        "province": r["location_admin1"],
        "country": r["location_country"],
        "latitude": r["location_lat"],
        "longitude": r["location_lon"],
        "geonames_id": r["location_geonames_id"],
        "source": r.get("outlet"),
        "publication_date": _iso(r.get("published")),
        "language": r.get("language"),
        "num_mentions": r["num_mentions"],
        "num_articles": r["num_articles"],
        "num_sources": r["num_sources"],
        "num_stories": r["num_stories"],
        "first_seen": _iso(r["first_seen"]),
        "last_seen": _iso(r["last_seen"]),
        "evidence": {"article_id": r["best_article_id"], "mention_id": r["best_event_id"],
                     "sentence": r["sentence"], "trigger": r["evidence_trigger"], "url": r["url"]},
        "confidence": r["confidence"],
    }


def write_plover(db: str | Path, out: TextIO) -> int:
    """Events as PLOVER/POLECAT-style JSON, one object per line; records written."""
    n = 0
    for r in _rows(db):
        out.write(json.dumps(plover_record(r), ensure_ascii=False) + "\n")
        n += 1
    return n


def write_parquet(db: str | Path, out: str | Path, table: str = "events") -> int:
    """A table as Parquet files partitioned by year and month (hive style: year=2018/month=1)."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")
    day = "coalesce(date, first_seen)" if table == "events" else "date"
    with reading(db) as con:
        n = (con.execute(f"SELECT count(*) FROM {table}").fetchone() or (0,))[0]
        con.execute(f"""COPY (SELECT *, year({day}) AS year, month({day}) AS month FROM {table})
                        TO '{_quote(out)}' (FORMAT parquet, PARTITION_BY (year, month),
                        OVERWRITE_OR_IGNORE true)""")
    return int(n)


def write_csv(db: str | Path, out: str | Path, table: str = "events") -> int:
    """A table as one CSV file with a header; rows written."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}: use one of {', '.join(TABLES)}")
    with reading(db) as con:
        n = (con.execute(f"SELECT count(*) FROM {table}").fetchone() or (0,))[0]
        con.execute(f"COPY (SELECT * FROM {table}) TO '{_quote(out)}' (FORMAT csv, HEADER true)")
    return int(n)


def _quote(path: str | Path) -> str:
    return str(path).replace("'", "''")

"""detente's exception tree and numbered error messages (in the manner of spaCy's Errors)."""

from __future__ import annotations


class DetenteError(Exception):
    """Base of every error detente raises on purpose."""


class InputError(DetenteError):
    """A document could not be read: unreadable, empty, not UTF-8, not JSON, too large."""


class ConfigError(DetenteError):
    """A setting is missing or invalid."""


class StoreError(DetenteError):
    """The event store could not be opened, migrated or written."""


class QueryError(StoreError):
    """A read of the store was refused or stopped: bad parameters, or over its time limit."""


class QueryTimeout(QueryError):
    """A read of the store ran past its time limit and was interrupted."""


class Errors:
    """Numbered messages, so users can search for them and tests can match them."""

    E001 = "[E001] cannot read file: {reason}"
    E002 = "[E002] empty document"
    E003 = "[E003] not valid UTF-8 text (byte {pos})"
    E004 = "[E004] line {line} is not a JSON object: {reason}"
    E005 = "[E005] JSON object has no 'text' field"
    E006 = "[E006] document is {size} bytes, over the limit of {limit} (setting max_doc_bytes)"
    E007 = "[E007] looks like a binary file, not text"
    E008 = "[E008] unknown date '{value}': use YYYY-MM-DD"
    E009 = "[E009] no such file or directory"
    E010 = "[E010] setting {name} = {value!r} is invalid: it must be {reason}"
    E011 = "[E011] cannot read the settings file {path}: {reason}"
    E012 = "[E012] field '{field}' must be a string, not {kind}"
    E013 = "[E013] reader error: {reason}"
    E101 = "[E101] unknown CAMEO code '{code}'"
    E102 = "[E102] pattern file {file}, line {line}: {reason}"
    E103 = "[E103] actor data file {file}, line {line}: {reason}"
    E201 = "[E201] could not code the document: {reason}"
    E202 = "[E202] not English (detected {language})"
    E203 = "[E203] text is {size} characters, over the limit of {limit} (setting max_doc_chars)"
    E204 = "[E204] not coded within {seconds:g} seconds (setting doc_time_limit)"
    E205 = "[E205] could not code the document on a cluster worker: {reason}"
    E301 = "[E301] store schema version {version} is newer than this detente ({known}): upgrade detente"
    E302 = "[E302] no store at {path}: run `detente ingest` first"
    E303 = "[E303] cannot open the store {path}: {reason}"
    E304 = "[E304] could not write the batch to the store: {reason}"
    E305 = "[E305] reconciliation failed: read {read} != {stored} + {skipped} skipped + {failed} failed"
    E306 = "[E306] the Parquet part(s) {parts} hold {found} records of these documents, not {expected}"
    E401 = "[E401] cannot fetch {url}: {reason}"
    E402 = "[E402] {url} is over the size limit of {limit} bytes"
    E403 = "[E403] not a WARC file: {reason}"
    E404 = "[E404] not an RSS or Atom feed: {reason}"
    E405 = "[E405] WARC record is truncated: {missing} bytes missing"
    E406 = "[E406] no HTML or text response records in this WARC file"
    E407 = "[E407] corrupt WARC file, the rest cannot be read: {reason}"
    E501 = "[E501] the query took longer than its limit of {seconds:g} s"
    E502 = "[E502] unknown period '{value}': use day, week or month"
    E503 = "[E503] unknown actor level '{value}': use country or code"
    E601 = "[E601] unknown cluster '{spec}': use local, local:N or a scheduler address (tcp://host:8786)"
    E602 = "[E602] cannot reach the Dask scheduler at {spec}: {reason}"
    E603 = ("[E603] a cluster at {spec} needs --parts DIR: a directory that its workers and this "
            "process both see, for the Parquet parts")


class Warnings:
    """Numbered notes on a document that was coded, but not all of it."""

    W001 = ("[W001] sentence at characters {start}-{end} has over {limit} tokens "
            "(setting max_sentence_tokens): skipped")

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


class Errors:
    """Numbered messages, so users can search for them and tests can match them."""

    E001 = "[E001] cannot read file: {reason}"
    E002 = "[E002] empty document"
    E003 = "[E003] not valid UTF-8 text (byte {pos})"
    E004 = "[E004] line {line} is not a JSON object: {reason}"
    E005 = "[E005] JSON object has no 'text' field"
    E006 = "[E006] document is {size} bytes, over the limit of {limit}"
    E007 = "[E007] looks like a binary file, not text"
    E008 = "[E008] unknown date '{value}': use YYYY-MM-DD"
    E009 = "[E009] no such file or directory"
    E101 = "[E101] unknown CAMEO code '{code}'"
    E102 = "[E102] pattern file {file}, line {line}: {reason}"
    E201 = "[E201] could not code the document: {reason}"
    E202 = "[E202] not English (detected {language})"
    E203 = "[E203] could not code the document on a cluster worker: {reason}"
    E301 = "[E301] store schema version {version} is newer than this detente ({known}): upgrade detente"
    E302 = "[E302] no store at {path}: run `detente ingest` first"
    E303 = "[E303] cannot open the store {path}: {reason}"
    E304 = "[E304] could not write the batch to the store: {reason}"
    E305 = "[E305] reconciliation failed: read {read} != {stored} + {skipped} skipped + {failed} failed"
    E401 = "[E401] cannot fetch {url}: {reason}"
    E402 = "[E402] {url} is over the size limit of {limit} bytes"
    E403 = "[E403] not a WARC file: {reason}"
    E404 = "[E404] not an RSS or Atom feed: {reason}"
    E501 = "[E501] unknown cluster '{spec}': use local, local:N or a scheduler address (tcp://host:8786)"
    E502 = "[E502] cannot reach the Dask scheduler at {spec}: {reason}"

"""detente: news to political event data, coded in PLOVER and CAMEO, with evidence.

    >>> import detente
    >>> events = detente.code("North Korea accepted South Korea's offer of talks on Friday.",
    ...                       published="2018-01-06")
"""

from detente.errors import ConfigError, DetenteError, InputError, StoreError
from detente.ingest import read_documents
from detente.pipeline import Pipeline, Result, code
from detente.records import Actor, Article, Event, Evidence, Failure, Location
from detente.store.queries import read_events

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ConfigError",
    "DetenteError",
    "Event",
    "Evidence",
    "Failure",
    "InputError",
    "Location",
    "Pipeline",
    "Result",
    "StoreError",
    "__version__",
    "code",
    "read_documents",
    "read_events",
]

"""The event store: DuckDB schema by migrations, one writer, short read-only readers, exports."""

from detente.store.database import connect, initialise, reading, share_reads, stop_sharing, writing
from detente.store.schema import MIGRATIONS, migrate

__all__ = ["MIGRATIONS", "connect", "initialise", "migrate", "reading", "share_reads", "stop_sharing",
           "writing"]

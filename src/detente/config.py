"""Settings: documented defaults, overlaid by a user TOML file, then by environment variables.

Every setting has a default below. A TOML file (named by `DETENTE_CONFIG`, else
`~/.config/detente/detente.toml` when it exists) may set any of them as top-level keys:

    max_doc_bytes = 5_000_000
    max_sentence_tokens = 300
    doc_time_limit = 30

and an environment variable `DETENTE_<NAME>` (e.g. `DETENTE_MAX_DOC_BYTES=5000000`) wins over
both. An unknown key or a value of the wrong kind is a ConfigError naming it.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from detente.errors import ConfigError, Errors

ENV_PREFIX = "DETENTE_"
CONFIG_ENV = "DETENTE_CONFIG"
USER_FILE = Path("~/.config/detente/detente.toml")


@dataclass(frozen=True)
class Settings:
    """Limits that keep one bad document from stopping, stalling or swamping a batch."""

    max_doc_bytes: int = 20_000_000
    """Largest document read, in bytes: a file, a JSONL line, a WARC record. Larger ones fail (E006)."""

    max_doc_chars: int = 1_000_000
    """Longest text given to the NLP pipeline, in characters; longer documents fail (E203)."""

    max_sentence_tokens: int = 400
    """Longest sentence coded, in tokens; a longer run of text without a sentence end is
    skipped (blanked before parsing, so it costs nothing) and the document says so (W001)."""

    doc_time_limit: float = 60.0
    """Seconds to parse and code one document before it fails (E204); 0 turns the limit off.
    Enforced with a timer signal, so only on a process's main thread (the CLI, in-process runs)."""

    store_memory_mb: int = 512
    """Most memory, in MB, the store's DuckDB may take in one process (cached pages, index,
    sorts, the checkpoint that folds each commit's log into the file); beyond it DuckDB spills
    to a temporary folder beside the store. Without a limit DuckDB takes up to 80 % of the
    machine's memory, so a long ingest's writer grows with the store. 0: DuckDB's default."""

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigError(Errors.E010.format(name=f.name, value=value, reason="a number >= 0"))
        if self.max_doc_bytes == 0 or self.max_doc_chars == 0 or self.max_sentence_tokens == 0:
            raise ConfigError(Errors.E010.format(name="limits", value=0, reason="sizes must be above 0"))


def _typed(name: str, value: Any, where: str) -> Any:
    """`value` as the type of setting `name`; strings (from the environment) are converted."""
    kind = {f.name: f.type for f in fields(Settings)}[name]
    try:
        if isinstance(value, str):
            return int(value.replace("_", "")) if kind == "int" else float(value)
        if kind == "int" and isinstance(value, int) and not isinstance(value, bool):
            return value
        if kind == "float" and isinstance(value, int | float) and not isinstance(value, bool):
            return float(value)
    except ValueError:
        pass
    wanted = "an integer" if kind == "int" else "a number"
    raise ConfigError(Errors.E010.format(name=name, value=value, reason=f"{wanted} (from {where})"))


def load(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Settings from the defaults, the TOML file at `path` (or the user file) and `env`."""
    env = os.environ if env is None else env
    names = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    file = Path(path) if path is not None else Path(env[CONFIG_ENV]) if env.get(CONFIG_ENV) else None
    if file is None and USER_FILE.expanduser().is_file():
        file = USER_FILE.expanduser()
    if file is not None:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(Errors.E011.format(path=file, reason=e)) from None
        for key, value in data.items():
            if key not in names:
                raise ConfigError(Errors.E011.format(path=file, reason=f"unknown setting '{key}'"))
            values[key] = _typed(key, value, str(file))
    for name in names:
        if (ENV_PREFIX + name.upper()) in env:
            values[name] = _typed(name, env[ENV_PREFIX + name.upper()], ENV_PREFIX + name.upper())
    return Settings(**values)


_current: Settings | None = None


def settings() -> Settings:
    """The settings in force (loaded once per process, on first use)."""
    global _current
    if _current is None:
        _current = load()
    return _current


@contextmanager
def overridden(**changes: Any) -> Iterator[Settings]:
    """Settings with some values changed, for the duration of a `with` block (tests, tools)."""
    global _current
    before = settings()
    _current = replace(before, **changes)
    try:
        yield _current
    finally:
        _current = before

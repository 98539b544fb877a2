"""Ingest: read documents from files, folders, globs, JSONL, HTML, WARC, feeds, URLs or stdin."""

from detente.ingest.reader import article_from_text, expand_sources, read_documents, read_path

__all__ = ["article_from_text", "expand_sources", "read_documents", "read_path"]

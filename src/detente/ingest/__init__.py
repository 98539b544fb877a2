"""Ingest: read documents from files, folders, JSONL, HTML or stdin into Articles."""

from detente.ingest.reader import article_from_text, read_documents, read_path

__all__ = ["article_from_text", "read_documents", "read_path"]

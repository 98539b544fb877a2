"""The REST API and the web dashboard over a store: `create_app(Settings(db=...))`."""

from detente.api.app import Settings, check_store, create_app, serve

__all__ = ["Settings", "check_store", "create_app", "serve"]

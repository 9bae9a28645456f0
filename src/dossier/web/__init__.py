"""Web UI (FastAPI): every page has a JSON twin at the same path plus `.json`."""

from dossier.web.app import create_app

__all__ = ["create_app"]

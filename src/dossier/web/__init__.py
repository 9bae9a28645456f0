"""Web UI (FastAPI)."""


def create_app(db_path):
    raise NotImplementedError("the web UI is not built yet")

"""Reference central platform: FastAPI app, its own models, SQLite by default."""

"""store layer: models, engine, migrations, shared queries (docs/architecture.md)."""

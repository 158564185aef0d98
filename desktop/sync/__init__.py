"""sync layer: platform client, worker, background jobs (docs/architecture.md)."""

"""services layer: the use cases (docs/architecture.md)."""

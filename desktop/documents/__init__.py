"""documents layer: the pure document model and templates, below services (docs/architecture.md)."""

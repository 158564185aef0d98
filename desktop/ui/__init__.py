"""ui layer (docs/architecture.md, The UI layer)."""

"""printing layer: the devices and the dispatcher (docs/architecture.md, docs/printing.md)."""

"""ui layer (see DESIGN.md §3)."""

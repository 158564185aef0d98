"""printing layer (see DESIGN.md §3)."""

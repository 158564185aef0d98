"""sync layer (see DESIGN.md §3)."""

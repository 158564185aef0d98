"""store layer (see DESIGN.md §3)."""

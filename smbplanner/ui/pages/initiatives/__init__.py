"""Phase 3, Initiatives: the list, the editor and the per-initiative tabs."""

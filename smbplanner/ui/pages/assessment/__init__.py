"""Phase 2, Assessment: the page and its SWOT board."""

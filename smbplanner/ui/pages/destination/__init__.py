"""Phase 1, Destination."""

"""Phase 4, Governance: people, RACI matrix and review log."""

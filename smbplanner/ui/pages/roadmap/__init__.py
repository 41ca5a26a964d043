"""Phase 5, Roadmap & budget: the page and its timeline."""

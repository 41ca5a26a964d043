"""Phase 5, Measure: KPIs, measurements and the balanced scorecard."""

"""SMB Planner: a business-aligned IT strategy for small and medium businesses."""

__version__ = "0.1.0"

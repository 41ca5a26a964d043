"""The Priorities page: the impact × feasibility board and its parts."""

"""One page per phase of the plan."""

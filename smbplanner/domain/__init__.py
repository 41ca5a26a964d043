"""Plain dataclasses and enums of a plan, with validation. No Qt, no SQL."""

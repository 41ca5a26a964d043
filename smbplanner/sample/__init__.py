"""Sample plans: the Harbour Bakery Co. demo and a large generated plan for benchmarks."""

from smbplanner.sample.bakery import sample_plan
from smbplanner.sample.large import large_plan
from smbplanner.sample.parts import number_nested_ids

__all__ = ["large_plan", "number_nested_ids", "sample_plan"]

"""Pure functions on domain objects: cash flows, TCO, ROI, NPV, IRR, payback, scenarios,
quadrant, alignment, budget fit and plan checks (DESIGN section 4).

Nothing here imports Qt, SQL or numpy; every function takes domain objects and returns
plain values, so the figures a board sees can be tested without a display or a file.
"""

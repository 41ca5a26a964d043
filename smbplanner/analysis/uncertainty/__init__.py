"""How sure are we? Sensitivity, break-even and a range for every return (issue 21).

- ``lines``: an option's cost and benefit lines as year vectors and present values, the
  start-delay and life variations every other module uses.
- ``sensitivity``: the tornado of one initiative's NPV.
- ``breakeven``: how far benefits can fall, costs rise or the start slip before NPV is 0.
- ``ranges``: low / likely / high per line, 10,000 seeded draws, P10 / P50 / P90 and the
  probability that NPV > 0 per initiative and for a portfolio, with a cache.
- ``dump``: the ``range`` and ``portfolio_range`` entries of the JSON dump.

Pure functions on domain objects, like all of ``analysis``. numpy is imported only inside the
functions that draw (``ranges``), never when this package is imported.
"""

"""Reading numbers typed in a locale (domain/numbers.read)."""

from __future__ import annotations

import pytest


def test_read_takes_the_locales_grouping_and_decimals() -> None:
    from smbplanner.domain.numbers import Style, read

    german, french = Style(".", ","), Style("\u202f", ",")
    assert read("12.000,50", german) == "12000.50"
    assert read("12000,5", german) == "12000.5"
    assert read("-1.234.567", german) == "-1234567"
    assert read("12,000.50") == "12000.50"
    assert read("12 000,50", french) == "12000.50"  # a plain space for the narrow one
    assert read("2.5k") == "2.5k"
    for bad in ("1,2", "12,0000", ",123", "1,234.5,6"):
        with pytest.raises(ValueError):
            read(bad)


def test_count_says_one_thing_or_many() -> None:
    from smbplanner.domain.numbers import Style, count

    assert count(1, "response") == "1 response"
    assert count(0, "response") == "0 responses"
    assert count(2, "open risk") == "2 open risks"
    assert count(1200, "person", "people") == "1,200 people"
    assert count(1200, "goal", style=Style(".", ",")) == "1.200 goals"

"""The chance that an initiative pays, in words: tenths, said in fifths when they can be,
with words at the edges."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from smbplanner.analysis.uncertainty.words import chance_sentence, chance_words, tenths


@pytest.mark.parametrize(("p", "words"), [
    (1.0, "almost certain"),
    (0.95, "almost certain"),
    (0.9499, "a 9-in-10 chance"),
    (0.85, "a 9-in-10 chance"),
    (0.8499, "a 4-in-5 chance"),
    (0.8, "a 4-in-5 chance"),
    (0.7, "a 7-in-10 chance"),
    (0.6, "a 3-in-5 chance"),
    (0.55, "a 3-in-5 chance"),
    (0.5, "an even chance"),
    (0.45, "an even chance"),
    (0.4, "a 2-in-5 chance"),
    (0.3, "a 3-in-10 chance"),
    (0.25, "a 3-in-10 chance"),
    (0.2, "a 1-in-5 chance"),
    (0.15, "a 1-in-5 chance"),
    (0.1499, "a 1-in-10 chance"),
    (0.05, "a 1-in-10 chance"),
    (0.0499, "very unlikely"),
    (0.0, "very unlikely"),
])
def test_words(p: float, words: str) -> None:
    assert chance_words(p) == words


def test_sentences() -> None:
    assert chance_sentence(0.8012) == "There is a 4-in-5 chance it returns more than it costs."
    assert chance_sentence(0.5) == "There is an even chance it returns more than it costs."
    assert chance_sentence(0.9853) == "It is almost certain to return more than it costs."
    assert chance_sentence(0.0) == "It is very unlikely to return more than it costs."


@pytest.mark.parametrize("p", [-0.01, 1.01, float("nan")])
def test_not_a_chance(p: float) -> None:
    with pytest.raises(ValueError):
        chance_words(p)


@given(st.floats(0.0, 1.0), st.floats(0.0, 1.0))
def test_more_draws_above_zero_never_read_as_less_likely(a: float, b: float) -> None:
    low, high = sorted((a, b))
    assert tenths(low) <= tenths(high)
    order = ["very unlikely"] + [chance_words(n / 10) for n in range(1, 10)] + ["almost certain"]
    assert order.index(chance_words(low)) <= order.index(chance_words(high))

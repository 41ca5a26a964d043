"""The chance that an initiative pays, in plain words: "a 4-in-5 chance it returns more than
it costs".

``p_positive`` (the share of draws with NPV > 0, ``NpvRange.p_positive``) is rounded to the
nearest tenth, half up; an even number of tenths is said in fifths ("4 in 5", not "8 in 10"),
five tenths is "an even chance". The edges are words, not fractions, because "10 in 10" or
"0 in 10" would read as a certainty the draws cannot give:

- p ≥ 0.95: "almost certain";
- p < 0.05: "very unlikely".

So 0.05 → 1 in 10, 0.149 → 1 in 10, 0.15 → 1 in 5, 0.85 → 9 in 10, 0.949 → 9 in 10.
The app's Figures tab and the board pack say it the same way (``chance_sentence``, or
``chance_words`` inside a sentence of their own).
"""

from __future__ import annotations

import math

#: At or above this share of positive draws: "almost certain"; below UNLIKELY: "very unlikely".
ALMOST = 0.95
UNLIKELY = 0.05


def tenths(p_positive: float) -> int:
    """The share rounded to the nearest tenth, half up (0..10); the 1e-9 keeps 0.15 (which is
    1.4999… in binary) rounding up like the decimal it stands for."""
    if not 0.0 <= p_positive <= 1.0:  # NaN fails this too
        raise ValueError(f"a chance is between 0 and 1, not {p_positive!r}")
    return math.floor(p_positive * 10 + 0.5 + 1e-9)


def chance_words(p_positive: float) -> str:
    """"almost certain", "a 9-in-10 chance", "a 4-in-5 chance", "an even chance", …,
    "a 1-in-10 chance", "very unlikely" (module doc)."""
    n = tenths(p_positive)  # checks 0 ≤ p ≤ 1
    if p_positive >= ALMOST:
        return "almost certain"
    if p_positive < UNLIKELY:
        return "very unlikely"
    if n == 5:
        return "an even chance"
    if n % 2 == 0:
        return f"a {n // 2}-in-5 chance"
    return f"a {n}-in-10 chance"


def chance_sentence(p_positive: float, subject: str = "it") -> str:
    """The whole sentence: "There is a 4-in-5 chance it returns more than it costs.",
    "It is almost certain to return more than it costs.", "It is very unlikely to return
    more than it costs."; ``subject`` names what returns ("the ask")."""
    words = chance_words(p_positive)
    if words in ("almost certain", "very unlikely"):
        verb = "is" if subject != "they" else "are"
        return f"{subject[:1].upper()}{subject[1:]} {verb} {words} to return more than it costs."
    returns = "return" if subject == "they" else "returns"
    return f"There is {words} {subject} {returns} more than it costs."

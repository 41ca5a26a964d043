"""Right-to-left text (Hebrew, Arabic) for a PDF that draws glyphs left to right.

reportlab draws a string's characters in the order given and knows neither the Unicode
bidirectional algorithm nor Arabic joining. So, before drawing:

- ``shape``: Arabic letters become their contextual forms (initial, medial, final,
  isolated, and the lam-alef ligatures), the presentation forms that DejaVu Sans has
  (arabic-reshaper, configured from the font's own character map; vowel marks are dropped).
- ``visual``: each line is put in display order by the Unicode bidirectional algorithm
  (python-bidi's levels), with mirrored characters (brackets) swapped in right-to-left runs.

Text without right-to-left characters is returned unchanged (and quickly). Text copied out
of the PDF comes out in display order (a PDF reader has no bidi information).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

#: Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, … and the presentation forms.
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
#: First-strong isolate and pop directional isolate: put around user text inside the pack's
#: own sentences (``text.para``); never drawn.
ISOLATE, POP = "\u2068", "\u2069"
_FORMATS = frozenset("\u2066\u2067\u2068\u2069")
_LEVELS = re.compile(r"levels: \[(.*?)\]", re.S)
_LEVEL = re.compile(r"Level\(\s*(\d+)")


def has_rtl(text: str) -> bool:
    return not text.isascii() and _RTL.search(text) is not None


@cache
def _reshaper(font_path: str) -> Any:
    from arabic_reshaper import ArabicReshaper, config_for_true_type_font

    return ArabicReshaper(configuration=config_for_true_type_font(font_path))


def shape(text: str, font_path: str) -> str:
    """Arabic letters in ``text`` joined as the font at ``font_path`` can show them."""
    if text.isascii() or _ARABIC.search(text) is None:
        return text
    return str(_reshaper(font_path).reshape(text))


def base_level(text: str) -> int:
    """0 when ``text`` reads left to right (its first strong character is), else 1."""
    if not has_rtl(text):
        return 0
    from bidi import get_base_level

    return int(get_base_level(text))


def _levels(line: str, base: int | None) -> list[int] | None:
    """The embedding level of each character of ``line`` (None if python-bidi's answer
    cannot be read: then the line is reordered without mirroring)."""
    from bidi import get_display

    direction = None if base is None else "LR"[base]
    found = _LEVELS.search(get_display(line, base_dir=direction, debug=True))
    if found is None:
        return None
    per_byte = [int(n) for n in _LEVEL.findall(found.group(1))]  # one per UTF-8 byte
    levels: list[int] = []
    at = 0
    for ch in line:
        if at >= len(per_byte):
            return None
        levels.append(per_byte[at])
        at += len(ch.encode())
    return levels if at == len(per_byte) else None


def order(line: str, base: int | None = None) -> list[tuple[int, str]]:
    """``line`` (logical order, shaped, one line) in display order: for each position from
    the left, the index of the character in ``line`` and the character to draw (a bracket
    in a right-to-left run is mirrored)."""
    levels = _levels(line, base)
    if levels is None:  # python-bidi's levels unreadable: the whole line in its base order
        backwards = (base_level(line) if base is None else base) == 1
        indices = range(len(line) - 1, -1, -1) if backwards else range(len(line))
        return [(i, line[i]) for i in indices if line[i] not in _FORMATS]
    paragraph = base_level(line) if base is None else base
    end = len(line)
    while end and line[end - 1].isspace():  # rule L1: trailing white space
        end -= 1
        levels[end] = paragraph
    from bidi.mirror import MIRRORED

    shown = [(i, MIRRORED.get(ch, ch) if level % 2 else ch)
             for i, (ch, level) in enumerate(zip(line, levels, strict=True))]
    odd = [level for level in levels if level % 2]
    if not odd:
        return [(i, ch) for i, ch in shown if ch not in _FORMATS]
    for level in range(max(levels), min(odd) - 1, -1):  # rule L2
        i = 0
        while i < len(shown):
            if levels[i] < level:
                i += 1
                continue
            j = i
            while j < len(shown) and levels[j] >= level:
                j += 1
            shown[i:j] = shown[i:j][::-1]
            levels[i:j] = levels[i:j][::-1]
            i = j
    return [(i, ch) for i, ch in shown if ch not in _FORMATS]


def visual(text: str, base: int | None = None) -> str:
    """``text`` (logical order, already shaped) in display order, line by line; ``base``
    forces the paragraph direction (0 left to right, 1 right to left)."""
    if not has_rtl(text):
        return text
    return "\n".join("".join(ch for _, ch in order(line, base)) if has_rtl(line)
                     else unmarked(line) for line in text.split("\n"))


def unmarked(text: str) -> str:
    """``text`` without the isolate marks (the font has no glyph for them)."""
    return "".join(ch for ch in text if ch not in _FORMATS) if ISOLATE in text or \
        POP in text else text

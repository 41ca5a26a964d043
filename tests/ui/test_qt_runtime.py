"""The Qt binding the project installs must survive a long session.

PySide6 6.12.0 loses a reference to ``None`` (or ``True``/``False``) on every call of a Qt method
returning nothing (or a bool); on
Python 3.11 the process then aborts ("Fatal Python error: none_dealloc") after a few thousand
calls, i.e. within seconds of dragging on the board. pyproject.toml keeps 6.12 away from
Python < 3.12; this test fails if a broken binding comes back.
"""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
watched = (None, True, False)
before = [sys.getrefcount(o) for o in watched]
for _ in range(50_000):
    label.setText("x")
    label.setVisible(False)
    label.isVisible()
    label.isEnabled()
print(max(abs(b - sys.getrefcount(o)) for b, o in zip(before, watched)))
"""


def test_qt_calls_do_not_leak_references_to_none_or_bools() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert abs(int(done.stdout.strip())) < 100

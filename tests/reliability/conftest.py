"""The UI fixtures (sample plan on disk, open document) for the reliability tests."""

from tests.ui.conftest import _english_locale, document, sample_path  # noqa: F401

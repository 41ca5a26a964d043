# The two commands a newcomer needs: `make run` and `make test`. Both create or refresh .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := build/sample.smbplan

.PHONY: run test stress bench lint venv clean bundle bundle-test

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,dev]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	mkdir -p build
	test -f $(SAMPLE) || $(BIN)/smbplanner demo $(SAMPLE)
	$(BIN)/smbplanner $(SAMPLE)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# The full reliability run: 60 SIGKILLs in the crash loop, longer model-based and fuzz runs.
stress: $(STAMP)
	SMBPLANNER_STRESS=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests/reliability -q -s

bench: $(STAMP)
	$(BIN)/python -m tests.bench

lint: $(STAMP)
	$(BIN)/ruff check smbplanner tests
	$(BIN)/mypy
	$(BIN)/lint-imports

# The desktop bundle for this system (PyInstaller, one folder) in dist/, built from its own
# venv (BUNDLE_VENV) so that .venv's test tools stay out of it; then its self-test.
BUNDLE_VENV ?= build/bundle-venv
BUNDLE_STAMP := $(BUNDLE_VENV)/.installed

$(BUNDLE_STAMP): pyproject.toml
	test -x $(BUNDLE_VENV)/bin/python || $(PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(BUNDLE_VENV)/bin/python -m pip install --quiet -e '.[bundle]'
	touch $@

bundle: $(BUNDLE_STAMP)
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --clean --log-level WARN \
		--distpath dist --workpath build/pyinstaller installers/smbplanner.spec
	case "$$(uname -s)" in \
		Linux) sh installers/linux/make_tarball.sh ;; \
		Darwin) sh installers/macos/make_dmg.sh ;; \
	esac

bundle-test:
	dist/smbplanner/smbplanner --self-test

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache .hypothesis

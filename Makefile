# Two commands do all set-up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 5000
CHROMIUM := /usr/bin/chromium

.PHONY: run test lint bench install install-test chromium nginx translations lock clean

# Python dependencies come from the hashed lock files, exactly (pip refuses any file whose hash is not
# in them); then Passerelle itself, without resolving anything again. `make lock` writes the locks.
$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r requirements.lock
	$(PY) -m pip install --quiet --no-deps -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed pyproject.toml requirements-test.lock
	$(PY) -m pip install --quiet --require-hashes -r requirements-test.lock
	touch $@

# Resolve pyproject.toml's bounds again to the newest releases, with every file's hash, into
# requirements.lock and requirements-test.lock (the test extra). pip-tools runs from a throwaway
# virtual environment, so it never mixes with what it locks. Commit both files with the change.
PIP_TOOLS := pip-tools==7.6.2
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet $(PIP_TOOLS)
	CUSTOM_COMPILE_COMMAND="make lock" .lock-venv/bin/pip-compile --quiet --upgrade --generate-hashes --strip-extras \
	  --allow-unsafe --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	CUSTOM_COMPILE_COMMAND="make lock" .lock-venv/bin/pip-compile --quiet --upgrade --generate-hashes --strip-extras \
	  --allow-unsafe --no-emit-index-url --no-emit-find-links --extra test -o requirements-test.lock pyproject.toml
	rm -rf .lock-venv

install: $(VENV)/.installed node_modules/.installed translations static/gen/shared-templates.js

install-test: $(VENV)/.installed-test node_modules/.installed translations static/gen/shared-templates.js chromium nginx

translations: $(VENV)/.installed node_modules/.installed static/gen/shared-templates.js
	$(VENV)/bin/flask --app pwa_app translate compile

# Browser libraries (Nunjucks), pinned by package-lock.json; webassets bundles them. Dev dependencies
# (ESLint) come too, for `make lint`. npm is used only here, at set-up: again when the lockfile changes
# or node_modules is missing.
node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm)
	npm ci --ignore-scripts --include=dev --no-audit --no-fund --loglevel=error
	touch $@

# The shared templates, compiled by Nunjucks for the phone to draw pages offline (the server draws the
# same files with Jinja); again whenever they or the icons they include change. The app refuses to
# start on a stale build (pwa_app/web/assets.py).
static/gen/shared-templates.js: node_modules/.installed scripts/compile_templates.mjs $(wildcard templates/shared/*.html templates/icons/*.svg)
	node scripts/compile_templates.mjs

# Debian's Chromium drives the browser tests; browser downloads are blocked here.
chromium:
	@test -x $(CHROMIUM) || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium)

# Debian's nginx, for tests/test_deploy.py (`nginx -t` on deploy/nginx.conf, and one nginx run in the
# foreground by the test itself). Installed without starting the service: a policy-rc.d that says no,
# for the install only, where the machine has none already.
nginx:
	@test -x /usr/sbin/nginx || command -v nginx >/dev/null || ( \
	  guard=; if [ ! -e /usr/sbin/policy-rc.d ]; then printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; \
	  chmod +x /usr/sbin/policy-rc.d; guard=1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx; status=$$?; \
	  if [ -n "$$guard" ]; then rm -f /usr/sbin/policy-rc.d; fi; exit $$status)

run: install
	$(VENV)/bin/flask --app pwa_app init-db --demo-if-empty
	$(VENV)/bin/flask --app pwa_app run --host 127.0.0.1 --port $(PORT)

# ruff for Python (rules in pyproject.toml), ESLint for the browser code (eslint.config.mjs).
lint: $(VENV)/.installed-test node_modules/.installed
	$(VENV)/bin/ruff check pwa_app tests scripts bench migrations
	node_modules/.bin/eslint static eslint.config.mjs

# Lint first (a finding fails the run), then the whole suite on SQLite and on a throwaway PostgreSQL
# cluster (browser tests marked engine only), in parts that two lanes side by side take in turn
# (scripts/run_tests.sh).
test: install-test lint
	PY=$(PY) scripts/run_tests.sh $(PYTEST_ARGS)

# Every benchmark in bench/, each with its defaults, each rewriting its own section of docs/benchmarks.md,
# then the run's own section (bench/__main__.py: each bench's time and result). Hours: bench/load.py and
# bench/parity.py are long. Not part of `make test`. A bench that fails or misses its target does not stop
# the others; the run fails at the end and names them.
bench: install-test bench/lighthouse/node_modules/.installed
	$(PY) -m bench

# Lighthouse for bench/lighthouse.py only, pinned by bench/lighthouse/package-lock.json, in a folder of
# its own: `make run` and `make test` never install it.
bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	@command -v npm >/dev/null || (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm)
	npm ci --prefix bench/lighthouse --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) instance/*.sqlite3 translations/*/LC_MESSAGES/*.mo

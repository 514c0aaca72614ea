# Every command a contributor needs. `make help` lists them.
PY := .venv/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve test test-under-load lint build site generate check explain record upgrade-sdks benchmark

help:            ## list the commands
	@grep -E '^[a-z]+:.*## ' Makefile | sed 's/:.*## /\t/'

serve:           ## install everything, record the SDKs, then serve the site on http://127.0.0.1:8000 (regenerates on change)
	./scripts/setup.sh --with-sdks
	$(PY) scripts/kb.py record
	$(PY) -m mkdocs serve -a 127.0.0.1:8000

test:            ## install everything (Python, npm, chromium), then lint and run the whole test suite
	./scripts/setup.sh --test
	$(PY) -m ruff check scripts tests
	$(PY) -m pytest

test-under-load: ## run `make test` 3 times while another process keeps every core busy; all must pass
	mkdir -p build
	./scripts/test_under_load.sh 3

lint:            ## ruff on the Python code
	$(PY) -m ruff check scripts tests

build:           ## generate and build the static site into site/ (strict)
	$(PY) -m mkdocs build --strict

site:            ## install, record the real SDKs, and build the site to deploy into site/ (set SITE_URL for where it lives)
	./scripts/setup.sh --with-sdks
	$(PY) scripts/kb.py record
	$(PY) -m mkdocs build --strict

generate:        ## regenerate content/ from errors.yaml
	$(PY) scripts/kb.py generate

check:           ## validate errors.yaml and fail if generated files are stale
	$(PY) scripts/kb.py generate --check

explain:         ## find the entry for a pasted error: make explain < error.txt
	$(PY) scripts/kb.py explain

record:          ## run the real Python and TypeScript SDKs against the local fake API
	$(PY) scripts/kb.py record

upgrade-sdks:    ## move to the newest SDK releases, record again, report what has no entry (exit 1 if anything)
	$(PY) scripts/kb.py upgrade-sdks

benchmark:       ## paste-search accuracy (ours vs Material's search) and browser latency
	$(PY) scripts/benchmark.py

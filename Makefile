# Two commands for a newcomer: `make run` and `make test`. Everything else is a step of those.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
# The install stamp is named after pyproject.toml's hash, so a changed pin reinstalls.
INSTALLED := $(VENV)/.installed-$(shell sha1sum pyproject.toml | cut -c1-12)
SNAPSHOTS := data/snapshots/procurement-bill-2022-23 data/snapshots/social-housing-regulation-bill-2022-23
ACCOUNT_ENTRIES := data/account-entries/procurement-bill.json
HOST_PORT := 127.0.0.1:8000

.PHONY: run test install browser migrate load serve clean bench

run: install migrate load serve

# The import contracts (pyproject.toml: one-way layers, pure parsers) first, then the suite.
test: install browser
	$(BIN)/lint-imports
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@rm -f $(VENV)/.installed-* && touch $@

# Debian's chromium for the browser tests, installed only when it is missing and this user can
# install it; otherwise those tests skip, each saying why.
browser:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian's chromium for the browser tests."; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
			|| echo "Could not install chromium: the browser tests will be skipped."; \
	else \
		echo "No /usr/bin/chromium, and installing it needs root and apt-get: the browser tests will be skipped."; \
	fi

migrate: install
	@mkdir -p var/mail
	$(BIN)/python manage.py migrate --noinput

# Loads the bundled snapshots (each scrapes the bills its manifest names) through the real
# scrapers, then the editors' entries from the Procurement Bill account (stances it records that
# no API response carries) and the search documents of the members those entries fetched, once
# per version of the snapshots, the entries and the code that reads them; a second `make run`
# skips straight to serving.
load: migrate
	@hash=$$(cat $$(find $(SNAPSHOTS) $(ACCOUNT_ENTRIES) data/reference/procurement-bill bills amendments tracker -type f \( -name '*.json' -o -name '*.jsonl' -o -name '*.xml' -o -name '*.py' \) | sort) | sha1sum | cut -c1-16); \
	if [ "$$(cat var/loaded-snapshot 2>/dev/null)" = "$$hash" ]; then \
		echo "Snapshots already loaded ($(SNAPSHOTS))."; \
	else \
		for snapshot in $(SNAPSHOTS); do $(BIN)/python manage.py scrape --snapshot $$snapshot || exit 1; done \
		&& $(BIN)/python manage.py load_account_entries $(ACCOUNT_ENTRIES) --snapshot data/snapshots/procurement-bill-2022-23 \
		&& $(BIN)/python manage.py search_index && echo "$$hash" > var/loaded-snapshot; \
	fi

serve: install
	@echo "Serving the clause tracker on http://$(HOST_PORT)/  (Ctrl-C stops it)"
	$(BIN)/python manage.py runserver $(HOST_PORT)

# One table of every scale figure, each beside its floor from the same run (bench/run.py, about
# 15 minutes; QUICK=1 a short version). Needs PostgreSQL and Redis: the database (created when
# missing) and the Redis database are emptied, so give ones of their own.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/tracker_bench
BENCH_REDIS_URL ?= redis://127.0.0.1:6379/15
bench: install
	$(BIN)/python bench/run.py $(if $(QUICK),--quick) --database-url $(BENCH_DATABASE_URL) --redis-url $(BENCH_REDIS_URL)

clean:
	rm -rf $(VENV) var

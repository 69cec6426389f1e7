# Two commands: `make run` (the portal with demo content) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1

.PHONY: run test install install-dev test-packages lint format migrations-check demo clean bench-search bench backup restore audit

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

## The portal on http://$(HOST):$(PORT) with the demo content and one account per persona.
run: export PORTAL_BASE_URL ?= http://$(HOST):$(PORT)
run: install
	$(PY) manage.py migrate --noinput --skip-checks
	$(PY) manage.py load_demo
	@# The task worker (text extraction of uploads, e-mails) runs beside the server and is started again whenever
	@# it exits. Everything stops with the server: kill 0 signals the whole process group, on Ctrl-C too (the loop,
	@# run in the background, ignores SIGINT).
	trap 'trap - EXIT INT TERM; kill 0' EXIT INT TERM; \
	while true; do \
		$(PY) manage.py db_worker; \
		echo "Le travailleur des tâches de fond s’est arrêté (code $$?) : il redémarre dans 2 s."; \
		sleep 2; \
	done & \
	$(PY) manage.py runserver $(HOST):$(PORT)

## The whole test suite (SQLite unless DATABASE_URL is set), one worker per core (tests/conftest.py says how
## tests are dealt). TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
test: install-dev test-packages
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup

## Debian packages the tests drive: Chromium (browser tests), xmlsec1 (the SAML identity provider) and wrk (load),
## installed when missing and possible.
TEST_PACKAGES := chromium:/usr/bin/chromium xmlsec1:/usr/bin/xmlsec1 wrk:/usr/bin/wrk
test-packages:
	@missing=""; for entry in $(TEST_PACKAGES); do \
		[ -x "$${entry#*:}" ] || missing="$$missing $${entry%%:*}"; \
	done; \
	if [ -z "$$missing" ]; then :; \
	elif [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installation des paquets Debian :$$missing…"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	elif command -v sudo >/dev/null && sudo -n true 2>/dev/null && command -v apt-get >/dev/null; then \
		echo "Installation des paquets Debian :$$missing…"; \
		sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	else \
		echo "Paquets absents, impossibles à installer ici :$$missing ; les tests qui en ont besoin seront ignorés."; \
	fi

## Style (ruff) and the architecture's contracts (import-linter, [tool.importlinter] in pyproject.toml).
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

migrations-check: install
	$(PY) manage.py makemigrations --check --dry-run

demo: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo

## Search relevance and latency over the demo plus generated pages (1k, 10k, 50k), on SQLite and PostgreSQL
## when reachable; results in docs/benchmarks.md. BENCH_SIZES=1000,10000 BENCH_ENGINES=sqlite to narrow it.
bench-search: install-dev
	$(PY) -m bench.search.run $(ARGS)

## Pages served by gunicorn under load (wrk), per page kind, against a seeded site; results in docs/benchmarks.md.
bench: install-dev test-packages
	$(PY) -m bench.load.run $(ARGS)

## Database and uploaded files into one archive under var/backups/ (BACKUP=path to choose it).
backup: install
	$(PY) manage.py backup_site $(if $(BACKUP),--output $(BACKUP))

## Restore an archive made by `make backup`: BACKUP=var/backups/….tar.gz make restore
restore: install
	$(PY) manage.py restore_site $(BACKUP)

## Known vulnerabilities in the pinned requirements (pip-audit; needs access to PyPI's vulnerability data,
## https://pypi.org/pypi/<package>/<version>/json, hence not part of CI).
audit: install
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-audit.txt
	@echo "Vérification des dépendances épinglées auprès de PyPI (une minute environ)…"
	@if ! out=$$($(PY) -m pip_audit --strict -r requirements.txt -r requirements-dev.txt 2>&1); then \
		echo "$$out"; \
		if echo "$$out" | grep -qiE "could not be audited|connection|timed out|name resolution|max retries"; then \
			echo "make audit : le service de vulnérabilités de PyPI est injoignable ou incomplet depuis cette machine ;"; \
			echo "rien n’a été vérifié. Lancez make audit depuis un poste qui accède à https://pypi.org."; \
			exit 2; \
		fi; \
		exit 1; \
	fi; echo "$$out"

clean:
	rm -rf var/ $(VENV)

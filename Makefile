# Chronicle: the two commands are `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install migrate rekey lint typecheck eval-tempeval eval-meantime eval-meantime-timexes eval-semeval bench clean

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

migrate: $(STAMP)
	$(BIN)/alembic upgrade head

# after a change to alias_key: refold the stored actor alias keys (see docs/api.md)
rekey: migrate
	$(BIN)/python -m app.db.rekey

run: migrate
	$(BIN)/uvicorn app.main:app --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/ruff check app tests evaluation bench migrations
	$(BIN)/mypy app
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check app tests evaluation bench migrations

typecheck: $(STAMP)
	$(BIN)/mypy app

eval-tempeval: $(STAMP)
	$(BIN)/python -m evaluation.tempeval ../shared/data/tempeval3/TimeBank ../shared/data/tempeval3/AQUAINT \
		--out runs/tempeval_tbaq.jsonl --score --set-aside-contradictions

eval-meantime: $(STAMP)
	$(BIN)/python -m evaluation.meantime --corpus ../shared/data/meantime/corpus_apple

eval-meantime-timexes: $(STAMP)
	$(BIN)/python -m evaluation.meantime_timexes --corpus ../shared/data/meantime/corpus_apple \
		--out runs/meantime_timexes.jsonl --score --classes

eval-semeval: $(STAMP)
	$(BIN)/python -m evaluation.semeval --out runs/semeval_trial.json

clean:
	rm -rf $(VENV) var runs .pytest_cache .mypy_cache .ruff_cache

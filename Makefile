# Shortcuts for the two README commands.
.PHONY: build test bench
build:
	python3 dev.py build
test:
	python3 dev.py test
bench:
	.venv/bin/python -m pip install --quiet -c constraints.txt -e '.[test,bench]'
	.venv/bin/python benchmarks/bench_sab.py

"""Benchmarks, run on demand (`uv run python -m bench NAME`), never part of the test run.

Each prints a table for people and, as its last line, one JSON object of figures.
"""

"""Benchmarks of the portal, run with `make bench-…`; not part of the test suite."""

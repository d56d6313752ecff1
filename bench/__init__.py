"""Benchmarks of pytest-factcheck at newsroom scale (not part of the test suite)."""

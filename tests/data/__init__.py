"""Data and small helpers for the editor-facing tests."""

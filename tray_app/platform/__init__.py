"""Desktop integration that differs per OS, each behind a small interface."""

"""Pure domain model: no Qt, no I/O. Everything time-related takes `now` as an argument."""

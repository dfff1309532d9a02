"""The application: one state store and the commands; the only layer that awaits the API."""

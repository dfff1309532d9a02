"""Qt widgets: render the state, emit intents, never call the API."""

"""Icons and translations, loaded with importlib.resources."""

"""Fake desktop services for a private D-Bus session bus: the XDG portal, a StatusNotifierWatcher."""

"""awork tray: start, pause, resume and stop awork time tracking from the system tray."""

__version__ = "0.1.0"
APP_NAME = "awork-tray"
APP_ID = "com.awork.tray"  # reverse-DNS, as the portal requires; also the autostart file's name

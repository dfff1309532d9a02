"""What the tests share: the fakes (awork, the desktop portal, keychains, a browser, platform
backends), the virtual desktop for the end-to-end tier, the UI tier's factories and list readers,
the running tray's state as another program reads it, and the one way a test waits. Test modules
import from here, never from one another."""

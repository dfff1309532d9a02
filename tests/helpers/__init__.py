"""What the tests share: the fakes (awork, the desktop portal, keychains, a browser), the virtual
desktop for the end-to-end tier, the factories and readers of the UI tier, and the one way a test
waits. Test modules import from here, never from one another."""

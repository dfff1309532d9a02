"""The sign-in window (`dialog`) and what runs it for the tray (`flow`): the window's intents go to
core/sign_in, which does the work."""

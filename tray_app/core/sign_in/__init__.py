"""Signing in, for the application: `account` owns who is signed in and how (restore at start,
sign in, sign out), `browser` runs one sign-in with awork in the browser.

Below: api/auth (OAuth, tokens, the loopback listener, the keychain); above: ui/sign_in (the
window) and the command line's `login` / `logout`.
"""

"""Signing in, at the HTTP level: where the client's bearer token comes from.

`tokens` is what the client knows (a `TokenProvider`, and the plain `TokenHolder` for a pasted
token or the demo); `oauth` is awork's OAuth for a public client (PKCE, registration, code
exchange, refresh, revocation); `oauth_tokens` the provider that refreshes with it; `loopback`
the one-shot listener awork's redirect comes back to, with the browser pages of `sign_in_pages`;
`keychain` where the refresh token is kept. No Qt: the tray and the command line share it all.

The rest of sign-in is one layer up each: core/sign_in (who is signed in, the browser flow) and
ui/sign_in (the window).
"""

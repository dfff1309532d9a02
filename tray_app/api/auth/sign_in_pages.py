"""The pages the browser shows when awork sends it back to awork tray, in English and German.

Self-contained HTML (inline style, no scripts, no external resources): the page is served by a
listener that closes right after, so it cannot fetch anything later. Kept here rather than in the
Qt Linguist catalogue because the listener picks the language per page (tray_app.i18n.pick_language).
"""

from __future__ import annotations

import html

TEXTS = {
    "en": {
        "ok_title": "Signed in",
        "ok_text": "Signed in — you can close this tab and go back to awork tray.",
        "denied_title": "Sign-in cancelled",
        "denied_text": "You cancelled the sign-in, or awork did not allow it. Start again from awork tray when you like.",
        "error_title": "Sign-in failed",
        "error_text": "awork reported a problem: {detail}. Start again from awork tray.",
        "state_title": "Sign-in not accepted",
        "state_text": "This answer does not belong to the sign-in awork tray is waiting for, so it was ignored for your "
                      "safety. If you are signing in, use the page awork tray opened last.",
        "missing_title": "Sign-in failed",
        "missing_text": "awork's answer had no authorization code. Start again from awork tray.",
        "path_title": "Nothing here",
        "path_text": "This address only receives awork's answer when you sign in to awork tray.",
    },
    "de": {
        "ok_title": "Angemeldet",
        "ok_text": "Angemeldet — du kannst diesen Tab schließen und zu awork tray zurückkehren.",
        "denied_title": "Anmeldung abgebrochen",
        "denied_text": "Du hast die Anmeldung abgebrochen, oder awork hat sie nicht erlaubt. Starte sie in awork tray neu, "
                       "wann du möchtest.",
        "error_title": "Anmeldung fehlgeschlagen",
        "error_text": "awork meldet ein Problem: {detail}. Starte die Anmeldung in awork tray neu.",
        "state_title": "Anmeldung nicht angenommen",
        "state_text": "Diese Antwort gehört nicht zu der Anmeldung, auf die awork tray wartet; sie wurde zu deiner "
                      "Sicherheit ignoriert. Wenn du dich gerade anmeldest, nutze die Seite, die awork tray zuletzt "
                      "geöffnet hat.",
        "missing_title": "Anmeldung fehlgeschlagen",
        "missing_text": "Die Antwort von awork enthielt keinen Autorisierungscode. Starte die Anmeldung in awork tray neu.",
        "path_title": "Hier ist nichts",
        "path_text": "Diese Adresse empfängt nur die Antwort von awork, wenn du dich bei awork tray anmeldest.",
    },
}

_STYLE = """
:root { color-scheme: light dark; }
body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
       font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f4f5fb; color: #1c1d3a; }
main { max-width: 28rem; margin: 1.5rem; padding: 2rem 2.25rem; border-radius: 16px; background: #fff;
       box-shadow: 0 8px 30px rgba(28, 29, 58, .12); text-align: center; }
.mark { width: 3.5rem; height: 3.5rem; margin: 0 auto 1rem; border-radius: 50%; display: flex;
        align-items: center; justify-content: center; font-size: 1.8rem; color: #fff; background: #4b4fe0; }
.mark.bad { background: #d6455d; }
h1 { margin: 0 0 .5rem; font-size: 1.35rem; }
p { margin: 0; color: #4a4c6a; }
.app { margin-top: 1.5rem; font-size: .85rem; color: #8a8ca6; }
@media (prefers-color-scheme: dark) {
  body { background: #15162b; color: #eceeff; } main { background: #22233f; box-shadow: none; }
  p { color: #c3c5e0; } .app { color: #8a8ca6; }
}
"""


def page(kind: str, language: str = "en", detail: str = "") -> bytes:
    """kind: ok | denied | error | state | missing | path."""
    texts = TEXTS.get(language, TEXTS["en"])
    title = texts[f"{kind}_title"]
    text = texts[f"{kind}_text"].format(detail=html.escape(detail))
    good = kind == "ok"
    return f"""<!doctype html>
<html lang="{language}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(title)} · awork tray</title><style>{_STYLE}</style></head>
<body><main>
<div class="mark{'' if good else ' bad'}" aria-hidden="true">{'✓' if good else '!'}</div>
<h1>{html.escape(title)}</h1>
<p>{text if kind == 'error' else html.escape(text)}</p>
<p class="app">awork tray</p>
</main></body></html>
""".encode()

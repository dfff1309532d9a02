"""Open a URL in the user's browser without blocking the event loop.

`webbrowser` honours $BROWSER, and for some browsers it waits until the browser process exits.
So it runs in a daemon thread, not asyncio's executor: asyncio.run() waits for executor
threads at exit, and the command line must not hang on a browser window left open.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import webbrowser

log = logging.getLogger(__name__)


def open_in_browser(url: str) -> asyncio.Future[bool]:
    """Start opening `url`; the future says whether a browser was found (False: show the URL)."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[bool] = loop.create_future()

    def settle(opened: bool) -> None:
        if not done.done():
            done.set_result(opened)

    def run() -> None:
        try:
            opened = bool(webbrowser.open(url, new=2))
        except Exception as exc:  # webbrowser raises a few kinds (Error, OSError) on odd setups
            log.warning("could not start a browser: %s", type(exc).__name__)
            opened = False
        try:
            loop.call_soon_threadsafe(settle, opened)
        except RuntimeError:  # the loop closed meanwhile: nobody is waiting any more
            pass

    threading.Thread(target=run, name="open-browser", daemon=True).start()
    return done

"""A stand-in for the user's browser during a sign-in: open the authorize URL, let awork (the
fake) "sign the user in" and redirect, then follow that redirect to the app's loopback listener.

`InProcessBrowser` replaces `open_in_browser` in tests that run the core in this process;
`browser_script.py` beside this file is the same thing as a program for $BROWSER.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import httpx


@dataclass
class Visit:
    authorize_url: str
    authorize_status: int | None = None
    location: str | None = None
    page_status: int | None = None
    page: str = ""


@dataclass
class InProcessBrowser:
    follow: bool = True  # False: the user never finishes (for time-outs and Cancel)
    tamper: object = None  # a function(location) -> location, to play an attacker or a stray request
    visits: list[Visit] = field(default_factory=list)

    def __call__(self, url: str) -> asyncio.Future[bool]:
        visit = Visit(url)
        self.visits.append(visit)
        if not self.follow:
            future = asyncio.get_running_loop().create_future()
            future.set_result(True)
            return future
        return asyncio.ensure_future(self._browse(visit))

    async def _browse(self, visit: Visit) -> bool:
        async with httpx.AsyncClient(follow_redirects=False, timeout=10) as http:
            first = await http.get(visit.authorize_url)
            visit.authorize_status = first.status_code
            if first.status_code != 302:
                visit.page_status, visit.page = first.status_code, first.text
                return True
            location = first.headers["location"]
            if self.tamper is not None:
                location = self.tamper(location)
            visit.location = location
            second = await http.get(location)
            visit.page_status, visit.page = second.status_code, second.text
        return True

"""$BROWSER for the command-line tests: `python browser_script.py URL`.

GETs the authorize URL without following redirects (like a browser, the fake awork answers 302),
then GETs the Location on the app's loopback listener. Writes what it did — and the argv of itself
and of the process that started it (the app) — as JSON to $AWORK_TEST_BROWSER_LOG.
"""

import json
import os
import sys
import urllib.error
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def get(opener, url):
    try:
        with opener.open(url, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode("utf-8", "replace")


def main() -> int:
    url = sys.argv[-1]
    record = {"argv": sys.argv, "parent_argv": []}
    try:
        with open(f"/proc/{os.getppid()}/cmdline", "rb") as handle:
            record["parent_argv"] = [a.decode("utf-8", "replace") for a in handle.read().split(b"\0") if a]
    except OSError:
        pass
    opener = urllib.request.build_opener(NoRedirect)
    status, headers, _ = get(opener, url)
    record["authorize_status"] = status
    location = headers.get("Location") or headers.get("location")
    if location:
        record["location"] = location
        record["page_status"], _, record["page"] = get(opener, location)
    with open(os.environ["AWORK_TEST_BROWSER_LOG"], "a", encoding="utf-8") as log:
        log.write(json.dumps(record) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

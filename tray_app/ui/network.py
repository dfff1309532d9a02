"""Notices when the network comes back, so queued actions and the timer sync at once."""

from __future__ import annotations

import logging
from typing import Callable

log = logging.getLogger(__name__)


def watch_network(on_reachable: Callable[[], None]):
    """Calls `on_reachable` when the OS reports the network online again. Returns the watcher
    (keep it alive) or None where Qt has no network-information backend (then the sync loop's
    backoff still finds the network, only a little later)."""
    try:
        from PySide6.QtNetwork import QNetworkInformation

        if not QNetworkInformation.loadDefaultBackend():
            return None
        info = QNetworkInformation.instance()
    except Exception as exc:  # the backends are plugins; a minimal install may have none
        log.info("no network information backend: %s", exc)
        return None
    online = QNetworkInformation.Reachability.Online

    def changed(reachability):
        if reachability == online:
            log.info("network is back: syncing now")
            on_reachable()

    info.reachabilityChanged.connect(changed)
    return info

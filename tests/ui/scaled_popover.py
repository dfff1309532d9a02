"""Child process for test_placement_scaled: a popover under QT_SCALE_FACTOR, which Qt reads once
at start. Prints its geometry and the available screen area as JSON."""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from tray_app.ui.popover import Popover

from helpers.factories import demo_workload, signed_in


def main() -> None:
    app = QApplication([])
    popover = Popover()
    popover.render(signed_in(demo_workload()))
    avail = app.primaryScreen().availableGeometry()
    anchors = {"none": None, "bottom-icon": QRect(avail.right() - 40, avail.bottom() - 20, 22, 22)}
    result = {"avail": [avail.x(), avail.y(), avail.width(), avail.height()]}
    for name, anchor in anchors.items():
        popover.open_at(anchor)
        app.processEvents()
        g = popover.frameGeometry()
        result[name] = [g.x(), g.y(), g.width(), g.height()]
        popover.hide()
    print(json.dumps(result), flush=True)
    sys.exit(0)


if __name__ == "__main__":
    main()

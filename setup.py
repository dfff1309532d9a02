"""Only the package list lives here; everything else is in pyproject.toml.

pyproject's `packages.find` cannot also pick up `tray_app.resources`, which setuptools maps from the
top-level resources/ folder (see package-dir there); a fixed list misses new subpackages. So: find
every tray_app subpackage, plus that one.
"""

from setuptools import find_packages, setup

setup(packages=find_packages(include=["tray_app", "tray_app.*"]) + ["tray_app.resources"])

# Shared by demo.sh and test.sh: system packages Qt needs, and the project's virtualenv.
# Sourced, not run. Safe to repeat: it only installs what is missing.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${AWORK_TRAY_VENV:-$ROOT/.venv}"
PYTHON="${PYTHON:-python3}"

# Qt's xcb platform plugin links these; minimal Debian/Ubuntu images lack some of them.
QT_APT_PACKAGES="libxcb-icccm4 libxcb-screensaver0 libxcb-keysyms1 libxcb-cursor0 libxcb-shape0 libxcb-render-util0 libxcb-image0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core"

ensure_apt() {
  command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian-like: the README lists what to install
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# One editable install serves demo.sh and test.sh. Its stamp says what it was made from (this
# checkout and pyproject.toml's checksum) and which extras it holds, so a second run does no pip
# work, and demo.sh after test.sh keeps the test extra (test.sh after demo.sh adds it, once).
# Arguments: the extra the caller needs (test.sh: test), if any.
ensure_venv() {
  local want="${1:-}"
  if [ ! -x "$VENV/bin/python" ]; then
    echo "Creating virtualenv in $VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
  fi
  local stamp="$VENV/.awork-tray-install" origin have="" made_from=""
  origin="$ROOT $(cksum < "$ROOT/pyproject.toml")"
  if [ -f "$stamp" ]; then
    { read -r made_from; read -r have; } < "$stamp" || true
  fi
  local extras="$have"
  if [ -n "$want" ] && [[ ",$have," != *",$want,"* ]]; then
    extras="${have:+$have,}$want"
  fi
  [ "$made_from" = "$origin" ] && [ "$extras" = "$have" ] && [ -x "$VENV/bin/awork-tray" ] && return 0
  echo "Installing awork tray${extras:+ with its $extras extra} into $VENV"
  rm -f "$stamp" "$VENV"/.installed "$VENV"/.installed-*  # .installed*: this script's earlier stamps
  "$VENV/bin/python" -m pip install -q -e "$ROOT${extras:+[$extras]}"
  printf '%s\n%s\n' "$origin" "$extras" > "$stamp"
}

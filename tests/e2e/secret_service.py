"""A real Secret Service for the end-to-end tests: gnome-keyring on a private D-Bus session bus.

The bus is our own `dbus-daemon` with a config whose only activatable service is gnome-keyring's
password prompter (gcr-prompter): the Secret Service itself is never D-Bus-activated, which would
start a second gnome-keyring on the developer's real keyrings. gnome-keyring-daemon runs in the
foreground with a private HOME and XDG dirs; `--unlock` reads the login keyring's password from
stdin and creates that keyring (the default collection) unlocked. `lock()` locks it through the
Secret Service API (org.freedesktop.Secret.Service.Lock), as a screen locker or `seahorse` would.

What gnome-keyring does when it needs a prompt (measured, gnome-keyring 42.1, gcr 3.41):
- no display for the bus's activation environment: gcr-prompter exits at once ("cannot open
  display"), and the call fails within ~50 ms: KeyringLocked for a locked keyring, InitError
  ("Failed to create the collection: Prompt dismissed") when there is no keyring yet to create.
- with a display: gcr-prompter shows "Unlock Login Keyring" and the call blocks until it is answered.
Packages (Debian): gnome-keyring (brings gcr), dbus; scripts/test.sh installs them.
"""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from pathlib import Path

from helpers.waiting import wait_for

PASSWORD = "login-keyring-password"
SECRETS = "org.freedesktop.secrets"
PROMPTER = "org.gnome.keyring.SystemPrompter"
REQUIRED = {"dbus-daemon": "dbus", "gnome-keyring-daemon": "gnome-keyring"}


def missing() -> list[str]:
    tools = [f"{exe} ({pkg})" for exe, pkg in REQUIRED.items() if shutil.which(exe) is None]
    if not Path("/usr/libexec/gcr-prompter").exists():
        tools.append("/usr/libexec/gcr-prompter (gcr)")
    return tools


class SessionBus:
    """A private session bus; `prompter`: gcr-prompter may be activated on it (to ask on `env`'s DISPLAY)."""

    def __init__(self, root: Path, env: dict[str, str], *, prompter: bool = True):
        self.root = root
        services = root / "services"
        services.mkdir(parents=True)
        if prompter:
            (services / f"{PROMPTER}.service").write_text(
                f"[D-BUS Service]\nName={PROMPTER}\nExec=/usr/libexec/gcr-prompter\n")
        config = root / "bus.conf"
        config.write_text(f"""<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={root}</listen>
  <servicedir>{services}</servicedir>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
""")
        rfd, wfd = os.pipe()
        try:
            self.process = subprocess.Popen(
                ["dbus-daemon", f"--config-file={config}", "--nofork", "--nopidfile", f"--print-address={wfd}"],
                pass_fds=(wfd,), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL)
        finally:
            os.close(wfd)
        data = b""
        deadline = time.monotonic() + 10
        try:
            while not data.endswith(b"\n") and time.monotonic() < deadline:
                if select.select([rfd], [], [], 0.2)[0]:
                    chunk = os.read(rfd, 1024)
                    if not chunk:
                        break
                    data += chunk
        finally:
            os.close(rfd)
        self.address = data.decode().strip()
        if not self.address:
            self.stop()
            raise RuntimeError("dbus-daemon did not start")

    def has_owner(self, name: str) -> bool:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        bus = DBusAddress("/org/freedesktop/DBus", bus_name="org.freedesktop.DBus", interface="org.freedesktop.DBus")
        with open_dbus_connection(self.address) as connection:
            return bool(connection.send_and_get_reply(new_method_call(bus, "NameHasOwner", "s", (name,))).body[0])

    def stop(self) -> None:
        _end(self.process)


class GnomeKeyring:
    """gnome-keyring-daemon (secrets only) on `bus`, its login keyring created and unlocked."""

    def __init__(self, bus: SessionBus, home: Path):
        self.bus = bus
        self.env = {"HOME": str(home), "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
                    "XDG_CACHE_HOME": str(home / "cache"), "XDG_RUNTIME_DIR": str(home / "runtime")}
        for path in self.env.values():
            Path(path).mkdir(parents=True, exist_ok=True, mode=0o700)
        env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "GNOME_KEYRING", "DISPLAY"))}
        env.update(self.env, DBUS_SESSION_BUS_ADDRESS=bus.address)
        started = time.monotonic()
        self.process = subprocess.Popen(
            ["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"], env=env,
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.process.stdin.write(PASSWORD.encode())
        self.process.stdin.close()  # --unlock reads the password up to the end of its input
        wait_for(lambda: bus.has_owner(SECRETS), 10, what="gnome-keyring on the bus")
        self.start_seconds = time.monotonic() - started

    def _service_call(self, method: str, signature: str, *args):
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        service = DBusAddress("/org/freedesktop/secrets", bus_name=SECRETS,
                              interface="org.freedesktop.Secret.Service")
        with open_dbus_connection(self.bus.address) as connection:
            return connection.send_and_get_reply(new_method_call(service, method, signature, args)).body

    def lock(self) -> None:
        """Lock the login keyring (the default collection), as a screen locker would."""
        locked, _prompt = self._service_call("Lock", "ao", ["/org/freedesktop/secrets/aliases/default"])
        assert locked, "gnome-keyring did not lock the login keyring"

    def stop(self) -> None:
        _end(self.process)


def _end(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

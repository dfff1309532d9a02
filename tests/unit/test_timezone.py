"""The IANA zone name awork needs to start a timer: from $TZ, else from the system, never an abbreviation."""

from __future__ import annotations

import pytest
import tzlocal

from tray_app.platform.timezone import TimeZoneUnknown, local_zone_name


@pytest.fixture
def system_zone(monkeypatch):
    """Pretend the system is configured with a given zone (what tzlocal would report)."""

    def configure(name=None, error=None):
        def fake():
            if error:
                raise error
            return name

        monkeypatch.setattr(tzlocal, "get_localzone_name", fake)

    configure("Asia/Tokyo")
    return configure


@pytest.mark.parametrize(
    "tz, expected",
    [
        ("Europe/Berlin", "Europe/Berlin"),
        (":Europe/Berlin", "Europe/Berlin"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        ("UTC", "UTC"),
        ("Etc/UTC", "Etc/UTC"),
    ],
)
def test_tz_is_honoured(monkeypatch, system_zone, tz, expected):
    monkeypatch.setenv("TZ", tz)
    assert local_zone_name() == expected


@pytest.mark.parametrize(
    "tz", ["CET", "EST", "EST5EDT", "PST8PDT", "MEZ", "+01:00", "-0500", "UTC+1", "GMT+2", "Europe/Atlantis", "../etc"]
)
def test_tz_abbreviations_and_offsets_are_refused(monkeypatch, system_zone, tz):
    monkeypatch.setenv("TZ", tz)
    with pytest.raises(TimeZoneUnknown) as info:
        local_zone_name()
    assert tz.lstrip(":") in str(info.value)


@pytest.mark.parametrize("tz", [":/etc/localtime", "/etc/localtime", "/usr/share/zoneinfo/Asia/Tokyo"])
def test_tz_naming_a_file_asks_the_system(monkeypatch, system_zone, tz):
    # TZ=:/etc/localtime is a common container/systemd setting; tzlocal resolves such paths.
    monkeypatch.setenv("TZ", tz)
    assert local_zone_name() == "Asia/Tokyo"


@pytest.mark.parametrize("name", ["Europe/Berlin", "UTC"])
def test_system_zone_without_tz(monkeypatch, system_zone, name):
    monkeypatch.delenv("TZ", raising=False)
    system_zone(name)
    assert local_zone_name() == name


@pytest.mark.parametrize("name", [None, "", "local"])
def test_unconfigured_system_runs_on_utc(monkeypatch, system_zone, name):
    monkeypatch.delenv("TZ", raising=False)
    system_zone(name)
    assert local_zone_name() == "UTC"


@pytest.mark.parametrize("name", ["CET", "EST", "Europe/Atlantis"])
def test_system_abbreviation_refused(monkeypatch, system_zone, name):
    monkeypatch.delenv("TZ", raising=False)
    system_zone(name)
    with pytest.raises(TimeZoneUnknown):
        local_zone_name()


def test_broken_system_configuration(monkeypatch, system_zone):
    monkeypatch.setenv("TZ", "")
    system_zone(error=LookupError("Multiple conflicting time zone configurations found"))
    with pytest.raises(TimeZoneUnknown, match="conflicting"):
        local_zone_name()

"""The benchmark's figures, their budgets (issue 15's table) and the printed table.

A budget is either an absolute ceiling ("max") or a multiple of the bare PySide6 icon's figure
("ratio"), measured in the same run; figures without one are reported, not judged. The table
shows ✓/✗, but the benchmark never fails on a timing: it is not a test.
"""

from __future__ import annotations

import math
import statistics

# name: (label, unit, budget); budget None: reported, not judged.
FIGURES: dict[str, tuple[str, str, tuple[str, float] | None]] = {
    "launch_to_docked_ms": ("launch → icon window docked in the tray", "ms", None),
    "launch_to_painted_ms": ("launch → icon painted (what the user sees)", "ms", ("ratio", 1.3)),
    "click_to_popover_ms": ("click on the icon → popover painted, 5,000 tasks", "ms", ("max", 50)),
    "keystroke_to_list_p95_ms": ("keystroke → list updated, 5,000 tasks (p95)", "ms", ("max", 16)),
    "enter_to_request_ms": ("Enter on an item → start request at awork", "ms", ("max", 20)),
    "rss_small_mib": ("resident memory (RSS), small workspace, timer running", "MiB", ("ratio", 1.5)),
    "pss_small_mib": ("proportional memory (PSS), same moment", "MiB", None),
    "threads_small": ("threads, same moment", "", None),
    "rss_5000_tasks_extra_mib": ("RSS with 5,000 tasks, over the small workspace", "MiB", ("max", 8)),
    "pss_5000_tasks_extra_mib": ("PSS with 5,000 tasks, over the small workspace", "MiB", None),
    "memory_growth_mib": ("memory growth over timer ticks and sync cycles", "MiB", ("max", 2)),
    "idle_cpu_percent": ("CPU while idle, timer running, popover closed", "%", ("max", 0.1)),
    "wakeups_per_second": ("wake-ups per second in that state", "/s", ("max", 1)),
    "requests_per_minute": ("requests to awork per minute, steady state", "/min", ("max", 3)),
}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _figure(name: str, value: float, samples: list[float] | None = None, bare: float | None = None,
            bare_samples: list[float] | None = None) -> dict:
    label, unit, budget = FIGURES[name]
    out: dict = {"label": label, "unit": unit, "value": value}
    if samples:
        out.update(min=min(samples), max=max(samples), n=len(samples))
    if bare is not None:
        out["bare"] = bare
        if bare_samples:
            out.update(bare_min=min(bare_samples), bare_max=max(bare_samples))
        if bare > 0:  # (an idle bare icon can measure 0: no ratio then)
            out["ratio"] = value / bare
    if budget is None:
        out["budget"], out["met"] = None, None
    else:
        kind, limit = budget
        out["budget"] = f"≤ {limit:g}× bare" if kind == "ratio" else f"≤ {limit:g} {unit}".rstrip()
        judged = out.get("ratio", math.inf) if kind == "ratio" else value
        out["met"] = judged <= limit
    return out


def summarise(r: dict) -> dict:
    """The figures from the raw measurements of run.py."""
    launches = r["launches"]
    small, large, bare = r["alone"]["small"], r["alone"]["large"], r["alone"]["bare"]
    idle = r["idle"]
    keys = r["interaction"]["keys_ms"]
    out = {}
    for what in ("docked", "painted"):
        ours = [run[f"{what}_ms"] for run in launches["app"]]
        theirs = [run[f"{what}_ms"] for run in launches["bare"]]
        out[f"launch_to_{what}_ms"] = _figure(f"launch_to_{what}_ms", statistics.median(ours), ours,
                                              statistics.median(theirs), theirs)
    opens = r["interaction"]["open_ms"]
    out["click_to_popover_ms"] = _figure("click_to_popover_ms", statistics.median(opens), opens)
    out["keystroke_to_list_p95_ms"] = _figure("keystroke_to_list_p95_ms", p95(keys), keys)
    out["enter_to_request_ms"] = _figure("enter_to_request_ms", r["interaction"]["enter_ms"])
    out["rss_small_mib"] = _figure("rss_small_mib", small["rss_mib"], bare=bare["rss_mib"])
    out["pss_small_mib"] = _figure("pss_small_mib", small["pss_mib"], bare=bare["pss_mib"])
    out["threads_small"] = _figure("threads_small", small["threads"], bare=bare["threads"])
    out["rss_5000_tasks_extra_mib"] = _figure("rss_5000_tasks_extra_mib", large["rss_mib"] - small["rss_mib"])
    out["pss_5000_tasks_extra_mib"] = _figure("pss_5000_tasks_extra_mib", large["pss_mib"] - small["pss_mib"])
    growth = r["growth"]
    out["memory_growth_mib"] = _figure("memory_growth_mib", growth["growth_mib"])
    out["memory_growth_mib"]["label"] = f"memory growth, {growth['ticks']:,} timer ticks and {growth['syncs']:,} syncs"
    out["idle_cpu_percent"] = _figure("idle_cpu_percent", idle["cpu_percent"], bare=bare["cpu_percent"])
    out["wakeups_per_second"] = _figure("wakeups_per_second", idle["wakeups_per_second"],
                                        bare=bare["wakeups_per_second"])
    out["requests_per_minute"] = _figure("requests_per_minute", idle["requests_per_minute"])
    return out


def _number(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}" if abs(value) >= 1 else f"{value:.2f}"


def table(figures: dict, machine: dict, plan: dict) -> str:
    """A Markdown table, the shape docs/benchmark.md shows."""
    lines = [f"machine: {machine['summary']}",
             f"memory and threads after {plan['memory_idle_s']:g} s idle, each process alone; "
             f"idle CPU, wake-ups and requests over {plan['cpu_idle_s']:g} s", "",
             "| figure | awork tray (median) | min–max | bare icon | ratio | budget | |",
             "|---|---|---|---|---|---|---|"]
    for f in figures.values():
        unit = f" {f['unit']}" if f["unit"] else ""
        spread = f"{_number(f['min'])}–{_number(f['max'])} (n={f['n']})" if f.get("n", 0) > 1 else ""
        bare = ""
        if "bare" in f:
            bare = _number(f["bare"]) + unit
            if "bare_min" in f:
                bare += f" ({_number(f['bare_min'])}–{_number(f['bare_max'])})"
        ratio = f"{f['ratio']:.2f}" if "ratio" in f else ""
        mark = {True: "✓", False: "✗", None: ""}[f["met"]]
        lines.append(f"| {f['label']} | {_number(f['value'])}{unit} | {spread} | {bare} | {ratio} | {f['budget'] or '—'} "
                     f"| {mark} |")
    return "\n".join(lines)

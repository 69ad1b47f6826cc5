"""What the benchmark modules share: tables, statistics, /proc readings, temporary folders and the machine's facts."""

from __future__ import annotations

import contextlib
import dataclasses
import math
import os
import pathlib
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence

__all__ = [
    "Table", "children", "cpu_seconds", "fmt_bytes", "fmt_ms", "fmt_s", "machine_facts", "median", "percentile",
    "proc_memory", "ratio", "temp_dir",
]

_TICKS = os.sysconf("SC_CLK_TCK")


@dataclasses.dataclass
class Table:
    """A titled Markdown table with notes below it, so the output pastes into the README as it is."""

    title: str
    columns: Sequence[str]
    rows: list[Sequence[str]] = dataclasses.field(default_factory=list)
    notes: list[str] = dataclasses.field(default_factory=list)

    def add(self, *cells: object) -> None:
        if len(cells) != len(self.columns):
            raise ValueError(f"{self.title}: {len(cells)} cells for {len(self.columns)} columns")
        self.rows.append([str(cell) for cell in cells])

    def render(self) -> str:
        widths = [max(len(str(c)), *(len(row[i]) for row in self.rows)) if self.rows else len(str(c))
                  for i, c in enumerate(self.columns)]
        # Numbers right-aligned: a cell that starts with a digit (or a sign or an approximation) is a number.
        numeric = [bool(self.rows) and all(row[i][:1].isdigit() or row[i][:1] in "~<>-+" for row in self.rows)
                   for i in range(len(self.columns))]

        def line(cells: Sequence[str]) -> str:
            return "| " + " | ".join(cell.rjust(w) if num else cell.ljust(w)
                                     for cell, w, num in zip(cells, widths, numeric, strict=True)) + " |"

        rule = "| " + " | ".join(("-" * (w - 1) + ":") if num else "-" * w
                                 for w, num in zip(widths, numeric, strict=True)) + " |"
        out = [f"### {self.title}", "", line([str(c) for c in self.columns]), rule, *(line(r) for r in self.rows)]
        if self.notes:
            out.append("")
            out += [f"- {note}" for note in self.notes]
        return "\n".join(out) + "\n"


# -- statistics --------------------------------------------------------------------------------------------------------

def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile: the smallest sample with at least p % of the samples at or below it."""
    ordered = sorted(values)
    rank = max(1, math.ceil(p / 100 * len(ordered)))
    return float(ordered[rank - 1])


def ratio(value: float, base: float) -> str:
    return f"{value / base:.2f}x" if base > 0 else "n/a"


def fmt_ms(seconds: float) -> str:
    ms = seconds * 1000
    return f"{ms:.0f}" if ms >= 100 else f"{ms:.1f}" if ms >= 1 else f"{ms:.2f}"


def fmt_s(seconds: float) -> str:
    return f"{seconds:.2f}"


def fmt_bytes(count: float) -> str:
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if abs(count) >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count:.0f} B"


# -- processes ---------------------------------------------------------------------------------------------------------

def children(parent: int | None = None) -> list[tuple[int, str]]:
    """(pid, command name) of the direct children of `parent` (default: this process), read from /proc."""
    parent = os.getpid() if parent is None else parent
    found = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # comm is in parentheses and may contain spaces: split after the last ')'.
        comm = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        if int(fields[1]) == parent:
            found.append((int(entry.name), comm))
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (its own threads; children that it waited for are not counted)."""
    stat = pathlib.Path(f"/proc/{pid}/stat").read_text()
    fields = stat[stat.rindex(")") + 2:].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS


def proc_memory(pid: int) -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (the peak resident set so far) of a process, in bytes."""
    values = {}
    for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) * 1024
    return values


# -- files -------------------------------------------------------------------------------------------------------------

@contextlib.contextmanager
def temp_dir(prefix: str) -> Iterator[pathlib.Path]:
    """A temporary folder that is removed however the block ends."""
    path = pathlib.Path(tempfile.mkdtemp(prefix=f"bench-{prefix}-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


# -- the machine -------------------------------------------------------------------------------------------------------

def machine_facts() -> dict[str, str]:
    cpuinfo = pathlib.Path("/proc/cpuinfo").read_text()
    model = next((line.split(":", 1)[1].strip() for line in cpuinfo.splitlines() if line.startswith("model name")),
                 platform.processor() or "unknown")
    mem_kib = next(int(line.split()[1]) for line in pathlib.Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal:"))
    return {
        "cpus": str(os.cpu_count()),
        "usable cpus": str(len(os.sched_getaffinity(0))),
        "cpu model": model,
        "memory": fmt_bytes(mem_kib * 1024),
        "kernel": platform.release(),
        "python": platform.python_version(),
        "load average": " ".join(pathlib.Path("/proc/loadavg").read_text().split()[:3]),
    }


def now() -> float:
    return time.perf_counter()

"""What the host's /proc says of a container's process: how the tests check that a pod ran as synthesized."""

from __future__ import annotations

import pathlib


def status(pid: int) -> dict[str, str]:
    """/proc/PID/status as a mapping (Uid, Gid, Groups, CapEff, NoNewPrivs, Seccomp, ...), values stripped."""
    lines = pathlib.Path(f"/proc/{pid}/status").read_text().splitlines()
    return {key: value.strip() for key, sep, value in (line.partition(":") for line in lines) if sep}


def environ(pid: int) -> dict[str, str]:
    entries = pathlib.Path(f"/proc/{pid}/environ").read_bytes().split(b"\0")
    return dict(entry.decode().split("=", 1) for entry in entries if b"=" in entry)


def root_mount_options(pid: int) -> list[str]:
    """The mount options of the process's root ("ro" for a read-only root filesystem)."""
    for line in pathlib.Path(f"/proc/{pid}/mountinfo").read_text().splitlines():
        fields = line.split()
        if fields[4] == "/":
            return fields[5].split(",")
    raise AssertionError(f"no root mount for pid {pid}")

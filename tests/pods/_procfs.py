"""What the host's /proc says of a container's process: how the tests check that a pod ran as synthesized."""

from __future__ import annotations

import ipaddress
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


def cmdline(pid: int) -> list[str]:
    """The process's argv as the kernel holds it."""
    return [part.decode() for part in pathlib.Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[:-1]]


def tcp_listeners(pid: int) -> dict[int, str]:
    """The listening TCP sockets of the process's network namespace: port -> local address."""
    found: dict[int, str] = {}
    for table, width in (("tcp", 8), ("tcp6", 32)):
        path = pathlib.Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] != "0A":  # TCP_LISTEN
                continue
            address, port = fields[1].split(":")
            found[int(port, 16)] = _address(address, width)
    return found


def _address(hex_address: str, width: int) -> str:
    # Each 32-bit word is in host (little-endian) byte order.
    words = [bytes.fromhex(hex_address[i:i + 8])[::-1] for i in range(0, width, 8)]
    raw = b"".join(words)
    return str(ipaddress.ip_address(raw))

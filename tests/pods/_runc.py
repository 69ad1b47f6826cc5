"""runc, the OCI runtime spec's pieces the pod runner writes, and the host state it leaves (cgroups, mounts, netns).

- :class:`Runc` runs one container in the foreground (`runc run`: its exit status is the container's), signals and
  deletes it; every container lives under one state directory (`runc --root`).
- :func:`runtime_default_seccomp` converts the RuntimeDefault profile of CRI-O and podman
  (/usr/share/containers/seccomp.json, Debian golang-github-containers-common) into the OCI form for the container's
  capabilities and this machine's architecture, the way moby/containers-common do it.
- :func:`base_config` is containerd's default OCI spec for a CRI container (namespaces, /proc, /dev, masked and
  read-only paths, default capabilities).
- cgroups (v1 and v2 hierarchies, whatever this host mounts), tmpfs mounts and named network namespaces, each with a
  leftover check for the session's teardown.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import json
import os
import pathlib
import platform
import shutil
import signal
import subprocess
from collections.abc import Collection, Iterator, Sequence
from typing import IO, Any

from e2e._proc import HarnessError

RUNC = shutil.which("runc") or "/usr/sbin/runc"
SECCOMP_PROFILE = pathlib.Path("/usr/share/containers/seccomp.json")
DEBIAN_PACKAGES = {"runc": "runc", "seccomp": "golang-github-containers-common", "ip": "iproute2",
                   "nsenter": "util-linux", "busybox": "busybox", "nginx": "nginx",
                   "docker-registry": "docker-registry"}

# containerd's default capabilities for a CRI container (pkg/cri/opts/spec_linux.go, the Docker set).
DEFAULT_CAPABILITIES = ("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
                        "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
                        "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE")
ALL_CAPABILITIES = ("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID", "CAP_KILL",
                    "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE",
                    "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
                    "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE", "CAP_SYS_PACCT",
                    "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE", "CAP_SYS_TIME",
                    "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL",
                    "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
                    "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE")
MASKED_PATHS = ("/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats", "/proc/timer_list",
                "/proc/timer_stats", "/proc/sched_debug", "/proc/scsi", "/sys/firmware",
                "/sys/devices/virtual/powercap")
READONLY_PATHS = ("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger")

_GO_ARCH = {"x86_64": "amd64", "aarch64": "arm64", "s390x": "s390x", "ppc64le": "ppc64le"}
_SCMP_ARCH = {"x86_64": "SCMP_ARCH_X86_64", "aarch64": "SCMP_ARCH_AARCH64", "s390x": "SCMP_ARCH_S390X",
              "ppc64le": "SCMP_ARCH_PPC64LE"}


# ---------------------------------------------------------------------------------------------------------------------
# Seccomp.

def _kernel_at_least(minimum: str) -> bool:
    def parts(text: str) -> tuple[int, ...]:
        return tuple(int(p) for p in text.split("-")[0].split(".")[:2] if p.isdigit())
    return parts(platform.release()) >= parts(minimum)


def runtime_default_seccomp(capabilities: Collection[str], path: pathlib.Path = SECCOMP_PROFILE) -> dict[str, Any]:
    """The RuntimeDefault profile in the OCI form, for a container with `capabilities` on this architecture: entries
    are kept when every capability and the architecture of their `includes` apply and nothing of their `excludes`
    (the rules of moby's and containers-common's loaders)."""
    profile = json.loads(path.read_text())
    machine = platform.machine()
    go_arch, scmp_arch = _GO_ARCH.get(machine), _SCMP_ARCH.get(machine)
    if go_arch is None or scmp_arch is None:
        raise HarnessError(f"no seccomp architecture known for {machine}")
    architectures = [scmp_arch]
    for entry in profile.get("archMap") or []:
        if entry["architecture"] == scmp_arch:
            architectures += entry.get("subArchitectures") or []
    syscalls = []
    for call in profile.get("syscalls") or []:
        includes, excludes = call.get("includes") or {}, call.get("excludes") or {}
        if includes.get("arches") and go_arch not in includes["arches"]:
            continue
        if includes.get("caps") and not all(cap in capabilities for cap in includes["caps"]):
            continue
        if includes.get("minKernel") and not _kernel_at_least(includes["minKernel"]):
            continue
        if excludes.get("arches") and go_arch in excludes["arches"]:
            continue
        if excludes.get("caps") and any(cap in capabilities for cap in excludes["caps"]):
            continue
        if excludes.get("minKernel") and _kernel_at_least(excludes["minKernel"]):
            continue
        rule: dict[str, Any] = {"names": list(call["names"]), "action": call["action"]}
        if call.get("args"):
            rule["args"] = [{key: arg[key] for key in ("index", "value", "valueTwo", "op") if key in arg}
                            for arg in call["args"]]
        if call.get("errnoRet") is not None:
            rule["errnoRet"] = int(call["errnoRet"])
        syscalls.append(rule)
    result: dict[str, Any] = {"defaultAction": profile["defaultAction"], "architectures": architectures,
                              "syscalls": syscalls}
    if profile.get("defaultErrnoRet") is not None:
        result["defaultErrnoRet"] = int(profile["defaultErrnoRet"])
    return result


# ---------------------------------------------------------------------------------------------------------------------
# The OCI spec.

def base_config(*, args: Sequence[str], env: Sequence[str], cwd: str, uid: int, gid: int,
                additional_gids: Sequence[int], capabilities: Sequence[str], no_new_privileges: bool,
                readonly_root: bool, hostname: str, netns_path: str) -> dict[str, Any]:
    """containerd's CRI defaults for one container of a pod (its own mount, pid, ipc and uts namespaces; the pod's
    network namespace)."""
    caps = list(capabilities)
    return {
        "ociVersion": "1.0.2-dev",
        "process": {
            "terminal": False, "user": {"uid": uid, "gid": gid, "additionalGids": list(additional_gids)},
            "args": list(args), "env": list(env), "cwd": cwd,
            # containerd: no inheritable or ambient capabilities (CVE-2022-24769); for a non-root user the kernel
            # clears permitted/effective at execve, exactly as in a cluster.
            "capabilities": {"bounding": caps, "effective": caps, "permitted": caps, "inheritable": [],
                             "ambient": []},
            "noNewPrivileges": no_new_privileges,
        },
        "root": {"path": "rootfs", "readonly": readonly_root},
        "hostname": hostname,
        "mounts": [
            {"destination": "/proc", "type": "proc", "source": "proc", "options": ["nosuid", "noexec", "nodev"]},
            {"destination": "/dev", "type": "tmpfs", "source": "tmpfs",
             "options": ["nosuid", "strictatime", "mode=755", "size=65536k"]},
            {"destination": "/dev/pts", "type": "devpts", "source": "devpts",
             "options": ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]},
            {"destination": "/dev/mqueue", "type": "mqueue", "source": "mqueue",
             "options": ["nosuid", "noexec", "nodev"]},
            {"destination": "/sys", "type": "sysfs", "source": "sysfs", "options": ["nosuid", "noexec", "nodev", "ro"]},
            {"destination": "/sys/fs/cgroup", "type": "cgroup", "source": "cgroup",
             "options": ["nosuid", "noexec", "nodev", "relatime", "ro"]},
            {"destination": "/dev/shm", "type": "tmpfs", "source": "shm",
             "options": ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]},
        ],
        "linux": {
            "namespaces": [{"type": "pid"}, {"type": "ipc"}, {"type": "uts"}, {"type": "mount"},
                           {"type": "network", "path": netns_path}],
            "maskedPaths": list(MASKED_PATHS),
            "readonlyPaths": list(READONLY_PATHS),
            "resources": {"devices": [{"allow": False, "access": "rwm"}]},
        },
    }


# ---------------------------------------------------------------------------------------------------------------------
# runc.

class Runc:
    """`runc --root STATE ...`. Containers run in the foreground: the `runc run` child's exit status is the container
    process's (128+N for a signal), and runc removes the container when it ends."""

    def __init__(self, state_dir: pathlib.Path, binary: str = RUNC) -> None:
        self.state_dir = state_dir
        self.binary = binary
        state_dir.mkdir(parents=True, exist_ok=True)

    def _argv(self, *args: str) -> list[str]:
        return [self.binary, "--root", str(self.state_dir), *args]

    def run(self, container_id: str, bundle: pathlib.Path, log: IO[bytes]) -> subprocess.Popen[bytes]:
        """Start `runc run` (stdout and stderr of the container into `log`); the pid file appears once it runs."""
        return subprocess.Popen(  # argv built here, never by a shell
            self._argv("run", "--bundle", str(bundle), "--pid-file", str(bundle / "container.pid"), container_id),
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def exec(self, container_id: str, process_file: pathlib.Path) -> subprocess.Popen[bytes]:
        """`runc exec` of the process spec in `process_file` (a config.json `process`) in the running container;
        its output (stdout and stderr) readable from the returned process."""
        return subprocess.Popen(  # argv built here, never by a shell
            self._argv("exec", "--process", str(process_file), container_id),
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)

    def kill(self, container_id: str, sig: signal.Signals) -> bool:
        result = subprocess.run(self._argv("kill", container_id, str(int(sig))), capture_output=True, check=False)
        return result.returncode == 0

    def delete(self, container_id: str) -> None:
        subprocess.run(self._argv("delete", "--force", container_id), capture_output=True, check=False)

    def state(self, container_id: str) -> dict[str, Any] | None:
        result = subprocess.run(self._argv("state", container_id), capture_output=True, text=True, check=False)
        if result.returncode != 0:
            return None
        state: dict[str, Any] = json.loads(result.stdout)
        return state

    def list(self) -> list[str]:
        result = subprocess.run(self._argv("list", "--format", "json"), capture_output=True, text=True, check=False)
        if result.returncode != 0 or not result.stdout.strip() or result.stdout.strip() == "null":
            return []
        return [str(entry["id"]) for entry in json.loads(result.stdout) or []]


# ---------------------------------------------------------------------------------------------------------------------
# cgroups.

def cgroup_roots() -> list[pathlib.Path]:
    """Mount points of every cgroup hierarchy of this host (each v1 controller, the v2 tree)."""
    roots = []
    for line in pathlib.Path("/proc/self/mountinfo").read_text().splitlines():
        left, _, right = line.partition(" - ")
        if right.split(" ")[0] in ("cgroup", "cgroup2"):
            roots.append(pathlib.Path(left.split(" ")[4]))
    return roots


def cgroup_dirs(relative: str) -> list[pathlib.Path]:
    """Where `relative` (a cgroupsPath without its leading /) exists, in every hierarchy."""
    return [root / relative for root in cgroup_roots() if (root / relative).is_dir()]


def remove_cgroup_tree(relative: str) -> list[str]:
    """rmdir `relative` and everything below it in every hierarchy, deepest first; returns what could not go."""
    left = []
    for top in cgroup_dirs(relative):
        for dirpath, _, _ in sorted(os.walk(top), key=lambda item: -len(item[0])):
            try:
                os.rmdir(dirpath)
            except OSError as error:
                left.append(f"{dirpath}: {error}")
    return left


def controller_file(relative: str, controller: str, name: str) -> pathlib.Path:
    """A control file of a cgroup, e.g. ("memory", "memory.limit_in_bytes") on v1 or ("", "memory.max") on v2."""
    for root in cgroup_roots():
        if (controller and root.name == controller) or (not controller and (root / "cgroup.controllers").exists()):
            candidate = root / relative / name
            if candidate.exists():
                return candidate
    raise HarnessError(f"no cgroup file {name} for {relative} ({controller or 'v2'})")


# ---------------------------------------------------------------------------------------------------------------------
# Host mounts and network namespaces.

def mounts_under(prefix: pathlib.Path) -> list[str]:
    """Mount points of this mount namespace at or below `prefix`."""
    found = []
    text = str(prefix)
    for line in pathlib.Path("/proc/self/mountinfo").read_text().splitlines():
        point = line.split(" ")[4].replace("\\040", " ")
        if point == text or point.startswith(text + "/"):
            found.append(point)
    return found


def mount_tmpfs(target: pathlib.Path, *, size: int | None, mode: int) -> None:
    options = f"mode={mode:o}" + (f",size={size}" if size is not None else "")
    _check(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(target)], f"mount tmpfs at {target}")


def unmount(target: pathlib.Path) -> None:
    subprocess.run(["umount", "--lazy", str(target)], capture_output=True, check=False)


def netns_add(name: str, address: str | None) -> str:
    """`ip netns add NAME` with lo up (and `address`/32 on lo: the pod's IP when no network gives one)."""
    _check(["ip", "netns", "add", name], f"ip netns add {name}")
    _check(["ip", "-n", name, "link", "set", "lo", "up"], f"lo up in {name}")
    if address:
        _check(["ip", "-n", name, "addr", "add", f"{address}/32", "dev", "lo"], f"address in {name}")
    return f"/run/netns/{name}"


def netns_delete(name: str) -> None:
    subprocess.run(["ip", "netns", "delete", name], capture_output=True, check=False)


def netns_names(prefix: str) -> list[str]:
    folder = pathlib.Path("/run/netns")
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(prefix)) if folder.is_dir() else []


def first_ipv4(netns_path: str) -> str | None:
    """The first global IPv4 address in a network namespace (the pod IP the network gave it)."""
    result = subprocess.run(["nsenter", f"--net={netns_path}", "ip", "-j", "-4", "addr", "show", "scope", "global"],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return None
    for link in json.loads(result.stdout or "[]"):
        for info in link.get("addr_info") or []:
            if info.get("local"):
                return str(info["local"])
    return None


_CLONE_NEWNET = 0x40000000
_libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def enter_netns(netns_path: str) -> None:
    """Move the calling THREAD into a network namespace (setns(2) is per thread): sockets it then opens live there."""
    fd = os.open(netns_path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        if _libc.setns(fd, _CLONE_NEWNET) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"setns({netns_path}): {os.strerror(error)}")
    finally:
        os.close(fd)


@contextlib.contextmanager
def suppress_all() -> Iterator[None]:
    with contextlib.suppress(OSError, subprocess.SubprocessError, HarnessError):
        yield


def _check(argv: list[str], what: str) -> None:
    result = subprocess.run(argv, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise HarnessError(f"{what} failed ({result.returncode}): {result.stderr.strip()}")

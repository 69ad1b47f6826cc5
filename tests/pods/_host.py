"""What a host needs to run pods, and what the pod runner may leave behind on it: shared by every test folder that
runs pods (tests/pods, tests/e2e, tests/traefik) through the session fixture `pods_host` of tests/conftest.py."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import pathlib
import shutil
from collections.abc import Iterator

from pods import _runc


@dataclasses.dataclass(frozen=True)
class PodsHost:
    state_dir: pathlib.Path  # runc --root of every runner of the session
    base: pathlib.Path  # every runner's workdir is below it
    cgroup_prefix: str  # every container's cgroup is below /cgroup_prefix
    netns_prefix: str  # the runner's private network namespaces start with it

    def leftovers(self) -> list[str]:
        found = [f"runc container {cid}" for cid in _runc.Runc(self.state_dir).list()]
        found += [f"cgroup {path}" for path in _runc.cgroup_dirs(self.cgroup_prefix)]
        found += [f"mount {point}" for point in _runc.mounts_under(self.base)]
        found += [f"netns {name}" for name in _runc.netns_names(self.netns_prefix)]
        return found

    def clean(self) -> None:
        runc = _runc.Runc(self.state_dir)
        for cid in runc.list():
            runc.delete(cid)
        for point in sorted(_runc.mounts_under(self.base), key=len, reverse=True):
            _runc.unmount(pathlib.Path(point))
        _runc.remove_cgroup_tree(self.cgroup_prefix)
        for name in _runc.netns_names(self.netns_prefix):
            _runc.netns_delete(name)


class PodsHostError(RuntimeError):
    """The host cannot run pods, or pods left something behind."""


@contextlib.contextmanager
def open_pods_host(base: pathlib.Path) -> Iterator[PodsHost]:
    """The pod runner's host state below `base` (runc state, runners' workdirs; cgroups and network namespaces named
    after this process). Raises PodsHostError at once when the host cannot run pods; afterwards stops what still runs,
    removes everything and raises PodsHostError naming what was left behind."""
    from e2e import _proc

    from . import runner

    problems = missing_requirements()
    if problems:
        raise PodsHostError("cannot run pods here: " + "; ".join(problems))
    host = PodsHost(state_dir=base / "runc-state", base=base, cgroup_prefix=f"pods-runner-{os.getpid()}",
                    netns_prefix=f"pr{os.getpid()}x")
    try:
        yield host
    finally:
        stopped = runner.stop_all_live()
        leaked = _proc.kill_all_live()
        left = host.leftovers()
        host.clean()
        if stopped or leaked or left:
            raise PodsHostError(f"left behind by the pod runner: pods {stopped}, processes {leaked}, {left}")


def missing_requirements() -> list[str]:
    """What this host lacks to run pods, each with the Debian package that provides it."""
    problems = []
    if os.geteuid() != 0:
        problems.append("the pod runner needs root (runc, cgroups, mounts, network namespaces)")
    tools = {"runc": _runc.RUNC, "ip": "ip", "nsenter": "nsenter", "busybox": "busybox", "nginx": "nginx",
             "docker-registry": "docker-registry"}
    for tool, binary in tools.items():
        if shutil.which(binary) is None and not os.access(binary, os.X_OK):
            problems.append(f"{tool} is missing (Debian package {_runc.DEBIAN_PACKAGES[tool]})")
    if not _runc.SECCOMP_PROFILE.is_file():
        problems.append(f"the RuntimeDefault seccomp profile {_runc.SECCOMP_PROFILE} is missing (Debian package "
                        f"{_runc.DEBIAN_PACKAGES['seccomp']})")
    return problems

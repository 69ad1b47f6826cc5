"""Init containers of the registry pod, run on this machine before the registry starts.

Only one shape can be honoured without the image: `[/bin/sh|sh, -c, SCRIPT, ARG0...]` in the registry image itself
(alpine busybox sh there). SCRIPT runs with the host's /bin/sh (dash: a script that runs on both is POSIX, which is a
useful portability check) and the container's environment. Every volume mount path of the init container that occurs
in the script, its extra arguments or its environment values is rewritten to the host folder of that volume (the same
folder the registry container gets for the same volume, so what the init container writes to an emptyDir, the
registry reads). Any other absolute path into the container's own filesystem is refused: the harness does not model
an init container's layer, and on the host such a path would be the host's own file.
"""

from __future__ import annotations

import os
import pathlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from . import _kube
from ._kube import MountSpec, PodTemplate, ResolvedEnv, UnsupportedSpec
from ._proc import HarnessError

HOST_SHELL = "/bin/sh"
SHELLS = ("/bin/sh", "sh")

# A word that starts with "/" and is not the continuation of another word or path (so `s/a/b/`, `a/b`, `$x/y` and
# `http://host/path` are not taken for paths; `'/run/x'`, `>/run/x`, `--file=/run/x` are).
_PATH_START = r"(?<![\w.~/@+-])"
_PATH_CHARS = r"[\w.@+-]"
_ABSOLUTE_PATH = re.compile(_PATH_START + rf"/{_PATH_CHARS}+(?:/{_PATH_CHARS}*)*")
# Paths that mean the same thing on the host as in the image: commands and character devices.
_SYSTEM_PATH = re.compile(r"^/(?:(?:usr/)?s?bin/[\w.+-]+|dev/(?:null|zero|random|urandom|stdin|stdout|stderr|fd/\d+))$")
# Top-level entries of the registry:2 image (alpine). A path under one of them, or under anything at the host's own
# root, would touch a real file on the host: refused unless it is under a volume mount. Other words starting with "/"
# (the `/g` of `sed "s/'/''/g"`, a URL path in a value) are left alone.
_IMAGE_TOP_LEVEL = {"bin", "dev", "entrypoint.sh", "etc", "home", "lib", "media", "mnt", "opt", "proc", "root", "run",
                    "sbin", "srv", "sys", "tmp", "usr", "var"}
_SAFE_HOST_PATH = re.compile(r"^/[\w./@+-]+$")


@dataclass(frozen=True)
class InitContainer:
    """One init container, read and checked at construction; `host_command` maps it onto a pod's host folders."""

    template: PodTemplate
    env: ResolvedEnv
    script: str  # after Kubernetes $(VAR) expansion (which also turns `$$` into `$`), before path mapping
    script_args: tuple[str, ...]  # $0, $1, ... of the script
    mount_specs: list[MountSpec]
    host_shell: str = HOST_SHELL

    @property
    def name(self) -> str:
        return str(self.template.container["name"])

    def host_command(self, mounts: Mapping[str, pathlib.Path]) -> tuple[list[str], dict[str, str]]:
        """argv and environment (the container's own, no image defaults) with container mount paths -> host folders."""
        rewrite = _rewriter(mounts, self.template.where)
        argv = [self.host_shell, "-c", rewrite(self.script), *(rewrite(arg) for arg in self.script_args)]
        env = {name: rewrite(value) for name, value in self.env.values.items()}
        return argv, env


def parse(template: PodTemplate, argv: Sequence[str], env: ResolvedEnv, *, shells: Sequence[str] = SHELLS,
          host_shell: str = HOST_SHELL, service_account_volumes: bool = False) -> InitContainer:
    """Check an init container whose effective argv (image entrypoint applied, $(VAR) expanded) is `argv`. `shells`
    are the shells of the image that the host's `host_shell` stands in for."""
    where = template.where
    if len(argv) < 3 or argv[0] not in shells or argv[1] != "-c":
        raise UnsupportedSpec(f"{where}: command {list(argv)!r} cannot run without the image; the harness runs only "
                              f"`{shells[0]} -c SCRIPT [ARG0 ARGS...]` here (with the host's {host_shell})")
    specs = _kube.mounts(template, service_account_volumes=service_account_volumes)
    if any(spec.mount_path == "/" for spec in specs):
        raise UnsupportedSpec(f"{where}: a volume mounted at / cannot be mapped by rewriting paths")
    mount_paths = [spec.mount_path for spec in specs]
    texts = [("the script", argv[2]), *((f"argument {arg!r}", arg) for arg in argv[3:]),
             *((f"env {name}", value) for name, value in env.values.items() if name not in env.service_links)]
    for what, text in texts:
        unmapped = sorted(set(unmapped_paths(text, mount_paths)))
        if unmapped:
            raise UnsupportedSpec(
                f"{where}: {what} uses {unmapped}, which are in the container's own filesystem, not under one of its "
                f"volume mounts {sorted(mount_paths)}; the harness only maps mounted paths (on this machine they would "
                "be the host's own files)")
    return InitContainer(template, env, argv[2], tuple(argv[3:]), specs, host_shell)


def unmapped_paths(text: str, mount_paths: Sequence[str]) -> list[str]:
    """Absolute paths in `text` that are neither under one of `mount_paths` nor a command/device path."""
    found = []
    for match in _ABSOLUTE_PATH.finditer(text):
        path = match.group(0).rstrip("/") or "/"
        if _SYSTEM_PATH.match(path) or any(_under(path, mount) for mount in mount_paths):
            continue
        top = path.split("/")[1]
        if top in _IMAGE_TOP_LEVEL or os.path.lexists(f"/{top}"):
            found.append(path)
    return found


def is_container_path(value: str) -> bool:
    """Whether a whole value is an absolute path into the container's own filesystem (not a command or device)."""
    return _ABSOLUTE_PATH.fullmatch(value) is not None and bool(unmapped_paths(value, []))


def _under(path: str, mount: str) -> bool:
    return path == mount or path.startswith(mount + "/")


def _rewriter(mounts: Mapping[str, pathlib.Path], where: str) -> Callable[[str], str]:
    for container_path, host in mounts.items():
        if not _SAFE_HOST_PATH.match(str(host)):
            # It is pasted into a shell script: a space or quote would change what the script does.
            raise HarnessError(f"{where}: host folder {host} for {container_path} has characters that are not safe "
                               "in a shell script; use a plain temporary folder")
    # Longest mount path first, and only whole path components: /run/registry never rewrites /run/registry-x.
    ordered = sorted(mounts, key=len, reverse=True)
    if not ordered:
        return lambda text: text
    pattern = re.compile(_PATH_START + "(" + "|".join(re.escape(path) for path in ordered) + f")(?!{_PATH_CHARS})")
    return lambda text: pattern.sub(lambda match: str(mounts[match.group(1)]), text)


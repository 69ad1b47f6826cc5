"""A real Redis server for the registry's blob-descriptor cache: Debian's redis-server on loopback, in memory only."""

from __future__ import annotations

import pathlib
import shutil
import subprocess
from collections.abc import Callable

from typing_extensions import Self

from . import _proc
from ._proc import HarnessError

REDIS_SERVER = "/usr/bin/redis-server"
REDIS_CLI = "/usr/bin/redis-cli"


class RedisServer:
    """`redis-server` in the foreground on 127.0.0.1:<free port> (or `host`:`port`) with a password, no persistence
    (no RDB, no AOF) and its working folder in `workdir`; started and stopped like the harness's other processes
    (never daemonized, so stop() and the session's leak check reach it). `wrap` turns its argv into the command that
    runs it (in a pod's network namespace, say)."""

    def __init__(self, workdir: pathlib.Path, *, password: str, start_timeout: float = 10.0,
                 host: str = _proc.LOOPBACK, port: int | None = None,
                 wrap: Callable[[list[str]], list[str]] | None = None) -> None:
        for tool in (REDIS_SERVER, REDIS_CLI):
            if shutil.which(tool) is None:
                raise HarnessError(f"{tool} missing: Debian package redis-server (make test installs it)")
        self.workdir = workdir
        self.host = host
        self.wrap = wrap
        self.password = password
        self.start_timeout = start_timeout
        self._fixed_port = port
        self.port = 0
        self.log_path = workdir / "redis.log"
        self._server: _proc.LoggedProcess | None = None

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self) -> Self:
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.port = self._fixed_port or _proc.free_port()
        argv = [REDIS_SERVER, "--port", str(self.port), "--bind", self.host, "--save", "", "--appendonly", "no",
                "--daemonize", "no", "--dir", str(self.workdir), "--requirepass", self.password]
        self._server = _proc.LoggedProcess(self.wrap(argv) if self.wrap else argv, env={"PATH": "/usr/bin:/bin"},
                                           cwd=self.workdir,
                                           log_path=self.log_path)
        _proc.wait_ready(f"redis {self.address} PING", self._pong, timeout=self.start_timeout, interval=0.05,
                         alive=self._dead, stop=self.stop)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.stop(grace=5)
            self._server = None

    def cli(self, *args: str, password: str | None = None) -> str:
        """redis-cli against this server (its password unless another is given); stdout, a failure raises."""
        result = subprocess.run(
            [REDIS_CLI, "-h", self.host, "-p", str(self.port), "--no-auth-warning", "-a",
             self.password if password is None else password, *args],
            capture_output=True, text=True, timeout=10, stdin=subprocess.DEVNULL, check=False)
        if result.returncode != 0:
            raise HarnessError(f"redis-cli {' '.join(args)} failed ({result.returncode}): {result.stderr[-2000:]}")
        return result.stdout

    def keys(self, pattern: str = "*") -> list[str]:
        return sorted(line for line in self.cli("--raw", "KEYS", pattern).splitlines() if line)

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _pong(self) -> bool | None:
        return True if self.cli("PING").strip() == "PONG" else None

    def _dead(self) -> str | None:
        if self._server is not None and self._server.has_exited():
            self._server.stop(grace=0)
            self._server = None
            return f"redis-server exited; log:\n{self.log_path.read_text(errors='replace')[-3000:]}"
        return None

"""Process plumbing shared by the e2e harness: free ports, bounded polling, process groups that never outlive a test,
and in-process HTTP servers on a thread of their own."""

from __future__ import annotations

import atexit
import contextlib
import os
import pathlib
import signal
import socket
import socketserver
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from typing import IO, TypeVar

T = TypeVar("T")

LOOPBACK = "127.0.0.1"

# Every child started through `spawn` until it is reaped: the session check and the atexit hook look here.
_LIVE: dict[int, subprocess.Popen[bytes]] = {}


class HarnessError(RuntimeError):
    """Something the harness cannot honour or a component that did not behave: always a loud test failure."""


def free_port() -> int:
    """A TCP port that is free on the loopback address right now (the small race with other processes is accepted)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((LOOPBACK, 0))
        return int(sock.getsockname()[1])


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((LOOPBACK, port))
        except OSError:
            return False
        return True


def wait_for(what: str, probe: Callable[[], T | None], *, timeout: float, interval: float = 0.1,
             alive: Callable[[], str | None] | None = None) -> T:
    """Poll `probe` until it returns something other than None; bounded by `timeout` seconds.

    `alive` is asked between attempts and returns an error text when the thing being waited for has died, so a crashed
    server fails at once with its log instead of after the whole timeout.
    """
    deadline = time.monotonic() + timeout
    last_error: BaseException | None = None
    while True:
        if alive is not None and (dead := alive()) is not None:
            raise HarnessError(f"{what}: {dead}")
        try:
            result = probe()
        except Exception as error:  # noqa: BLE001  (any error means "not yet"; the last one is reported on timeout)
            last_error, result = error, None
        if result is not None:
            return result
        if time.monotonic() >= deadline:
            raise HarnessError(f"{what}: not ready after {timeout:.0f} s (last error: {last_error!r})")
        time.sleep(interval)


def wait_ready(what: str, probe: Callable[[], T | None], *, timeout: float, interval: float = 0.1,
               alive: Callable[[], str | None], stop: Callable[[], None]) -> T:
    """wait_for() as a server's start() uses it: on any failure (not ready in time, dead, interrupted) `stop()` runs
    before the error propagates, so a server that never came up leaves no process, log handle or folder behind."""
    try:
        return wait_for(what, probe, timeout=timeout, interval=interval, alive=alive)
    except BaseException:
        stop()
        raise


def spawn(argv: Sequence[str], *, env: Mapping[str, str], cwd: pathlib.Path, log: IO[bytes]) -> subprocess.Popen[bytes]:
    """Start a child in its own process group (so stop() also reaches anything it forks), output into `log`."""
    process = subprocess.Popen(  # argv is built by the harness, never by a shell
        list(argv), env=dict(env), cwd=cwd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    _LIVE[process.pid] = process
    return process


class LoggedProcess:
    """A child started through spawn() whose output is appended to `log_path` over a file handle of its own, which
    stop() closes: what each of the harness's servers runs as. `preamble` is written to the log before the child
    starts."""

    def __init__(self, argv: Sequence[str], *, env: Mapping[str, str], cwd: pathlib.Path, log_path: pathlib.Path,
                 preamble: str = "") -> None:
        self.log_path = log_path
        self._log = log_path.open("ab")
        try:
            if preamble:
                self._log.write(preamble.encode())
                self._log.flush()
            self.process = spawn(argv, env=env, cwd=cwd, log=self._log)
        except BaseException:
            self._log.close()
            raise

    def has_exited(self) -> bool:
        return has_exited(self.process)

    def stop(self, *, grace: float) -> int:
        """terminate() the child (SIGKILL after `grace` seconds), then close the log; returns the exit code."""
        try:
            return terminate(self.process, grace=grace)
        finally:
            self._log.close()


def terminate(process: subprocess.Popen[bytes], *, grace: float) -> int:
    """SIGTERM the whole process group, SIGKILL it after `grace` seconds; always reaps the child.

    The leader is only reaped after the group got its SIGKILL: until then its zombie keeps the group id reserved, so the
    signal can never reach an unrelated process that reused the id.
    """
    try:
        if process.returncode is None:
            _signal_group(process.pid, signal.SIGTERM)
            deadline = time.monotonic() + grace
            while not _exited_unreaped(process.pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            _signal_group(process.pid, signal.SIGKILL)  # stragglers of the group, or the leader itself after `grace`
        return process.wait(timeout=10)
    finally:
        _LIVE.pop(process.pid, None)


def wait_exit(process: subprocess.Popen[bytes], *, timeout: float) -> int:
    """Wait for a run-to-completion child, then kill what is left of its group; a child over time is killed."""
    deadline = time.monotonic() + timeout
    while not _exited_unreaped(process.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    timed_out = not _exited_unreaped(process.pid)
    code = terminate(process, grace=0)
    if timed_out:
        raise HarnessError(f"{process.args!r} did not finish within {timeout:.0f} s")
    return code


def has_exited(process: subprocess.Popen[bytes]) -> bool:
    """True once the child ended; it stays a zombie (its id reserved) until terminate() or wait_exit() reaps it."""
    return process.returncode is not None or _exited_unreaped(process.pid)


def serve_in_thread(server: socketserver.BaseServer, name: str) -> threading.Thread:
    """Start `server.serve_forever()` on a daemon thread called `name` (it notices shutdown() within 0.1 s)."""
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name=name, daemon=True)
    thread.start()
    return thread


def stop_serving(server: socketserver.BaseServer, thread: threading.Thread | None, *, timeout: float) -> None:
    """shutdown() `server` and join its `thread` (bounded by `timeout` seconds) if it was started, then close the
    socket, which a server never started holds too."""
    if thread is not None:
        server.shutdown()
        thread.join(timeout=timeout)
    server.server_close()


def _exited_unreaped(pid: int) -> bool:
    try:
        return os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None
    except ChildProcessError:  # already reaped
        return True


def live_processes() -> list[subprocess.Popen[bytes]]:
    return [process for process in _LIVE.values() if not _exited_unreaped(process.pid)]


def kill_all_live() -> list[str]:
    """Kill every child still registered; returns their command lines for the error message."""
    leaked = []
    for process in list(_LIVE.values()):
        if not _exited_unreaped(process.pid):
            args = process.args  # spawn() always passes a list; Popen's type also allows one str or path
            leaked.append(" ".join(map(str, args)) if isinstance(args, (list, tuple)) else str(args))
        terminate(process, grace=0)
    return leaked


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


# Last line of defence when pytest dies before fixture finalizers run (KeyboardInterrupt, internal error).
atexit.register(kill_all_live)

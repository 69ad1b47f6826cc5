"""How the Kubernetes API server writes its answers, for the fake API servers of the tests (tests/e2e/_kube_api.py,
tests/traefik/_fake_api.py): JSON objects, `Status` errors, and watch streams, which start with the initial events of
a "watch list" (sendInitialEvents=true) and are then held open."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Callable, Mapping, Sequence
from typing import Any

INITIAL_EVENTS_END = "k8s.io/initial-events-end"


def initial_events(items: Sequence[Mapping[str, Any]], *, kind: str, api_version: str,
                   resource_version: str) -> list[dict[str, Any]]:
    """A watch list's first events: one ADDED per object, then the bookmark that says they were all sent."""
    return [*({"type": "ADDED", "object": item} for item in items),
            {"type": "BOOKMARK", "object": {"kind": kind, "apiVersion": api_version, "metadata": {
                "resourceVersion": resource_version, "annotations": {INITIAL_EVENTS_END: "true"}}}}]


class ApiResponses(http.server.BaseHTTPRequestHandler):
    """A request handler's answers in the API server's forms."""

    def _json(self, status: int, body: Mapping[str, Any]) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def _status(self, code: int, reason: str, message: str) -> None:
        self._json(code, {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
                          "message": message, "reason": reason, "code": code})

    def _hold_watch(self, events: Sequence[Mapping[str, Any]], stopping: threading.Event) -> None:
        """A watch stream: `events`, then nothing more until `stopping` is set or the client leaves."""

        def nothing() -> list[Mapping[str, Any]]:
            stopping.wait(0.2)
            return []

        self._follow_watch(events, nothing, stopping)

    def _follow_watch(self, first: Sequence[Mapping[str, Any]],
                      changes: Callable[[], Sequence[Mapping[str, Any]]], stopping: threading.Event) -> None:
        """A live watch stream: the events `first`, then whatever `changes()` returns (it waits a moment for a
        change and returns the new events, possibly none) until `stopping` is set or the client leaves."""
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for event in first:
                self._chunk(json.dumps(event).encode() + b"\n")
            while not stopping.is_set():
                for event in changes():
                    self._chunk(json.dumps(event).encode() + b"\n")
            self._chunk(b"")
        except OSError:
            pass  # the client closed the stream
        self.close_connection = True

    def _chunk(self, data: bytes) -> None:
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

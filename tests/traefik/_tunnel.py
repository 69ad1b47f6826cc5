"""A CONNECT proxy on the loopback address that plays DNS for the test: `registry.example.com:443` is tunnelled to
Traefik's websecure entry point and `:80` to its web entry point, so clients use the real hostname (in the Host
header, in TLS SNI and in the registry's upload URLs) without touching /etc/hosts. With `upload_rate` it is also a
slow client's network: what the client sends is passed on at that many bytes per second at most (TLS stays end to end:
the proxy only ever sees the tunnelled bytes).

skopeo (Go's HTTPS_PROXY) and Python's http.client (set_tunnel) both speak CONNECT. Only the configured
host:port pairs are tunnelled, and only ever to 127.0.0.1; anything else is refused with 403 and recorded in
`refused`, which the tests assert to be empty.
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
import time
from collections.abc import Mapping

LOOPBACK = "127.0.0.1"
_MAX_HEAD = 8192
_IO_TIMEOUT = 30.0


class TunnelProxy:
    def __init__(self, routes: Mapping[tuple[str, int], int], *, upload_rate: float | None = None) -> None:
        """`routes`: (hostname, port) asked for in CONNECT -> the loopback port to connect to. `upload_rate`: bytes
        per second at most from the client to the upstream, per tunnel (None: as fast as they come)."""
        self.routes = dict(routes)
        self.upload_rate = upload_rate
        self.refused: list[str] = []
        self._listener = socket.create_server((LOOPBACK, 0))
        self._listener.settimeout(0.2)
        self._stopping = threading.Event()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()
        self._accept_thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._listener.getsockname()[1])

    @property
    def url(self) -> str:
        return f"http://{LOOPBACK}:{self.port}"

    def start(self) -> TunnelProxy:
        self._accept_thread = threading.Thread(target=self._accept_loop, name="tunnel-accept", daemon=True)
        self._accept_thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._accept_thread is not None:
            self._accept_thread.join(timeout=5)
        self._listener.close()
        with self._lock:
            threads = list(self._threads)
        for thread in threads:
            thread.join(timeout=5)

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                client, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            thread = threading.Thread(target=self._serve, args=(client,), name="tunnel", daemon=True)
            with self._lock:
                self._threads = [t for t in self._threads if t.is_alive()]
                self._threads.append(thread)
            thread.start()

    def _serve(self, client: socket.socket) -> None:
        with contextlib.ExitStack() as stack:
            stack.enter_context(client)
            client.settimeout(_IO_TIMEOUT)
            head = b""
            while b"\r\n\r\n" not in head:
                data = client.recv(4096)
                if not data or len(head) > _MAX_HEAD:
                    return
                head += data
            request_line = head.split(b"\r\n", 1)[0].decode("latin-1")
            parts = request_line.split()
            target = None
            if len(parts) == 3 and parts[0] == "CONNECT" and ":" in parts[1]:
                host, _, port = parts[1].rpartition(":")
                if port.isdigit():
                    target = self.routes.get((host.lower(), int(port)))
            if target is None:
                with self._lock:
                    self.refused.append(request_line)
                client.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                return
            upstream = stack.enter_context(socket.create_connection((LOOPBACK, target), timeout=_IO_TIMEOUT))
            client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
            rest = head.split(b"\r\n\r\n", 1)[1]
            if rest:
                upstream.sendall(rest)
            self._pipe(client, upstream)

    def _pipe(self, client: socket.socket, upstream: socket.socket) -> None:
        peers = {client: upstream, upstream: client}
        # Throttled: the client's bytes are read in twentieths of a second's worth and each is passed on no earlier
        # than its turn, so no burst ever exceeds one chunk (a leaky bucket).
        client_chunk = 65536 if self.upload_rate is None else max(1024, int(self.upload_rate / 20))
        next_send = time.monotonic()
        with selectors.DefaultSelector() as selector:
            for sock in peers:
                selector.register(sock, selectors.EVENT_READ)
            open_sides = 2
            while open_sides and not self._stopping.is_set():
                for key, _ in selector.select(timeout=0.2):
                    source: socket.socket = key.fileobj  # type: ignore[assignment]
                    try:
                        data = source.recv(client_chunk if source is client else 65536)
                    except OSError:
                        return
                    if not data:  # one side finished sending: pass the half-close on
                        selector.unregister(source)
                        open_sides -= 1
                        with contextlib.suppress(OSError):
                            peers[source].shutdown(socket.SHUT_WR)
                        continue
                    if source is client and self.upload_rate is not None:
                        next_send = max(next_send, time.monotonic()) + len(data) / self.upload_rate
                        if self._stopping.wait(max(0.0, next_send - time.monotonic())):
                            return
                    try:
                        peers[source].sendall(data)
                    except OSError:
                        return

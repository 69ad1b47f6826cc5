"""A minimal Docker registry token server (the Bearer auth of Docker Hub and most hosted registries), for an upstream
of a pull-through cache.

Why the harness needs it: the registry's proxy mode only answers *Bearer* challenges with its configured
proxy.username/password (distribution registry/proxy/proxyauth.go stores credentials for token realms only; see
distribution issue #3153). An htpasswd (Basic) upstream never receives them, so the credential path of a proxy can
only be exercised against a token-auth upstream: a registry with `auth.token` whose realm is this server.

It implements the documented token flow: GET <realm>?service=S&scope=repository:NAME:ACTIONS with HTTP Basic
credentials; unknown credentials get 401; known ones get a JWT (RS256, x5c header with the signing certificate, which
is also the registry's rootcertbundle) granting exactly the requested actions. Every request is recorded.
"""

from __future__ import annotations

import base64
import datetime
import http.server
import json
import pathlib
import secrets
import threading
import time
import urllib.parse
from collections.abc import Mapping
from dataclasses import dataclass

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.x509.oid import NameOID
from typing_extensions import Self

from . import _proc
from ._proc import HarnessError


@dataclass(frozen=True)
class TokenRequest:
    account: str | None  # the Basic user name sent, None without credentials
    authenticated: bool
    scopes: tuple[str, ...]
    user_agent: str


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class TokenServer:
    """Serves tokens for `users` on http://HOST:PORT/token in a thread of the test process (default 127.0.0.1 and a
    free port; pods reach it on the node's IP)."""

    #: Where a registry pod finds the signer's certificate (``registry_files()`` puts it there).
    ROOT_CERT_BUNDLE_PATH = "/run/harness-token/token-signer.pem"

    def __init__(self, workdir: pathlib.Path, *, users: Mapping[str, str], service: str = "upstream.test",
                 issuer: str = "e2e-token-issuer", host: str = _proc.LOOPBACK, port: int = 0) -> None:
        self.host, self.port = host, port
        self.users = dict(users)
        self.service = service
        self.issuer = issuer
        self.requests: list[TokenRequest] = []
        self._lock = threading.Lock()
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "e2e token signer")])
        now = datetime.datetime.now(datetime.timezone.utc)
        self._cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                      .public_key(self._key.public_key()).serial_number(x509.random_serial_number())
                      .not_valid_before(now - datetime.timedelta(minutes=5))
                      .not_valid_after(now + datetime.timedelta(days=1))
                      .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                      .sign(self._key, hashes.SHA256()))
        workdir.mkdir(parents=True, exist_ok=True)
        self.root_cert_bundle = workdir / "token-signer.pem"
        self.root_cert_bundle.write_bytes(self._cert.public_bytes(serialization.Encoding.PEM))
        self._server: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def realm(self) -> str:
        if self._server is None:
            raise HarnessError("the token server is not running")
        return f"http://{self.host}:{self._server.server_address[1]}/token"

    def registry_overrides(self) -> dict[str, str]:
        """Environment that turns a registry pod WITHOUT auth of its own into a token-auth registry of this server
        (with ``files=registry_files()``)."""
        return {"REGISTRY_AUTH": "token", "REGISTRY_AUTH_TOKEN_REALM": self.realm,
                "REGISTRY_AUTH_TOKEN_SERVICE": self.service, "REGISTRY_AUTH_TOKEN_ISSUER": self.issuer,
                "REGISTRY_AUTH_TOKEN_ROOTCERTBUNDLE": self.ROOT_CERT_BUNDLE_PATH}

    def registry_files(self) -> dict[str, bytes]:
        """The files a registry pod of ``registry_overrides()`` reads: the token signer's certificate."""
        return {self.ROOT_CERT_BUNDLE_PATH: self.root_cert_bundle.read_bytes()}

    def start(self) -> Self:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                server._handle(self)

            def log_message(self, format: str, *args: object) -> None:
                pass  # recorded in server.requests instead

        self._server = http.server.ThreadingHTTPServer((self.host, self.port), Handler)
        self._server.daemon_threads = True
        self._thread = _proc.serve_in_thread(self._server, "e2e-token-server")
        return self

    def stop(self) -> None:
        if self._server is not None:
            _proc.stop_serving(self._server, self._thread, timeout=5)
            self._server = None
        self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _handle(self, request: http.server.BaseHTTPRequestHandler) -> None:
        url = urllib.parse.urlsplit(request.path)
        query = urllib.parse.parse_qs(url.query)
        account, password = None, None
        header = request.headers.get("Authorization", "")
        if header.startswith("Basic "):
            try:
                account, _, password = base64.b64decode(header[6:]).decode().partition(":")
            except ValueError:
                account = None
        authenticated = account is not None and self.users.get(account) == password
        scopes = tuple(query.get("scope", []))
        with self._lock:
            self.requests.append(TokenRequest(account, authenticated, scopes, request.headers.get("User-Agent", "")))
        if url.path != "/token" or query.get("service") != [self.service]:
            self._reply(request, 404, {"errors": [{"code": "NOT_FOUND"}]})
        elif not authenticated:
            self._reply(request, 401, {"errors": [{"code": "UNAUTHORIZED"}]},
                        {"WWW-Authenticate": 'Basic realm="token"'})
        else:
            token = self._token(str(account), scopes)
            self._reply(request, 200, {"token": token, "access_token": token, "expires_in": 300,
                                       "issued_at": datetime.datetime.now(datetime.timezone.utc).isoformat()})

    def _token(self, account: str, scopes: tuple[str, ...]) -> str:
        access = []
        for scope in scopes:
            kind, _, rest = scope.partition(":")
            name, _, actions = rest.rpartition(":")
            access.append({"type": kind, "name": name, "actions": [a for a in actions.split(",") if a]})
        now = int(time.time())
        header = {"alg": "RS256", "typ": "JWT",
                  "x5c": [base64.b64encode(self._cert.public_bytes(serialization.Encoding.DER)).decode()]}
        claims = {"iss": self.issuer, "sub": account, "aud": self.service, "exp": now + 300, "nbf": now - 30,
                  "iat": now - 30, "jti": secrets.token_hex(8), "access": access}
        signing_input = f"{_b64url(json.dumps(header).encode())}.{_b64url(json.dumps(claims).encode())}"
        signature = self._key.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
        return f"{signing_input}.{_b64url(signature)}"

    @staticmethod
    def _reply(request: http.server.BaseHTTPRequestHandler, status: int, body: object,
               headers: Mapping[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        request.send_response(status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            request.send_header(name, value)
        request.end_headers()
        request.wfile.write(data)

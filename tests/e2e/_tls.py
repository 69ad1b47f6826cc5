"""TLS for the local registry: in the cluster the ingress terminates TLS; locally the registry itself serves a trustme
certificate for 127.0.0.1 and localhost, and every client trusts only that test CA."""

from __future__ import annotations

import pathlib
import ssl
from dataclasses import dataclass

import trustme


@dataclass(frozen=True)
class TlsFiles:
    cert_path: pathlib.Path  # server certificate chain (PEM), for REGISTRY_HTTP_TLS_CERTIFICATE
    key_path: pathlib.Path  # its private key, for REGISTRY_HTTP_TLS_KEY
    ca_path: pathlib.Path  # the test CA certificate
    ca_dir: pathlib.Path  # a folder holding only ca.crt: what skopeo's --*-cert-dir expects

    def client_context(self) -> ssl.SSLContext:
        """A client context that trusts only the test CA (hostname checks stay on)."""
        return ssl.create_default_context(cafile=str(self.ca_path))


def write_tls_files(ca: trustme.CA, directory: pathlib.Path,
                    names: tuple[str, ...] = ("127.0.0.1", "localhost")) -> TlsFiles:
    """A server certificate of `ca` for `names` (IP addresses or host names), its key, and the CA for clients."""
    directory.mkdir(parents=True, exist_ok=True)
    server = ca.issue_cert(*names)
    cert_path, key_path = directory / "server.crt", directory / "server.key"
    server.private_key_pem.write_to_path(str(key_path))
    cert_path.write_bytes(b"".join(blob.bytes() for blob in server.cert_chain_pems))
    ca_dir = directory / "ca"
    ca_dir.mkdir(exist_ok=True)
    ca.cert_pem.write_to_path(str(ca_dir / "ca.crt"))
    return TlsFiles(cert_path, key_path, ca_dir / "ca.crt", ca_dir)

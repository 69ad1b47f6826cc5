"""What the tests know of the registry:2 image and its binary here (Debian's docker-registry, distribution 2.8.2),
and the one-shot HTTP request every harness part uses. The pod runner lays the image out from these (tests/pods)."""

from __future__ import annotations

import http.client
import ssl
from collections.abc import Mapping

REGISTRY_BINARY = "/usr/bin/docker-registry"
# The registry:2 image's own /etc/docker/registry/config.yml (Debian's /etc file differs and must not be used).
IMAGE_DEFAULT_CONFIG = """\
version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
"""


def http_request(method: str, host: str, port: int, path: str, *, headers: Mapping[str, str] | None = None,
                 body: bytes | None = None, context: ssl.SSLContext | None = None,
                 timeout: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    """One HTTP(S) request on a fresh connection that is always closed (no ResourceWarning under -W error)."""
    conn: http.client.HTTPConnection
    if context is not None:
        conn = http.client.HTTPSConnection(host, port, context=context, timeout=timeout)
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=dict(headers or {}))
        response = conn.getresponse()
        data = response.read()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, data
    finally:
        conn.close()

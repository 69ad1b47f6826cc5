"""What the real Traefik 3.7 makes of a users' Secret for AccessControl.from_secrets (docs/security.md): it reads the
Secret's only key, whatever its name; a Secret of two keys is refused, and the route behind it is then disabled (404),
never left open."""

from __future__ import annotations

import base64
import contextlib
import pathlib
from collections.abc import Iterator
from typing import Any

import bcrypt
import pytest
from e2e.harness import wait_for

from ._fake_api import FakeKubeApi
from ._stack import LOOPBACK, TraefikProcess, UiStandIn, endpoint_slices, plain_request

NAMESPACE = "ns"
LINE = f"alice:{bcrypt.hashpw(b'alice-password', bcrypt.gensalt(4)).decode()}\n"
RIGHT = {"Authorization": "Basic " + base64.b64encode(b"alice:alice-password").decode()}


def _secret(name: str, data: dict[str, str]) -> dict[str, Any]:
    return {"apiVersion": "v1", "kind": "Secret", "type": "Opaque",
            "metadata": {"name": name, "namespace": NAMESPACE},
            "data": {key: base64.b64encode(value.encode()).decode() for key, value in data.items()}}


def _guarded(name: str, secret: str) -> list[dict[str, Any]]:
    """A basicAuth Middleware reading `secret`, and a route /NAME behind it."""
    return [
        {"apiVersion": "traefik.io/v1alpha1", "kind": "Middleware", "metadata": {"name": name, "namespace": NAMESPACE},
         "spec": {"basicAuth": {"secret": secret, "removeHeader": True}}},
        {"apiVersion": "traefik.io/v1alpha1", "kind": "IngressRoute",
         "metadata": {"name": name, "namespace": NAMESPACE},
         "spec": {"entryPoints": ["web"], "routes": [{"kind": "Rule", "match": f"PathPrefix(`/{name}`)",
                                                      "middlewares": [{"name": name}],
                                                      "services": [{"name": "backend", "port": 80}]}]}},
    ]


@pytest.fixture(scope="module")
def traefik(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TraefikProcess]:
    workdir: pathlib.Path = tmp_path_factory.mktemp("access-secrets")
    service = {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "backend", "namespace": NAMESPACE},
               "spec": {"ports": [{"name": "http", "port": 80}]}}
    objects = [service, _secret("named-htpasswd", {"htpasswd": LINE}), _secret("two-keys", {"users": LINE, "x": "y"}),
               *_guarded("named", "named-htpasswd"), *_guarded("two", "two-keys")]
    with contextlib.ExitStack() as cleanup:
        backend = UiStandIn().start()
        cleanup.callback(backend.stop)
        api = FakeKubeApi([*objects, *endpoint_slices(objects, {(NAMESPACE, "backend"): backend.port})]).start()
        cleanup.callback(api.stop)
        process = TraefikProcess(workdir / "traefik", api_url=api.url)
        cleanup.callback(process.stop)
        process.start()
        # It returns at the first problem logged, which may come before the routers: wait for the good one.
        wait_for("Traefik's router for /named", lambda: True if any(
            name.startswith("ns-named-") for name in process.crd_objects("routers")) else None, timeout=20)
        yield process


def test_the_only_key_is_read_whatever_its_name(traefik: TraefikProcess) -> None:
    # GIVEN a Secret whose one key is `htpasswd`, not `users`
    # THEN its lines are the users: the right password passes, none is challenged
    assert plain_request("GET", LOOPBACK, traefik.web_port, "/named", headers=RIGHT)[0] == 200
    assert plain_request("GET", LOOPBACK, traefik.web_port, "/named")[0] == 401


def test_a_secret_of_two_keys_is_refused_and_its_route_disabled(traefik: TraefikProcess) -> None:
    # GIVEN a Secret of two keys THEN Traefik refuses the Middleware, saying why
    problems = traefik.problems()
    assert any("found 2 elements for secret 'ns/two-keys', must be single element exactly" in p for p in problems)
    assert "ns-two@kubernetescrd" not in traefik.crd_objects("middlewares")
    # AND the route behind it is not served at all, not even with the right password: closed, not open
    assert plain_request("GET", LOOPBACK, traefik.web_port, "/two", headers=RIGHT)[0] == 404
    assert plain_request("GET", LOOPBACK, traefik.web_port, "/two")[0] == 404

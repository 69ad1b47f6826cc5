"""The metrics port reveals no secret: the registry's debug listener (Go's default mux, whose /debug/vars shows the
Redis password) stays on the pod's loopback, and the metrics sidecar serves only GET /metrics on the metrics port.

From SYNTHESIZED manifests, on real parts: the registry (Debian's docker-registry 2.8.2), the sidecar's own config
under Debian's nginx, redis-server with a password, a token-auth upstream for the pull-through cache, skopeo."""

from __future__ import annotations

import pathlib
import re

import pytest

from constructs_lib import HtpasswdAuth, HttpSecret, ProxyCache, RedisCache, Registry

from ._constructs import CREDS, PASSWORD, PROBES_OK, USER, Manifest, synth, user_secret
from .conftest import MakeImage, MakeRedis, MakeTokenServer, StartRegistry
from .harness import RedisServer, RegistryPod, Skopeo, TokenServer, http_request

REDIS_PASSWORD = "redis-secret-7f3a9c1e5b"
HTTP_SECRET = "http-secret-2d8e6b4a0c9f1735"
UPSTREAM_USER, UPSTREAM_PASSWORD = "mirror", "upstream-secret-91c4e7a2"
SECRETS = (REDIS_PASSWORD, HTTP_SECRET, UPSTREAM_PASSWORD)
# Go's default mux of the debug listener, the registry's own root, and path tricks against an exact-path proxy.
PATHS = ("/debug/vars", "/debug/pprof/", "/debug/pprof/cmdline", "/metrics", "/", "/v2/", "/metrics/",
         "/metrics/../debug/vars", "//debug/vars", "/%64ebug/vars", "/metrics%2F..%2Fdebug%2Fvars",
         "/debug/vars?/metrics", "/metrics?x=/debug/vars")


@pytest.fixture
def redis_server(make_redis: MakeRedis) -> RedisServer:
    return make_redis(REDIS_PASSWORD)


@pytest.fixture
def token_server(make_token_server: MakeTokenServer) -> TokenServer:
    return make_token_server({UPSTREAM_USER: UPSTREAM_PASSWORD})


def secret_objects() -> list[Manifest]:
    return [user_secret("registry-redis", {"password": REDIS_PASSWORD}),
            user_secret("registry-http-secret", {"http-secret": HTTP_SECRET}),
            user_secret("upstream-credentials", {"username": UPSTREAM_USER, "password": UPSTREAM_PASSWORD})]


def every_secret_setting(redis: RedisServer, upstream_url: str) -> list[Manifest]:
    """A pull-through cache with Redis, an http secret and upstream credentials: every secret the registry holds."""
    return synth(lambda chart: Registry(
        chart, "Registry", name="registry", auth=HtpasswdAuth.from_users({USER: PASSWORD}, cost=4),
        http_secret=HttpSecret.from_secret("registry-http-secret"),
        redis=RedisCache.of(redis.address, password_secret="registry-redis"),
        proxy=ProxyCache.of(remote_url=upstream_url, credentials_secret="upstream-credentials")))


def start_with_every_secret(start_registry: StartRegistry, redis: RedisServer, token_server: TokenServer,
                            make_image: MakeImage, tmp_path: pathlib.Path) -> RegistryPod:
    """The upstream (token auth) holding library/app:v1, and the proxy registry with every secret, after a pull
    through it (so Redis, the upstream credentials and the request metrics have all been used)."""
    # The upstream stands for a registry on the internet: no NetworkPolicy keeps the proxy out.
    upstream = start_registry(synth(lambda chart: Registry(chart, "Upstream", name="upstream", auth=None,
                                                           network_policy=False)),
                              tls=False, overrides=token_server.registry_overrides(),
                              files=token_server.registry_files())
    Skopeo(tmp_path / "skopeo-plain", tls=None).push(make_image(), f"{upstream.address}/library/app:v1",
                                                     creds=(UPSTREAM_USER, UPSTREAM_PASSWORD))
    registry = start_registry(every_secret_setting(redis, upstream.url), secret_objects(), tls=False)
    Skopeo(tmp_path / "skopeo-proxy", tls=None).pull(f"{registry.address}/library/app:v1", tmp_path / "pulled",
                                                     creds=CREDS)
    assert redis.keys(), "the registry never used Redis"
    return registry


def leaked(body: bytes, headers: dict[str, str]) -> list[str]:
    text = body.decode(errors="replace") + "\n".join(headers.values())
    return [secret for secret in SECRETS if secret in text]


def test_no_port_of_the_pod_reveals_a_secret_and_metrics_pass_through_the_sidecar(
        start_registry: StartRegistry, redis_server: RedisServer, token_server: TokenServer, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN the registry with every secret it can hold, its pod run as the cluster would: the registry container and
    # the metrics sidecar (its ConfigMap's nginx.conf under Debian's nginx), after a pull through it
    registry = start_with_every_secret(start_registry, redis_server, token_server, make_image,
                                       tmp_path)
    assert registry.containers() == ["registry", "metrics"]
    assert registry.check_probes() == PROBES_OK
    assert registry.check_probes("metrics") == {"readinessProbe": 200, "livenessProbe": 200}
    # (the registry really holds them: they are in its rendered config file)
    rendered = registry.host_path("/run/registry/config.yml").read_text()
    assert all(secret in rendered for secret in SECRETS)

    # WHEN every path of Go's debug mux (and tricks around an exact path) is fetched on EVERY port the pod exposes:
    # each listener reachable from outside the pod, of any container, declared or not
    exposed = registry.exposed_ports()
    declared = {port for ports in registry.declared_ports().values() for port in ports}
    assert declared <= set(exposed), (declared, exposed)  # every containerPort has a listener
    answers = {(port, path): http_request("GET", registry.ip, local, path)
               for port, local in exposed.items() for path in PATHS}

    # THEN no response carries any secret value
    leaks = {key: leaked(body, headers) for key, (_, headers, body) in answers.items() if leaked(body, headers)}
    assert leaks == {}
    # AND the pod exposes exactly the registry's port and the metrics port (the debug listener is on loopback only)
    assert registry.declared_ports() == {"registry": [5000], "metrics": [5001]}
    assert set(exposed) == {5000, 5001}
    # AND the metrics port answers only GET /metrics (with or without a query), everything else 404
    assert {path: answers[(5001, path)][0] for path in PATHS} == {
        path: 200 if path.split("?")[0] == "/metrics" else 404 for path in PATHS}
    # AND /metrics is the registry's own Prometheus text, through the proxy: request and Go runtime metrics
    _, headers, body = answers[(5001, "/metrics")]
    assert headers["content-type"].startswith("text/plain")
    text = body.decode()
    assert re.search(r'^registry_http_requests_total\{code="200",handler="manifest",method="get"\} \d+$', text,
                     re.MULTILINE), text[:3000]
    assert re.search(r"^go_goroutines \d+$", text, re.MULTILINE), text[:3000]
    # AND another method on /metrics is refused
    assert http_request("POST", registry.ip, exposed[5001], "/metrics", body=b"x")[0] == 403
    # AND the registry's own port never served the debug mux
    assert {answers[(5000, path)][0] for path in ("/debug/vars", "/debug/pprof/", "/metrics")} == {404}


def test_the_loopback_debug_listener_does_reveal_the_redis_password(
        start_registry: StartRegistry, redis_server: RedisServer, token_server: TokenServer, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN the same registry, pod and pull
    registry = start_with_every_secret(start_registry, redis_server, token_server, make_image,
                                       tmp_path)

    # WHEN its own debug listener is asked, as a container of the pod (or kubectl exec / port-forward) would
    assert registry.loopback_ports() == [5002]
    status, body = registry.request_in_pod("GET", 5002, "/debug/vars")

    # THEN 2.8.2's expvar shows the Redis block with its password, and pprof answers: why this listener must never be
    # reachable from outside the pod (registry 3 shows http.secret and the proxy password there too)
    assert status == 200
    assert REDIS_PASSWORD in body.decode(), body[:2000]
    assert registry.request_in_pod("GET", 5002, "/debug/pprof/")[0] == 200


def test_metrics_off_runs_no_sidecar_and_no_debug_listener(start_registry: StartRegistry) -> None:
    # GIVEN / WHEN a registry with metrics=False runs
    registry = start_registry(synth(lambda chart: Registry(chart, "Registry", name="registry", auth=None,
                                                           metrics=False)), tls=False)

    # THEN its pod is the registry container alone, listening on its port only
    assert registry.containers() == ["registry"]
    assert registry.declared_ports() == {"registry": [5000]}
    assert set(registry.exposed_ports()) == {5000} and registry.loopback_ports() == []

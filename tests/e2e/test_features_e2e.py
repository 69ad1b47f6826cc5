"""The registry's optional features, from SYNTHESIZED manifests, on the real registry binary (distribution 2.8.2):
pull-through cache, Redis blob-descriptor cache, metrics port, CORS headers, upload purging, replicas sharing Redis
and S3, pod options. Real servers only, on loopback: the registry, SeaweedFS, redis-server, and a token server for
the pull-through cache's upstream; real client (skopeo)."""

from __future__ import annotations

import base64
import http.client
import json
import pathlib
import re
from collections.abc import Mapping

import cdk8s
import pytest

from constructs_lib import (
    HtpasswdAuth,
    HttpSecret,
    PodOptions,
    ProxyCache,
    RedisCache,
    Registry,
    RegistryChart,
    S3Credentials,
    Storage,
    UploadPurging,
)

from ._constructs import CREDS, PASSWORD, PROBES_OK, USER, Manifest, synth, user_secret
from .conftest import MakeImage, MakeRedis, MakeTokenServer, StartRegistry
from .harness import (
    OciImage,
    RedisServer,
    RegistryApi,
    RegistryPod,
    SeaweedS3,
    Skopeo,
    SkopeoError,
    TlsFiles,
    TokenServer,
    assert_same_image,
    http_request,
)

UPSTREAM_USER, UPSTREAM_PASSWORD = "mirror", "upstream's own 'quoted' password"
REDIS_PASSWORD = "redis-pass-0123456789"


def users(cost: int = 4) -> HtpasswdAuth:
    return HtpasswdAuth.from_users({USER: PASSWORD}, cost=cost)


def s3_storage(s3: SeaweedS3, root: str) -> Storage:
    return Storage.s3(bucket=s3.bucket, region=s3.region, endpoint=s3.endpoint_url, root_directory=root,
                      credentials=S3Credentials.from_values(access_key_id=s3.access_key,
                                                            secret_access_key=s3.secret_key))


def round_trip(registry: RegistryPod, skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path,
               repository: str) -> OciImage:
    """Push an image with random layers, pull it back, compare digests and bytes; return the image pushed."""
    image = make_image(layer_sizes=(48 * 1024, 8 * 1024))
    digest = skopeo.push(image, f"{registry.address}/{repository}:v1", creds=CREDS)
    pulled = skopeo.pull(f"{registry.address}/{repository}:v1", tmp_path / f"pulled-{repository.replace('/', '-')}",
                         creds=CREDS)
    assert_same_image(image, pulled)
    assert digest == image.manifest_digest
    return image


def header_values(registry: RegistryPod, tls: TlsFiles, method: str, path: str, *,
                  headers: Mapping[str, str]) -> tuple[int, dict[str, list[str]]]:
    """Every value of every response header (a header sent on several lines gives several values, which
    harness.http_request folds into one)."""
    conn = http.client.HTTPSConnection(registry.address.split(":")[0], registry.port, context=tls.client_context(),
                                       timeout=10)
    try:
        conn.request(method, path, headers=dict(headers))
        response = conn.getresponse()
        response.read()
        values: dict[str, list[str]] = {}
        for name, value in response.getheaders():
            values.setdefault(name.lower(), []).append(value)
        return response.status, values
    finally:
        conn.close()


def basic(creds: tuple[str, str]) -> str:
    return "Basic " + base64.b64encode(f"{creds[0]}:{creds[1]}".encode()).decode()


# ---------------------------------------------------------------------------------------------------------------------
# Pull-through cache
#
# distribution's proxy answers only Bearer (token) challenges with proxy.username/password (registry/proxy/
# proxyauth.go; distribution issue #3153), as Docker Hub and most hosted registries use. So the upstream here is our
# Registry construct without auth of its own, put behind a token server by the test; the last test shows what an
# htpasswd (Basic) upstream does.


@pytest.fixture
def token_server(make_token_server: MakeTokenServer) -> TokenServer:
    return make_token_server({UPSTREAM_USER: UPSTREAM_PASSWORD})


@pytest.fixture
def plain_skopeo(tmp_path: pathlib.Path) -> Skopeo:
    """skopeo for a plain-HTTP registry (the upstreams here)."""
    return Skopeo(tmp_path / "skopeo-plain", tls=None)


def upstream_manifests(auth: HtpasswdAuth | None) -> list[Manifest]:
    # A registry on the internet: no NetworkPolicy of the cluster keeps the proxy out.
    return synth(lambda chart: Registry(chart, "Upstream", name="upstream", auth=auth, network_policy=False))


def proxy_manifests(remote_url: str) -> list[Manifest]:
    return synth(lambda chart: Registry(
        chart, "Proxy", name="proxy", auth=users(),
        proxy=ProxyCache.of(remote_url=remote_url, credentials_secret="upstream-credentials")))


def upstream_credentials(password: str = UPSTREAM_PASSWORD) -> Manifest:
    return user_secret("upstream-credentials", {"username": UPSTREAM_USER, "password": password})


def test_pull_through_cache_serves_a_token_auth_upstream_with_credentials_from_a_secret(
        start_registry: StartRegistry, token_server: TokenServer, plain_skopeo: Skopeo, skopeo: Skopeo,
        make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN an upstream registry (plain HTTP, token auth) holding library/app:v1 that only UPSTREAM_USER may read, and
    # a proxy registry whose upstream credentials are in a Secret the user created (a password with quotes and spaces)
    upstream = start_registry(upstream_manifests(None), tls=False, overrides=token_server.registry_overrides(),
                              files=token_server.registry_files())
    image = make_image(layer_sizes=(40 * 1024, 4 * 1024))
    digest = plain_skopeo.push(image, f"{upstream.address}/library/app:v1", creds=(UPSTREAM_USER, UPSTREAM_PASSWORD))
    with pytest.raises(SkopeoError):  # the upstream really is closed to anonymous clients
        plain_skopeo.pull(f"{upstream.address}/library/app:v1", tmp_path / "anonymous", creds=None)
    token_server.requests.clear()

    # WHEN the proxy runs (its init container renders the credentials into config.yml) and a client pulls from it
    proxy = start_registry(proxy_manifests(upstream.url), [upstream_credentials()])
    pulled = skopeo.pull(f"{proxy.address}/library/app:v1", tmp_path / "through-proxy", creds=CREDS)

    # THEN it gets the upstream's image, digest and bytes
    assert pulled.manifest_digest == digest
    assert_same_image(image, pulled)
    # AND the proxy fetched it as UPSTREAM_USER, with the password from the Secret
    assert token_server.requests, "the proxy never asked the token server"
    assert {(r.account, r.authenticated) for r in token_server.requests} == {(UPSTREAM_USER, True)}
    assert "repository:library/app:pull" in {scope for r in token_server.requests for scope in r.scopes}
    # AND the credentials reached the registry only through the rendered file, never its environment
    rendered = proxy.host_path("/run/registry/config.yml").read_text()
    assert f"username: '{UPSTREAM_USER}'" in rendered
    assert "password: 'upstream''s own ''quoted'' password'" in rendered  # YAML-escaped; the token server got it back
    assert not any(UPSTREAM_PASSWORD in value for value in proxy.environ().values())
    # AND pushing to a pull-through cache is refused
    with pytest.raises(SkopeoError) as refused:
        skopeo.push(make_image(), f"{proxy.address}/library/other:v1", creds=CREDS)
    assert "unsupported" in refused.value.stderr.lower(), refused.value.stderr
    # AND the proxy keeps what it fetched: with the upstream gone, the image is still served by digest
    upstream.stop()
    cached = skopeo.pull(f"{proxy.address}/library/app@{digest}", tmp_path / "cached", creds=CREDS)
    assert_same_image(image, cached)


def test_pull_through_cache_with_a_wrong_upstream_password_serves_nothing(
        start_registry: StartRegistry, token_server: TokenServer, plain_skopeo: Skopeo, skopeo: Skopeo,
        make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN the token-auth upstream with an image, and a proxy whose Secret holds a wrong upstream password
    upstream = start_registry(upstream_manifests(None), tls=False, overrides=token_server.registry_overrides(),
                              files=token_server.registry_files())
    plain_skopeo.push(make_image(), f"{upstream.address}/library/app:v1", creds=(UPSTREAM_USER, UPSTREAM_PASSWORD))
    token_server.requests.clear()
    proxy = start_registry(proxy_manifests(upstream.url), [upstream_credentials("not the password")])

    # WHEN a client pulls through it
    with pytest.raises(SkopeoError) as failed:
        skopeo.pull(f"{proxy.address}/library/app:v1", tmp_path / "refused", creds=CREDS)

    # THEN the pull fails, and the token server saw exactly the Secret's user with a password it refused
    assert token_server.requests
    assert {(r.account, r.authenticated) for r in token_server.requests} == {(UPSTREAM_USER, False)}
    # AND the client only sees "manifest unknown" (404): the upstream's refusal never reaches it, only the log
    assert "manifest unknown" in failed.value.stderr, failed.value.stderr


def test_pull_through_cache_sends_no_credentials_to_an_htpasswd_upstream(
        start_registry: StartRegistry, plain_skopeo: Skopeo, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN an upstream of our own construct with htpasswd users (HTTP Basic), holding an image, and a proxy with
    # the RIGHT upstream credentials in its Secret
    upstream = start_registry(upstream_manifests(HtpasswdAuth.from_users({UPSTREAM_USER: UPSTREAM_PASSWORD}, cost=4)),
                              tls=False)
    plain_skopeo.push(make_image(), f"{upstream.address}/library/app:v1", creds=(UPSTREAM_USER, UPSTREAM_PASSWORD))
    proxy = start_registry(proxy_manifests(upstream.url), [upstream_credentials()])
    # (control: a wrong password is logged by the upstream as an authentication failure)
    wrong = RegistryApi(upstream.address, tls=None, creds=(UPSTREAM_USER, "wrong")).request("GET", "/v2/")
    assert wrong[0] == 401 and "authentication failure" in upstream.log_text()
    offset = len(upstream.log_text())

    # WHEN a client pulls through it
    with pytest.raises(SkopeoError) as failed:
        skopeo.pull(f"{proxy.address}/library/app:v1", tmp_path / "refused", creds=CREDS)
    assert "manifest unknown" in failed.value.stderr, failed.value.stderr

    # THEN the pull fails: distribution's proxy answers Basic challenges with no credentials at all (it keeps them for
    # token realms only), so the upstream saw requests without any Authorization, never a wrong password
    proxy_requests = upstream.log_text()[offset:]
    assert '"GET /v2/library/app/manifests/v1 HTTP/1.1" 401' in proxy_requests, proxy_requests[-2000:]
    assert "invalid authorization credential" in proxy_requests
    assert "authentication failure" not in proxy_requests


# ---------------------------------------------------------------------------------------------------------------------
# Redis blob-descriptor cache


@pytest.fixture
def redis_server(make_redis: MakeRedis) -> RedisServer:
    return make_redis(REDIS_PASSWORD)


def redis_registry_manifests(address: str) -> list[Manifest]:
    return synth(lambda chart: Registry(chart, "Registry", name="registry", auth=users(),
                                        redis=RedisCache.of(address, password_secret="registry-redis")))


def test_redis_cache_holds_the_blob_descriptors_of_a_push(
        start_registry: StartRegistry, redis_server: RedisServer, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN a registry with a Redis cache whose password is in a Secret the user created
    manifests = redis_registry_manifests(redis_server.address)
    registry = start_registry(manifests, [user_secret("registry-redis", {"password": REDIS_PASSWORD})])
    assert redis_server.keys() == []

    # WHEN an image is pushed and pulled
    image = round_trip(registry, skopeo, make_image, tmp_path, "team/app")

    # THEN the registry used Redis, not its in-memory cache, and Redis holds the descriptors of every blob, globally
    # and per repository, as distribution's redis cache lays them out
    assert "using redis blob descriptor cache" in registry.log_text()
    assert "using inmemory blob descriptor cache" not in registry.log_text()
    keys = redis_server.keys()
    for blob in (image.config_digest, *image.layer_digests):
        assert f"blobs::{blob}" in keys, keys
        assert f"repository::team/app::blobs::{blob}" in keys, keys
        assert redis_server.cli("--raw", "HGET", f"blobs::{blob}", "digest").strip() == blob
    assert "repository::team/app::blobs" in keys
    assert "redis: error" not in registry.log_text()


def test_redis_cache_with_a_wrong_password(
        start_registry: StartRegistry, redis_server: RedisServer, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN a registry whose Redis Secret holds a wrong password
    manifests = redis_registry_manifests(redis_server.address)
    registry = start_registry(manifests, [user_secret("registry-redis", {"password": "not-the-redis-password"})])

    # WHEN an image is pushed and pulled
    round_trip(registry, skopeo, make_image, tmp_path, "team/app")

    # THEN the registry still serves and stays ready (the cache falls back to storage; 2.8 has no Redis health
    # check), but caches nothing: the refusal shows only in its log
    assert registry.check_probes() == PROBES_OK
    assert redis_server.keys() == []
    assert "redis: error connecting: WRONGPASS" in registry.log_text(), registry.log_text()[-3000:]


# ---------------------------------------------------------------------------------------------------------------------
# Metrics


def test_metrics_are_served_on_the_metrics_port_only(
        start_registry: StartRegistry, skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN a registry with the defaults: metrics on, port 5001, scrape annotations on the pod
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry", auth=users()))
    pod = next(m for m in manifests if m["kind"] == "Deployment")["spec"]["template"]["metadata"]["annotations"]
    assert (pod["prometheus.io/scrape"], pod["prometheus.io/port"], pod["prometheus.io/path"]) == (
        "true", "5001", "/metrics")

    # WHEN it runs and an image is pushed and pulled
    registry = start_registry(manifests)
    round_trip(registry, skopeo, make_image, tmp_path, "team/app")

    # THEN the port of the annotation (the metrics sidecar, on the pod IP) serves Prometheus text with the registry's
    # request and storage metrics, without credentials (Prometheus sends none)
    metrics_port = registry.exposed_ports()[5001]
    status, headers, body = http_request("GET", registry.ip, metrics_port, "/metrics")
    assert status == 200
    assert headers["content-type"].startswith("text/plain")
    text = body.decode()
    assert re.search(r'^registry_http_requests_total\{code="201",handler="manifest",method="put"\} 1$', text,
                     re.MULTILINE), text[:3000]
    assert re.search(r"^registry_storage_action_seconds_count\{action=\"PutContent\",driver=\"filesystem\"\} \d+",
                     text, re.MULTILINE), text[:3000]
    # AND only /metrics: Go's debug server behind it (profiling, expvar) answers on the pod's loopback only
    assert http_request("GET", registry.ip, metrics_port, "/debug/pprof/")[0] == 404
    assert http_request("GET", registry.ip, metrics_port, "/debug/vars")[0] == 404
    assert registry.loopback_ports() == [5002]
    assert registry.request_in_pod("GET", 5002, "/debug/pprof/")[0] == 200
    assert b'"cmdline"' in registry.request_in_pod("GET", 5002, "/debug/vars")[1]
    # AND the registry's own port (the Service and the ingress) does not serve them
    api = RegistryApi(registry.address, tls=registry.tls, creds=CREDS)
    assert api.request("GET", "/metrics")[0] == 404
    assert api.request("GET", "/metrics", creds=None)[0] == 404


def test_metrics_off_opens_no_debug_port(start_registry: StartRegistry) -> None:
    # GIVEN a registry with metrics=False
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry", auth=users(), metrics=False))
    pod = next(m for m in manifests if m["kind"] == "Deployment")["spec"]["template"]
    assert not any(key.startswith("prometheus.io/") for key in pod["metadata"].get("annotations", {}))

    # WHEN it runs
    registry = start_registry(manifests)

    # THEN it has no debug server and no metrics sidecar at all, and still no /metrics on its port
    assert registry.containers() == ["registry"] and registry.loopback_ports() == []
    assert set(registry.exposed_ports()) == {5000}
    assert "debug server listening" not in registry.log_text()
    assert RegistryApi(registry.address, tls=registry.tls, creds=CREDS).request("GET", "/metrics")[0] == 404


# ---------------------------------------------------------------------------------------------------------------------
# CORS

ORIGIN = "https://ui.example.com"


def test_cors_headers_for_a_ui_on_its_own_host(start_registry: StartRegistry, tls_files: TlsFiles) -> None:
    # GIVEN a registry that allows a browser UI on https://ui.example.com
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry", auth=users(), cors_origin=ORIGIN))

    # WHEN it runs and the UI's browser calls the API with credentials
    registry = start_registry(manifests)
    status, headers = header_values(registry, tls_files, "GET", "/v2/",
                                    headers={"Origin": ORIGIN, "Authorization": basic(CREDS)})

    # THEN the registry parsed the [...] values of its environment and answers with exactly the configured headers
    assert status == 200
    assert headers["access-control-allow-origin"] == [ORIGIN]
    assert headers["access-control-allow-credentials"] == ["true"]
    assert headers["access-control-allow-headers"] == ["Authorization", "Accept", "Cache-Control"]
    assert headers["access-control-allow-methods"] == ["HEAD", "GET", "OPTIONS", "DELETE"]
    assert headers["access-control-expose-headers"] == ["Docker-Content-Digest"]
    assert headers["x-content-type-options"] == ["nosniff"]  # the rendered file's header is kept
    # AND the same headers come with a 401, so the browser can read the challenge
    status, headers = header_values(registry, tls_files, "GET", "/v2/", headers={"Origin": ORIGIN})
    assert status == 401
    assert headers["access-control-allow-origin"] == [ORIGIN]


def test_cors_without_origins_sends_no_cors_headers(start_registry: StartRegistry, tls_files: TlsFiles) -> None:
    # GIVEN the default: no CORS origins
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry", auth=users()))

    # WHEN a browser on another origin calls the API
    registry = start_registry(manifests)
    status, headers = header_values(registry, tls_files, "GET", "/v2/",
                                    headers={"Origin": ORIGIN, "Authorization": basic(CREDS)})

    # THEN no Access-Control-* header allows it
    assert status == 200
    assert not [name for name in headers if name.startswith("access-control-")]


# ---------------------------------------------------------------------------------------------------------------------
# Upload purging


@pytest.mark.parametrize(("purging", "started"), [
    (UploadPurging.every(interval_hours=1, age_hours=2), True),
    (UploadPurging.every(interval_hours=24, age_hours=168, dry_run=True), True),
    (UploadPurging.disabled(), False),
], ids=["every-hour", "dry-run", "disabled"])
def test_upload_purging_settings_are_accepted(
        start_registry: StartRegistry, skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path,
        purging: UploadPurging, started: bool) -> None:
    # GIVEN a registry with an upload purging setting (one YAML map in one variable: 2.8.2 panics on a partial one)
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry", auth=users(),
                                             upload_purging=purging))

    # WHEN it runs and serves a push
    registry = start_registry(manifests)
    round_trip(registry, skopeo, make_image, tmp_path, "team/app")

    # THEN 2.8.2 parsed the value: the purger is scheduled when enabled, and not at all when disabled
    log = registry.log_text()
    assert "panic" not in log
    assert ("Starting upload purge in" in log) is started, log[-3000:]


# ---------------------------------------------------------------------------------------------------------------------
# Several replicas sharing S3 and Redis


def test_chart_replicas_share_s3_and_redis(
        start_registry: StartRegistry, s3_server: SeaweedS3, redis_server: RedisServer, skopeo: Skopeo,
        make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN the chart with two replicas on S3, a shared http secret and one Redis, purging off (SeaweedFS lists
    # empty prefixes, which upsets 2.8.2's purger) by the construct's own setting rather than a test override
    app = cdk8s.Testing.app()
    chart = RegistryChart(
        app, "registry", host="registry.example.com", replicas=2, ui=False, auth=users(),
        http_secret=HttpSecret.from_secret("registry-http-secret"), storage=s3_storage(s3_server, "/replicas-redis"),
        redis=RedisCache.of(redis_server.address, db=3, password_secret="registry-redis"),
        upload_purging=UploadPurging.disabled())
    manifests = cdk8s.Testing.synth(chart)
    secrets = [user_secret("registry-redis", {"password": REDIS_PASSWORD}),
               user_secret("registry-http-secret", {"http-secret": "shared-by-every-replica-0123456789"})]

    # WHEN two registry processes run from the same objects, one gets a push and the other serves the pull
    first = start_registry(manifests, secrets)
    second = start_registry(manifests, secrets)
    image = make_image(layer_sizes=(64 * 1024,))
    digest = skopeo.push(image, f"{first.address}/shared/app:v1", creds=CREDS)
    pulled = skopeo.pull(f"{second.address}/shared/app:v1", tmp_path / "from-second", creds=CREDS)

    # THEN the image is the same, and its blobs are in the bucket under the root directory
    assert_same_image(image, pulled)
    assert digest == image.manifest_digest
    keys = s3_server.list_keys("replicas-redis/")
    assert any(key.endswith(f"{image.layer_digests[0].split(':')[1]}/data") for key in keys), keys[:10]
    # AND the descriptors are in database 3 of the one Redis, none in database 0
    assert redis_server.keys() == []
    cached = sorted(line for line in redis_server.cli("-n", "3", "--raw", "KEYS", "*").splitlines() if line)
    for blob in (image.config_digest, *image.layer_digests):
        assert f"blobs::{blob}" in cached, cached
        assert f"repository::shared/app::blobs::{blob}" in cached, cached
    # AND the second replica, which had never seen the image, found descriptors in Redis that the first wrote: fewer
    # cache misses than the distinct blobs it served (its own cache started empty; each blob would miss at least once)
    metrics = http_request("GET", second.ip, second.exposed_ports()[5001], "/metrics")[2].decode()
    assert metric(metrics, 'registry_storage_cache_total{type="Miss"}') < 2 <= metric(
        metrics, 'registry_storage_cache_total{type="Hit"}'), metrics
    for replica in (first, second):
        log = replica.log_text()
        assert "using redis blob descriptor cache" in log
        assert "redis: error" not in log


def metric(text: str, sample: str) -> float:
    """The value of one sample (name and labels exactly as exposed) of Prometheus text."""
    values = [float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.rsplit(" ", 1)[0] == sample]
    assert len(values) == 1, f"{sample}: {values}"
    return values[0]


def test_registry_alone_answers_cors_preflights_401_so_the_ingress_must(start_registry: StartRegistry,
                                                                        tls_files: TlsFiles) -> None:
    # GIVEN a registry with users and deletes on, that allows a browser UI on https://ui.example.com
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry", auth=users(),
                                             delete_enabled=True, cors_origin=ORIGIN))
    registry = start_registry(manifests)

    # WHEN a browser's preflight for a DELETE reaches the registry directly (preflights never carry credentials)
    status, headers = header_values(registry, tls_files, "OPTIONS", f"/v2/app/manifests/sha256:{'0' * 64}", headers={
        "Origin": ORIGIN, "Access-Control-Request-Method": "DELETE",
        "Access-Control-Request-Headers": "authorization"})

    # THEN the registry refuses it with 401 (with its CORS headers): this is why TraefikIngress puts a CORS
    # Middleware in front of the registry that answers preflights itself
    assert status == 401
    assert headers.get("access-control-allow-origin") == [ORIGIN]


# ---------------------------------------------------------------------------------------------------------------------
# Pod options


def test_pod_options_env_reaches_the_registry_container(
        start_registry: StartRegistry, skopeo: Skopeo, make_image: MakeImage, tmp_path: pathlib.Path) -> None:
    # GIVEN extra environment, labels and scheduling through PodOptions (the registry reads any REGISTRY_* variable)
    manifests = synth(lambda chart: Registry(chart, "Registry", name="registry", auth=users(), pod=PodOptions(
        env={"REGISTRY_LOG_FORMATTER": "json", "REGISTRY_LOG_ACCESSLOG_DISABLED": "true"},
        labels={"team": "platform"}, node_selector={"kubernetes.io/arch": "amd64"})))
    template = next(m for m in manifests if m["kind"] == "Deployment")["spec"]["template"]
    assert template["metadata"]["labels"]["team"] == "platform"
    assert template["spec"]["nodeSelector"] == {"kubernetes.io/arch": "amd64"}

    # WHEN it runs and serves a push and a pull
    registry = start_registry(manifests)
    round_trip(registry, skopeo, make_image, tmp_path, "team/app")

    # THEN the registry took the variables: every log line is a JSON object, and there is no access log
    lines = [line for line in registry.log_text().splitlines() if line and not line.startswith("### harness")]
    assert lines
    for line in lines:
        assert "msg" in json.loads(line), line
    assert not any('"GET /v2/' in line for line in lines)

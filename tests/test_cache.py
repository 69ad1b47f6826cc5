"""RedisCache and ProxyCache, and what the registry renders from them."""

from __future__ import annotations

import pathlib
import re
from typing import Any

import cdk8s
import pytest
from _manifests import container, env, find
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    HttpSecret,
    ProxyCache,
    RedisCache,
    Registry,
    S3Credentials,
    Storage,
)


def _registry(app: cdk8s.App, **options: Any) -> list[dict[str, Any]]:
    chart = cdk8s.Chart(app, "test", namespace="registry")
    Registry(chart, "Registry", name="registry", auth=None, **options)
    return cdk8s.Testing.synth(chart)


def _s3() -> Storage:
    return Storage.s3(bucket="registry", endpoint="http://minio.minio.svc:9000",
                      credentials=S3Credentials.from_secret("registry-s3"))


def _nothing_written(app: cdk8s.App) -> bool:
    outdir = pathlib.Path(app.outdir)
    return not outdir.exists() or not any(outdir.iterdir())


def test_redis_on_registry_2_with_a_password(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN two replicas sharing a Redis cache whose password is in a Secret
    manifests = _registry(app, replicas=2, storage=_s3(), http_secret=HttpSecret.from_secret("registry-http"),
                          redis=RedisCache.of("redis.registry.svc:6379", db=3, password_secret="registry-redis"))

    # WHEN / THEN registry 2 gets one address, the db, and the redis cache instead of the in-memory one
    assert manifests == snapshot
    deployment = find(manifests, "Deployment")
    variables = env(container(deployment, "registry"))
    assert variables["REGISTRY_REDIS_ADDR"] == "redis.registry.svc:6379"
    assert "REGISTRY_REDIS_ADDRS" not in variables
    assert variables["REGISTRY_REDIS_DB"] == "3"
    assert variables["REGISTRY_STORAGE_CACHE_BLOBDESCRIPTOR"] == "redis"
    # AND the password is a file the init container renders into the config, never an env value
    assert not [name for name in variables if "PASSWORD" in name]
    pod = deployment["spec"]["template"]["spec"]
    assert {"name": "redis-password", "secret": {"secretName": "registry-redis", "defaultMode": 0o440,
                                                 "items": [{"key": "password", "path": "password"}]}} in pod["volumes"]
    script = pod["initContainers"][0]["command"][2]
    assert "redis_password=$(read_secret /run/secrets/redis/password)" in script
    assert "redis:\n  password: '$redis_password'" in script
    assert container(deployment, "registry")["args"] == ["/run/registry/config.yml"]
    # AND the NetworkPolicy lets the registry reach Redis' port
    egress = find(manifests, "NetworkPolicy")["spec"]["egress"]
    assert {"port": 6379, "protocol": "TCP"} in egress[1]["ports"]


def test_redis_on_registry_3_takes_a_list_of_addresses(app: cdk8s.App) -> None:
    # GIVEN / WHEN a registry 3 image with Redis and no password
    manifests = _registry(app, image="registry:3.1.1", redis=RedisCache.of("10.0.0.5:6380"))

    # THEN the address is a YAML list, and no password is rendered into the config (its init container mounts no
    # Secret)
    variables = env(container(find(manifests, "Deployment"), "registry"))
    assert variables["REGISTRY_REDIS_ADDRS"] == "[10.0.0.5:6380]"
    assert "REGISTRY_REDIS_ADDR" not in variables
    (render,) = find(manifests, "Deployment")["spec"]["template"]["spec"]["initContainers"]
    assert [m["mountPath"] for m in render["volumeMounts"]] == ["/run/registry"]
    assert "redis" not in render["command"][2]


def test_proxy_cache_with_credentials(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a pull-through cache of Docker Hub with an account in a Secret
    manifests = _registry(app, proxy=ProxyCache.of(credentials_secret="dockerhub", username_key="user",
                                                   password_key="token"))

    # WHEN / THEN the upstream is set by env and the credentials are rendered into the config from the Secret
    assert manifests == snapshot
    deployment = find(manifests, "Deployment")
    variables = env(container(deployment, "registry"))
    assert variables["REGISTRY_PROXY_REMOTEURL"] == "https://registry-1.docker.io"
    assert "REGISTRY_PROXY_TTL" not in variables
    pod = deployment["spec"]["template"]["spec"]
    assert {"name": "proxy-credentials", "secret": {
        "secretName": "dockerhub", "defaultMode": 0o440,
        "items": [{"key": "token", "path": "password"}, {"key": "user", "path": "username"}]}} in pod["volumes"]
    script = pod["initContainers"][0]["command"][2]
    assert "proxy:\n  username: '$proxy_username'\n  password: '$proxy_password'" in script
    assert {"port": 443, "protocol": "TCP"} in find(manifests, "NetworkPolicy")["spec"]["egress"][1]["ports"]


def test_proxy_ttl_on_registry_3(app: cdk8s.App) -> None:
    # GIVEN / WHEN an anonymous proxy of a plain-HTTP upstream on registry 3 with a TTL
    manifests = _registry(app, image="registry:3.1.1",
                          proxy=ProxyCache.of("http://upstream.example.com:5000/", ttl_hours=72))

    # THEN the TTL is in hours, the trailing slash is gone, and no credentials are rendered
    variables = env(container(find(manifests, "Deployment"), "registry"))
    assert variables["REGISTRY_PROXY_REMOTEURL"] == "http://upstream.example.com:5000"
    assert variables["REGISTRY_PROXY_TTL"] == "72h"
    assert variables["OTEL_TRACES_EXPORTER"] == "none"
    init = find(manifests, "Deployment")["spec"]["template"]["spec"]["initContainers"]
    assert [c["name"] for c in init] == ["render-secrets", "wait-for-upstream"]
    assert "proxy:" not in init[0]["command"][2]


def test_fails_proxy_ttl_on_registry_2(app: cdk8s.App) -> None:
    # GIVEN / WHEN a TTL with a registry 2 image
    # THEN the registry refuses: 2.x has no proxy TTL
    with pytest.raises(ValueError, match=re.escape("proxy='ttl_hours=24' is invalid: registry 2.x has no proxy TTL")):
        _registry(app, proxy=ProxyCache.of(ttl_hours=24))
    assert _nothing_written(app)


@pytest.mark.parametrize(
    ("address", "shown"),
    [("", "''"), ("redis", "'redis'"), ("redis:", "'redis:'"), ("redis:0", "'redis:0'"),
     ("redis:70000", "'redis:70000'"), ("Redis_Host:6379", "'Redis_Host:6379'"),
     ("redis://redis:6379", "'redis://redis:6379'")],
)
def test_fails_bad_redis_address(app: cdk8s.App, address: str, shown: str) -> None:
    # GIVEN / WHEN / THEN a Redis cache without a proper host:port is refused
    with pytest.raises(ValueError, match=re.escape(f"address={shown} is invalid: a Redis address is host:port")):
        RedisCache.of(address)
    assert _nothing_written(app)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"db": 16}, "db=16 is invalid: it must be a whole number from 0 to 15"),
        ({"password_secret": "Bad_Name"}, "password_secret='Bad_Name' is invalid"),
        ({"password_secret": "ok", "password_key": "a/b"}, "password_key='a/b' is invalid"),
    ],
)
def test_fails_bad_redis_options(app: cdk8s.App, options: dict[str, Any], message: str) -> None:
    # GIVEN / WHEN / THEN each wrong option names itself
    with pytest.raises(ValueError, match=re.escape(message)):
        RedisCache.of("redis:6379", **options)
    assert _nothing_written(app)


@pytest.mark.parametrize(
    "remote_url",
    ["registry-1.docker.io", "ftp://mirror.example.com", "https://user:pw@mirror.example.com",
     "https://mirror.example.com/v2", "https://mirror.example.com:99999", "https://", "https://m.example.com?x=1"],
)
def test_fails_bad_proxy_remote_url(app: cdk8s.App, remote_url: str) -> None:
    # GIVEN / WHEN / THEN only scheme://host[:port] upstreams are accepted
    shown = remote_url.replace("user:pw@", "<credentials>@")  # credentials are never shown
    with pytest.raises(ValueError, match=re.escape(f"remote_url={shown!r} is invalid: the upstream is")):
        ProxyCache.of(remote_url)
    assert _nothing_written(app)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"ttl_hours": 0}, "ttl_hours=0 is invalid"),
        ({"credentials_secret": "Bad_Name"}, "credentials_secret='Bad_Name' is invalid"),
        ({"credentials_secret": "ok", "username_key": ""}, "username_key='' is invalid"),
    ],
)
def test_fails_bad_proxy_options(app: cdk8s.App, options: dict[str, Any], message: str) -> None:
    # GIVEN / WHEN / THEN each wrong option names itself
    with pytest.raises(ValueError, match=re.escape(message)):
        ProxyCache.of(**options)
    assert _nothing_written(app)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"upstream_wait_seconds": 5},
         "upstream_wait_seconds=5 is invalid: it must be a whole number from 10 to 3600 (or 0: no wait)"),
        ({"upstream_wait_seconds": 3601}, "upstream_wait_seconds=3601 is invalid"),
        ({"upstream_retry_seconds": 0}, "upstream_retry_seconds=0 is invalid"),
        ({"upstream_retry_seconds": 61}, "upstream_retry_seconds=61 is invalid"),
        ({"upstream_wait_seconds": 10, "upstream_retry_seconds": 11},
         "upstream_retry_seconds=11 is invalid: it must not exceed upstream_wait_seconds (10)"),
    ],
)
def test_fails_bad_upstream_wait_options(app: cdk8s.App, options: dict[str, Any], message: str) -> None:
    # GIVEN / WHEN / THEN each wrong wait option names itself, before any construct exists
    with pytest.raises(ValueError, match=re.escape(message)):
        ProxyCache.of("https://mirror.example.com", **options)
    assert _nothing_written(app)


@pytest.mark.parametrize(("value", "kind"), [(True, "bool"), (0.0, "float"), ("300", "str")])
def test_fails_upstream_wait_of_another_type(app: cdk8s.App, value: Any, kind: str) -> None:
    # GIVEN / WHEN the wait is not an int (a bool is not a number of seconds)
    # THEN a TypeError names the parameter, the value's type and the expected type, before any construct exists
    with pytest.raises(TypeError, match=rf"^upstream_wait_seconds: expected int, got {kind}"):
        ProxyCache.of("https://mirror.example.com", upstream_wait_seconds=value)
    assert _nothing_written(app)


def test_proxy_waits_for_its_upstream_in_an_init_container(app: cdk8s.App) -> None:
    # GIVEN a pull-through cache with the default wait
    proxy = ProxyCache.of("https://mirror.example.com:8443")
    assert (proxy.upstream_wait_seconds, proxy.upstream_retry_seconds) == (300, 5)

    # WHEN it is synthesized
    pod = find(_registry(app, proxy=proxy), "Deployment")["spec"]["template"]["spec"]

    # THEN an init container in the registry's image waits for GET /v2/ after the secrets are rendered, hardened
    # like the others, with the upstream in its environment and the bounds in its script
    wait = pod["initContainers"][-1]
    assert [c["name"] for c in pod["initContainers"]] == ["render-secrets", "wait-for-upstream"]
    assert wait["image"] == container({"spec": {"template": {"spec": pod}}}, "registry")["image"]
    assert env(wait) == {"UPSTREAM_URL": "https://mirror.example.com:8443"}
    assert wait["securityContext"]["capabilities"] == {"drop": ["ALL"]}
    assert wait["securityContext"]["readOnlyRootFilesystem"] is True
    assert "volumeMounts" not in wait
    script = wait["command"][2]
    assert wait["command"][:2] == ["/bin/sh", "-c"]
    assert "deadline=$(( $(date +%s) + 300 ))" in script and "sleep 5\n" in script
    assert "busybox timeout 10 busybox wget -q --no-check-certificate -O /dev/null \"$url\"" in script
    assert "*'server returned error'*) break ;;" in script  # a 401 (token auth) means the upstream is up


def test_proxy_without_upstream_wait(app: cdk8s.App) -> None:
    # GIVEN / WHEN upstream_wait_seconds=0 / THEN only the render init container
    pod = find(_registry(app, proxy=ProxyCache.of(upstream_wait_seconds=0)), "Deployment")["spec"]["template"]["spec"]
    assert [c["name"] for c in pod["initContainers"]] == ["render-secrets"]

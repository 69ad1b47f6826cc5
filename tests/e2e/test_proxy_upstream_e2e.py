"""A pull-through cache whose upstream is unreachable when the pod starts, on the real registry binary (distribution
2.8.2) and the real busybox (Debian's, standing in for the registry image's): the `wait-for-upstream` init container
of the SYNTHESIZED Deployment waits, logging why, so the registry never starts into its start-up panic; once the
upstream answers (here with 401, a token-auth upstream) the registry starts and pulls work."""

from __future__ import annotations

import pathlib
import threading

import pytest

from constructs_lib import ProxyCache, Registry

from ._constructs import CREDS, Manifest, synth
from .conftest import MakeImage, MakeTokenServer, StartRegistry
from .harness import HarnessError, RegistryPod, Skopeo, TokenServer, assert_same_image, wait_for
from .test_features_e2e import UPSTREAM_PASSWORD, UPSTREAM_USER, upstream_credentials, upstream_manifests, users


@pytest.fixture
def token_server(make_token_server: MakeTokenServer) -> TokenServer:
    return make_token_server({UPSTREAM_USER: UPSTREAM_PASSWORD})


def proxy_manifests(remote_url: str, *, upstream_wait_seconds: int, upstream_retry_seconds: int = 5) -> list[Manifest]:
    return synth(lambda chart: Registry(
        chart, "Proxy", name="proxy", auth=users(),
        proxy=ProxyCache.of(remote_url=remote_url, credentials_secret="upstream-credentials",
                            upstream_wait_seconds=upstream_wait_seconds,
                            upstream_retry_seconds=upstream_retry_seconds)))


def test_proxy_waits_for_an_unreachable_upstream_then_serves_it(
        start_registry: StartRegistry, token_server: TokenServer, skopeo: Skopeo, make_image: MakeImage,
        tmp_path: pathlib.Path) -> None:
    # GIVEN a token-auth upstream that is not running yet (its port chosen, nothing listening), and a proxy of it
    upstream = start_registry(upstream_manifests(None), tls=False, overrides=token_server.registry_overrides(),
                              files=token_server.registry_files(), start=False)
    proxy = start_registry(proxy_manifests(upstream.url, upstream_wait_seconds=60, upstream_retry_seconds=1),
                           [upstream_credentials()], start=False, start_timeout=90)
    errors: list[BaseException] = []

    def start_proxy() -> None:
        try:
            proxy.start()
        except BaseException as error:  # noqa: BLE001 - reported by the test thread
            errors.append(error)

    starter = threading.Thread(target=start_proxy, name="proxy-start")
    starter.start()
    try:
        # WHEN the pod starts during the outage
        # THEN the init container says what it waits for and why, and the registry process is not started
        waiting = (f"waiting for upstream {upstream.url}/v2/ (attempt 3: wget: can't connect to remote host "
                   f"({upstream.ip}): Connection refused); next attempt in 1 s")
        wait_for("three logged attempts", lambda: waiting in proxy.init_log_text("wait-for-upstream") or None,
                 timeout=30)
        assert not proxy.running and proxy.log_text() == ""

        # WHEN the upstream comes up (answering GET /v2/ with 401: token auth) with an image
        upstream.start()
        image = make_image()
        digest = Skopeo(tmp_path / "skopeo-plain", tls=None).push(
            image, f"{upstream.address}/library/app:v1", creds=(UPSTREAM_USER, UPSTREAM_PASSWORD))
    finally:
        starter.join(timeout=120)
    assert not errors, errors

    # THEN the init container saw it, the registry started without a panic, and pulls through it work
    assert f"upstream {upstream.url}/v2/ answers: starting the registry" in proxy.init_log_text("wait-for-upstream")
    assert proxy.running and "panic:" not in proxy.log_text()
    pulled = skopeo.pull(f"{proxy.address}/library/app:v1", tmp_path / "through-proxy", creds=CREDS)
    assert_same_image(image, pulled)
    assert pulled.manifest_digest == digest


def test_proxy_gives_up_on_an_upstream_that_stays_down_without_starting_the_registry(
        start_registry: StartRegistry, token_server: TokenServer) -> None:
    # GIVEN an upstream that never comes up, and a proxy that waits 10 s at most
    upstream = start_registry(upstream_manifests(None), tls=False, start=False)
    proxy: RegistryPod = start_registry(
        proxy_manifests(upstream.url, upstream_wait_seconds=10, upstream_retry_seconds=2), [upstream_credentials()],
        start=False, start_timeout=60)

    # WHEN the pod starts / THEN the init container fails (Kubernetes retries it with back-off) with a clear last
    # line, and the registry never ran (no panic)
    with pytest.raises(HarnessError, match=r"wait-for-upstream.* exited with 1") as failed:
        proxy.start()
    given_up = (f"upstream {upstream.url}/v2/ unreachable for 10 s (last attempt: wget: can't connect to remote "
                f"host ({upstream.ip}): Connection refused): giving up")
    assert given_up in str(failed.value)
    assert proxy.log_text() == ""


def test_without_the_wait_the_registry_panics_on_an_unreachable_upstream(start_registry: StartRegistry) -> None:
    # GIVEN a proxy without the wait (upstream_wait_seconds=0) of an upstream that is down
    upstream = start_registry(upstream_manifests(None), tls=False, start=False)
    proxy = start_registry(proxy_manifests(upstream.url, upstream_wait_seconds=0), [upstream_credentials()],
                           start=False)

    # WHEN it starts / THEN the real binary panics at once on GET /v2/ and exits 2 (the behaviour the wait avoids)
    with pytest.raises(HarnessError) as failed:
        proxy.start()
    assert "exited with 2" in str(failed.value)
    assert f'panic: Get "{upstream.url}/v2/": dial tcp {upstream.address}: connect: connection refused' \
        in str(failed.value)

"""The synthesized variants that whole-output checks (schemas, scanners) run over: the default app and one chart per
group of options, so that every kind of object the constructs can emit is checked."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any

import cdk8s
from cdk8s_plus_27 import k8s

import main
from constructs_lib import (
    AccessControl,
    AnonymousAccess,
    GarbageCollection,
    GatewayAttachment,
    HtpasswdAuth,
    HttpSecret,
    IngressTls,
    LogLevel,
    PodOptions,
    PodPeer,
    RedisCache,
    Registry,
    RegistryChart,
    RegistryUi,
    S3Credentials,
    Storage,
    TlsVersion,
    TraefikApiGroup,
    TraefikIngress,
    UploadPurging,
    VolumeAccessMode,
)
from examples import high_availability, pull_through_cache, quick_start, single_node


def _default_app(app: cdk8s.App) -> None:
    main.build(app)


def _values_and_replicas(app: cdk8s.App) -> None:
    # Secrets created from values, several replicas on S3, HTTP redirect, delete in the UI, garbage collection in a
    # time zone (a rolling registry: the window waits for old pods).
    RegistryChart(
        app, "values", host="registry.example.com", replicas=3, delete_enabled=True, redirect_http_to_https=True,
        auth=HtpasswdAuth.from_users({"alice": "alice-password", "ci": "ci-password"}, cost=4, realm="Values"),
        http_secret=HttpSecret.from_value("0123456789abcdef0123456789abcdef"),
        storage=Storage.s3(bucket="registry", region="eu-west-1", root_directory="/registry", chunk_size_mib=16,
                           credentials=S3Credentials.from_values(access_key_id="AKIAEXAMPLE",
                                                                 secret_access_key="example-secret-key")),
        log_level=LogLevel.WARN,
        garbage_collection=GarbageCollection.on_schedule("30 2 * * SUN", time_zone="Europe/Paris", dry_run=True),
    )


def _filesystem_legacy_traefik(app: cdk8s.App) -> None:
    # A volume of a given class, an existing namespace, the legacy Traefik group, a TLS Secret, a custom UI path.
    RegistryChart(
        app, "legacy", host="hub.example.org", namespace="hub", create_namespace=False, name="hub",
        auth=HtpasswdAuth.from_htpasswd("alice:$2y$05$" + "a" * 53 + "\n"),
        storage=Storage.filesystem(size_gib=50, storage_class="local-path",
                                   access_mode=VolumeAccessMode.READ_WRITE_ONCE_POD),
        tls=IngressTls.secret("hub-tls"), api_group=TraefikApiGroup.TRAEFIK_CONTAINO_US,
        redirect_http_to_https=True, ui_path_prefix="/browse", ui_title="Hub",
    )


def _constructs_on_their_own(app: cdk8s.App) -> None:
    # The constructs inside a user's chart: RWX volume with replicas, default certificate, no auth, garbage
    # collection of a shared claim (no pod affinity).
    chart = cdk8s.Chart(app, "platform", namespace="platform")
    registry = Registry(chart, "Registry", auth=None, replicas=2,
                        storage=Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_MANY),
                        http_secret=HttpSecret.from_secret("platform-http-secret"), port=5050,
                        garbage_collection=GarbageCollection.on_schedule("@daily"))
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host="registry.platform.example.com",
                             tls=IngressTls.default_certificate(), entry_points=["websecure", "internal"])
    RegistryUi(chart, "Ui", ingress=ingress, single_registry=False, show_content_digest=False,
               catalog_elements_limit=500)


def _registry_3_with_every_extra(app: cdk8s.App) -> None:
    # Registry 3, Redis with a password, upload purging, every pod option, TLS 1.3, the UI on its own host (CORS).
    pod = PodOptions(
        env={"TZ": "Europe/Paris"}, node_selector={"kubernetes.io/arch": "amd64"},
        tolerations=[k8s.Toleration(key="dedicated", operator="Equal", value="infra", effect="NoSchedule")],
        affinity=k8s.Affinity(node_affinity=k8s.NodeAffinity(
            preferred_during_scheduling_ignored_during_execution=[k8s.PreferredSchedulingTerm(
                weight=50, preference=k8s.NodeSelectorTerm(match_expressions=[
                    k8s.NodeSelectorRequirement(key="disk", operator="In", values=["ssd"])]))])),
        priority_class_name="infra", image_pull_secrets=["mirror-pull"], labels={"team": "platform"},
        annotations={"backup.example.com/skip": "true"},
    )
    RegistryChart(
        app, "v3", host="registry.example.com", namespace="v3", registry_image="registry:3.1.1",
        auth=HtpasswdAuth.from_secret("registry-htpasswd"), replicas=2,
        http_secret=HttpSecret.from_secret("registry-http-secret"),
        storage=Storage.s3(bucket="registry", endpoint="https://minio.example.com",
                           credentials=S3Credentials.from_secret("registry-s3")),
        redis=RedisCache.of("redis.v3.svc:6379", db=2, password_secret="registry-redis"),
        upload_purging=UploadPurging.every(interval_hours=12, age_hours=48), min_tls_version=TlsVersion.TLS13,
        ingress_controller=PodPeer.of(namespace="traefik", pod_labels={"app.kubernetes.io/name": "traefik"}),
        ui_host="registry-ui.example.com", registry_pod=pod, ui_pod=PodOptions(labels={"team": "platform"}),
    )


def _ui_proxy_mode(app: cdk8s.App) -> None:
    # The UI on its own host, calling the registry through its own nginx; upload purging off; no TLSOption.
    RegistryChart(app, "proxied", host="registry.example.com", namespace="proxied",
                  auth=HtpasswdAuth.from_secret("registry-htpasswd"), ui_host="ui.example.com",
                  ui_proxy_registry=True, upload_purging=UploadPurging.disabled(), min_tls_version=None,
                  metrics=False)


def _gateway_of_its_own(app: cdk8s.App) -> None:
    # Gateway API instead of IngressRoutes: a Gateway of the registry's own (HTTPS from a Secret, HTTP redirected),
    # the UI under /ui through HTTPRoutes.
    RegistryChart(app, "gated", host="registry.example.com", namespace="gated",
                  auth=HtpasswdAuth.from_secret("registry-htpasswd"),
                  gateway=GatewayAttachment.create(tls_secret="registry-tls"), redirect_http_to_https=True)


def _shared_gateway(app: cdk8s.App) -> None:
    # The routes attached to a cluster's shared Gateway in another namespace, whose pods the policies let in.
    RegistryChart(app, "behind-shared-gateway", host="registry.example.com", namespace="tools", auth=None,
                  gateway=GatewayAttachment.existing("shared", namespace="gateways", https_listener="websecure",
                                                     http_listener="web"),
                  redirect_http_to_https=True,
                  ingress_controller=PodPeer.of(namespace="gateways", pod_labels={"app.kubernetes.io/name": "envoy"}))


def _access_by_role(app: cdk8s.App) -> None:
    # Access control from values: readers, writers and admins merged into one list per action, anonymous pulls, the
    # UI on its own host (CORS answered before the checks), HTTP redirected.
    RegistryChart(
        app, "access", host="registry.example.com", delete_enabled=True, redirect_http_to_https=True,
        ui_host="ui.example.com",
        auth=AccessControl.by_role(readers=HtpasswdAuth.from_users({"ci": "ci-password"}, cost=4),
                                   writers=HtpasswdAuth.from_users({"alice": "alice-password"}, cost=4),
                                   admins=HtpasswdAuth.from_users({"root": "root-password"}, cost=4),
                                   anonymous=AnonymousAccess.PULL))


def _access_from_secrets(app: cdk8s.App) -> None:
    # Access control from existing Secrets, one per action, anonymous browsing, the constructs on their own.
    chart = cdk8s.Chart(app, "secrets", namespace="hub")
    registry = Registry(chart, "Registry", name="hub", storage=Storage.filesystem(),
                        auth=AccessControl.from_secrets(pull="hub-pull", push="hub-push",
                                                        anonymous=AnonymousAccess.BROWSE))
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host="hub.example.org")
    RegistryUi(chart, "Ui", ingress=ingress)


def _single_node_example(app: cdk8s.App) -> None:
    # The example reads the password from the environment, as a user's shell would give it.
    previous = os.environ.get("REGISTRY_ADMIN_PASSWORD")
    os.environ["REGISTRY_ADMIN_PASSWORD"] = "an-admin-password-from-the-environment"
    try:
        single_node.build(app)
    finally:
        if previous is None:
            del os.environ["REGISTRY_ADMIN_PASSWORD"]
        else:
            os.environ["REGISTRY_ADMIN_PASSWORD"] = previous


VARIANTS: dict[str, Callable[[cdk8s.App], object]] = {
    "default-app": _default_app,
    "values-and-replicas": _values_and_replicas,
    "filesystem-legacy-traefik": _filesystem_legacy_traefik,
    "constructs-on-their-own": _constructs_on_their_own,
    "registry-3-with-every-extra": _registry_3_with_every_extra,
    "ui-proxy-mode": _ui_proxy_mode,
    "gateway-of-its-own": _gateway_of_its_own,
    "shared-gateway": _shared_gateway,
    "access-by-role": _access_by_role,
    "access-from-secrets": _access_from_secrets,
    "example-high-availability": high_availability.build,
    "example-pull-through-cache": pull_through_cache.build,
    "example-single-node": _single_node_example,
    "example-quick-start": quick_start.build,
}


# Each variant's objects by variant name, as the `variants` fixtures of test_schemas and test_security hold them.
Variants = dict[str, list[dict[str, Any]]]


def synth_variant(name: str, outdir: str) -> list[dict[str, Any]]:
    """Every object of the variant, in output order."""
    app = cdk8s.Testing.app(outdir=outdir)
    VARIANTS[name](app)
    return [manifest for chart in app.charts for manifest in cdk8s.Testing.synth(chart)]

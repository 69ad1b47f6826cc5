"""NetworkPolicies of the registry and the UI, and IngressControllerPeer."""

import pathlib
import re
from typing import Any

import cdk8s
import pytest
from _manifests import container, env, find
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    IngressControllerPeer,
    Registry,
    RegistryChart,
    RegistryUi,
    S3Credentials,
    Storage,
    TraefikIngress,
)

K3S_TRAEFIK = {
    "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "kube-system"}},
    "podSelector": {"matchLabels": {"app.kubernetes.io/name": "traefik"}},
}
PROMETHEUS = {
    "namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "monitoring"}},
    "podSelector": {"matchLabels": {"app.kubernetes.io/name": "prometheus"}},
}
DNS = {"ports": [{"port": 53, "protocol": "UDP"}, {"port": 53, "protocol": "TCP"}]}


def test_chart_policies_admit_only_the_ingress_controller_and_the_ui(app: cdk8s.App,
                                                                     snapshot: SnapshotAssertion) -> None:
    # GIVEN the chart with MinIO storage
    chart = RegistryChart(app, "registry", host="registry.example.com", auth=None,
                          storage=Storage.s3(bucket="registry", endpoint="http://minio.minio.svc:9000",
                                             credentials=S3Credentials.from_secret("registry-s3")))

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(chart)
    policies = [m for m in manifests if m["kind"] == "NetworkPolicy"]

    # THEN the registry takes traffic from Traefik and from its UI on 5000 and from Prometheus on the metrics port
    # 5001, and talks only to DNS and MinIO's port
    assert policies == snapshot
    registry = find(manifests, "NetworkPolicy", "registry")["spec"]
    assert registry["podSelector"] == {"matchLabels": {"app.kubernetes.io/name": "registry",
                                                       "app.kubernetes.io/instance": "registry"}}
    assert registry["policyTypes"] == ["Ingress", "Egress"]
    assert registry["ingress"] == [
        {"from": [K3S_TRAEFIK], "ports": [{"port": 5000, "protocol": "TCP"}]},
        {"from": [{"podSelector": {"matchLabels": {"app.kubernetes.io/name": "registry-ui",
                                                   "app.kubernetes.io/part-of": "registry"}}}],
         "ports": [{"port": 5000, "protocol": "TCP"}]},
        {"from": [PROMETHEUS], "ports": [{"port": 5001, "protocol": "TCP"}]},
    ]
    assert registry["egress"] == [DNS, {"ports": [{"port": 9000, "protocol": "TCP"}]}]
    # AND the selectors select the pods they mean
    deployment = find(manifests, "Deployment", "registry")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert registry["podSelector"]["matchLabels"].items() <= pod_labels.items()
    ui_labels = find(manifests, "Deployment", "registry-ui")["spec"]["template"]["metadata"]["labels"]
    assert registry["ingress"][1]["from"][0]["podSelector"]["matchLabels"].items() <= ui_labels.items()
    # AND the metrics port it admits Prometheus on is the one the pods serve and announce, never the Service's
    # (the metrics sidecar's port; the registry's own debug listener is on the pod's loopback, in no rule)
    assert container(deployment, "registry")["ports"] == [{"containerPort": 5000, "name": "http"}]
    assert container(deployment, "metrics")["ports"] == [{"containerPort": 5001, "name": "metrics"}]
    assert env(container(deployment, "registry"))["REGISTRY_HTTP_DEBUG_ADDR"] == "127.0.0.1:5002"
    assert deployment["spec"]["template"]["metadata"]["annotations"]["prometheus.io/port"] == "5001"
    assert [port["port"] for port in find(manifests, "Service", "registry")["spec"]["ports"]] == [5000]
    # AND the UI takes traffic from Traefik on 8080 and talks to nothing but DNS
    ui = find(manifests, "NetworkPolicy", "registry-ui")["spec"]
    assert ui["ingress"] == [{"from": [K3S_TRAEFIK], "ports": [{"port": 8080, "protocol": "TCP"}]}]
    assert ui["egress"] == [DNS]
    assert ui["podSelector"]["matchLabels"].items() <= ui_labels.items()


@pytest.mark.parametrize(
    ("storage", "egress"),
    [
        (Storage.filesystem(), [DNS]),
        (Storage.s3(bucket="registry", credentials=None), [DNS, {"ports": [{"port": 443, "protocol": "TCP"}]}]),
        (Storage.s3(bucket="registry", credentials=None, secure=False),
         [DNS, {"ports": [{"port": 80, "protocol": "TCP"}]}]),
        (Storage.s3(bucket="registry", credentials=None, endpoint="https://s3.example.com"),
         [DNS, {"ports": [{"port": 443, "protocol": "TCP"}]}]),
    ],
    ids=["filesystem", "aws", "aws-plain-http", "https-endpoint"],
)
def test_registry_egress_follows_the_storage(chart: cdk8s.Chart, storage: Storage,
                                             egress: list[dict[str, Any]]) -> None:
    # GIVEN / WHEN a registry on each kind of storage
    Registry(chart, "Registry", name="registry", auth=None, storage=storage)

    # THEN it may reach DNS and, for S3, only the endpoint's port
    assert find(cdk8s.Testing.synth(chart), "NetworkPolicy")["spec"]["egress"] == egress


def test_custom_ingress_controller_and_policies_off(app: cdk8s.App) -> None:
    # GIVEN Traefik from its Helm chart in namespace traefik, and a second chart without policies
    peer = IngressControllerPeer.of(namespace="traefik", pod_labels={"app.kubernetes.io/instance": "traefik-traefik"})
    with_peer = RegistryChart(app, "with", host="a.example.com", auth=None, ingress_controller=peer)
    without = RegistryChart(app, "without", host="b.example.com", auth=None, namespace="other",
                            network_policy=False)

    # WHEN synthesized
    policies = [m for m in cdk8s.Testing.synth(with_peer) if m["kind"] == "NetworkPolicy"]

    # THEN both policies name that controller, and the other chart has none
    expected = {"namespaceSelector": {"matchLabels": {"kubernetes.io/metadata.name": "traefik"}},
                "podSelector": {"matchLabels": {"app.kubernetes.io/instance": "traefik-traefik"}}}
    assert [p["spec"]["ingress"][0]["from"] for p in policies] == [[expected], [expected]]
    assert "NetworkPolicy" not in {m["kind"] for m in cdk8s.Testing.synth(without)}


def test_constructs_take_their_own_policy_options(chart: cdk8s.Chart) -> None:
    # GIVEN a registry with a policy and a UI without
    registry = Registry(chart, "Registry", name="registry", auth=None)
    ingress = TraefikIngress(chart, "Ingress", registry=registry, host="registry.example.com")
    RegistryUi(chart, "Ui", ingress=ingress, network_policy=False)

    # WHEN / THEN only the registry's policy is there
    policies = [m["metadata"]["name"] for m in cdk8s.Testing.synth(chart) if m["kind"] == "NetworkPolicy"]
    assert policies == ["registry"]


def test_k3s_traefik_is_the_default_peer() -> None:
    # GIVEN / WHEN / THEN the factory selects Traefik's pods in kube-system
    peer = IngressControllerPeer.k3s_traefik()
    assert dict(peer.namespace_labels) == {"kubernetes.io/metadata.name": "kube-system"}
    assert dict(peer.pod_labels) == {"app.kubernetes.io/name": "traefik"}


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"namespace": "Kube_System", "pod_labels": {"a": "b"}}, "namespace='Kube_System' is invalid"),
        ({"namespace": "traefik", "pod_labels": {}}, "pod_labels={} is invalid: give at least one label"),
        ({"namespace": "traefik", "pod_labels": {"bad key": "x"}}, "pod_labels='bad key' is invalid: a label key"),
        ({"namespace": "traefik", "pod_labels": {"app": "-x"}}, "pod_labels['app']='-x' is invalid: a label value"),
        ({"namespace": "traefik", "pod_labels": {"app": "x\n"}}, "pod_labels['app']='x\\n' is invalid"),
    ],
)
def test_fails_on_invalid_peer(app: cdk8s.App, options: dict[str, Any], message: str) -> None:
    # GIVEN / WHEN a wrong namespace or label
    # THEN a ValueError names the parameter, the value and the rule, and nothing is written
    with pytest.raises(ValueError, match=re.escape(message)):
        IngressControllerPeer.of(**options)
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())

"""What the registry's and the UI's pods share: labels, hardening that cdk8s-plus has no property for,
NetworkPolicies, and the high-availability rules for several replicas."""

from __future__ import annotations

from collections.abc import Sequence

import cdk8s
import cdk8s_plus_27 as kplus
from cdk8s_plus_27 import k8s
from constructs import Construct

from .network import PodPeer

__all__ = ["add_disruption_budget", "harden_pod", "labels", "network_policy", "pull_policy", "pull_policy_name",
           "select", "selector", "spread_across_nodes"]


def labels(*, name: str, instance: str, component: str, part_of: str) -> dict[str, str]:
    """The recommended labels; selectors use name and instance."""
    return {"app.kubernetes.io/name": name, "app.kubernetes.io/instance": instance,
            "app.kubernetes.io/component": component, "app.kubernetes.io/part-of": part_of,
            "app.kubernetes.io/managed-by": "cdk8s"}


def pull_policy(image: str) -> kplus.ImagePullPolicy:
    """A digest cannot change, so the node's copy is exact; a tag can be pushed again (rebuilt for a CVE), so every
    start asks the registry what it points to now."""
    return kplus.ImagePullPolicy.IF_NOT_PRESENT if "@sha256:" in image else kplus.ImagePullPolicy.ALWAYS


def pull_policy_name(image: str) -> str:
    """:func:`pull_policy` as the pod spec spells it, for objects written without cdk8s-plus."""
    return "IfNotPresent" if pull_policy(image) is kplus.ImagePullPolicy.IF_NOT_PRESENT else "Always"


def selector(pod_labels: dict[str, str]) -> dict[str, str]:
    return {key: pod_labels[key] for key in ("app.kubernetes.io/name", "app.kubernetes.io/instance")}


def select(deployment: kplus.Deployment, service: kplus.Service, pod_labels: dict[str, str]) -> None:
    """Select the pods by their stable name and instance labels, in the Deployment (whose selector is immutable) and
    the Service. cdk8s-plus's own selection (``select=True``, ``Service(selector=deployment)``) uses a label derived
    from the construct path, so a renamed construct id would change the selector; it is left off, and its label is
    taken off the pods too. Create the Deployment with ``select=False`` and the Service without ``selector``."""
    labels = selector(pod_labels)
    deployment.select(kplus.LabelSelector.of(labels=labels))
    for key, value in labels.items():
        service.select_label(key, value)
    cdk8s.ApiObject.of(deployment).add_json_patch(
        cdk8s.JsonPatch.remove("/spec/template/metadata/labels/cdk8s.io~1metadata.addr"))


def harden_pod(deployment: kplus.Deployment, *, init_containers: int = 0, containers: int = 1) -> None:
    """Settings of the "restricted" Pod Security profile that cdk8s-plus cannot express, and no service links
    (a Service named `registry` would inject REGISTRY_SERVICE_* variables the registry reads as configuration)."""
    pod = cdk8s.ApiObject.of(deployment)
    pod.add_json_patch(cdk8s.JsonPatch.add("/spec/template/spec/enableServiceLinks", False))
    pod.add_json_patch(cdk8s.JsonPatch.add("/spec/template/spec/securityContext/seccompProfile",
                                           {"type": "RuntimeDefault"}))
    paths = [f"initContainers/{i}" for i in range(init_containers)] + [f"containers/{i}" for i in range(containers)]
    for path in paths:
        pod.add_json_patch(cdk8s.JsonPatch.add(f"/spec/template/spec/{path}/securityContext/capabilities",
                                               {"drop": ["ALL"]}))


def network_policy(
    scope: Construct,
    *,
    name: str,
    pod_labels: dict[str, str],
    port: int,
    ingress_controller: PodPeer,
    also_from: Sequence[dict[str, str]] = (),
    egress_ports: Sequence[int] = (),
    metrics: tuple[int, PodPeer] | None = None,
) -> k8s.KubeNetworkPolicy:
    """Ingress only from the controller (and pods labelled `also_from`) on `port`, and from the metrics scraper on
    the metrics port; egress only to DNS and the given TCP ports."""
    tcp = [k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(port), protocol="TCP")]
    ingress = [k8s.NetworkPolicyIngressRule(from_=[_peer(ingress_controller)], ports=tcp)]
    ingress += [k8s.NetworkPolicyIngressRule(
        from_=[k8s.NetworkPolicyPeer(pod_selector=k8s.LabelSelector(match_labels=peer))], ports=tcp)
        for peer in also_from]
    if metrics is not None:
        metrics_port, scraper = metrics
        ingress.append(k8s.NetworkPolicyIngressRule(
            from_=[_peer(scraper)],
            ports=[k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(metrics_port), protocol="TCP")]))
    egress = [k8s.NetworkPolicyEgressRule(ports=[
        k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(53), protocol="UDP"),
        k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(53), protocol="TCP"),
    ])]
    if egress_ports:
        egress.append(k8s.NetworkPolicyEgressRule(ports=[
            k8s.NetworkPolicyPort(port=k8s.IntOrString.from_number(p), protocol="TCP")
            for p in sorted(set(egress_ports))]))
    return k8s.KubeNetworkPolicy(
        scope, "NetworkPolicy",
        metadata=k8s.ObjectMeta(name=name, labels=pod_labels),
        spec=k8s.NetworkPolicySpec(
            pod_selector=k8s.LabelSelector(match_labels=selector(pod_labels)),
            policy_types=["Ingress", "Egress"],
            ingress=ingress,
            egress=egress,
        ),
    )


def _peer(peer: PodPeer) -> k8s.NetworkPolicyPeer:
    return k8s.NetworkPolicyPeer(namespace_selector=k8s.LabelSelector(match_labels=dict(peer.namespace_labels)),
                                 pod_selector=k8s.LabelSelector(match_labels=dict(peer.pod_labels)))


def add_disruption_budget(scope: Construct, *, name: str, pod_labels: dict[str, str]) -> k8s.KubePodDisruptionBudget:
    """At most one pod of several down at a time during node drains."""
    return k8s.KubePodDisruptionBudget(
        scope, "DisruptionBudget",
        metadata=k8s.ObjectMeta(name=name, labels=pod_labels),
        spec=k8s.PodDisruptionBudgetSpec(
            max_unavailable=k8s.IntOrString.from_number(1),
            selector=k8s.LabelSelector(match_labels=selector(pod_labels)),
        ),
    )


def spread_across_nodes(deployment: kplus.Deployment, pod_labels: dict[str, str]) -> None:
    """Replicas on different nodes where the cluster has them; a one-node cluster still schedules them all."""
    cdk8s.ApiObject.of(deployment).add_json_patch(cdk8s.JsonPatch.add(
        "/spec/template/spec/topologySpreadConstraints",
        [{"maxSkew": 1, "topologyKey": "kubernetes.io/hostname", "whenUnsatisfiable": "ScheduleAnyway",
          "labelSelector": {"matchLabels": selector(pod_labels)}}],
    ))

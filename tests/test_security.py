"""Secure defaults over every synthesized variant: the Pod Security "restricted" profile and more, and no secret
material where it does not belong."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from _variants import VARIANTS, Variants, synth_variant

# Volume types the "restricted" profile allows.
RESTRICTED_VOLUMES = {"configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected",
                      "secret"}
SECRET_LIKE_ENV = re.compile(r"PASSWORD|SECRET|ACCESSKEY|TOKEN|CREDENTIAL", re.IGNORECASE)


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> Variants:
    return {name: synth_variant(name, str(tmp_path_factory.mktemp(name))) for name in VARIANTS}


# The pod templates of the workloads we emit, by kind: where each kind keeps its template.
POD_TEMPLATE_PATHS = {"Deployment": ("spec", "template"), "CronJob": ("spec", "jobTemplate", "spec", "template")}
# The containers that talk to the API server (the garbage collection's read-only window), the only ones with a token.
TOKEN_CONTAINERS = {"enter-read-only", "leave-read-only"}


def _templates(manifests: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(kind/name, pod template) of every Deployment and CronJob, in output order."""
    templates = []
    for manifest in manifests:
        path = POD_TEMPLATE_PATHS.get(manifest["kind"])
        if path is None:
            continue
        template: dict[str, Any] = manifest
        for key in path:
            template = template[key]
        templates.append((f"{manifest['kind']}/{manifest['metadata']['name']}", template))
    return templates


def _pods(manifests: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(kind/name, pod spec) of every Deployment and CronJob."""
    return [(name, template["spec"]) for name, template in _templates(manifests)]


def _token_volumes(pod: dict[str, Any]) -> set[str]:
    """The names of the pod's projected volumes that carry a service account token."""
    return {volume["name"] for volume in pod.get("volumes", [])
            if any("serviceAccountToken" in source for source in volume.get("projected", {}).get("sources", []))}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_pod_meets_the_restricted_profile(variants: Variants, variant: str) -> None:
    # GIVEN every pod template of the variant
    pods = _pods(variants[variant])
    assert pods

    for name, pod in pods:
        # THEN the pod-level rules of "restricted" hold
        assert not pod.get("hostNetwork") and not pod.get("hostPID") and not pod.get("hostIPC"), name
        assert pod["securityContext"]["runAsNonRoot"] is True, name
        assert pod["securityContext"]["runAsUser"] != 0, name
        assert pod["securityContext"]["seccompProfile"] == {"type": "RuntimeDefault"}, name
        assert {key for volume in pod.get("volumes", []) for key in volume if key != "name"} <= RESTRICTED_VOLUMES
        # AND our own: no service account token, no service links
        assert pod["automountServiceAccountToken"] is False, name
        assert pod["enableServiceLinks"] is False, name
        token_volumes = _token_volumes(pod)
        for container in [*pod.get("initContainers", []), *pod["containers"]]:
            where = f"{variant}/{name}/{container['name']}"
            # a token only where kubectl runs, as a projected volume (the pod-level automount stays off)
            if {mount["name"] for mount in container.get("volumeMounts", [])} & token_volumes:
                assert container["name"] in TOKEN_CONTAINERS, where
            context = container["securityContext"]
            # the container-level rules of "restricted"
            assert context["allowPrivilegeEscalation"] is False, where
            assert context["privileged"] is False, where
            assert context["capabilities"] == {"drop": ["ALL"]}, where
            assert context.get("runAsNonRoot", True) is True and context.get("runAsUser", 1) != 0, where
            # a read-only root, and requests and limits set
            assert context["readOnlyRootFilesystem"] is True, where
            assert set(container["resources"]) == {"requests", "limits"}, where
            assert set(container["resources"]["limits"]) == {"cpu", "memory"}, where
            # a tag can be pushed again; only a digest is safe to take from the node's cache
            expected = "IfNotPresent" if "@sha256:" in container["image"] else "Always"
            assert container["imagePullPolicy"] == expected, where
            # and a uid that maps to no user of the node
            assert context["runAsUser"] >= 10000 and pod["securityContext"]["runAsUser"] >= 10000, where


def test_the_token_checks_see_the_garbage_collection(variants: Variants) -> None:
    # GIVEN the CronJob pods of all variants (the garbage collection's)
    cron_pods = {f"{variant}/{name}": pod for variant, objects in variants.items() for name, pod in _pods(objects)
                 if name.startswith("CronJob/")}

    # THEN several variants have one, so the checks above run on them
    assert len(cron_pods) >= 2, sorted(cron_pods)
    for where, pod in cron_pods.items():
        # AND in each, exactly the kubectl containers mount the token, and the Deployments' pods have none
        mounting = {container["name"] for container in [*pod["initContainers"], *pod["containers"]]
                    if {mount["name"] for mount in container.get("volumeMounts", [])} & _token_volumes(pod)}
        assert mounting == TOKEN_CONTAINERS, where
    assert not [name for objects in variants.values() for name, pod in _pods(objects)
                if name.startswith("Deployment/") and _token_volumes(pod)]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_secrets_are_files_never_environment_variables(variants: Variants, variant: str) -> None:
    # GIVEN every container of the variant
    manifests = variants[variant]
    for name, pod in _pods(manifests):
        for container in [*pod.get("initContainers", []), *pod["containers"]]:
            # THEN no variable comes from a Secret (secrets are mounted files), and a secret-like variable only
            # names a file
            assert "envFrom" not in container, f"{variant}/{name}"
            for env in container.get("env", []):
                assert "secretKeyRef" not in env.get("valueFrom", {}), f"{variant}/{name}: {env}"
                # (CORS header settings name "Credentials" but hold no secret)
                if SECRET_LIKE_ENV.search(env["name"]) and not env["name"].startswith("REGISTRY_HTTP_HEADERS_"):
                    assert env["name"].endswith("_FILE") and env["value"].startswith("/"), f"{variant}/{name}: {env}"
    # AND the passwords the variants use appear nowhere; only bcrypt hashes do
    text = json.dumps(manifests)
    for password in ("alice-password", "ci-password"):
        assert password not in text


def test_namespace_we_emit_enforces_the_restricted_level(variants: Variants) -> None:
    # GIVEN the namespaces the variants emit
    namespaces = [m for objects in variants.values() for m in objects if m["kind"] == "Namespace"]
    assert namespaces

    # THEN each carries the Pod Security admission labels at "restricted"
    for namespace in namespaces:
        labels = namespace["metadata"]["labels"]
        assert {labels[f"pod-security.kubernetes.io/{mode}"] for mode in ("enforce", "audit", "warn")} == \
            {"restricted"}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_every_workload_is_behind_a_network_policy(variants: Variants, variant: str) -> None:
    # GIVEN the variant's pods and policies
    manifests = variants[variant]
    policies = [m["spec"]["podSelector"]["matchLabels"] for m in manifests if m["kind"] == "NetworkPolicy"]

    # THEN every Deployment's and CronJob's pods are selected by a policy that restricts both directions
    for name, template in _templates(manifests):
        labels = template["metadata"]["labels"]
        assert any(selector.items() <= labels.items() for selector in policies), name

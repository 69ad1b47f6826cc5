"""The scanner gate (issue "Secure by default"): checkov's Kubernetes checks over the default app and every variant
report no failed check, except CKV_K8S_43 (image digest) for a container whose image was given without a digest.
Digests pass through and then pass that check too. No object may carry a checkov skip annotation.

checkov runs once, over every variant plus a deliberately broken Deployment that proves the gate can fail: its
start-up alone takes about five seconds. See tests/_checkov.py for where the binary is looked up.
"""

from __future__ import annotations

import dataclasses
import pathlib
from collections.abc import Callable
from typing import Any

import _checkov
import cdk8s
import pytest
import yaml
from _variants import VARIANTS, synth_variant

from constructs_lib import (
    DEFAULT_METRICS_PROXY_IMAGE,
    DEFAULT_REGISTRY_IMAGE,
    DEFAULT_UI_IMAGE,
    HtpasswdAuth,
    RegistryChart,
)

ALLOWED_WITHOUT_DIGEST = "CKV_K8S_43"  # "Image should use digest": the only failure allowed, and only without one
DIGEST = "@sha256:" + "0123456789abcdef" * 4
REGISTRY_IMAGE_WITH_DIGEST = DEFAULT_REGISTRY_IMAGE + DIGEST
UI_IMAGE_WITH_DIGEST = DEFAULT_UI_IMAGE + DIGEST
METRICS_PROXY_IMAGE_WITH_DIGEST = DEFAULT_METRICS_PROXY_IMAGE + DIGEST
# Checks that must have been evaluated on every Deployment we emit, so an object checkov silently stopped reading
# (or a check it stopped running) cannot pass the gate by having no results.
WORKLOAD_CHECKS = {
    "CKV_K8S_8", "CKV_K8S_9",  # liveness, readiness probes
    "CKV_K8S_10", "CKV_K8S_11", "CKV_K8S_12", "CKV_K8S_13",  # CPU and memory requests and limits
    "CKV_K8S_15", "CKV_K8S_43",  # image pull policy, image digest
    "CKV_K8S_20", "CKV_K8S_22", "CKV_K8S_23", "CKV_K8S_28", "CKV_K8S_37", "CKV_K8S_40",  # privileges, fs, user
    "CKV_K8S_29", "CKV_K8S_31", "CKV_K8S_35", "CKV_K8S_38",  # security context, seccomp, secrets, token
}
# The same on every CronJob (the garbage collection), but the probe checks: checkov runs none on Jobs' pods.
CRON_JOB_CHECKS = WORKLOAD_CHECKS - {"CKV_K8S_8", "CKV_K8S_9"}
SELF_TEST = "gate-self-test"


def _image_digests(app: cdk8s.App) -> None:
    RegistryChart(app, "digests", host="registry.example.com", auth=HtpasswdAuth.from_secret("registry-htpasswd"),
                  registry_image=REGISTRY_IMAGE_WITH_DIGEST, ui_image=UI_IMAGE_WITH_DIGEST,
                  metrics_proxy_image=METRICS_PROXY_IMAGE_WITH_DIGEST)


# Every variant the tests synthesize, and the one with digests, each in a folder of its name.
SCANNED: dict[str, Callable[[cdk8s.App], object]] = {**VARIANTS, "image-digests": _image_digests}

# What the gate must catch: a privileged root container on the host network, without probes, limits or digest, that
# also skips a check through an annotation.
BROKEN_DEPLOYMENT: dict[str, Any] = {
    "apiVersion": "apps/v1",
    "kind": "Deployment",
    "metadata": {"name": "broken", "namespace": "self-test",
                 "annotations": {"checkov.io/skip1": "CKV_K8S_20=deliberate, proves skips are detected"}},
    "spec": {
        "selector": {"matchLabels": {"app": "broken"}},
        "template": {
            "metadata": {"labels": {"app": "broken"}},
            "spec": {
                "hostNetwork": True,
                "containers": [{
                    "name": "broken",
                    "image": "nginx:1.27",
                    "securityContext": {"privileged": True, "runAsUser": 0, "allowPrivilegeEscalation": True},
                }],
            },
        },
    },
}
BROKEN_MUST_FAIL = {"CKV_K8S_8", "CKV_K8S_9", "CKV_K8S_11", "CKV_K8S_13", "CKV_K8S_16", "CKV_K8S_19", "CKV_K8S_23",
                    "CKV_K8S_40"}


@dataclasses.dataclass(frozen=True, repr=False)
class Scan:
    report: _checkov.Report
    objects: dict[str, dict[str, dict[str, Any]]]  # folder -> checkov resource id -> the object as written

    def __repr__(self) -> str:  # pytest prints the fixture in tracebacks: keep it to a line
        report = self.report
        return f"<Scan by checkov {report.version}: {len(report.failed)} failed, {len(report.passed)} passed>"

    def failed(self, folder: str) -> list[_checkov.Result]:
        return self.report.in_folder(folder, self.report.failed)

    def passed(self, folder: str) -> list[_checkov.Result]:
        return self.report.in_folder(folder, self.report.passed)


@pytest.fixture(scope="module")
def scan(tmp_path_factory: pytest.TempPathFactory) -> Scan:
    root = tmp_path_factory.mktemp("scanned")
    for name, build in SCANNED.items():
        # The files `cdk8s synth` writes (<chart>.k8s.yaml), not a re-serialization of them.
        app = cdk8s.Testing.app(outdir=str(root / name))
        build(app)
        app.synth()
    (root / SELF_TEST).mkdir()
    (root / SELF_TEST / "broken.yaml").write_text(yaml.safe_dump(BROKEN_DEPLOYMENT))

    objects: dict[str, dict[str, dict[str, Any]]] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        files = sorted(folder.glob("*.yaml"))
        assert files, f"nothing was written into {folder}"
        manifests = [m for path in files for m in yaml.safe_load_all(path.read_text()) if m]
        objects[folder.name] = {_checkov.resource_id(m): m for m in manifests}
        assert len(objects[folder.name]) == len(manifests), f"two objects share a kind, namespace and name in {folder}"
    return Scan(report=_checkov.scan(root, tmp_path_factory.mktemp("checkov-home")), objects=objects)


def _without_digest(manifest: dict[str, Any] | None, result: _checkov.Result) -> bool:
    """Whether checkov's digest failure points at images that really have no digest."""
    if manifest is None or not result.evaluated_keys:
        return False
    images = [_checkov.value_at(manifest, key) for key in result.evaluated_keys]
    return all(isinstance(image, str) and "@sha256:" not in image for image in images)


def unexpected_failures(scan: Scan, folder: str) -> list[_checkov.Result]:
    """The gate: every failed check in `folder` except CKV_K8S_43 on an image without a digest."""
    objects = scan.objects[folder]
    return [result for result in scan.failed(folder)
            if not (result.check_id == ALLOWED_WITHOUT_DIGEST
                    and _without_digest(objects.get(result.resource), result))]


@pytest.mark.parametrize("variant", sorted(SCANNED))
def test_checkov_reports_no_failed_check_but_missing_digests(scan: Scan, variant: str) -> None:
    # GIVEN the variant's manifests, as `cdk8s synth` writes them
    objects = scan.objects[variant]
    deployments = [rid for rid, m in objects.items() if m["kind"] == "Deployment"]
    assert deployments, f"{variant} has no Deployment to scan"

    # WHEN checkov has scanned them (the module's single run)
    evaluated: dict[str, set[str]] = {}
    for result in scan.report.in_folder(variant, scan.report.passed + scan.report.failed):
        evaluated.setdefault(result.resource, set()).add(result.check_id)

    # THEN it read every file and ran the workload checks on every Deployment and CronJob
    assert scan.report.parsing_errors == (), f"checkov could not parse: {scan.report.parsing_errors}"
    cron_jobs = [rid for rid, m in objects.items() if m["kind"] == "CronJob"]
    for rid, checks in [*((d, WORKLOAD_CHECKS) for d in deployments), *((c, CRON_JOB_CHECKS) for c in cron_jobs)]:
        missing = checks - evaluated.get(rid, set())
        assert not missing, f"checkov {scan.report.version} did not evaluate {sorted(missing)} on {rid}"
    # AND nothing failed but the digest check on images given without a digest
    failures = [str(result) for result in unexpected_failures(scan, variant)]
    assert failures == [], f"checkov {scan.report.version} failed checks in {variant}:\n  " + "\n  ".join(failures)


@pytest.mark.parametrize("variant", sorted(SCANNED))
def test_no_object_skips_a_check(scan: Scan, variant: str) -> None:
    # GIVEN the variant's objects WHEN looking for checkov skip annotations anywhere in them
    annotations = [a for m in scan.objects[variant].values() for a in _checkov.skip_annotations(m)]

    # THEN there are none, and checkov skipped nothing
    assert annotations == []
    assert [str(r) for r in scan.report.in_folder(variant, scan.report.skipped)] == []


def test_image_digests_pass_through_and_pass_the_digest_check(scan: Scan) -> None:
    # GIVEN a chart whose registry, metrics sidecar and UI images carry digests
    objects = scan.objects["image-digests"]
    deployments = {rid: m for rid, m in objects.items() if m["kind"] == "Deployment"}
    assert len(deployments) == 2, sorted(deployments)

    # WHEN checkov has scanned it
    passed = {(r.resource, r.check_id) for r in scan.passed("image-digests")}
    failed = {(r.resource, r.check_id) for r in scan.failed("image-digests")}

    # THEN every container, init containers too, runs exactly the image it was given
    for rid, deployment in deployments.items():
        pod = deployment["spec"]["template"]["spec"]
        images = {c["image"] for c in pod["containers"] + pod.get("initContainers", [])}
        assert images in ({REGISTRY_IMAGE_WITH_DIGEST, METRICS_PROXY_IMAGE_WITH_DIGEST}, {UI_IMAGE_WITH_DIGEST}), \
            f"{rid}: {images}"
        # AND the digest check passes on it, as does the pull-policy check (a digest cannot change under a node)
        for check in (ALLOWED_WITHOUT_DIGEST, "CKV_K8S_15"):
            assert (rid, check) in passed and (rid, check) not in failed, f"{check} on {rid}"


def test_the_gate_fails_on_a_broken_deployment(scan: Scan) -> None:
    # GIVEN a privileged root Deployment without probes, limits or digest, scanned beside the variants
    # WHEN the gate looks at it
    unexpected_ids = {r.check_id for r in unexpected_failures(scan, SELF_TEST)}
    failed_ids = {r.check_id for r in scan.failed(SELF_TEST)}

    # THEN it reports the failures the gate must catch
    assert failed_ids >= BROKEN_MUST_FAIL, sorted(BROKEN_MUST_FAIL - failed_ids)
    assert unexpected_ids >= BROKEN_MUST_FAIL, sorted(BROKEN_MUST_FAIL - unexpected_ids)
    # AND the missing digest fails too but is the one allowance, so it is not among the unexpected failures
    assert ALLOWED_WITHOUT_DIGEST in failed_ids
    assert ALLOWED_WITHOUT_DIGEST not in unexpected_ids
    # AND its skip annotation is found, and checkov did honour it: both skip detectors work
    assert _checkov.skip_annotations(BROKEN_DEPLOYMENT) == [
        "Deployment.self-test.broken/metadata/annotations/checkov.io/skip1"]
    assert {r.check_id for r in scan.report.in_folder(SELF_TEST, scan.report.skipped)} == {"CKV_K8S_20"}


def test_the_scanned_files_hold_every_object_of_the_variant(scan: Scan, tmp_path: pathlib.Path) -> None:
    # GIVEN the default app's objects as the other tests see them (cdk8s.Testing.synth)
    expected = {_checkov.resource_id(m) for m in synth_variant("default-app", str(tmp_path))}

    # WHEN comparing them with what the scan read from the files that app.synth() wrote
    scanned = set(scan.objects["default-app"])

    # THEN checkov saw exactly those objects
    assert scanned == expected

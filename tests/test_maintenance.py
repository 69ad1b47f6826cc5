"""UploadPurging and GarbageCollection, and what the registry renders from them."""

from __future__ import annotations

import json
import os
import pathlib
import re
import shutil
import subprocess
from typing import Any

import cdk8s
import pytest
from _manifests import Manifest, container, env, find, kinds, of_kind
from cdk8s_plus_27 import k8s
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    DEFAULT_KUBECTL_IMAGE,
    GarbageCollection,
    HtpasswdAuth,
    HttpSecret,
    PodOptions,
    RedisCache,
    Registry,
    S3Credentials,
    Storage,
    UploadPurging,
    VolumeAccessMode,
    _gc,
)


def _purging_env(app: cdk8s.App, purging: UploadPurging | None) -> str | None:
    chart = cdk8s.Chart(app, "test")
    Registry(chart, "Registry", name="registry", auth=None, upload_purging=purging)
    variables = env(container(find(cdk8s.Testing.synth(chart), "Deployment"), "registry"))
    value = variables.get("REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING")
    assert value is None or isinstance(value, str)
    return value


def test_default_leaves_the_registry_default(app: cdk8s.App) -> None:
    # GIVEN / WHEN no setting THEN the registry's own default applies (a week, daily)
    assert _purging_env(app, None) is None


def test_every_renders_the_whole_map(app: cdk8s.App) -> None:
    # GIVEN / WHEN a purge every 6 hours of uploads older than 2 days, as a dry run
    value = _purging_env(app, UploadPurging.every(interval_hours=6, age_hours=48, dry_run=True))

    # THEN the whole map is one YAML value (distribution 2.8 panics on a lone ..._ENABLED)
    assert value == "{enabled: true, age: 48h, interval: 6h, dryrun: true}"


def test_every_defaults_and_disabled(app: cdk8s.App) -> None:
    # GIVEN / WHEN the defaults, and purging switched off
    # THEN they render as the registry reads them
    assert _purging_env(app, UploadPurging.every()) == "{enabled: true, age: 168h, interval: 24h, dryrun: false}"
    assert _purging_env(cdk8s.Testing.app(), UploadPurging.disabled()) == "{enabled: false}"


@pytest.mark.parametrize(
    ("options", "message"),
    [({"interval_hours": 0}, "interval_hours=0 is invalid"), ({"age_hours": 0}, "age_hours=0 is invalid"),
     ({"age_hours": 24 * 366}, f"age_hours={24 * 366} is invalid")],
)
def test_fails_bad_purging(app: cdk8s.App, options: dict[str, Any], message: str) -> None:
    # GIVEN / WHEN / THEN out-of-range hours are refused with the parameter and value
    with pytest.raises(ValueError, match=re.escape(message)):
        UploadPurging.every(**options)
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())


# --- GarbageCollection ---

KUBECTL_CONTAINERS = ["enter-read-only", "leave-read-only"]
TOKEN_MOUNT = {"name": "kube-api-access", "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount",
               "readOnly": True}
REGISTRY_POD_AFFINITY = {"podAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": [{
    "labelSelector": {"matchLabels": {"app.kubernetes.io/name": "registry", "app.kubernetes.io/instance": "registry"}},
    "topologyKey": "kubernetes.io/hostname"}]}}
NODE_AFFINITY = k8s.Affinity(node_affinity=k8s.NodeAffinity(
    required_during_scheduling_ignored_during_execution=k8s.NodeSelector(node_selector_terms=[
        k8s.NodeSelectorTerm(match_expressions=[
            k8s.NodeSelectorRequirement(key="disk", operator="In", values=["ssd"])])])))
POD_OPTIONS = PodOptions(
    env={"TZ": "Europe/Paris"},
    node_selector={"kubernetes.io/arch": "arm64"},
    tolerations=[k8s.Toleration(key="dedicated", operator="Equal", value="infra", effect="NoSchedule")],
    affinity=NODE_AFFINITY,
    priority_class_name="infra-critical",
    image_pull_secrets=["mirror-credentials"],
    labels={"team": "platform"},
    annotations={"backup.example.com/skip": "true"},
)


def _s3() -> Storage:
    # S3 on MinIO, the keys in an existing Secret under custom key names.
    return Storage.s3(bucket="registry", endpoint="http://minio.minio.svc:9000",
                      credentials=S3Credentials.from_secret("aws-keys", access_key_key="AWS_ACCESS_KEY_ID",
                                                            secret_key_key="AWS_SECRET_ACCESS_KEY"))


def _rwx() -> Storage:
    return Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_MANY)


def _gc_registry(app: cdk8s.App, *, namespace: str = "registry", gc: GarbageCollection | None = None,
                 **options: Any) -> list[Manifest]:
    """The objects of a registry named `registry` with garbage collection (the default schedule unless `gc`)."""
    chart = cdk8s.Chart(app, "test", namespace=namespace)
    arguments: dict[str, Any] = {"auth": None, **options}
    if int(arguments.get("replicas", 1)) > 1:
        arguments.setdefault("http_secret", HttpSecret.from_secret("registry-http-secret"))
    Registry(chart, "Registry", name="registry", garbage_collection=gc or GarbageCollection.on_schedule(),
             **arguments)
    return cdk8s.Testing.synth(chart)


def _cron_job(manifests: list[Manifest]) -> Manifest:
    return find(manifests, "CronJob", "registry-gc")


def _gc_pod(manifests: list[Manifest]) -> Manifest:
    spec: Manifest = _cron_job(manifests)["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return spec


def _gc_containers(pod: Manifest) -> dict[str, Manifest]:
    """Every container of the collection's pod by name, in the order the kubelet runs them."""
    return {c["name"]: c for c in [*pod.get("initContainers", []), *pod["containers"]]}


def _script(container_spec: Manifest) -> str:
    shell, flag, script = container_spec["command"]
    assert shell in ("/bin/sh", "/bin/bash") and flag == "-c"
    assert isinstance(script, str)
    return script


def _assert_nothing_built(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    """The failed construct added no object to the chart, and the app wrote nothing."""
    assert [c for c in chart.node.find_all() if isinstance(c, cdk8s.ApiObject)] == []
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())


def test_garbage_collection_of_a_filesystem_registry(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a registry with auth and an http secret on the default ReadWriteOnce claim, collected on the default
    # schedule
    chart = cdk8s.Chart(app, "test", namespace="registry")
    registry = Registry(chart, "Registry", name="registry", auth=HtpasswdAuth.from_secret("registry-htpasswd"),
                        http_secret=HttpSecret.from_secret("registry-http-secret"),
                        garbage_collection=GarbageCollection.on_schedule())

    # WHEN synthesized
    manifests = cdk8s.Testing.synth(chart)

    # THEN the registry, then the CronJob and the least privilege it needs
    assert manifests == snapshot
    assert kinds(manifests) == [
        ("PersistentVolumeClaim", "registry-data"), ("Deployment", "registry"),
        ("ConfigMap", "registry-metrics-proxy"), ("Service", "registry"),
        ("NetworkPolicy", "registry"), ("ServiceAccount", "registry-gc"), ("Role", "registry-gc"),
        ("RoleBinding", "registry-gc"), ("CronJob", "registry-gc"), ("NetworkPolicy", "registry-gc"),
    ]
    assert registry.garbage_collection is not None
    assert registry.garbage_collection.node.id == "GarbageCollection"
    # AND Sundays at 03:00 in the controller's zone, never two runs at once, no immediate retry
    cron = _cron_job(manifests)["spec"]
    assert cron["schedule"] == "0 3 * * 0"
    assert "timeZone" not in cron
    assert cron["concurrencyPolicy"] == "Forbid"
    assert cron["jobTemplate"]["spec"]["backoffLimit"] == 0
    assert cron["jobTemplate"]["spec"]["activeDeadlineSeconds"] == 8 * 3600
    # (a pod disrupted in the window is replaced: the new one ends the window)
    assert cron["jobTemplate"]["spec"]["podFailurePolicy"] == {
        "rules": [{"action": "Ignore", "onPodConditions": [{"type": "DisruptionTarget", "status": "True"}]}]}
    pod = _gc_pod(manifests)
    assert pod["restartPolicy"] == "Never"
    # AND the steps: render the config and open the window, in order; then collect and, beside it, close the window
    # when the collection ends or its container dies
    assert [c["name"] for c in pod["initContainers"]] == ["render-config", "enter-read-only"]
    # (the one that ends the window first: the kubelet starts them in order, so an image pull of the other cannot
    # hold it back)
    assert [c["name"] for c in pod["containers"]] == ["leave-read-only", "garbage-collect"]
    containers = _gc_containers(pod)
    assert {name: c["image"] for name, c in containers.items()} == {
        "render-config": "registry:2.8.3", "enter-read-only": DEFAULT_KUBECTL_IMAGE,
        "garbage-collect": "registry:2.8.3", "leave-read-only": DEFAULT_KUBECTL_IMAGE}
    # AND images given by tag are asked for again at each container start (see the digest test for the node's copy)
    assert {c["imagePullPolicy"] for c in containers.values()} == {"Always"}
    enter, collect, leave = (_script(containers[name]) for name in ["enter-read-only", "garbage-collect",
                                                                     "leave-read-only"])
    assert ("kubectl set env deployment/registry --containers=registry "
            "REGISTRY_STORAGE_MAINTENANCE_READONLY='{enabled: true}'") in enter
    assert "kubectl rollout status deployment/registry --timeout=10m" in enter
    assert ("  timeout 21600 registry garbage-collect /run/registry/config.yml "
            "2> /run/garbage-collection/collect-errors &\n") in collect
    assert "touch /run/garbage-collection/heartbeat" in collect and "/run/garbage-collection/heartbeat" in leave
    assert env(containers["garbage-collect"])["GOMEMLIMIT"] == "400MiB"
    assert ("kubectl set env deployment/registry --containers=registry "
            "REGISTRY_STORAGE_MAINTENANCE_READONLY='{enabled: false}'") in leave
    assert 'exit "${code:-1}"' in leave
    # AND the collection mounts the registry's claim, on the registry pod's node (a ReadWriteOnce claim is mounted
    # on one node at a time)
    assert {"name": "data", "persistentVolumeClaim": {"claimName": "registry-data"}} in pod["volumes"]
    assert {"name": "data", "mountPath": "/var/lib/registry"} in containers["garbage-collect"]["volumeMounts"]
    assert pod["affinity"] == REGISTRY_POD_AFFINITY
    # AND the registry's manifest says read-write, the value the window returns to
    registry_env = env(container(find(manifests, "Deployment", "registry"), "registry"))
    assert registry_env["REGISTRY_STORAGE_MAINTENANCE_READONLY"] == "{enabled: false}"


# What distribution 2.8.2 writes last (stderr, no newline) and exits 1 with on a registry nothing was pushed to, as
# seen with the real binary on the filesystem and through the S3 driver (tests/e2e/test_gc_e2e.py runs the real one).
NEVER_PUSHED = "failed to garbage collect: failed to mark: {driver}: Path not found: /docker/registry/v2/repositories"
# The applets of the registry image (alpine's busybox) that the garbage-collect script uses.
COLLECT_APPLETS = ("sh", "mv", "touch", "rm", "mkfifo", "tail", "tee", "timeout", "sleep", "cat")


def _collect_shell(folder: pathlib.Path, shell: str) -> tuple[str, str]:
    """(the shell, a PATH) for the garbage-collect script: the host's POSIX sh (dash) and tools, or busybox's only."""
    folder.mkdir()
    if shell == "busybox":
        busybox = shutil.which("busybox")
        if busybox is None:
            pytest.fail("busybox missing (Debian package busybox; see the Makefile's TEST_DEBIAN_PACKAGES)")
        for applet in COLLECT_APPLETS:
            (folder / applet).symlink_to(busybox)
        return str(folder / "sh"), str(folder)
    return "/bin/sh", f"{folder}:/usr/bin:/bin"


def _run_collect(tmp_path: pathlib.Path, shell: str, stderr: str, code: int) -> tuple[int, str, str]:
    """Run the garbage-collect container's script with a `registry` that writes `stderr` and exits with `code`:
    (the exit code it hands to leave-read-only, its output, its error output)."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "read-only").touch()  # enter-read-only's marker: the registry is read-only
    sh, path = _collect_shell(tmp_path / "bin", shell)
    fake = tmp_path / "bin" / "registry"
    fake.write_text(f'#!/bin/sh\ncat {tmp_path}/stderr >&2\nexit {code}\n')
    fake.chmod(0o755)
    (tmp_path / "stderr").write_text(stderr)
    # (the heartbeat's pause shortened: the fake collection ends at once)
    script = (_gc.collect_script([]).replace("/run/garbage-collection", str(work))
              .replace("/run/registry/config.yml", str(tmp_path / "config.yml"))
              .replace("  sleep 2\n", "  sleep 0.1\n"))
    result = subprocess.run([sh, "-c", script], env={"PATH": path}, capture_output=True, text=True, timeout=60,
                            check=False)
    assert result.returncode == 0, result
    # (only the end of the error output is kept in the work folder, however long the collection logs)
    assert (work / "collect-errors-end").stat().st_size <= 4096
    return int((work / "exit-code").read_text()), result.stdout, result.stderr


@pytest.mark.parametrize("shell", ["posix-sh", "busybox"])
@pytest.mark.parametrize(
    "stderr",
    [NEVER_PUSHED.format(driver="filesystem"), NEVER_PUSHED.format(driver="s3aws"),
     # (log lines before it, however many, and a final newline change nothing)
     "".join(f"time=x level=info msg=\"line {i}\"\n" for i in range(20000))
     + NEVER_PUSHED.format(driver="s3aws") + "\n"],
    ids=["filesystem", "s3", "after-logs"],
)
def test_collection_of_a_registry_never_pushed_to_ends_as_a_no_op(tmp_path: pathlib.Path, shell: str,
                                                                   stderr: str) -> None:
    # GIVEN / WHEN the collection exits 1 saying, last, that the storage has no repositories folder
    code, stdout, errors = _run_collect(tmp_path, shell, stderr, 1)

    # THEN the run is a success that says why, and the registry's own words are in the log
    assert code == 0
    assert "nothing to collect: nothing has been pushed to this registry yet" in stdout
    assert stderr.rstrip("\n") in errors


@pytest.mark.parametrize("shell", ["posix-sh", "busybox"])
@pytest.mark.parametrize(
    ("stderr", "code"),
    [
        ("", 0),
        # wrong S3 keys, a missing bucket (as 2.8.2 says them through SeaweedFS)
        (("failed to garbage collect: failed to mark: s3aws: SignatureDoesNotMatch: The request signature we "
          "calculated does not match the signature you provided. Check your key and signing method.\n\tstatus "
          "code: 403, request id: 18ED3E0D810D1BD7B23CCD3D, host id: "), 1),
        (("failed to garbage collect: failed to mark: s3aws: NoSuchBucket: The specified bucket does not exist\n\t"
          "status code: 404, request id: 18ED3E0D838A0CE9C7A6ACA3, host id: "), 1),
        # repositories there, blobs not (an upload was started, nothing finished)
        ("failed to garbage collect: error enumerating blobs: filesystem: Path not found: /docker/registry/v2/blobs",
         1),
        # another path missing, or the same one behind another error
        (("failed to garbage collect: failed to mark: filesystem: Path not found: "
          "/docker/registry/v2/repositories/app/_layers"), 1),
        (("failed to garbage collect: failed to mark: failed to x: filesystem: Path not found: "
          "/docker/registry/v2/repositories"), 1),
        # the message, but not as the last line, or with another exit code (timeout's, a signal's)
        (NEVER_PUSHED.format(driver="filesystem") + "\npanic: runtime error", 1),
        (NEVER_PUSHED.format(driver="filesystem"), 2),
        (NEVER_PUSHED.format(driver="filesystem"), 124),
    ],
    ids=["success", "wrong-keys", "no-bucket", "no-blobs", "other-path", "nested", "not-last", "code-2", "timeout"],
)
def test_collection_keeps_every_other_outcome(tmp_path: pathlib.Path, shell: str, stderr: str, code: int) -> None:
    # GIVEN / WHEN the collection ends with anything else
    handed_on, stdout, errors = _run_collect(tmp_path, shell, stderr, code)

    # THEN its exit code is handed on as it is (a failure fails the Job), and its error output is in the log
    assert handed_on == code
    assert "nothing to collect" not in stdout
    assert stderr in errors


@pytest.mark.parametrize("storage", [Storage.filesystem(), _s3()], ids=["filesystem", "s3"])
def test_collection_scripts_parse_in_their_shells(app: cdk8s.App, storage: Storage) -> None:
    # GIVEN / WHEN a collected registry
    containers = _gc_containers(_gc_pod(_gc_registry(app, storage=storage)))
    busybox = shutil.which("busybox")
    if busybox is None:
        pytest.fail("busybox missing (Debian package busybox; see the Makefile's TEST_DEBIAN_PACKAGES)")

    # THEN the registry image's scripts parse under POSIX sh (dash) and busybox's sh, the kubectl image's under bash
    for name, spec in containers.items():
        shell = spec["command"][0]
        checkers = [["/bin/sh"], [busybox, "sh"]] if shell == "/bin/sh" else [["/bin/bash"]]
        for checker in checkers:
            result = subprocess.run([*checker, "-n", "-c", _script(spec)], capture_output=True, text=True,
                                    timeout=30, check=False, env={"PATH": os.defpath})
            assert result.returncode == 0, (name, checker, result.stderr)


def test_images_given_by_digest_are_taken_from_the_node(app: cdk8s.App) -> None:
    # GIVEN / WHEN the registry and the kubectl images given by digest
    digest = "@sha256:" + "0" * 64
    manifests = _gc_registry(app, image=f"registry:2.8.3{digest}", gc=GarbageCollection.on_schedule(
        kubectl_image=f"{DEFAULT_KUBECTL_IMAGE}{digest}"))

    # THEN no container of the collection asks an image registry again (an outage cannot hold the window open)
    containers = _gc_containers(_gc_pod(manifests))
    assert {name: c["imagePullPolicy"] for name, c in containers.items()} == dict.fromkeys(containers, "IfNotPresent")


def test_garbage_collection_of_an_s3_registry_with_keys_in_an_existing_secret(
        app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a registry on S3 whose keys are in an existing Secret, collected on weekdays in a time zone
    manifests = _gc_registry(app, storage=_s3(),
                             gc=GarbageCollection.on_schedule("30 2 * * MON-FRI", time_zone="Europe/Paris"))

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    assert [kind for kind, _ in kinds(manifests)] == ["Deployment", "ConfigMap", "Service", "NetworkPolicy",
                                                      "ServiceAccount", "Role", "RoleBinding", "CronJob",
                                                      "NetworkPolicy"]
    cron = _cron_job(manifests)["spec"]
    assert (cron["schedule"], cron["timeZone"]) == ("30 2 * * MON-FRI", "Europe/Paris")
    assert cron["concurrencyPolicy"] == "Forbid"
    assert cron["jobTemplate"]["spec"]["backoffLimit"] == 0
    pod = _gc_pod(manifests)
    containers = _gc_containers(pod)
    assert list(containers) == ["render-config", "enter-read-only", "leave-read-only", "garbage-collect"]
    # AND the keys reach render-config only, as files it turns into the credentials file garbage-collect reads
    assert {"name": "s3-credentials", "secret": {
        "secretName": "aws-keys", "defaultMode": 0o440,
        "items": [{"key": "AWS_ACCESS_KEY_ID", "path": "access-key"},
                  {"key": "AWS_SECRET_ACCESS_KEY", "path": "secret-key"}]}} in pod["volumes"]
    assert containers["render-config"]["volumeMounts"] == [
        {"name": "rendered", "mountPath": "/run/registry"},
        {"name": "s3-credentials", "mountPath": "/run/secrets/s3", "readOnly": True}]
    assert "/run/registry/aws-credentials" in _script(containers["render-config"])
    mounting_keys = [name for name, c in containers.items()
                     if any(m["name"] == "s3-credentials" for m in c.get("volumeMounts", []))]
    assert mounting_keys == ["render-config"]
    collect_env = env(containers["garbage-collect"])
    assert collect_env["AWS_SHARED_CREDENTIALS_FILE"] == "/run/registry/aws-credentials"
    assert collect_env["REGISTRY_STORAGE"] == "s3"
    # AND no claim, so no reason to run next to the registry
    assert "affinity" not in pod
    assert not [v for v in pod["volumes"] if "persistentVolumeClaim" in v]
    # AND the collection may reach DNS, the API server and the S3 endpoint, nothing else
    policy = find(manifests, "NetworkPolicy", "registry-gc")["spec"]
    assert policy["egress"] == [
        {"ports": [{"port": 53, "protocol": "UDP"}, {"port": 53, "protocol": "TCP"}]},
        {"ports": [{"port": p, "protocol": "TCP"} for p in (443, 6443, 9000)]},
    ]


@pytest.mark.parametrize(
    ("options", "image", "flags"),
    [
        ({}, "registry:2.8.3", ""),
        ({"dry_run": True}, "registry:2.8.3", "--dry-run "),
        ({"delete_untagged": True}, "registry:3.1.1", "--delete-untagged "),
        ({"delete_untagged": True, "dry_run": True}, "registry:3.1.1", "--delete-untagged --dry-run "),
    ],
    ids=["none", "dry-run", "delete-untagged", "both"],
)
def test_collection_flags_only_when_asked(app: cdk8s.App, options: dict[str, Any], image: str, flags: str) -> None:
    # GIVEN / WHEN a collection with these options (delete_untagged on a registry 3 image)
    manifests = _gc_registry(app, image=image, gc=GarbageCollection.on_schedule(**options))

    # THEN garbage-collect runs with exactly the flags asked for, with the registry's image
    containers = _gc_containers(_gc_pod(manifests))
    script = _script(containers["garbage-collect"])
    assert f"registry garbage-collect {flags}/run/registry/config.yml 2> /run/garbage-collection/collect-errors &\n" \
        in script
    for flag in ("--delete-untagged", "--dry-run"):
        assert (flag in script) == (flag in flags), flag
    assert containers["garbage-collect"]["image"] == image
    # AND a dry run still opens and closes the window
    assert "{enabled: true}" in _script(containers["enter-read-only"])


def test_only_the_kubectl_containers_mount_the_service_account_token(app: cdk8s.App) -> None:
    # GIVEN / WHEN a collected registry
    manifests = _gc_registry(app, storage=_s3())
    pod = _gc_pod(manifests)

    # THEN the pod gets no automatic token, and runs as the collection's own account, which has none either
    assert pod["automountServiceAccountToken"] is False
    assert pod["serviceAccountName"] == "registry-gc"
    assert find(manifests, "ServiceAccount", "registry-gc")["automountServiceAccountToken"] is False
    # AND the token is a projected volume, short-lived, with the CA and the namespace kubectl reads
    volume = next(v for v in pod["volumes"] if v["name"] == "kube-api-access")
    assert volume["projected"]["sources"] == [
        {"serviceAccountToken": {"path": "token", "expirationSeconds": 3600}},
        {"configMap": {"name": "kube-root-ca.crt", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
        {"downwardAPI": {"items": [{"path": "namespace",
                                    "fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}]}},
    ]
    # AND only the two kubectl containers mount it, read-only, where kubectl looks for it
    mounts = {name: [m for m in c.get("volumeMounts", []) if m["name"] == "kube-api-access"]
              for name, c in _gc_containers(pod).items()}
    assert {name: m for name, m in mounts.items() if m} == {name: [TOKEN_MOUNT] for name in KUBECTL_CONTAINERS}
    # AND the registry's own pod still has no token at all
    registry_pod = find(manifests, "Deployment", "registry")["spec"]["template"]["spec"]
    assert registry_pod["automountServiceAccountToken"] is False
    assert not [v for v in registry_pod.get("volumes", []) if "projected" in v]


def test_role_allows_only_what_kubectl_needs_on_the_one_deployment(app: cdk8s.App) -> None:
    # GIVEN / WHEN a collected registry in a namespace of another name
    manifests = _gc_registry(app, namespace="tools")

    # THEN the Role allows get, list, watch and patch on the registry's Deployment and nothing else
    assert find(manifests, "Role", "registry-gc")["rules"] == [{
        "apiGroups": ["apps"], "resources": ["deployments"], "resourceNames": ["registry"],
        "verbs": ["get", "list", "watch", "patch"]}]
    # AND the RoleBinding gives it to the collection's account, in the chart's namespace
    binding = find(manifests, "RoleBinding", "registry-gc")
    assert binding["roleRef"] == {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "registry-gc"}
    assert binding["subjects"] == [{"kind": "ServiceAccount", "name": "registry-gc", "namespace": "tools"}]
    assert {m["metadata"]["namespace"] for m in manifests} == {"tools"}
    # AND nothing is cluster-wide
    assert not of_kind(manifests, "ClusterRole") and not of_kind(manifests, "ClusterRoleBinding")


@pytest.mark.parametrize(
    ("storage", "replicas", "next_to_registry"),
    [(Storage.filesystem(), 1, True), (_rwx(), 2, False), (_s3(), 1, False), (_s3(), 3, False)],
    ids=["read-write-once", "read-write-many", "s3", "s3-replicas"],
)
def test_collection_runs_next_to_the_registry_only_on_a_read_write_once_claim(
        app: cdk8s.App, storage: Storage, replicas: int, next_to_registry: bool) -> None:
    # GIVEN / WHEN a collected registry on this storage
    pod = _gc_pod(_gc_registry(app, storage=storage, replicas=replicas))

    # THEN only a ReadWriteOnce claim pins the collection to the registry pod's node
    assert pod.get("affinity") == (REGISTRY_POD_AFFINITY if next_to_registry else None)


@pytest.mark.parametrize(
    ("storage", "replicas", "strategy", "drains"),
    [(Storage.filesystem(), 1, "Recreate", False), (_s3(), 1, "RollingUpdate", True),
     (_rwx(), 2, "RollingUpdate", True), (_s3(), 3, "RollingUpdate", True)],
    ids=["read-write-once", "s3", "read-write-many-replicas", "s3-replicas"],
)
def test_window_waits_for_old_pods_only_when_the_registry_rolls(
        app: cdk8s.App, storage: Storage, replicas: int, strategy: str, drains: bool) -> None:
    # GIVEN / WHEN a collected registry on this storage
    manifests = _gc_registry(app, storage=storage, replicas=replicas)
    enter = _script(_gc_containers(_gc_pod(manifests))["enter-read-only"])

    # THEN a rolling update's old pods get time to stop before the collection starts; Recreate stopped them already
    assert find(manifests, "Deployment", "registry")["spec"]["strategy"]["type"] == strategy
    assert ("sleep 35" in enter) == drains
    marker = enter.index("touch /run/garbage-collection/read-only")
    assert enter.index("kubectl rollout status") < marker
    if drains:
        assert enter.index("sleep 35") < marker


def test_read_only_setting_only_with_garbage_collection(app: cdk8s.App) -> None:
    # GIVEN a registry with garbage collection and one without
    collected = _gc_registry(app)
    plain = cdk8s.Chart(app, "plain", namespace="plain")
    Registry(plain, "Registry", name="registry", auth=None)
    uncollected = cdk8s.Testing.synth(plain)

    # THEN only the collected one carries the read-only setting, read-write
    setting = "REGISTRY_STORAGE_MAINTENANCE_READONLY"
    assert env(container(find(collected, "Deployment"), "registry"))[setting] == "{enabled: false}"
    assert setting not in env(container(find(uncollected, "Deployment"), "registry"))
    # AND the other has none of the collection's objects
    assert {kind for kind, _ in kinds(uncollected)} == {"PersistentVolumeClaim", "Deployment", "Service",
                                                        "NetworkPolicy", "ConfigMap"}  # the metrics proxy's
    assert len(of_kind(uncollected, "NetworkPolicy")) == 1


def test_pod_options_reach_the_collection_pod(app: cdk8s.App) -> None:
    # GIVEN / WHEN a collected registry on a ReadWriteOnce claim with every pod option
    manifests = _gc_registry(app, pod=POD_OPTIONS)
    template = _cron_job(manifests)["spec"]["jobTemplate"]["spec"]["template"]
    pod = template["spec"]

    # THEN the collection is scheduled and pulled like the registry
    assert pod["nodeSelector"] == {"kubernetes.io/arch": "arm64"}
    assert pod["tolerations"] == [{"key": "dedicated", "operator": "Equal", "value": "infra", "effect": "NoSchedule"}]
    assert pod["priorityClassName"] == "infra-critical"
    assert pod["imagePullSecrets"] == [{"name": "mirror-credentials"}]
    # AND the registry's node affinity is kept next to the pod affinity to the registry
    assert pod["affinity"] == {"nodeAffinity": {"requiredDuringSchedulingIgnoredDuringExecution": {
        "nodeSelectorTerms": [{"matchExpressions": [{"key": "disk", "operator": "In", "values": ["ssd"]}]}]}},
        **REGISTRY_POD_AFFINITY}
    # AND the pods carry the extra labels and annotations, the collection's own labels still selecting them
    assert template["metadata"]["labels"]["team"] == "platform"
    assert template["metadata"]["labels"]["app.kubernetes.io/name"] == "registry-gc"
    assert template["metadata"]["annotations"] == {"backup.example.com/skip": "true"}
    # AND the extra environment goes to garbage-collect only (it is the registry's environment)
    with_tz = [name for name, c in _gc_containers(pod).items() if "TZ" in env(c)]
    assert with_tz == ["garbage-collect"]
    assert env(_gc_containers(pod)["garbage-collect"])["TZ"] == "Europe/Paris"


def test_collection_pod_gets_the_storage_settings_and_no_other_secret(app: cdk8s.App) -> None:
    # GIVEN / WHEN a collected registry with auth, an http secret and S3 keys
    manifests = _gc_registry(app, storage=_s3(), auth=HtpasswdAuth.from_secret("registry-htpasswd"),
                             http_secret=HttpSecret.from_secret("registry-http-secret"))
    pod = _gc_pod(manifests)
    containers = _gc_containers(pod)

    # THEN no container gets auth or http settings, nor the Secrets that hold them
    for name, spec in containers.items():
        for variable in env(spec):
            assert not variable.startswith(("REGISTRY_AUTH", "REGISTRY_HTTP")), f"{name}: {variable}"
    text = json.dumps(pod)
    assert "registry-htpasswd" not in text and "registry-http-secret" not in text
    assert "/run/secrets/http" not in _script(containers["render-config"])
    assert sorted(v["name"] for v in pod["volumes"]) == ["kube-api-access", "rendered", "s3-credentials", "work"]
    # AND what garbage-collect reads is the registry's own storage settings
    registry_env = env(container(find(manifests, "Deployment", "registry"), "registry"))
    collect_env = env(containers["garbage-collect"])
    # (and the Go runtime's soft memory limit, under the container's limit)
    assert collect_env.pop("GOMEMLIMIT") == "400MiB"
    assert collect_env == {name: registry_env[name] for name in collect_env}
    assert {"REGISTRY_STORAGE", "REGISTRY_STORAGE_S3_BUCKET", "AWS_SHARED_CREDENTIALS_FILE"} <= set(collect_env)
    assert "REGISTRY_STORAGE_MAINTENANCE_READONLY" not in collect_env


def test_collection_network_policy_follows_network_policy(app: cdk8s.App) -> None:
    # GIVEN a collected registry with the default policies
    manifests = _gc_registry(app)
    policy = find(manifests, "NetworkPolicy", "registry-gc")["spec"]
    labels = _cron_job(manifests)["spec"]["jobTemplate"]["spec"]["template"]["metadata"]["labels"]

    # THEN the collection's pods get a policy of their own: nothing in, out to DNS and the API server only
    assert policy["podSelector"]["matchLabels"].items() <= labels.items()
    assert policy["policyTypes"] == ["Ingress", "Egress"]
    assert "ingress" not in policy
    assert policy["egress"][1] == {"ports": [{"port": 443, "protocol": "TCP"}, {"port": 6443, "protocol": "TCP"}]}

    # WHEN network_policy=False THEN neither the registry nor the collection gets one
    other = cdk8s.Testing.app()
    assert of_kind(_gc_registry(other, network_policy=False), "NetworkPolicy") == []


@pytest.mark.parametrize(
    "schedule",
    ["0 3 * * 0", "@weekly", "@midnight", "30 2 * * MON-FRI", "0 4 1 jan,JUL *", "*/15 1-5 * * *", "0 3 ? * SUN",
     "5/20 * * * 6", "0 0 1-31/2 * *", "59 23 31 DEC SAT", "? * * * *", "0  3 * * 0", "@every 1h", "@every 1h30m"],
)
def test_valid_schedules_render_as_given(app: cdk8s.App, schedule: str) -> None:
    # GIVEN / WHEN a schedule Kubernetes accepts (names, ranges, steps, macros, '?' for '*', several spaces)
    manifests = _gc_registry(app, gc=GarbageCollection.on_schedule(schedule))

    # THEN the CronJob has it as given
    assert _cron_job(manifests)["spec"]["schedule"] == schedule


@pytest.mark.parametrize("time_zone", ["UTC", "Europe/Paris", "America/Argentina/Buenos_Aires", "Etc/GMT+5"])
def test_valid_time_zones_render_as_given(app: cdk8s.App, time_zone: str) -> None:
    # GIVEN / WHEN an IANA time zone
    manifests = _gc_registry(app, gc=GarbageCollection.on_schedule(time_zone=time_zone))

    # THEN the CronJob has it as given
    assert _cron_job(manifests)["spec"]["timeZone"] == time_zone


@pytest.mark.parametrize(
    ("schedule", "message"),
    [
        ("0 3 * *", "schedule='0 3 * *' is invalid: a cron schedule has five fields"),
        ("0 3 * * 0 2026", "schedule='0 3 * * 0 2026' is invalid: a cron schedule has five fields"),
        ("", "schedule='' is invalid: a cron schedule has five fields"),
        ("@reboot", "schedule='@reboot' is invalid: a cron schedule has five fields"),
        ("TZ=UTC 0 3 * * *", "schedule='TZ=UTC 0 3 * * *' is invalid: a cron schedule has five fields"),
        ("60 * * * *", "schedule='60 * * * *' is invalid: the minute is 0 to 59, not '60'"),
        ("0 24 * * *", "schedule='0 24 * * *' is invalid: the hour is 0 to 23, not '24'"),
        ("0 3 0 * *", "schedule='0 3 0 * *' is invalid: the day of month is 1 to 31, not '0'"),
        ("0 3 * 13 *", "schedule='0 3 * 13 *' is invalid: the month is 1 to 12, not '13'"),
        ("0 3 * * FUN", "schedule='0 3 * * FUN' is invalid: the day of week is"),
        ("*/0 * * * *", "schedule='*/0 * * * *' is invalid: the minute step is 1 to 59"),
        ("0 3 * * 1-5/0", "schedule='0 3 * * 1-5/0' is invalid: the day of week step is 1 to 6"),
        # (the API server's parser overflows on this one; a step past the field's end selects one value anyway)
        ("0 0 1-31/99999999999999999999 * *",
         "schedule='0 0 1-31/99999999999999999999 * *' is invalid: the day of month step is 1 to 31"),
        ("0 3 * * 1,,2", "schedule='0 3 * * 1,,2' is invalid: the day of week '1,,2' is not a cron field"),
        ("@every", "schedule='@every' is invalid: a cron schedule has five fields"),
        ("@every 1d", "schedule='@every 1d' is invalid: a cron schedule has five fields"),
        ("0 3 * * -1", "schedule='0 3 * * -1' is invalid: the day of week '-1' is not a cron field"),
    ],
)
def test_fails_bad_schedule(app: cdk8s.App, schedule: str, message: str) -> None:
    # GIVEN / WHEN / THEN a malformed or out-of-range schedule is refused with the parameter, the value and the rule
    with pytest.raises(ValueError, match=re.escape(message)):
        GarbageCollection.on_schedule(schedule)
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())


@pytest.mark.parametrize(
    ("schedule", "rule"),
    [("0 3 * * 7", "the day of week is 0 to 6, not '7'"), ("0 3 * * 0-7", "the day of week is 0 to 6, not '7'"),
     ("0 5-1 * * *", "the hour range '5-1' must not run backwards"),
     ("0 3 * * SAT-SUN", "the day of week range 'sat-sun' must not run backwards")],
)
def test_fails_schedule_kubernetes_refuses(app: cdk8s.App, schedule: str, rule: str) -> None:
    # GIVEN / WHEN / THEN a schedule the API server's parser refuses (robfig/cron: day of week 0-6, ranges ascending)
    # is refused when the chart is built, with the rule
    with pytest.raises(ValueError, match=re.escape(f"schedule={schedule!r} is invalid: {rule}")):
        GarbageCollection.on_schedule(schedule)


@pytest.mark.parametrize("time_zone", ["Mars/Olympus", "Europe Paris", "Local", "", "europe/paris", "localtime",
                                       "posix/Europe/Paris"])
def test_fails_bad_time_zone(app: cdk8s.App, time_zone: str) -> None:
    # GIVEN / WHEN / THEN a name that is not an IANA time zone is refused with the parameter, the value and the rule
    with pytest.raises(ValueError, match=re.escape(f"time_zone={time_zone!r} is invalid: a time zone is an IANA name")):
        GarbageCollection.on_schedule(time_zone=time_zone)
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())


@pytest.mark.parametrize("image", ["", "kubectl latest", "registry.k8s.io/kubectl:v1.36.4 --privileged",
                                   "registry.k8s.io/kubectl@sha256:1234"])
def test_fails_bad_kubectl_image(app: cdk8s.App, image: str) -> None:
    # GIVEN / WHEN / THEN a malformed image reference is refused with the parameter, the value and the rule
    with pytest.raises(ValueError, match=re.escape(f"kubectl_image={image!r} is invalid: an image reference is")):
        GarbageCollection.on_schedule(kubectl_image=image)
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())


@pytest.mark.parametrize(
    ("namespace", "options", "gc", "rule"),
    [
        ("registry", {"storage": Storage.filesystem(access_mode=VolumeAccessMode.READ_WRITE_ONCE_POD)},
         GarbageCollection.on_schedule(), "a ReadWriteOncePod claim cannot be mounted by the collection's pod"),
        ("registry", {}, GarbageCollection.on_schedule(delete_untagged=True), "delete_untagged needs registry 3"),
        ("registry", {"image": "registry:2.8.3"}, GarbageCollection.on_schedule(delete_untagged=True),
         "delete_untagged needs registry 3"),
        (None, {"storage": _s3()}, GarbageCollection.on_schedule(), "it needs the chart's namespace"),
        ("registry", {"storage": _s3(), "redis": RedisCache.of("redis:6379")}, GarbageCollection.on_schedule(),
         "the collection cannot empty the Redis blob-descriptor cache"),
    ],
    ids=["read-write-once-pod", "delete-untagged-default-image", "delete-untagged-2.8", "no-namespace", "redis"],
)
def test_fails_garbage_collection_the_registry_cannot_run(
        app: cdk8s.App, namespace: str | None, options: dict[str, Any], gc: GarbageCollection, rule: str) -> None:
    # GIVEN a chart
    chart = cdk8s.Chart(app, "test", namespace=namespace)

    # WHEN / THEN a collection this registry cannot run is refused with the parameter, the value and the rule
    with pytest.raises(ValueError, match=re.escape(f"garbage_collection={gc!r} is invalid: {rule}")):
        Registry(chart, "Registry", name="registry", auth=None, garbage_collection=gc, **options)
    # AND nothing was built or written
    _assert_nothing_built(app, chart)

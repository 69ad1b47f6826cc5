"""The garbage-collection CronJob of a registry, and the least privilege it needs to open a read-only window.

The pod runs:

1. ``render-config`` (registry image, init): the config file and, for S3 keys, the AWS credentials file, as the
   registry's own init container renders them.
2. ``enter-read-only`` (kubectl image, init): sets ``REGISTRY_STORAGE_MAINTENANCE_READONLY`` to ``{enabled: true}`` on
   the registry container, waits for the rollout (and, for a rolling registry, for old pods to stop) and notes the
   Deployment's generation; on success it leaves a marker file. It exits 0 either way.
3. Then, side by side (the kubelet starts them in this order):

   - ``leave-read-only`` (kubectl image): waits for the collection's exit code, or for its heartbeat to stop (the
     container was killed, as the kernel's OOM killer kills a whole container), or cancels a collection that has not
     started within 10 minutes; then sets the variable back to ``{enabled: false}`` (the value the synthesized
     Deployment has, so re-applying the manifests agrees with it), retrying for minutes, and exits with the
     collection's code. It fails if it cannot, or if the Deployment changed during the window (a re-apply would have
     made it writable).
   - ``garbage-collect`` (registry image): takes the marker and runs ``registry garbage-collect``, bounded in time and
     under a soft memory limit, touching a heartbeat file while it runs; its exit code is written to a file. The one
     failure that is none, a registry nothing has been pushed to yet (the registry's own "Path not found:
     /docker/registry/v2/repositories" as its last words, exit 1), is written as 0.

Images given by tag are pulled "Always", as everywhere in this library: the kubelet asks the image registry again for
each container, so an image registry that cannot be reached inside the window holds the window open until it can
(images given by digest are taken from the node). The service account may only get, list, watch and patch that one
Deployment. Its token is a projected volume mounted in the two kubectl containers only.
"""

from __future__ import annotations

import dataclasses
import shlex
from collections.abc import Mapping, Sequence
from typing import Any

from . import _manifests, _render
from ._labels import WorkloadLabels
from ._manifests import Manifest
from ._profile import RestrictedProfile, pull_policy
from .maintenance import GarbageCollection
from .pod import PodOptions

__all__ = ["READ_ONLY_VARIABLE", "READ_WRITE", "GcVolume", "garbage_collection"]

#: The registry setting the window switches (a YAML map, as distribution reads a map from one variable).
READ_ONLY_VARIABLE = "REGISTRY_STORAGE_MAINTENANCE_READONLY"
READ_ONLY = "{enabled: true}"
READ_WRITE = "{enabled: false}"

_WORK_MOUNT = "/run/garbage-collection"
_MARKER = f"{_WORK_MOUNT}/read-only"
_EXIT_CODE = f"{_WORK_MOUNT}/exit-code"
_GENERATION = f"{_WORK_MOUNT}/generation"
_HEARTBEAT = f"{_WORK_MOUNT}/heartbeat"
_HEARTBEAT_SECONDS = 2
# Without a heartbeat for this long the collection's container is taken for dead.
_STALE_SECONDS = 30
# How long the collection's container may take to start (its image pulled) before leave-read-only ends the window.
_START_SECONDS = 600
# A bound on the whole run (the collection's 6 hours, the rollouts, the retries); the window is closed well before.
_ACTIVE_DEADLINE_SECONDS = 8 * 3600
# Where kubectl's in-cluster configuration looks for the token, the cluster CA and the namespace.
_TOKEN_MOUNT = "/var/run/secrets/kubernetes.io/serviceaccount"
_ROLLOUT_TIMEOUT = "10m"
# A rolling update's old pods may still take writes between the rollout's end and their exit (a preStop pause, then
# uploads in flight drained); the kubelet kills them at terminationGracePeriodSeconds (30) at the latest.
_DRAIN_SECONDS = 35
# The collection is stopped after this long, so that a hung storage cannot keep the registry read-only for good.
_COLLECT_TIMEOUT_SECONDS = 6 * 3600
# The Go runtime's soft memory limit, under the container's 512Mi, so that the collection frees memory before the
# kernel kills the container (the run would fail).
_GO_MEMORY_LIMIT = "400MiB"
# Pauses between the attempts to end the window (about 7 minutes in all): an API server restart must not leave the
# registry read-only until the next schedule.
_RESTORE_PAUSES = (5, 10, 20, 40, 60, 60, 60, 60, 60, 60)


@dataclasses.dataclass(frozen=True)
class GcVolume:
    """A volume of the registry pod that the collection needs too, with where it is mounted."""

    volume: Mapping[str, Any]  # the pod spec's volume entry
    mount_path: str
    render_only: bool  # mounted by render-config (a Secret it reads), not by garbage-collect


def _kubectl_set(deployment: str, value: str) -> str:
    return (f"kubectl set env deployment/{deployment} --containers=registry "
            f"{READ_ONLY_VARIABLE}={shlex.quote(value)}")


def _kubectl_generation(deployment: str) -> str:
    return f"kubectl get deployment/{deployment} -o jsonpath='{{.metadata.generation}}'"


def enter_script(deployment: str, *, drain_seconds: int) -> str:
    steps = [_kubectl_set(deployment, READ_ONLY),
             f"kubectl rollout status deployment/{deployment} --timeout={_ROLLOUT_TIMEOUT}",
             *([f"sleep {drain_seconds}"] if drain_seconds else []),
             f"{_kubectl_generation(deployment)} > {_GENERATION}"]
    chain = " \\\n  && ".join(steps)
    return f"""set -u
# The Deployment's generation once read-only: a change during the window (a re-apply) shows in leave-read-only.
if {chain}; then
  touch {_MARKER}
  echo "the registry is read-only"
else
  echo "the registry did not become read-only: garbage collection is skipped" >&2
fi
"""


# What `registry garbage-collect` (2.8 and 3.x alike) writes last, and exits 1 with, on a registry that nothing has
# been pushed to yet: the repositories folder is missing. "<driver>: Path not found: <path>" is the storage drivers'
# PathNotFoundError (filesystem, s3aws...); the path is relative to the storage's root directory.
NEVER_PUSHED_PREFIX = "failed to garbage collect: failed to mark: "
NEVER_PUSHED_SUFFIX = ": Path not found: /docker/registry/v2/repositories"
# How much of the end of the collection's error output is kept to read its last line (the rest only goes to the log).
_ERRORS_KEPT_BYTES = 4096
_ERRORS = f"{_WORK_MOUNT}/collect-errors"
_ERRORS_COPY = f"{_WORK_MOUNT}/collect-errors-copy"
_ERRORS_END = f"{_WORK_MOUNT}/collect-errors-end"


def collect_script(flags: Sequence[str]) -> str:
    command = " ".join(["timeout", str(_COLLECT_TIMEOUT_SECONDS), "registry", "garbage-collect", *flags,
                        _render.CONFIG_PATH])
    # The heartbeat tells leave-read-only that this container is alive: a kill of the whole container (the kernel's
    # OOM killer takes every process of it) writes no exit code, and the heartbeat stops.
    # Taking the marker (an atomic rename) settles a race with leave-read-only, which takes it if this container has not
    # started in time: only one of them gets it, so a collection never starts after the window was ended.
    # The collection's error output goes on to the log as it comes (tee); only its last bytes are kept (tail, through
    # a second pipe), so that a long run's logging cannot fill the work folder. Exit code 1 with, as the last line,
    # exactly the "repositories folder missing" error is a registry nothing has been pushed to: nothing to collect,
    # so 0. Anything else keeps its code; if the plumbing fails, nothing matches and the code stays as it was.
    return f"""nl='
'
never_pushed() {{
  end=$(cat {_ERRORS_END} 2>/dev/null; echo .)
  end=${{end%.}}
  last=${{end%"$nl"}}
  last=${{last##*"$nl"}}
  case $last in "{NEVER_PUSHED_PREFIX}"*"{NEVER_PUSHED_SUFFIX}") ;; *) return 1 ;; esac
  driver=${{last#"{NEVER_PUSHED_PREFIX}"}}
  driver=${{driver%"{NEVER_PUSHED_SUFFIX}"}}
  case $driver in ""|*[!a-z0-9]*) return 1 ;; esac
  return 0
}}
if mv {_MARKER} {_MARKER}.taken 2>/dev/null; then
  touch {_HEARTBEAT}
  rm -f {_ERRORS} {_ERRORS_COPY} {_ERRORS_END}
  mkfifo {_ERRORS} {_ERRORS_COPY}
  tail -c {_ERRORS_KEPT_BYTES} < {_ERRORS_COPY} > {_ERRORS_END} &
  keeper=$!
  tee {_ERRORS_COPY} < {_ERRORS} >&2 &
  copier=$!
  {command} 2> {_ERRORS} &
  collector=$!
  while kill -0 "$collector" 2>/dev/null; do
    touch {_HEARTBEAT}
    sleep {_HEARTBEAT_SECONDS}
  done
  wait "$collector"
  code=$?
  wait "$copier" "$keeper"
  if [ "$code" -eq 1 ] && never_pushed; then
    echo >&2
    echo "nothing to collect: nothing has been pushed to this registry yet (no docker/registry/v2/repositories)"
    code=0
  fi
  echo "$code" > {_EXIT_CODE}.new
else
  echo "skipped: the registry is not read-only" >&2
  echo 1 > {_EXIT_CODE}.new
fi
mv {_EXIT_CODE}.new {_EXIT_CODE}
"""


def leave_script(deployment: str) -> str:
    pauses = " ".join(str(pause) for pause in _RESTORE_PAUSES)
    return f"""set -u
# Wait for the collection's exit code, or for its container to stop beating (killed), or not to start at all.
started_by=$((SECONDS + {_START_SECONDS}))
while :; do
  if [ -e {_EXIT_CODE} ]; then
    code=$(cat {_EXIT_CODE})
    break
  fi
  if [ -e {_HEARTBEAT} ]; then
    if [ $(($(date +%s) - $(stat -c %Y {_HEARTBEAT}))) -gt {_STALE_SECONDS} ]; then
      echo "the collection stopped without an exit code (its container was killed)" >&2
      code=1
      break
    fi
  elif [ "$SECONDS" -gt "$started_by" ]; then
    # Cancel it, unless it has just taken the marker (it then beats soon); without a marker it would not collect.
    if mv {_MARKER} {_MARKER}.cancelled 2>/dev/null || [ ! -e {_MARKER}.taken ]; then
      echo "the collection did not start in time: cancelled" >&2
      code=1
      break
    fi
  fi
  sleep {_HEARTBEAT_SECONDS}
done
echo "garbage collection exit code: ${{code:-1}}"
changed=""
if [ -e {_GENERATION} ]; then
  now=$({_kubectl_generation(deployment)} 2>/dev/null || true)
  [ "$now" = "$(cat {_GENERATION})" ] || changed="from generation $(cat {_GENERATION}) to ${{now:-unknown}}"
fi
for pause in {pauses} end; do
  if output=$({_kubectl_set(deployment, READ_WRITE)} 2>&1); then
    echo "$output"
    if ! kubectl rollout status deployment/{deployment} --timeout={_ROLLOUT_TIMEOUT}; then
      echo "the registry is read-write again, but its rollout has not finished" >&2
      exit 1
    fi
    if [ -n "$changed" ]; then
      echo "the Deployment changed during the window ($changed): if it was re-applied, the collection may have" \\
        "run while the registry took pushes" >&2
      exit 1
    fi
    exit "${{code:-1}}"
  fi
  echo "$output" >&2
  case "$output" in *"(Forbidden)"*|*"(NotFound)"*|*"(Unauthorized)"*) break ;; esac
  [ "$pause" = end ] || sleep "$pause"
done
echo "could not set the registry back to read-write; if it is read-only, run:" \\
  "{_kubectl_set(deployment, READ_WRITE)}" >&2
exit 1
"""


def garbage_collection(
    *,
    options: GarbageCollection,
    name: str,
    namespace: str,
    registry_labels: WorkloadLabels,
    image: str,
    env: Sequence[tuple[str, str]],
    profile: RestrictedProfile,
    render_script: str,
    volumes: Sequence[GcVolume],
    rolling_update: bool,
    same_node_as_registry: bool,
    pod: PodOptions,
    network_policy_egress_ports: Sequence[int] | None,
) -> list[Manifest]:
    """The ServiceAccount, Role, RoleBinding, the CronJob (construct id ``GarbageCollection``) and, if asked, a
    NetworkPolicy. `name` is the registry's Deployment name."""
    job_name = f"{name}-gc"
    labels = WorkloadLabels(name="registry-gc", instance=name, component="garbage-collection", part_of=name)
    account = Manifest("GarbageCollectionServiceAccount", "v1", "ServiceAccount", job_name, labels.all,
                       {"automountServiceAccountToken": False})
    role = Manifest("GarbageCollectionRole", "rbac.authorization.k8s.io/v1", "Role", job_name, labels.all, {
        # `kubectl set env` gets and patches; `kubectl rollout status` lists and watches with a name field selector,
        # which resourceNames allows.
        "rules": [{"apiGroups": ["apps"], "resourceNames": [name], "resources": ["deployments"],
                   "verbs": ["get", "list", "watch", "patch"]}]})
    binding = Manifest("GarbageCollectionRoleBinding", "rbac.authorization.k8s.io/v1", "RoleBinding", job_name,
                       labels.all, {
                           "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": role.name},
                           "subjects": [{"kind": "ServiceAccount", "name": account.name, "namespace": namespace}]})

    security = profile.container_security_context()
    pull = pull_policy(image)
    kubectl_pull = pull_policy(options.kubectl_image)
    # kubectl needs some 50 MiB; an OOM kill of enter-read-only would end the pod with the window open.
    small = {"requests": {"cpu": "10m", "memory": "32Mi"}, "limits": {"cpu": "200m", "memory": "256Mi"}}
    work = {"name": "work", "mountPath": _WORK_MOUNT}
    token = {"name": "kube-api-access", "mountPath": _TOKEN_MOUNT, "readOnly": True}
    rendered = {"name": "rendered", "mountPath": _render.RENDERED_MOUNT}
    data_mounts = [{"name": v.volume["name"], "mountPath": v.mount_path, **({"readOnly": True} if v.render_only
                                                                             else {})}
                   for v in volumes]
    # kubectl keeps its discovery cache under $HOME: the work folder, since the root is read-only.
    kubectl_env = [{"name": "HOME", "value": _WORK_MOUNT}]

    def kubectl(container: str, script: str, pull_policy: str) -> dict[str, Any]:
        return {"name": container, "image": options.kubectl_image, "imagePullPolicy": pull_policy,
                "command": ["/bin/bash", "-c", script], "env": kubectl_env, "resources": small,
                "securityContext": security, "volumeMounts": [work, token]}

    flags = (["--delete-untagged"] if options.delete_untagged else []) + (["--dry-run"] if options.dry_run else [])
    registry_env = [{"name": key, "value": value} for key, value in [*env, *pod.env.items()]]
    init_containers = [
        {"name": "render-config", "image": image, "imagePullPolicy": pull,
         "command": ["/bin/sh", "-c", render_script],
         "resources": {"requests": {"cpu": "10m", "memory": "8Mi"}, "limits": {"cpu": "100m", "memory": "32Mi"}},
         "securityContext": security,
         "volumeMounts": [rendered, *(m for m, v in zip(data_mounts, volumes, strict=True) if v.render_only)]},
        kubectl("enter-read-only", enter_script(name, drain_seconds=_DRAIN_SECONDS if rolling_update else 0),
                kubectl_pull),
    ]
    # The window is open from here: the container that ends the window and the collection run side by side, so that
    # the window ends even when the collection's container is killed. (The kubelet starts them in this order.)
    containers = [
        kubectl("leave-read-only", leave_script(name), kubectl_pull),
        {"name": "garbage-collect", "image": image, "imagePullPolicy": pull,
         "command": ["/bin/sh", "-c", collect_script(flags)],
         "env": [*registry_env, {"name": "GOMEMLIMIT", "value": _GO_MEMORY_LIMIT}],
         "resources": {"requests": {"cpu": "100m", "memory": "128Mi"}, "limits": {"cpu": "1", "memory": "512Mi"}},
         "securityContext": security,
         "volumeMounts": [work, {**rendered, "readOnly": True},
                          *(m for m, v in zip(data_mounts, volumes, strict=True) if not v.render_only)]},
    ]
    pod_spec: dict[str, Any] = {
        "automountServiceAccountToken": False,
        "serviceAccountName": account.name,
        "enableServiceLinks": False,
        "restartPolicy": "Never",
        "securityContext": profile.pod_security_context(),
        "initContainers": init_containers,
        "containers": containers,
        "volumes": [
            {"name": "work", "emptyDir": {"sizeLimit": "64Mi"}},
            {"name": "rendered", "emptyDir": {"medium": "Memory", "sizeLimit": "1Mi"}},
            # What the kubelet mounts for an automounted token, here only where it is used.
            {"name": "kube-api-access", "projected": {"sources": [
                {"serviceAccountToken": {"path": "token", "expirationSeconds": 3600}},
                {"configMap": {"name": "kube-root-ca.crt", "items": [{"key": "ca.crt", "path": "ca.crt"}]}},
                {"downwardAPI": {"items": [{"path": "namespace",
                                            "fieldRef": {"apiVersion": "v1", "fieldPath": "metadata.namespace"}}]}},
            ]}},
            *(v.volume for v in volumes),
        ],
        # The registry pod's scheduling and pull settings: the collection runs where the registry may run.
        **pod._pod_spec_fields(),
    }
    cron_spec: dict[str, Any] = {
        "schedule": options.schedule,
        # Never two windows at once; a run missed by more than an hour waits for the next one.
        "concurrencyPolicy": "Forbid",
        "startingDeadlineSeconds": 3600,
        "successfulJobsHistoryLimit": 1,
        "failedJobsHistoryLimit": 3,
        "jobTemplate": {
            "metadata": {"labels": labels.all},
            "spec": {
                # A failed run is not retried at once (it would open the window again): the next schedule retries.
                # A pod disrupted in the window (drained, preempted, its node lost) is replaced, and the new one
                # ends the window.
                "backoffLimit": 0,
                "activeDeadlineSeconds": _ACTIVE_DEADLINE_SECONDS,
                "podFailurePolicy": {"rules": [{"action": "Ignore",
                                                "onPodConditions": [{"type": "DisruptionTarget", "status": "True"}]}]},
                "template": {"metadata": {"labels": {**pod.labels, **labels.all},
                                          **({"annotations": dict(pod.annotations)} if pod.annotations else {})},
                             "spec": pod_spec},
            },
        },
    }
    if options.time_zone is not None:
        cron_spec["timeZone"] = options.time_zone
    pod_path = "/spec/jobTemplate/spec/template/spec"
    patches: list[tuple[str, Any]] = []
    if same_node_as_registry:
        # A ReadWriteOnce claim is mounted by pods of one node only: run next to the registry pod. (A patch: the
        # user's affinity is a cdk8s struct, merged into at synth.)
        term = {"labelSelector": {"matchLabels": registry_labels.selector}, "topologyKey": "kubernetes.io/hostname"}
        # Added to the user's own affinity, never in place of it (the struct's fields are plain Python attributes).
        pod_affinity = getattr(pod.affinity, "pod_affinity", None)
        required = getattr(pod_affinity, "required_during_scheduling_ignored_during_execution", None)
        if pod.affinity is None:
            patches.append((f"{pod_path}/affinity", {}))
        if pod_affinity is None:
            patches.append((f"{pod_path}/affinity/podAffinity", {
                "requiredDuringSchedulingIgnoredDuringExecution": [term]}))
        elif required is None:
            patches.append((f"{pod_path}/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution",
                            [term]))
        else:
            patches.append((f"{pod_path}/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/-",
                            term))
    cron_job = Manifest("GarbageCollection", "batch/v1", "CronJob", job_name, labels.all, {"spec": cron_spec},
                        patches=tuple(patches))
    manifests = [account, role, binding, cron_job]
    if network_policy_egress_ports is not None:
        # No traffic in; out only to DNS, the storage and the API server (443 via its Service, 6443 as k3s serves it).
        manifests.append(_manifests.network_policy(
            id="GarbageCollectionNetworkPolicy", name=job_name, labels=labels, ingress=[],
            egress_ports=sorted({*network_policy_egress_ports, 443, 6443})))
    return manifests

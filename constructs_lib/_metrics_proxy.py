"""The registry's metrics port: a small nginx sidecar that serves ``GET /metrics`` and nothing else.

The registry's debug listener (``http.debug.addr``) is Go's default mux: besides ``/metrics`` it serves
``/debug/pprof/*`` and ``/debug/vars``, and ``/debug/vars`` returns the Redis block with its password (2.8) or the
whole configuration with ``http.secret``, the Redis and the proxy passwords (3.x). So the registry's debug listener
binds the pod's loopback only (``127.0.0.1:<debug_port>``, which only the containers of the pod reach), and this
sidecar listens on the metrics port and forwards exactly ``/metrics`` to it; every other path answers 404.

Trade-offs: one more image to pull and patch (nginx, pinned), about 5-10 MiB of memory per pod (limit 32 MiB);
Prometheus sees the same metrics on the same port and path as before (the scrape annotations and the NetworkPolicy
rule stay on the metrics port), but the nginx process sits between them, so a scrape fails with 502 while the
registry's debug listener is down. pprof and expvar are no longer reachable from outside the pod: ``kubectl
port-forward`` forwards to the pod's loopback too, so it does reach the debug listener (it needs the
``pods/portforward`` permission, which is as good as exec) - ``kubectl port-forward pod/NAME 5002`` then
``curl localhost:5002/debug/pprof/``; so does ``kubectl exec`` into the pod (the registry image has busybox ``wget``).
"""

from __future__ import annotations

import cdk8s
import cdk8s_plus_27 as kplus
from constructs import Construct

from . import _workload

__all__ = ["CONFIG_FILE", "CONFIG_MOUNT", "CONTAINER_NAME", "add_metrics_proxy", "nginx_config"]

CONTAINER_NAME = "metrics"
CONFIG_MOUNT = "/etc/nginx/metrics"
CONFIG_FILE = "nginx.conf"
METRICS_PATH = "/metrics"
# An emptyDir of the pod: the pid file and nginx's (unused) temp folders.
_SCRATCH_MOUNT = "/tmp"


def nginx_config(*, listen_port: int, upstream_port: int) -> str:
    """The whole nginx.conf: ``GET``/``HEAD`` of exactly ``/metrics`` go to the registry's debug listener on the
    pod's loopback, always as ``/metrics`` (the upstream never sees another path); everything else is 404 (another
    method on ``/metrics``: 403). No access log, no temp files, every writable path under /tmp."""
    scratch = _SCRATCH_MOUNT
    return f"""\
# The registry's metrics port: only GET {METRICS_PATH}, from the registry's debug listener on the pod's loopback
# (which also serves /debug/vars and /debug/pprof: they must never be reachable from outside the pod).
daemon off;
worker_processes 1;
pid {scratch}/nginx.pid;
error_log stderr warn;
events {{
    worker_connections 64;
}}
http {{
    access_log off;
    server_tokens off;
    client_max_body_size 1k;
    client_body_temp_path {scratch}/client-body;
    proxy_temp_path {scratch}/proxy;
    fastcgi_temp_path {scratch}/fastcgi;
    uwsgi_temp_path {scratch}/uwsgi;
    scgi_temp_path {scratch}/scgi;
    server {{
        listen {listen_port};
        location = {METRICS_PATH} {{
            limit_except GET {{
                deny all;
            }}
            proxy_pass http://127.0.0.1:{upstream_port}{METRICS_PATH};
            proxy_max_temp_file_size 0;
            proxy_connect_timeout 5s;
            proxy_read_timeout 30s;
        }}
        location / {{
            return 404;
        }}
    }}
}}
"""


def add_metrics_proxy(scope: Construct, deployment: kplus.Deployment, *, name: str, labels: dict[str, str],
                      image: str, config: str, metrics_port: int, run_as: int) -> kplus.Container:
    """The ConfigMap ``MetricsProxyConfig`` (``<name>-metrics-proxy``) holding `config`, and the sidecar container
    ``metrics`` serving it on `metrics_port`, non-root, read-only root, its own small resources and TCP probes (a
    probe of ``/metrics`` would tie the sidecar's readiness to the registry's debug listener)."""
    config_map = kplus.ConfigMap(scope, "MetricsProxyConfig",
                                 metadata=cdk8s.ApiObjectMetadata(name=f"{name}-metrics-proxy", labels=labels),
                                 data={CONFIG_FILE: config})
    config_volume = kplus.Volume.from_config_map(scope, "MetricsProxyConfigVolume", config_map,
                                                 name="metrics-proxy-config", default_mode=0o444)
    scratch = kplus.Volume.from_empty_dir(scope, "MetricsProxyScratch", "metrics-proxy-tmp",
                                          medium=kplus.EmptyDirMedium.MEMORY, size_limit=cdk8s.Size.mebibytes(1))
    container = deployment.add_container(
        name=CONTAINER_NAME,
        image=image,
        image_pull_policy=_workload.pull_policy(image),
        # Not the image's entrypoint: it would edit /etc/nginx/conf.d (a read-only root) for a config we do not use.
        command=["nginx", "-c", f"{CONFIG_MOUNT}/{CONFIG_FILE}", "-e", "stderr"],
        ports=[kplus.ContainerPort(number=metrics_port, name="metrics")],
        security_context=kplus.ContainerSecurityContextProps(
            ensure_non_root=True, user=run_as, group=run_as, read_only_root_filesystem=True,
            allow_privilege_escalation=False, privileged=False),
        resources=kplus.ContainerResources(
            cpu=kplus.CpuResources(request=kplus.Cpu.millis(5), limit=kplus.Cpu.millis(100)),
            memory=kplus.MemoryResources(request=cdk8s.Size.mebibytes(8), limit=cdk8s.Size.mebibytes(32))),
        readiness=kplus.Probe.from_tcp_socket(port=metrics_port, period_seconds=cdk8s.Duration.seconds(10),
                                              failure_threshold=3, timeout_seconds=cdk8s.Duration.seconds(2)),
        liveness=kplus.Probe.from_tcp_socket(port=metrics_port, period_seconds=cdk8s.Duration.seconds(20),
                                             failure_threshold=3, timeout_seconds=cdk8s.Duration.seconds(2)),
    )
    container.mount(CONFIG_MOUNT, config_volume, read_only=True)
    container.mount(_SCRATCH_MOUNT, scratch)
    return container

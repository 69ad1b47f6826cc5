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

from typing import Any

from . import _manifests
from ._labels import WorkloadLabels
from ._manifests import Manifest
from ._profile import pull_policy

__all__ = ["CONFIG_FILE", "CONFIG_MOUNT", "CONTAINER_NAME", "metrics_proxy", "nginx_config"]

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


def metrics_proxy(*, name: str, labels: WorkloadLabels, image: str, config: str, metrics_port: int,
                  security_context: dict[str, Any]) -> tuple[Manifest, dict[str, Any], list[dict[str, Any]]]:
    """The ConfigMap ``MetricsProxyConfig`` (``<name>-metrics-proxy``) holding `config`, the sidecar container
    ``metrics`` serving it on `metrics_port` (non-root, read-only root, its own small resources and TCP probes: a
    probe of ``/metrics`` would tie the sidecar's readiness to the registry's debug listener), and its volumes."""
    config_map = _manifests.config_map(id="MetricsProxyConfig", name=f"{name}-metrics-proxy", labels=labels,
                                       data={CONFIG_FILE: config})
    container = _manifests.container(
        name=CONTAINER_NAME, image=image, pull_policy=pull_policy(image),
        # Not the image's entrypoint: it would edit /etc/nginx/conf.d (a read-only root) for a config we do not use.
        command=["nginx", "-c", f"{CONFIG_MOUNT}/{CONFIG_FILE}", "-e", "stderr"],
        ports=[(metrics_port, "metrics")], security_context=security_context,
        resources=_manifests.resources("5m", "100m", "8Mi", "32Mi"),
        readiness=_manifests.probe(port=metrics_port, period=10, timeout=2),
        liveness=_manifests.probe(port=metrics_port, period=20, timeout=2),
        mounts=[{"mountPath": CONFIG_MOUNT, "name": "metrics-proxy-config", "readOnly": True},
                {"mountPath": _SCRATCH_MOUNT, "name": "metrics-proxy-tmp"}],
    )
    volumes = [{"configMap": {"defaultMode": 0o444, "name": config_map.name}, "name": "metrics-proxy-config"},
               {"emptyDir": {"medium": "Memory", "sizeLimit": "1Mi"}, "name": "metrics-proxy-tmp"}]
    return config_map, container, volumes

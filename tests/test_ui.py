"""RegistryUi (constructs_lib/ui.py)."""

from __future__ import annotations

import contextlib
import http.client
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from typing import Any

import cdk8s
import pytest
from _manifests import Objects, assert_middlewares_exist, by_kind_and_name
from syrupy.assertion import SnapshotAssertion

from constructs_lib import (
    DEFAULT_UI_IMAGE,
    HtpasswdAuth,
    IngressTls,
    Registry,
    RegistryUi,
    TraefikApiGroup,
    TraefikIngress,
)

HOST = "registry.example.com"
# The snapshots of Traefik objects hold these kinds; the ingress's TLSOption is a Traefik object too.
TRAEFIK_KINDS = {"IngressRoute", "Middleware"}
ALL_TRAEFIK_KINDS = TRAEFIK_KINDS | {"TLSOption"}
UI_OBJECTS = {"Deployment", "Service", "IngressRoute", "Middleware"}
DEFAULT_ENV = {
    "PULL_URL": "registry.example.com",
    # The catalog's "Repositories of ..." line names the registry; the title is the header's (and the tab's).
    "REGISTRY_TITLE": "registry.example.com",
    "DOCKER_REGISTRY_UI_TITLE": "Docker Registry",
    # No call to api.github.com from every user's browser.
    "ENABLE_VERSION_NOTIFICATION": "false",
    "SINGLE_REGISTRY": "true",
    "DELETE_IMAGES": "false",
    "SHOW_CONTENT_DIGEST": "true",
    "CATALOG_ELEMENTS_LIMIT": "1000",
    "REGISTRY_SECURED": "false",
    "NGINX_LISTEN_PORT": "8080",
    # Under a path the browser calls the registry on the same origin.
    "REGISTRY_URL": "https://registry.example.com",
}
# The init container's script, as the pod runs it: seed the emptyDirs, then one nginx worker (the 200m CPU limit,
# rounded up to whole CPUs) and the browser tab's title (PAGE_TITLE) in the copies.
SEED_SCRIPT = (
    "cp -R /etc/nginx/. /seed/etc-nginx/ && cp -R /usr/share/nginx/html/. /seed/html/"
    " && sed -i 's/^[[:space:]]*worker_processes[[:space:]].*$/worker_processes 1;/' /seed/etc-nginx/nginx.conf"
    ' && sed -i "s~<title>[^<]*</title>~<title>${PAGE_TITLE}</title>~" /seed/html/index.html'
)
SECURITY_HEADERS = {"headers": {"stsSeconds": 31_536_000, "stsIncludeSubdomains": True, "contentTypeNosniff": True,
                                "frameDeny": True, "referrerPolicy": "same-origin"}}


def _ingress(chart: cdk8s.Chart, *, registry_options: dict[str, Any] | None = None,
             **options: Any) -> TraefikIngress:
    registry_options = {"name": "registry", "auth": None, **(registry_options or {})}
    registry = Registry(chart, "Registry", **registry_options)
    return TraefikIngress(chart, "Ingress", registry=registry, host=HOST, **options)


def _pod(objects: Objects, name: str = "registry-ui") -> dict[str, Any]:
    pod_spec: dict[str, Any] = objects[("Deployment", name)]["spec"]["template"]["spec"]
    return pod_spec


def _env(objects: Objects, name: str = "registry-ui") -> dict[str, str]:
    (container,) = _pod(objects, name)["containers"]
    assert all(set(variable) == {"name", "value"} for variable in container["env"])
    return {variable["name"]: variable["value"] for variable in container["env"]}


def _go_regex(pattern: str) -> re.Pattern[str]:
    """A Traefik (Go RE2) regex as a Python one. The patterns here use only syntax both read alike, except '$':
    without the m flag Go's '$' matches at the very end only, Python's also before a final newline (Python: \\Z)."""
    assert pattern.endswith("$") and not pattern.endswith("\\$")
    return re.compile(pattern[:-1] + r"\Z")


def _go_replacement(replacement: str) -> str:
    """A Go Regexp.Expand template (${1}) as a Python re.sub one (\\g<1>)."""
    return re.sub(r"\$\{(\d+)\}", r"\\g<\1>", replacement)


def _invalid(parameter: str, value: object) -> str:
    """The start of the error for parameter=value, as a regex: it names the parameter and repeats the value."""
    return "^" + re.escape(f"{parameter}={value!r} is invalid: ")


# --- the default UI ------------------------------------------------------------------------------------------------


def test_default_ui_is_served_under_ui_on_the_registry_host(chart: cdk8s.Chart, snapshot: SnapshotAssertion) -> None:
    # GIVEN a registry without auth and its default ingress
    ingress = _ingress(chart)

    # WHEN the UI is added with its defaults
    ui = RegistryUi(chart, "Ui", ingress=ingress)
    manifests = cdk8s.Testing.synth(chart)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    objects = by_kind_and_name(manifests)
    ui_keys = {("Deployment", "registry-ui"), ("Service", "registry-ui"), ("IngressRoute", "registry-ui"),
               ("Middleware", "registry-ui-security-headers"), ("Middleware", "registry-ui-slash-redirect"),
               ("Middleware", "registry-ui-strip-prefix")}
    assert ui_keys <= set(objects)
    # AND the UI talks to the registry on the same origin, with each documented setting
    assert _env(objects) == DEFAULT_ENV
    pod = _pod(objects)
    assert [c["image"] for c in pod["initContainers"] + pod["containers"]] == [DEFAULT_UI_IMAGE] * 2
    assert pod["containers"][0]["ports"] == [{"containerPort": 8080, "name": "http"}]
    # AND a ClusterIP Service on 8080 selects the UI's pods
    service = objects[("Service", "registry-ui")]
    assert service["spec"]["type"] == "ClusterIP"
    assert service["spec"]["ports"] == [{"name": "http", "port": 8080, "targetPort": 8080}]
    pod_labels = objects[("Deployment", "registry-ui")]["spec"]["template"]["metadata"]["labels"]
    assert service["spec"]["selector"].items() <= pod_labels.items()
    assert objects[("Service", "registry")]["spec"]["selector"] != service["spec"]["selector"]
    # AND the route takes the /ui path segment of the registry's host on the ingress's entry points, TLS and
    # TLS option
    route = objects[("IngressRoute", "registry-ui")]
    assert route["apiVersion"] == "traefik.io/v1alpha1"
    assert route["spec"]["entryPoints"] == ["websecure"]
    assert route["spec"]["tls"] == {"certResolver": "letsencrypt", "options": {"name": "registry-tls"}}
    assert ("TLSOption", "registry-tls") in objects
    (rule,) = route["spec"]["routes"]
    assert rule["kind"] == "Rule"
    assert rule["match"] == "Host(`registry.example.com`) && (Path(`/ui`) || PathPrefix(`/ui/`))"
    assert rule["services"] == [{"kind": "Service", "name": "registry-ui", "port": 8080}]
    # AND it goes through the security headers, the slash redirect, then the prefix strip, all of which exist
    assert rule["middlewares"] == [{"name": "registry-ui-security-headers"}, {"name": "registry-ui-slash-redirect"},
                                   {"name": "registry-ui-strip-prefix"}]
    assert_middlewares_exist(objects)
    assert objects[("Middleware", "registry-ui-security-headers")]["spec"] == SECURITY_HEADERS
    assert objects[("Middleware", "registry-ui-slash-redirect")]["spec"] == {"redirectRegex": {
        "regex": r"^(https?://[^/]+/ui)(\?.*)?$", "replacement": "${1}/${2}", "permanent": True}}
    assert objects[("Middleware", "registry-ui-strip-prefix")]["spec"] == {"stripPrefix": {"prefixes": ["/ui"]}}
    # AND the registry's own route is untouched: whole host, no middleware
    registry_rule = objects[("IngressRoute", "registry")]["spec"]["routes"][0]
    assert registry_rule["match"] == "Host(`registry.example.com`)"
    assert "middlewares" not in registry_rule
    # AND the properties report what was built
    assert ui.path_prefix == "/ui"
    assert ui.deployment.name == "registry-ui"
    assert ui.service.name == "registry-ui"
    assert ui.ingress_route.name == "registry-ui"


def test_ui_runs_non_root_on_a_read_only_root_filesystem(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI is added
    RegistryUi(chart, "Ui", ingress=ingress)
    pod = _pod(by_kind_and_name(cdk8s.Testing.synth(chart)))

    # THEN the pod runs as a uid of no node user (10101) with seccomp, no service account token and no service links,
    # in the library's one pod profile (the registry's too)
    assert pod["securityContext"] == {"runAsNonRoot": True, "runAsUser": 10101, "runAsGroup": 10101,
                                      "fsGroup": 10101, "fsGroupChangePolicy": "OnRootMismatch",
                                      "seccompProfile": {"type": "RuntimeDefault"}}
    assert pod["automountServiceAccountToken"] is False
    assert pod["enableServiceLinks"] is False
    # AND both containers have a read-only root, no privilege and no capabilities
    (init,), (ui,) = pod["initContainers"], pod["containers"]
    for container in (init, ui):
        assert container["securityContext"] == {
            "runAsNonRoot": True, "runAsUser": 10101, "runAsGroup": 10101, "readOnlyRootFilesystem": True,
            "allowPrivilegeEscalation": False, "privileged": False, "capabilities": {"drop": ["ALL"]}}
        assert container["resources"] == {"requests": {"cpu": "10m", "memory": "16Mi"},
                                          "limits": {"cpu": "200m", "memory": "64Mi"}}
    # AND every path nginx and the entrypoint write to is an emptyDir
    volumes = {volume["name"]: volume for volume in pod["volumes"]}
    assert all(volume == {"name": name, "emptyDir": {}} for name, volume in volumes.items())
    mounts = {mount["mountPath"]: mount["name"] for mount in ui["volumeMounts"]}
    assert mounts == {"/etc/nginx": "nginx-config", "/usr/share/nginx/html": "html",
                      "/var/cache/nginx": "nginx-cache", "/tmp": "tmp"}
    assert set(mounts.values()) == set(volumes)
    assert not any(mount.get("readOnly") for mount in ui["volumeMounts"])
    # AND the init container seeds the two rewritten folders from the image into the same volumes, then sets one
    # nginx worker (the 200m CPU limit) and the tab title in the copies (run for real in the seed-script tests)
    assert init["name"] == "copy-writable-files"
    assert init["command"] == ["sh", "-c", SEED_SCRIPT]
    assert init["env"] == [{"name": "PAGE_TITLE", "value": "Docker Registry"}]
    assert {m["mountPath"]: m["name"] for m in init["volumeMounts"]} == {"/seed/etc-nginx": "nginx-config",
                                                                        "/seed/html": "html"}
    # AND nginx is probed on its unprivileged port
    for probe in ("readinessProbe", "livenessProbe", "startupProbe"):
        assert ui[probe]["httpGet"] == {"path": "/", "port": 8080, "scheme": "HTTP"}


# --- the init container's script, run for real ---------------------------------------------------------------------

# Files shaped like the image's (joxit/docker-registry-ui:2.6.0 on the official nginx image), written here: the
# nginx.conf that the nginx package ships (`worker_processes  auto;` at the top level, two spaces) and a built,
# one-line index.html with its fixed <title> and the placeholders joxit's entrypoint fills later.
IMAGE_NGINX_CONF = """
user  nginx;
worker_processes  auto;

error_log  {root}/var/log/nginx/error.log notice;
pid        {root}/tmp/nginx.pid;


events {{
    worker_connections  1024;
}}


http {{
    include       {root}/etc/nginx/mime.types;
    default_type  application/octet-stream;
    log_format  main  '$remote_addr - $remote_user [$time_local] "$request" '
                      '$status $body_bytes_sent "$http_referer" '
                      '"$http_user_agent" "$http_x_forwarded_for"';
    access_log  {root}/var/log/nginx/access.log  main;
    sendfile        on;
    keepalive_timeout  65;
    include {root}/etc/nginx/conf.d/*.conf;
}}
"""
IMAGE_DEFAULT_CONF = """
server {{
    listen       127.0.0.1:{port};
    server_name  localhost;
    # The image's nginx keeps these under /var/cache/nginx (an emptyDir in the pod).
    client_body_temp_path {root}/var/cache/nginx/client_temp;
    proxy_temp_path {root}/var/cache/nginx/proxy_temp;
    fastcgi_temp_path {root}/var/cache/nginx/fastcgi_temp;
    uwsgi_temp_path {root}/var/cache/nginx/uwsgi_temp;
    scgi_temp_path {root}/var/cache/nginx/scgi_temp;
    location / {{
        root   {root}/seed/html;
        index  index.html;
    }}
}}
"""
IMAGE_INDEX_HTML = ('<!DOCTYPE html><html><head><meta charset="UTF-8"><title>Docker Registry UI</title></head><body>'
                    '<docker-registry-ui registry-url="${REGISTRY_URL}" name="${REGISTRY_TITLE}" '
                    'pull-url="${PULL_URL}"></docker-registry-ui><script src="docker-registry-ui.js"></script>'
                    '</body></html>\n')
# The container paths of the script: the image's own folders, and the init container's mounts of the emptyDirs.
SEED_PATHS = {"/etc/nginx": "etc/nginx", "/usr/share/nginx/html": "usr/share/nginx/html",
              "/seed/etc-nginx": "seed/etc-nginx", "/seed/html": "seed/html"}
# The pod's uid: when these tests run as root, the script and nginx run as it.
POD_UID = 10101


def _init_container(objects: Objects, name: str = "registry-ui") -> dict[str, Any]:
    (init,) = _pod(objects, name)["initContainers"]
    assert init["command"][:2] == ["sh", "-c"] and len(init["command"]) == 3, init["command"]
    init_container: dict[str, Any] = init
    return init_container


@contextlib.contextmanager
def _image_root(port: int = 8080) -> Iterator[pathlib.Path]:
    """A folder with the image's files at their container paths and the two empty emptyDirs, owned by the pod's uid
    when running as root (pytest's own tmp_path is root-only, so nginx workers could not read it)."""
    with tempfile.TemporaryDirectory(prefix="ui-seed-") as folder:
        root = pathlib.Path(folder)
        for path in ("etc/nginx/conf.d", "usr/share/nginx/html", "seed/etc-nginx", "seed/html", "tmp",
                     "var/log/nginx", "var/cache/nginx"):
            (root / path).mkdir(parents=True)
        (root / "etc/nginx/nginx.conf").write_text(IMAGE_NGINX_CONF.format(root=root).lstrip())
        (root / "etc/nginx/mime.types").write_text("types {\n    text/html  html;\n}\n")
        (root / "etc/nginx/conf.d/default.conf").write_text(IMAGE_DEFAULT_CONF.format(root=root, port=port))
        (root / "usr/share/nginx/html/index.html").write_text(IMAGE_INDEX_HTML)
        if os.geteuid() == 0:
            for entry in (root, *root.rglob("*")):
                os.chown(entry, POD_UID, POD_UID)
        yield root


def _host_script(script: str, root: pathlib.Path) -> str:
    """The script with each container path (longest first, whole path components only) under `root`."""
    pattern = re.compile(r"(?<![\w.~/-])(" + "|".join(re.escape(p) for p in sorted(SEED_PATHS, key=len, reverse=True))
                         + r")(?![\w.-])")
    assert set(pattern.findall(script)) == set(SEED_PATHS), script
    host_script = pattern.sub(lambda match: str(root / SEED_PATHS[match.group(1)]), script)
    assert not pattern.search(host_script), host_script
    return host_script


def _as_pod_user(argv: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return argv
    setpriv = shutil.which("setpriv") or "/usr/bin/setpriv"  # util-linux, essential on Debian
    return [setpriv, f"--reuid={POD_UID}", f"--regid={POD_UID}", "--clear-groups", *argv]


def _run_seed(init: dict[str, Any], root: pathlib.Path, shell: list[str], path: str) -> None:
    """Run the init container's script as the pod would: `SHELL -c SCRIPT` with only its own environment."""
    env = {"PATH": path, **{variable["name"]: variable["value"] for variable in init["env"]}}
    result = subprocess.run(_as_pod_user([*shell, "-c", _host_script(init["command"][2], root)]), env=env,
                            capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 0, result


def _busybox_path(folder: pathlib.Path) -> str:
    """A PATH with only busybox's sh, cp and sed: the tools of the image (alpine), not the host's."""
    busybox = shutil.which("busybox")
    if busybox is None:
        pytest.fail("busybox missing (Debian package busybox; see the Makefile's TEST_DEBIAN_PACKAGES)")
    folder.mkdir()
    for applet in ("sh", "cp", "sed"):
        (folder / applet).symlink_to(busybox)
    os.chmod(folder, 0o755)
    return str(folder)


@pytest.mark.parametrize("shell", ["posix-sh", "busybox"])
@pytest.mark.parametrize("title", ["Docker Registry", "R+D (prod) 50% $HOME /a/b #1 'x' Käse"])
def test_seed_script_sets_one_worker_and_the_tab_title(chart: cdk8s.Chart, shell: str, title: str) -> None:
    # GIVEN the UI's init container as synthesized, and the image's files (shaped like them) at their paths
    RegistryUi(chart, "Ui", ingress=_ingress(chart), title=title)
    init = _init_container(by_kind_and_name(cdk8s.Testing.synth(chart)))

    with _image_root() as root:
        # WHEN its script runs, under the host's POSIX sh (dash) or busybox's sh, cp and sed (the image's alpine)
        if shell == "posix-sh":
            _run_seed(init, root, ["/bin/sh"], "/usr/bin:/bin")
        else:
            _run_seed(init, root, [_busybox_path(root / "busybox") + "/sh"], str(root / "busybox"))
        seeded_conf = (root / "seed/etc-nginx/nginx.conf").read_text()
        seeded_index = (root / "seed/html/index.html").read_text()
        image_conf = (root / "etc/nginx/nginx.conf").read_text()

        # THEN the copies hold the image's files, with exactly one line changed in each
        assert sorted(p.name for p in (root / "seed/etc-nginx").iterdir()) == ["conf.d", "mime.types", "nginx.conf"]
        assert (root / "seed/etc-nginx/conf.d/default.conf").is_file()
        assert seeded_conf == image_conf.replace("worker_processes  auto;", "worker_processes 1;")
        assert seeded_index == IMAGE_INDEX_HTML.replace("<title>Docker Registry UI</title>", f"<title>{title}</title>")
        # AND the image's own files are left as they were (in the pod they are read-only anyway)
        assert "worker_processes  auto;" in image_conf
        assert (root / "usr/share/nginx/html/index.html").read_text() == IMAGE_INDEX_HTML


def test_seed_script_worker_count_follows_the_cpu_limit(chart: cdk8s.Chart) -> None:
    # GIVEN the UI
    RegistryUi(chart, "Ui", ingress=_ingress(chart))
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))
    init = _init_container(objects)
    (ui,) = _pod(objects)["containers"]

    # WHEN the worker count the script writes is read next to the containers' CPU limit
    (workers,) = re.findall(r"worker_processes (\d+);", init["command"][2])
    limit = ui["resources"]["limits"]["cpu"]

    # THEN it is the limit in whole CPUs, rounded up (200m: 1), the same for both containers
    assert limit == init["resources"]["limits"]["cpu"] == "200m"
    assert int(workers) == -(-int(limit.removesuffix("m")) // 1000) == 1


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _workers(master: int) -> list[int]:
    """The worker processes of the nginx master `master`, from /proc."""
    workers = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            cmdline = (entry / "cmdline").read_bytes()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        if parent == master and cmdline.startswith(b"nginx: worker process"):
            workers.append(int(entry.name))
    return workers


def _nginx_workers_and_title(root: pathlib.Path, conf: pathlib.Path, port: int) -> tuple[int, str]:
    """Start Debian's nginx on `conf` (as the pod's uid when root), count its workers once they are all up, GET /
    and return (workers, the served <title>); nginx is stopped before this returns."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.path.exists(nginx):
        pytest.fail("nginx missing (Debian package nginx; see the Makefile's TEST_DEBIAN_PACKAGES)")
    check = subprocess.run(_as_pod_user([nginx, "-t", "-e", "stderr", "-p", str(root), "-c", str(conf)]),
                           capture_output=True, text=True, timeout=30, check=False)
    assert check.returncode == 0, check.stderr
    process = subprocess.Popen(_as_pod_user([nginx, "-e", "stderr", "-p", str(root), "-c", str(conf),
                                             "-g", "daemon off;"]),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        counts: list[int] = []
        body = ""
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            counts.append(len(_workers(process.pid)))
            if not body:
                with contextlib.suppress(OSError):
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                    connection.request("GET", "/")
                    response = connection.getresponse()
                    assert response.status == 200, response.status
                    body = response.read().decode()
                    connection.close()
            # All workers are forked before nginx serves; a few steady readings after the first answer.
            if body and len(counts) >= 5 and len(set(counts[-5:])) == 1 and counts[-1] > 0:
                break
            time.sleep(0.1)
        else:
            pytest.fail(f"nginx did not settle: worker counts {counts}, body {body!r}")
        (title,) = re.findall(r"<title>([^<]*)</title>", body)
        return counts[-1], title
    finally:
        process.send_signal(signal.SIGQUIT)  # nginx's graceful stop; its workers exit with it
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


def test_seeded_nginx_conf_runs_real_nginx_with_one_worker_and_serves_the_title(chart: cdk8s.Chart) -> None:
    # GIVEN the UI with a title, its init script run on the image-shaped files
    RegistryUi(chart, "Ui", ingress=_ingress(chart), title="ACME Registry (prod)")
    init = _init_container(by_kind_and_name(cdk8s.Testing.synth(chart)))
    port = _free_port()
    with _image_root(port) as root:
        _run_seed(init, root, ["/bin/sh"], "/usr/bin:/bin")

        # WHEN Debian's nginx runs the image's own nginx.conf, then the seeded copy (both with the seeded html)
        image_workers, _ = _nginx_workers_and_title(root, root / "etc/nginx/nginx.conf", port)
        seeded_workers, title = _nginx_workers_and_title(root, root / "seed/etc-nginx/nginx.conf", port)

    # THEN the image's `worker_processes auto` starts one worker per CPU of this machine, the seeded copy one
    assert image_workers == os.cpu_count()
    assert seeded_workers == 1
    # AND the page it serves has the UI's title in the browser tab
    assert title == "ACME Registry (prod)"


# --- options -------------------------------------------------------------------------------------------------------


def test_ui_with_every_option_in_a_namespace(app: cdk8s.App, snapshot: SnapshotAssertion) -> None:
    # GIVEN a namespaced chart, a registry with auth from a Secret and deletes on, behind a redirecting ingress
    chart = cdk8s.Chart(app, "test", namespace="registry")
    ingress = _ingress(chart, registry_options={"auth": HtpasswdAuth.from_secret("registry-htpasswd"),
                                                "delete_enabled": True},
                       tls=IngressTls.secret("registry-tls"), redirect_http_to_https=True)

    # WHEN the UI is added with every option changed
    image = "mirror.example.com/joxit/docker-registry-ui:2.6.0"
    ui = RegistryUi(chart, "Ui", ingress=ingress, path_prefix="/registry-ui", title="ACME Registry (prod)",
                    delete_images=True, single_registry=False, catalog_elements_limit=250,
                    show_content_digest=False, image=image, name="browser")
    manifests = cdk8s.Testing.synth(chart)

    # THEN the output is pinned by the snapshot
    assert manifests == snapshot
    objects = by_kind_and_name(manifests)
    # AND the objects take the given name, in the chart's namespace
    assert {key for key in objects if key[1].startswith("browser")} == {
        ("Deployment", "browser"), ("Service", "browser"), ("IngressRoute", "browser"),
        ("Middleware", "browser-security-headers"), ("Middleware", "browser-slash-redirect"),
        ("Middleware", "browser-strip-prefix"), ("NetworkPolicy", "browser")}
    assert {m["metadata"].get("namespace") for m in manifests} == {"registry"}
    # AND the environment carries each option
    assert _env(objects, "browser") == {**DEFAULT_ENV, "DOCKER_REGISTRY_UI_TITLE": "ACME Registry (prod)",
                                        "SINGLE_REGISTRY": "false", "DELETE_IMAGES": "true",
                                        "SHOW_CONTENT_DIGEST": "false", "CATALOG_ELEMENTS_LIMIT": "250",
                                        "REGISTRY_SECURED": "true"}
    pod = _pod(objects, "browser")
    assert [c["image"] for c in pod["initContainers"] + pod["containers"]] == [image] * 2
    # AND the route serves the custom prefix with the ingress's TLS Secret and TLS option (named after the
    # registry), through the security headers and middlewares for that prefix
    route = objects[("IngressRoute", "browser")]
    assert route["spec"]["tls"] == {"secretName": "registry-tls", "options": {"name": "registry-tls"}}
    (rule,) = route["spec"]["routes"]
    assert rule["match"] == "Host(`registry.example.com`) && (Path(`/registry-ui`) || PathPrefix(`/registry-ui/`))"
    assert rule["middlewares"] == [{"name": "browser-security-headers"}, {"name": "browser-slash-redirect"},
                                   {"name": "browser-strip-prefix"}]
    assert rule["services"] == [{"kind": "Service", "name": "browser", "port": 8080}]
    assert_middlewares_exist(objects)
    assert objects[("Middleware", "browser-strip-prefix")]["spec"] == {"stripPrefix": {"prefixes": ["/registry-ui"]}}
    assert objects[("Middleware", "browser-security-headers")]["spec"] == SECURITY_HEADERS
    assert objects[("Middleware", "browser-slash-redirect")]["spec"]["redirectRegex"]["regex"] == \
        r"^(https?://[^/]+/registry\-ui)(\?.*)?$"
    # AND plain HTTP for the whole host, the UI included, is redirected to HTTPS
    http_rule = objects[("IngressRoute", "registry-http")]["spec"]["routes"][0]
    assert http_rule["match"] == "Host(`registry.example.com`)"
    assert http_rule["middlewares"] == [{"name": "registry-https-redirect"}]
    assert "tls" not in objects[("IngressRoute", "registry-http")]["spec"]
    assert ui.path_prefix == "/registry-ui"


@pytest.mark.parametrize(("options", "variable", "expected"), [
    pytest.param({"title": "Régistre Käse"}, "DOCKER_REGISTRY_UI_TITLE", "Régistre Käse", id="title-unicode"),
    # '/' and '$' are safe: the entrypoint's sed uses '~' as delimiter and expands the variable only once.
    pytest.param({"title": "R+D (prod) 50% $HOME /a/b #1"}, "DOCKER_REGISTRY_UI_TITLE",
                 "R+D (prod) 50% $HOME /a/b #1", id="title-punctuation"),
    pytest.param({"version_notification": True}, "ENABLE_VERSION_NOTIFICATION", "true", id="version_notification"),
    pytest.param({"single_registry": False}, "SINGLE_REGISTRY", "false", id="single_registry"),
    pytest.param({"show_content_digest": False}, "SHOW_CONTENT_DIGEST", "false", id="show_content_digest"),
    pytest.param({"catalog_elements_limit": 1}, "CATALOG_ELEMENTS_LIMIT", "1", id="catalog-min"),
    pytest.param({"catalog_elements_limit": 100_000}, "CATALOG_ELEMENTS_LIMIT", "100000", id="catalog-max"),
    pytest.param({"delete_images": False}, "DELETE_IMAGES", "false", id="delete_images-off-with-deletes-on"),
])
def test_ui_option_sets_its_environment_variable(chart: cdk8s.Chart, options: dict[str, Any], variable: str,
                                                 expected: str) -> None:
    # GIVEN a registry that allows deletes, and its ingress
    ingress = _ingress(chart, registry_options={"delete_enabled": True})

    # WHEN the UI gets one option
    RegistryUi(chart, "Ui", ingress=ingress, **options)

    # THEN that variable, and only it, differs from the defaults
    assert _env(by_kind_and_name(cdk8s.Testing.synth(chart))) == {**DEFAULT_ENV, variable: expected}


def test_registry_secured_follows_the_registry_auth(chart: cdk8s.Chart) -> None:
    # GIVEN a registry whose users are given as values (low cost: a test), and its ingress
    ingress = _ingress(chart, registry_options={"auth": HtpasswdAuth.from_users({"ci": "not-a-real-password"}, cost=4)})

    # WHEN the UI is added
    RegistryUi(chart, "Ui", ingress=ingress)

    # THEN it knows the registry asks for basic auth
    assert _env(by_kind_and_name(cdk8s.Testing.synth(chart)))["REGISTRY_SECURED"] == "true"


@pytest.mark.parametrize("image", [
    "joxit/docker-registry-ui:2.6.0",
    "registry.example.com:5000/mirror/docker-registry-ui:2.6.0",
    "joxit/docker-registry-ui@sha256:" + "0" * 64,
    "joxit/docker-registry-ui:2.6.0_patched",
])
def test_image_is_used_by_both_containers(chart: cdk8s.Chart, image: str) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI gets an image reference (tag, registry with port, digest)
    RegistryUi(chart, "Ui", ingress=ingress, image=image)
    pod = _pod(by_kind_and_name(cdk8s.Testing.synth(chart)))

    # THEN the seeding init container and the UI both run it
    # (a digest never changes, so the node's copy is exact; a tag is asked for at every start)
    policy = "IfNotPresent" if "@sha256:" in image else "Always"
    assert [(c["image"], c["imagePullPolicy"]) for c in pod["initContainers"] + pod["containers"]] == \
        [(image, policy)] * 2


def test_ui_follows_the_ingress_entry_points_tls_and_registry_name(chart: cdk8s.Chart) -> None:
    # GIVEN a registry with its own name, behind an ingress on two entry points with the default certificate
    ingress = _ingress(chart, registry_options={"name": "hub"}, entry_points=["websecure", "internal"],
                       tls=IngressTls.default_certificate())

    # WHEN the UI is added without a name
    RegistryUi(chart, "Ui", ingress=ingress)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN its objects are named after the registry and its route copies the entry points, TLS and TLS option
    route = objects[("IngressRoute", "hub-ui")]
    assert route["spec"]["entryPoints"] == ["websecure", "internal"]
    assert route["spec"]["tls"] == {"options": {"name": "hub-tls"}}
    assert objects[("TLSOption", "hub-tls")]["spec"] == {"minVersion": "VersionTLS12"}
    assert route["spec"]["routes"][0]["middlewares"] == [{"name": "hub-ui-security-headers"},
                                                         {"name": "hub-ui-slash-redirect"},
                                                         {"name": "hub-ui-strip-prefix"}]
    assert_middlewares_exist(objects)
    assert _env(objects, "hub-ui")["REGISTRY_URL"] == "https://registry.example.com"


def test_two_uis_on_one_ingress_do_not_collide(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN two UIs are added under different prefixes and names
    RegistryUi(chart, "Ui", ingress=ingress)
    RegistryUi(chart, "Admin", ingress=ingress, path_prefix="/admin", name="admin-ui")
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))  # fails on duplicate names

    # THEN each route goes to its own Service
    assert objects[("IngressRoute", "admin-ui")]["spec"]["routes"][0]["services"][0]["name"] == "admin-ui"
    assert objects[("IngressRoute", "registry-ui")]["spec"]["routes"][0]["services"][0]["name"] == "registry-ui"


def test_security_headers_can_be_left_out(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI is added without the security headers
    RegistryUi(chart, "Ui", ingress=ingress, security_headers=False)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN there is no headers Middleware and the route goes through the slash redirect and the strip only
    assert sorted(name for kind, name in objects if kind == "Middleware") == ["registry-ui-slash-redirect",
                                                                             "registry-ui-strip-prefix"]
    assert objects[("IngressRoute", "registry-ui")]["spec"]["routes"][0]["middlewares"] == [
        {"name": "registry-ui-slash-redirect"}, {"name": "registry-ui-strip-prefix"}]
    assert_middlewares_exist(objects)


# --- the slash redirect regex --------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["/ui", "/registry-ui", "/tools/ui", "/a.b~c_d"])
def test_slash_redirect_matches_only_the_bare_prefix(chart: cdk8s.Chart, prefix: str) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI is served under a prefix
    RegistryUi(chart, "Ui", ingress=ingress, path_prefix=prefix)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))
    redirect = objects[("Middleware", "registry-ui-slash-redirect")]["spec"]["redirectRegex"]
    strip = objects[("Middleware", "registry-ui-strip-prefix")]["spec"]["stripPrefix"]

    # THEN the redirect is permanent and its regex, read as Traefik (Go) reads it, matches the bare prefix only,
    # with or without a query, which the redirect keeps after the slash
    assert redirect["permanent"] is True
    assert redirect["replacement"] == "${1}/${2}"
    regex = _go_regex(redirect["regex"])
    replacement = _go_replacement(redirect["replacement"])
    for url in (f"https://{HOST}{prefix}", f"http://{HOST}{prefix}", f"https://{HOST}:8443{prefix}"):
        assert regex.search(url), url
        assert regex.sub(replacement, url) == url + "/"
        for query in ("?x=1", "?", "?a=1&b=/c"):
            assert regex.search(url + query), url + query
            assert regex.sub(replacement, url + query) == f"{url}/{query}"
    for url in (f"https://{HOST}{prefix}/", f"https://{HOST}{prefix}/x", f"https://{HOST}{prefix}x",
                f"https://{HOST}{prefix}/?x=1", f"https://{HOST}{prefix}x?x=1",
                f"https://{HOST}/other{prefix}", f"https://{HOST}{prefix}\n", f"https://{HOST}{prefix}?x=1\n",
                f"ftp://{HOST}{prefix}", f"https://{HOST}/v2/"):
        assert not regex.search(url), url
    # AND a '.' in the prefix is literal
    if "." in prefix:
        assert not regex.search(f"https://{HOST}{prefix.replace('.', 'X')}")
    # AND the route (the prefix as a whole path segment) and the strip use the same prefix
    assert strip == {"prefixes": [prefix]}
    assert objects[("IngressRoute", "registry-ui")]["spec"]["routes"][0]["match"] == \
        f"Host(`{HOST}`) && (Path(`{prefix}`) || PathPrefix(`{prefix}/`))"


def test_default_redirect_regex_against_the_example_urls(chart: cdk8s.Chart) -> None:
    # GIVEN the default UI
    ingress = _ingress(chart)
    RegistryUi(chart, "Ui", ingress=ingress)

    # WHEN its redirect regex is read as Python
    redirect = by_kind_and_name(cdk8s.Testing.synth(chart))[("Middleware", "registry-ui-slash-redirect")]
    regex = _go_regex(redirect["spec"]["redirectRegex"]["regex"])
    replacement = _go_replacement(redirect["spec"]["redirectRegex"]["replacement"])

    # THEN /ui is redirected to /ui/, /ui?x=1 to /ui/?x=1, and /ui/, /ui/x and /uix are left alone
    assert regex.search("https://registry.example.com/ui")
    assert regex.sub(replacement, "https://registry.example.com/ui") == "https://registry.example.com/ui/"
    assert regex.search("https://registry.example.com/ui?x=1")
    assert regex.sub(replacement, "https://registry.example.com/ui?x=1") == "https://registry.example.com/ui/?x=1"
    assert not regex.search("https://registry.example.com/ui/")
    assert not regex.search("https://registry.example.com/ui/x")
    assert not regex.search("https://registry.example.com/uix")


# --- API groups ----------------------------------------------------------------------------------------------------


def _synth_with_group(tmp_path: pathlib.Path, api_group: TraefikApiGroup) -> list[dict[str, Any]]:
    app = cdk8s.Testing.app(outdir=str(tmp_path / api_group.name))
    chart = cdk8s.Chart(app, "test", namespace="registry")
    ingress = _ingress(chart, registry_options={"auth": HtpasswdAuth.from_secret("registry-htpasswd")},
                       api_group=api_group, redirect_http_to_https=True)
    RegistryUi(chart, "Ui", ingress=ingress, path_prefix="/registry-ui")
    return cdk8s.Testing.synth(chart)


def test_legacy_group_ui_objects_equal_traefik_io_ones_apart_from_api_version(tmp_path: pathlib.Path,
                                                                             snapshot: SnapshotAssertion) -> None:
    # GIVEN the same registry, ingress and UI built once per API group, in two apps with the same chart id
    current = _synth_with_group(tmp_path, TraefikApiGroup.TRAEFIK_IO)
    legacy = _synth_with_group(tmp_path, TraefikApiGroup.TRAEFIK_CONTAINO_US)

    # WHEN they are compared object by object
    # THEN the legacy Traefik objects are pinned by the snapshot
    assert [m for m in legacy if m["kind"] in TRAEFIK_KINDS] == snapshot
    # AND only the Traefik objects' apiVersion differs, the TLSOption and the UI's three Middlewares and route
    # included
    assert len(current) == len(legacy)
    compared = []
    for new, old in zip(current, legacy, strict=True):
        if new["kind"] in ALL_TRAEFIK_KINDS:
            assert (new["apiVersion"], old["apiVersion"]) == ("traefik.io/v1alpha1", "traefik.containo.us/v1alpha1")
            assert {**new, "apiVersion": None} == {**old, "apiVersion": None}
            compared.append(new["metadata"]["name"])
        else:
            assert new == old
    assert sorted(compared) == ["registry", "registry-http", "registry-https-redirect", "registry-tls", "registry-ui",
                                "registry-ui-security-headers", "registry-ui-slash-redirect",
                                "registry-ui-strip-prefix"]
    assert_middlewares_exist(by_kind_and_name(legacy))


# --- the UI on its own host: its certificate -----------------------------------------------------------------------

UI_HOST = "registry-ui.example.com"


def _own_host_route(chart: cdk8s.Chart, registry_tls: IngressTls | None, **options: Any) -> dict[str, Any]:
    ingress = _ingress(chart, tls=registry_tls) if registry_tls is not None else _ingress(chart)
    RegistryUi(chart, "Ui", ingress=ingress, host=UI_HOST, proxy_registry=True, **options)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))
    route: dict[str, Any] = objects[("IngressRoute", "registry-ui")]
    assert route["spec"]["routes"][0]["match"] == f"Host(`{UI_HOST}`)"
    return route


@pytest.mark.parametrize(("registry_tls", "expected"), [
    # A resolver orders a certificate for each route's host: the UI's host gets its own from the same resolver.
    pytest.param(None, {"certResolver": "letsencrypt"}, id="registry-default-resolver"),
    pytest.param(IngressTls.cert_resolver("acme-dns"), {"certResolver": "acme-dns"}, id="registry-resolver"),
    # Traefik's default certificate (a wildcard set up once) is the same for every host.
    pytest.param(IngressTls.default_certificate(), {}, id="registry-default-certificate"),
])
def test_ui_on_its_own_host_gets_a_certificate_for_that_host_by_default(
        chart: cdk8s.Chart, registry_tls: IngressTls | None, expected: dict[str, str]) -> None:
    # GIVEN a registry whose certificate comes from a resolver or is Traefik's default one
    # WHEN the UI is served on its own host without tls
    route = _own_host_route(chart, registry_tls)

    # THEN its route takes the same source, which serves the UI's host too, with the ingress's TLS option
    assert route["spec"]["tls"] == {**expected, "options": {"name": "registry-tls"}}


@pytest.mark.parametrize(("registry_tls", "ui_tls", "expected"), [
    pytest.param(IngressTls.secret("registry-tls"), IngressTls.secret("registry-ui-tls"),
                 {"secretName": "registry-ui-tls"}, id="own-secret"),
    # One certificate for both names (a SAN or wildcard certificate in one Secret) is passed explicitly.
    pytest.param(IngressTls.secret("both-names-tls"), IngressTls.secret("both-names-tls"),
                 {"secretName": "both-names-tls"}, id="same-secret-covering-both"),
    pytest.param(IngressTls.secret("registry-tls"), IngressTls.cert_resolver(), {"certResolver": "letsencrypt"},
                 id="resolver-for-the-ui"),
    pytest.param(None, IngressTls.default_certificate(), {}, id="default-certificate-for-the-ui"),
])
def test_ui_tls_is_used_on_its_own_host_only(chart: cdk8s.Chart, registry_tls: IngressTls | None,
                                             ui_tls: IngressTls, expected: dict[str, str]) -> None:
    # GIVEN a registry with its certificate
    # WHEN the UI on its own host is given its own
    route = _own_host_route(chart, registry_tls, tls=ui_tls)
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN the UI's route uses it, with the ingress's TLS option, and the registry's route keeps its own
    assert route["spec"]["tls"] == {**expected, "options": {"name": "registry-tls"}}
    registry_tls_spec = objects[("IngressRoute", "registry")]["spec"]["tls"]
    assert registry_tls_spec == {**({"certResolver": "letsencrypt"} if registry_tls is None else
                                    {"secretName": registry_tls.secret_name}), "options": {"name": "registry-tls"}}


def test_ui_tls_without_a_tls_option_has_no_options(chart: cdk8s.Chart) -> None:
    # GIVEN an ingress without a TLSOption
    ingress = _ingress(chart, tls=IngressTls.secret("registry-tls"), min_tls_version=None)

    # WHEN the UI on its own host gets its own Secret
    RegistryUi(chart, "Ui", ingress=ingress, host=UI_HOST, proxy_registry=True, tls=IngressTls.secret("ui-tls"))

    # THEN its route has the Secret alone
    route = by_kind_and_name(cdk8s.Testing.synth(chart))[("IngressRoute", "registry-ui")]
    assert route["spec"]["tls"] == {"secretName": "ui-tls"}


def test_fails_on_an_own_host_without_tls_when_the_registry_uses_a_secret(app: cdk8s.App,
                                                                         chart: cdk8s.Chart) -> None:
    # GIVEN a registry whose certificate is a Secret (for registry.example.com)
    ingress = _ingress(chart, tls=IngressTls.secret("registry-tls"))

    # WHEN the UI is put on its own host without a certificate of its own
    # THEN it fails naming tls, the Secret, both hosts and how to fix it, and leaves nothing behind
    with pytest.raises(ValueError, match=_invalid("tls", None) + re.escape(
            "the registry's certificate comes from the Secret 'registry-tls', for registry.example.com, and a Secret "
            "for one host does not cover another: pass the UI's own for registry-ui.example.com, "
            "tls=IngressTls.secret('<its Secret>'), or the same Secret if its certificate covers both names")):
        RegistryUi(chart, "Ui", ingress=ingress, host=UI_HOST, proxy_registry=True)
    _assert_failed_cleanly(app, chart)


@pytest.mark.parametrize("tls", [IngressTls.secret("ui-tls"), IngressTls.cert_resolver(),
                                 IngressTls.default_certificate()])
def test_fails_on_tls_without_an_own_host(app: cdk8s.App, chart: cdk8s.Chart, tls: IngressTls) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI under path_prefix (on the registry's host and certificate) is given a certificate
    # THEN it fails naming tls and the value, and says the route is on the registry's host
    _fails(app, chart, "tls", tls, tls=tls,
           rule=re.escape("without host the UI is served under path_prefix on the registry's host, with the "
                          "registry's certificate: give the UI its own host to give it its own certificate"))


# --- registry URL and modes ----------------------------------------------------------------------------------------


def test_proxy_mode_gives_the_page_no_registry_url(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI forwards the registry API through its own nginx
    RegistryUi(chart, "Ui", ingress=_ingress(chart), proxy_registry=True)
    env = _env(by_kind_and_name(cdk8s.Testing.synth(chart)))

    # THEN the page gets no REGISTRY_URL (it calls the API on the origin it was opened from, any port) and the
    # UI's nginx forwards to the registry's Service
    assert env == {**{k: v for k, v in DEFAULT_ENV.items() if k != "REGISTRY_URL"},
                   "NGINX_PROXY_PASS_URL": "http://registry:5000"}


# --- escape hatch --------------------------------------------------------------------------------------------------


def test_escape_hatch_patches_the_deployment_and_the_route(chart: cdk8s.Chart) -> None:
    # GIVEN the UI
    ingress = _ingress(chart)
    ui = RegistryUi(chart, "Ui", ingress=ingress)

    # WHEN its Deployment is patched through ApiObject.of (of the construct and of the property) and its route too
    cdk8s.ApiObject.of(ui.deployment).add_json_patch(
        cdk8s.JsonPatch.add("/spec/template/spec/priorityClassName", "tools"))
    cdk8s.ApiObject.of(ui).add_json_patch(cdk8s.JsonPatch.add("/spec/revisionHistoryLimit", 2))
    ui.ingress_route.add_json_patch(cdk8s.JsonPatch.add("/spec/routes/0/priority", 50))
    objects = by_kind_and_name(cdk8s.Testing.synth(chart))

    # THEN every patch shows up in the output, next to the construct's own patches
    deployment = objects[("Deployment", "registry-ui")]
    assert deployment["spec"]["template"]["spec"]["priorityClassName"] == "tools"
    assert deployment["spec"]["template"]["spec"]["enableServiceLinks"] is False
    assert deployment["spec"]["revisionHistoryLimit"] == 2
    assert objects[("IngressRoute", "registry-ui")]["spec"]["routes"][0]["priority"] == 50


# --- validation ----------------------------------------------------------------------------------------------------


def _assert_failed_cleanly(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    """Nothing reached the output folder, and no UI object was left half-built in the chart."""
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())
    names = {(m["kind"], m["metadata"]["name"]) for m in cdk8s.Testing.synth(chart)}
    assert not {name for kind, name in names if kind in UI_OBJECTS} - {"registry"}


def _fails(app: cdk8s.App, chart: cdk8s.Chart, parameter: str, value: object, *, rule: str = "",
           **options: Any) -> None:
    """RegistryUi(**options) fails naming parameter=value (then `rule`, a regex, if given) and leaves no trace."""
    ingress = _ingress(chart)
    with pytest.raises(ValueError, match=_invalid(parameter, value) + rule):
        RegistryUi(chart, "Ui", ingress=ingress, **options)
    _assert_failed_cleanly(app, chart)


@pytest.mark.parametrize("path_prefix", [
    pytest.param("ui", id="no-leading-slash"),
    pytest.param("/ui/", id="trailing-slash"),
    pytest.param("/", id="root"),
    pytest.param("", id="empty"),
    pytest.param("//ui", id="empty-segment"),
    pytest.param("/tools//ui", id="inner-empty-segment"),
    pytest.param("/my ui", id="space"),
    pytest.param("/ui`", id="backtick"),
    pytest.param("/ui`) || Host(`evil.example.com", id="rule-injection"),
    pytest.param("/ui?x=1", id="query"),
    pytest.param("/ui%20", id="percent"),
    pytest.param("/ui*", id="wildcard"),
])
def test_fails_on_a_bad_path_prefix(app: cdk8s.App, chart: cdk8s.Chart, path_prefix: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI gets a path prefix that is not '/segment[/segment...]'
    # THEN it fails naming path_prefix and the value
    _fails(app, chart, "path_prefix", path_prefix, path_prefix=path_prefix)


@pytest.mark.parametrize(("title", "forbidden"), [
    pytest.param("Registry ~ prod", "'~'", id="tilde"),
    pytest.param("R&D", "'&'", id="ampersand"),
    pytest.param("back\\slash", "'\\\\'", id="backslash"),
    pytest.param("two\nlines", "'\\n'", id="newline"),
    pytest.param("Registry\n", "'\\n'", id="trailing-newline"),
    pytest.param("tab\there", "'\\t'", id="tab"),
    pytest.param("del\x7f", "'\\x7f'", id="delete"),
    pytest.param("a~b&c", "'&', '~'", id="several"),
    # It also lands unescaped in the page's HTML: an attribute value and <title>.
    pytest.param('the "main" one', "'\"'", id="double-quote"),
    pytest.param("a</title><script>", "'<', '>'", id="angle-brackets"),
])
def test_fails_on_a_title_the_entrypoint_sed_breaks_on(app: cdk8s.App, chart: cdk8s.Chart, title: str,
                                                       forbidden: str) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI's title holds a character the entrypoint's `sed s~...~...~` mangles
    # THEN it fails naming title, the value and the characters
    with pytest.raises(ValueError, match=_invalid("title", title) + re.escape(f"it must not contain {forbidden}:")):
        RegistryUi(chart, "Ui", ingress=ingress, title=title)
    _assert_failed_cleanly(app, chart)


def test_fails_on_an_empty_title(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's title is empty
    # THEN it fails naming title and the value
    _fails(app, chart, "title", "", title="")


@pytest.mark.parametrize("limit", [0, -1, 100_001])
def test_fails_on_a_bad_catalog_elements_limit(app: cdk8s.App, chart: cdk8s.Chart, limit: object) -> None:
    # GIVEN a registry and its ingress
    # WHEN the catalog limit is not a whole number from 1 to 100000
    # THEN it fails naming catalog_elements_limit and the value
    _fails(app, chart, "catalog_elements_limit", limit, catalog_elements_limit=limit)


@pytest.mark.parametrize(("limit", "kind"), [(True, "bool"), (10.0, "float"), ("1000", "str")])
def test_fails_on_a_catalog_elements_limit_of_another_type(app: cdk8s.App, chart: cdk8s.Chart, limit: Any,
                                                           kind: str) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)
    # WHEN the catalog limit is not an int (a bool is not a count)
    # THEN it fails naming catalog_elements_limit, the value's type and the expected type, and leaves no trace
    with pytest.raises(TypeError, match=rf"^catalog_elements_limit: expected int, got {kind}"):
        RegistryUi(chart, "Ui", ingress=ingress, catalog_elements_limit=limit)
    _assert_failed_cleanly(app, chart)


def test_fails_on_delete_images_when_the_registry_refuses_deletes(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    # GIVEN a registry with the default delete_enabled=False, and its ingress
    # WHEN the UI offers deleting images
    # THEN it fails naming delete_images and the value, and says how to fix it
    _fails(app, chart, "delete_images", True, delete_images=True,
           rule=re.escape("the registry refuses deletes: create it with delete_enabled=True"))


@pytest.mark.parametrize("image", [
    pytest.param("Joxit/docker-registry-ui:2.6.0", id="upper-case"),
    pytest.param("joxit/docker-registry-ui 2.6.0", id="space"),
    pytest.param("", id="empty"),
    pytest.param(":2.6.0", id="no-repository"),
    pytest.param("-joxit/docker-registry-ui", id="leading-dash"),
    pytest.param("joxit/docker-registry-ui:2.6.0;rm", id="semicolon"),
])
def test_fails_on_a_bad_image(app: cdk8s.App, chart: cdk8s.Chart, image: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's image is not an image reference
    # THEN it fails naming image and the value
    _fails(app, chart, "image", image, image=image)


@pytest.mark.parametrize("name", [
    pytest.param("Registry-UI", id="upper-case"),
    pytest.param("1ui", id="leading-digit"),
    pytest.param("registry_ui", id="underscore"),
    pytest.param("registry.ui", id="dot"),
    pytest.param("registry-ui-", id="trailing-dash"),
    pytest.param("", id="empty"),
    # Too long for any limit.
    pytest.param("u" * 64, id="too-long"),
])
def test_fails_on_a_bad_name(app: cdk8s.App, chart: cdk8s.Chart, name: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's name is not a short DNS-1035 label
    # THEN it fails naming name and the value
    _fails(app, chart, "name", name, name=name)


def test_name_of_forty_characters_is_accepted(chart: cdk8s.Chart) -> None:
    # GIVEN a registry and its ingress
    ingress = _ingress(chart)

    # WHEN the UI's name has the maximum length
    RegistryUi(chart, "Ui", ingress=ingress, name="u" * 40)

    # THEN its longest derived name is still a valid object name
    assert ("Middleware", "u" * 40 + "-slash-redirect") in by_kind_and_name(cdk8s.Testing.synth(chart))


# --- bugs and missing validations (expected to fail until fixed) ---------------------------------------------------


def test_default_name_works_for_every_valid_registry_name(chart: cdk8s.Chart) -> None:
    # GIVEN a registry with a 40-character name, which Registry accepts, and its ingress
    ingress = _ingress(chart, registry_options={"name": "r" * 40})

    # WHEN the UI is added with its defaults
    RegistryUi(chart, "Ui", ingress=ingress)

    # THEN it builds, named after the registry
    assert ("Deployment", "r" * 40 + "-ui") in by_kind_and_name(cdk8s.Testing.synth(chart))


def test_fails_on_a_name_that_collides_with_the_registry(app: cdk8s.App, chart: cdk8s.Chart) -> None:
    # GIVEN a registry named 'registry' and its ingress
    # WHEN the UI is given the same name
    # THEN it fails naming name and the value
    _fails(app, chart, "name", "registry", name="registry")


@pytest.mark.parametrize("path_prefix", ["/v2", "/v", "/v2/ui"])
def test_fails_on_a_path_prefix_that_captures_the_registry_api(app: cdk8s.App, chart: cdk8s.Chart,
                                                               path_prefix: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's prefix would route /v2/... requests to the UI
    # THEN it fails naming path_prefix and the value
    _fails(app, chart, "path_prefix", path_prefix, path_prefix=path_prefix)


@pytest.mark.parametrize(("parameter", "value"), [
    ("path_prefix", "/ui\n"),
    ("name", "registry-ui\n"),
    ("image", DEFAULT_UI_IMAGE + "\n"),
])
def test_fails_on_a_trailing_newline(app: cdk8s.App, chart: cdk8s.Chart, parameter: str, value: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN a UI option ends with a newline (it would land in the route rule, the object names or the image)
    # THEN it fails naming the parameter and the value
    _fails(app, chart, parameter, value, **{parameter: value})


@pytest.mark.parametrize("image", ["joxit/docker-registry-ui:", "joxit//docker-registry-ui:2.6.0",
                                   "joxit/docker-registry-ui@"])
def test_fails_on_a_malformed_image_reference(app: cdk8s.App, chart: cdk8s.Chart, image: str) -> None:
    # GIVEN a registry and its ingress
    # WHEN the UI's image is shaped like a reference but is not one
    # THEN it fails naming image and the value
    _fails(app, chart, "image", image, image=image)

"""Two more real registry clients for the client matrix, in the style of _acme.py's VerifyingSkopeo / VerifyingPodman:
everything of theirs under a folder of their own, TLS verification always on against one CA file, the registry reached
by its real hostname on port 443 through the CONNECT proxy (HTTPS_PROXY; tests/traefik/_tunnel.py), failures raised
as HarnessError subclasses carrying the client's stderr.

- `Containerd`: Debian's containerd 1.6.20 daemon and its `ctr` client, the puller of k3s nodes (k3s writes containerd
  `hosts.toml` files from its registries.yaml).
- `Oras`: the PyPI `oras` package (oras-py 0.2.43), run in a subprocess of its own.

What was seen of them (distribution 2.8.2 with htpasswd auth, TLS for registry.example.com, through the proxy):

containerd / ctr 1.6.20
- In 1.6 the `ctr` process itself resolves, fetches and pushes (the daemon only stores content; the transfer service
  came with 1.7), so only ctr's environment matters: it honours HTTPS_PROXY (Go's http.ProxyFromEnvironment in
  remotes/docker/config.ConfigureHosts). The daemon here runs without any proxy variable. Without the proxy ctr
  fails with `lookup registry.example.com ... no such host`.
- Authentication: every request is first sent WITHOUT credentials; on a 401 with a `Basic` challenge ctr retries it
  with `Authorization: Basic`, and later requests of the same step carry it at once. Resolving (HEAD manifest) and
  fetching (GET manifest) are separate steps: each starts with an unauthenticated request again. `--user` applies
  to every host. Anonymous or wrong credentials: `... failed with status code [manifests v1]: 401 Unauthorized`
  (pull) or `unexpected status: 401 Unauthorized` (push).
- hosts.toml (`--hosts-dir DIR`, read from DIR/HOST/hosts.toml; a relative `ca` is relative to that folder):
  containerd 1.6.20 reads the file only if it has a `[host]` table: a file with just `server` and `ca` fails to
  parse ("invalid `host` tree", logged) and is then silently replaced by the Docker-style certs folder fallback, so
  the CA is not trusted. The `server` entry (or, without one, the registry's default endpoint) is always appended
  after the `[host."..."]` entries and tried last, with only the top-level `ca`: in k3s's shape (`server` without a
  CA, `[host."https://HOST"]` with `capabilities = ["pull", "resolve"]` and `ca`) a refused request falls through to
  that server entry and logs an x509 error there (the error reported is still the first one, e.g. the 401), and a push
  (which the [host] entry is not capable of) goes to the server entry and fails TLS verification. The file written
  by default here therefore has `ca` both at the top level and in its one `[host]` entry (which may also push): every
  request is verified against the CA, and a refused one is simply sent twice (once per entry). An empty `[host]`
  table with a top-level `server` and `ca` gives exactly one endpoint (also seen working).
- `--skip-verify`, `--plain-http` and `skip_verify` in a hosts.toml are refused by this harness.

oras-py 0.2.43 (depends on `jsonschema` and `requests` only)
- Trust: requests' REQUESTS_CA_BUNDLE, which REPLACES certifi's bundle, so the test CA is the only one trusted;
  oras passes `verify=True` explicitly and requests then takes the bundle from the environment. Proxy: requests'
  HTTPS_PROXY.
- Auth backends: its default (`token`) cannot answer a Basic challenge: it takes the Basic realm for a token server's
  URL and asks https://REALM/ for a token (here the proxy refuses the CONNECT to that name). The `basic` backend,
  used here, sends every request first WITHOUT credentials and repeats it with `Authorization: Basic` after
  any 401/403 (whatever the challenge says); it never reuses the credentials preemptively, so each request costs two.
- `login()` never contacts the registry: without the `docker` Python package (docker-py) it only writes the
  credentials into ~/.docker/config.json and answers {"Status": "Login Succeeded"}, whatever the password (with
  docker-py, by its code, it would ask a Docker daemon, which cannot run here, and fall back to the same). A wrong
  password only shows at the next push or pull (401).
- `creds=None` uses what `login()` stored (HOME is `workdir`). Explicit creds run with a HOME that has no
  ~/.docker/config.json, because oras lets stored credentials for the host override the ones given to it. Without
  any credentials the basic backend cannot even answer a 401 (AttributeError '_basic_auth').
- Its request retry (provider.do_request: up to 5 more attempts after an exception other than an SSL error,
  sleeping 2 + 3**n s before each: 3, 5, 11, 29, 83, over two minutes in all) is kept, but without the sleeps: the
  runner counts them instead (`retries`), so a failure fails in seconds. Seen: an anonymous pull (no credentials
  anywhere) makes 6 unauthenticated GETs, each answered 401, and fails with the AttributeError.
"""

from __future__ import annotations

import contextlib
import io
import json
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from e2e import _proc
from e2e.harness import Credentials, HarnessError, OciImage
from typing_extensions import Self

CONTAINERD = pathlib.Path("/usr/bin/containerd")
CTR = pathlib.Path("/usr/bin/ctr")
TOOLS = (str(CONTAINERD), str(CTR))

# Plugins that need more than a plain folder (kernel modules, btrfs/zfs filesystems, a devmapper pool, shims and
# cgroups to run tasks) or write outside the daemon's root and state (the `opt` plugin creates /opt/containerd), and
# the CRI plugin. What is left stores content, images, leases and native snapshots: all ctr images needs.
DISABLED_PLUGINS = (
    "io.containerd.grpc.v1.cri",
    "io.containerd.snapshotter.v1.aufs",
    "io.containerd.snapshotter.v1.btrfs",
    "io.containerd.snapshotter.v1.devmapper",
    "io.containerd.snapshotter.v1.zfs",
    "io.containerd.snapshotter.v1.overlayfs",
    "io.containerd.internal.v1.opt",
    "io.containerd.internal.v1.restart",
    "io.containerd.internal.v1.tracing",
    "io.containerd.tracing.processor.v1.otlp",
    "io.containerd.runtime.v1.linux",
    "io.containerd.runtime.v2.task",
    "io.containerd.monitor.v1.cgroups",
    "io.containerd.service.v1.tasks-service",
    "io.containerd.grpc.v1.tasks",
)
SNAPSHOTTER = "native"
_UNIX_PATH_MAX = 107  # sun_path is 108 bytes, NUL included
_REFUSED_CTR_FLAGS = ("--skip-verify", "-k", "--plain-http")


class ContainerdError(HarnessError):
    def __init__(self, args: Sequence[str], result: subprocess.CompletedProcess[str]) -> None:
        self.stderr = result.stderr
        self.stdout = result.stdout
        self.returncode = result.returncode
        super().__init__(f"ctr {' '.join(_redacted(args))} failed ({result.returncode}):\n{result.stderr[-3000:]}")


def _redacted(args: Sequence[str]) -> list[str]:
    shown, hide_next = [], False
    for arg in args:
        if hide_next:
            shown.append(arg.split(":", 1)[0] + ":***")
        elif arg.startswith("--user="):
            shown.append("--user=" + arg.split("=", 1)[1].split(":", 1)[0] + ":***")
        else:
            shown.append(arg)
        hide_next = arg in ("--user", "-u")
    return shown


@dataclass(frozen=True)
class DumpedExchange:
    """One request of `ctr --http-dump` output and the response logged after it."""

    request: str  # "HEAD /v2/app/manifests/v1"
    authorization: str | None  # the scheme of the Authorization header sent ("Basic"), None without one
    status: int | None  # None if no response followed
    challenge: str | None  # the response's Www-Authenticate header


_DUMP_LINE = re.compile(r'level=info(?: msg="(?P<msg>(?:[^"\\]|\\.)*)")?\s*$')
_REQUEST_LINE = re.compile(r"^(?P<method>[A-Z]+) (?P<path>\S+) HTTP/1\.1$")
_STATUS_LINE = re.compile(r"^HTTP/1\.1 (?P<status>\d{3})\b")


def dumped_exchanges(stderr: str) -> list[DumpedExchange]:
    """The requests in `ctr --http-dump` output, each with the response head logged after it.

    ctr logs every line of a head as a log line of its own (an empty one ends the head; bodies follow), so requests
    made concurrently (blob fetches and uploads) interleave: only the sequential start of a pull (resolving: the
    HEAD of the manifest, and its retry) is reliably paired."""
    exchanges: list[DumpedExchange] = []
    head: list[str] = []

    def finish() -> None:
        if not head:
            return
        if request := _REQUEST_LINE.match(head[0]):
            auth = _header(head, "authorization")
            exchanges.append(DumpedExchange(f"{request['method']} {request['path']}",
                                            auth.split(" ", 1)[0] if auth else None, None, None))
        elif (status := _STATUS_LINE.match(head[0])) and exchanges and exchanges[-1].status is None:
            last = exchanges[-1]
            exchanges[-1] = DumpedExchange(last.request, last.authorization, int(status["status"]),
                                           _header(head, "www-authenticate"))
        head.clear()

    for line in stderr.splitlines():
        match = _DUMP_LINE.search(line)
        if match is None:
            continue
        message = match.group("msg")
        if message is None:  # the empty line that ends a head
            finish()
            continue
        with contextlib.suppress(ValueError):
            message = json.loads(f'"{message}"')  # logrus quotes like Go; JSON reads the common escapes
        if _REQUEST_LINE.match(message) or _STATUS_LINE.match(message):
            finish()
            head.append(message)
        elif head:
            head.append(message)
    finish()
    return exchanges


def _header(head: Sequence[str], name: str) -> str | None:
    for line in head[1:]:
        key, _, value = line.partition(":")
        if key.strip().lower() == name:
            return value.strip()
    return None


def default_hosts_toml(host: str, ca_file: str) -> str:
    """The hosts.toml written for `host` unless a test writes its own: one `[host]` entry that may pull, resolve
    and push, and the top-level `ca` for the `server` entry containerd always tries after it (module docstring)."""
    return (f"server = {json.dumps('https://' + host)}\n"
            f"ca = {json.dumps(ca_file)}\n\n"
            f"[host.{json.dumps('https://' + host)}]\n"
            f'  capabilities = ["pull", "resolve", "push"]\n'
            f"  ca = {json.dumps(ca_file)}\n")


def _toml_string(value: str | pathlib.Path) -> str:
    return json.dumps(str(value))  # a JSON string is a TOML basic string for the characters used here


class Containerd:
    """containerd 1.6 as a daemon with its config (version 2), root, state and sockets of its own, and `ctr` against
    it, pulling and pushing through the CONNECT proxy with TLS always verified against `ca_file`.

    root, config, log and the hosts folder live under `workdir`; state and sockets in a short folder under /tmp
    (a unix socket path must stay under 108 bytes), which `stop()` removes. Images are unpacked into the `native`
    snapshotter (plain copies, no mounts). Use as a context manager or call start() / stop().
    """

    def __init__(self, workdir: pathlib.Path, *, ca_file: pathlib.Path, proxy_url: str,
                 timeout: float = 120.0) -> None:
        self.workdir = workdir
        self.ca_file = ca_file
        self.proxy_url = proxy_url
        self.timeout = timeout
        for folder in ("root", "home", "tmp", "hosts"):
            (workdir / folder).mkdir(parents=True, exist_ok=True)
        self.hosts_dir = workdir / "hosts"
        self.config_path = workdir / "config.toml"
        self.log_path = workdir / "containerd.log"
        self._short_dir: pathlib.Path | None = None
        self._server: _proc.LoggedProcess | None = None
        self.last_stderr = ""  # of the last ctr command (with dump=True: its HTTP dump)
        base = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(workdir / "home"), "TMPDIR": str(workdir / "tmp")}
        self.daemon_env = dict(base)  # no proxy: in 1.6 the daemon never talks to a registry
        self.env = {**base, "HTTPS_PROXY": proxy_url, "NO_PROXY": ""}

    @property
    def address(self) -> pathlib.Path:
        if self._short_dir is None:
            raise HarnessError("containerd is not running")
        return self._short_dir / "containerd.sock"

    def start(self, *, timeout: float = 30.0) -> Self:
        if self._server is not None:
            raise HarnessError("containerd is already running")
        self._short_dir = pathlib.Path(tempfile.mkdtemp(prefix="ctrd-", dir="/tmp"))
        try:
            if len(str(self.address)) > _UNIX_PATH_MAX:
                raise HarnessError(f"socket path too long for a unix socket: {self.address}")
            self.config_path.write_text(
                "version = 2\n"
                f"root = {_toml_string(self.workdir / 'root')}\n"
                f"state = {_toml_string(self._short_dir / 'state')}\n"
                f"disabled_plugins = [{', '.join(_toml_string(p) for p in DISABLED_PLUGINS)}]\n\n"
                f"[grpc]\n  address = {_toml_string(self.address)}\n\n"
                f"[ttrpc]\n  address = {_toml_string(self._short_dir / 'ttrpc.sock')}\n\n"
                '[debug]\n  level = "info"\n\n'
                '[metrics]\n  address = ""\n')
            self._server = _proc.LoggedProcess([str(CONTAINERD), "--config", str(self.config_path)],
                                               env=self.daemon_env, cwd=self.workdir, log_path=self.log_path)
        except BaseException:
            self.stop()
            raise
        _proc.wait_ready("containerd's socket", self._socket_answers, timeout=timeout, alive=self._dead,
                         stop=self.stop)
        return self

    def stop(self) -> None:
        """SIGTERM the daemon (it exits at once with nothing running), then remove the short state folder."""
        try:
            if self._server is not None:
                self._server.stop(grace=10)
        finally:
            self._server = None
            if self._short_dir is not None:
                shutil.rmtree(self._short_dir, ignore_errors=True)
                self._short_dir = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *_: object) -> None:
        self.stop()

    def _dead(self) -> str | None:
        if self._server is not None and self._server.has_exited():
            return f"containerd exited; log:\n{self.log_path.read_text(errors='replace')[-3000:]}"
        return None

    def _socket_answers(self) -> bool | None:
        if self._short_dir is None or not self.address.exists():
            return None
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(1)
            sock.connect(str(self.address))
        return True

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    # -- ctr ----------------------------------------------------------------------------------------------------------

    def run(self, *args: str, record: bool = True) -> subprocess.CompletedProcess[str]:
        """`ctr --address SOCK ARGS` in the client's environment (HTTPS_PROXY); raises ContainerdError on failure.
        Its stderr is kept in `last_stderr` (unless `record` is off: the harness's own look-ups)."""
        if any(arg in _REFUSED_CTR_FLAGS or arg.startswith(("--skip-verify=", "--plain-http=")) for arg in args):
            raise HarnessError(f"Containerd never turns TLS verification off: {_redacted(args)}")
        argv = [str(CTR), "--address", str(self.address), *args]
        result = subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=self.timeout,
                                stdin=subprocess.DEVNULL, check=False, cwd=self.workdir)
        if record:
            self.last_stderr = result.stderr
        if result.returncode != 0:
            raise ContainerdError(args, result)
        return result

    def write_hosts_toml(self, host: str, text: str | None = None) -> pathlib.Path:
        """HOSTS_DIR/HOST/hosts.toml with `text` (default: default_hosts_toml), next to a copy of the CA as ca.pem
        (a relative `ca` in the file is read from that folder). `skip_verify` is refused."""
        if text is not None and re.search(r"^\s*skip_verify\s*=", text, re.MULTILINE):
            raise HarnessError("Containerd never turns TLS verification off: skip_verify in hosts.toml")
        folder = self.hosts_dir / host
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(self.ca_file, folder / "ca.pem")
        path = folder / "hosts.toml"
        path.write_text(default_hosts_toml(host, "ca.pem") if text is None else text)
        return path

    def _remote(self, ref: str, creds: Credentials | None, dump: bool) -> list[str]:
        host = ref.split("/", 1)[0]
        if not (self.hosts_dir / host / "hosts.toml").exists():
            self.write_hosts_toml(host)
        flags = [f"--hosts-dir={self.hosts_dir}"]
        if creds is not None:
            flags.append(f"--user={creds[0]}:{creds[1]}")
        if dump:
            flags.append("--http-dump")  # every request and response head (and small bodies) on stderr
        return flags

    def pull(self, ref: str, *, creds: Credentials | None = None, all_platforms: bool = False,
             dump: bool = False) -> str:
        """`ctr images pull` (unpacked into the native snapshotter); returns the image's target digest (what the
        tag points to: a manifest, or an index). `dump`: log the HTTP exchanges into `last_stderr` (parse them with
        `dumped_exchanges`)."""
        platforms = ["--all-platforms"] if all_platforms else []
        self.run("images", "pull", f"--snapshotter={SNAPSHOTTER}", *platforms, *self._remote(ref, creds, dump), ref)
        return self.digest(ref)

    def push(self, ref: str, *, creds: Credentials | None, local: str | None = None, dump: bool = False) -> str:
        """`ctr images push REF [LOCAL]` of an image in the store (imported, pulled or tagged); returns the pushed
        target digest. Every blob the image refers to must be in the store (pull with all_platforms for an index)."""
        source = [local] if local is not None else []
        self.run("images", "push", *self._remote(ref, creds, dump), ref, *source)
        return self.digest(local or ref)

    def import_oci(self, source: pathlib.Path | OciImage, ref: str, *, tag: str | None = None) -> str:
        """Import an image of an OCI layout (a folder such as write_oci_image writes, or a tar of one) under `ref`;
        returns its target digest. `ctr images import` takes a tar and names images from their index.json
        annotations: a tar is written with index.json holding only the chosen entry (the one tagged `tag`, or the
        only one), named `ref` through `io.containerd.image.name`. Every platform's content is imported."""
        layout = source.path if isinstance(source, OciImage) else source
        if isinstance(source, OciImage):
            tag = tag or source.tag
        archive = self.workdir / "tmp" / "import.tar"
        index, members = _layout_members(layout)
        entries = [entry for entry in index.get("manifests", [])
                   if tag is None or entry.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag]
        if len(entries) != 1:
            raise HarnessError(f"{layout}: expected one index entry{f' tagged {tag!r}' if tag else ''}, "
                               f"found {len(entries)}")
        entry = dict(entries[0])
        entry["annotations"] = {**entry.get("annotations", {}), "io.containerd.image.name": ref}
        new_index = json.dumps({**index, "manifests": [entry]}).encode()
        with tarfile.open(archive, "w") as tar:
            for info, data in members:
                tar.addfile(info, io.BytesIO(data) if data is not None else None)
            info = tarfile.TarInfo("index.json")
            info.size, info.mode = len(new_index), 0o644
            tar.addfile(info, io.BytesIO(new_index))
        try:
            self.run("images", "import", "--all-platforms", f"--snapshotter={SNAPSHOTTER}", str(archive))
        finally:
            archive.unlink(missing_ok=True)
        return self.digest(ref)

    def tag(self, source: str, target: str) -> None:
        self.run("images", "tag", "--force", source, target)

    def remove(self, ref: str) -> None:
        """`ctr images rm REF` (which itself only warns about an image it does not have: refused here)."""
        if ref not in self.images():
            raise HarnessError(f"containerd has no image {ref}")
        self.run("images", "rm", "--sync", ref)

    def images(self) -> dict[str, str]:
        """Every image in the store: name -> target digest (`ctr images ls`: REF TYPE DIGEST SIZE ...)."""
        lines = self.run("images", "ls", record=False).stdout.splitlines()
        images = {}
        for line in lines[1:]:
            fields = line.split()
            if len(fields) >= 3:
                images[fields[0]] = fields[2]
        return images

    def digest(self, ref: str) -> str:
        images = self.images()
        if ref not in images:
            raise HarnessError(f"containerd has no image {ref} (has {sorted(images)})")
        return images[ref]


_Member = tuple[tarfile.TarInfo, bytes | None]  # None: a folder


def _layout_members(source: pathlib.Path) -> tuple[dict[str, Any], list[_Member]]:
    """(index.json, every other member as (TarInfo, bytes)) of an OCI layout folder or tar."""
    members: list[_Member] = []
    index: dict[str, Any] | None = None
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            name = path.relative_to(source).as_posix()
            if name == "index.json":
                index = json.loads(path.read_text())
                continue
            info = tarfile.TarInfo(name)
            if path.is_dir():
                info.type, info.mode = tarfile.DIRTYPE, 0o755
                members.append((info, None))
            else:
                data = path.read_bytes()
                info.size, info.mode = len(data), 0o644
                members.append((info, data))
    else:
        with tarfile.open(source) as tar:
            for info in tar.getmembers():
                name = info.name.removeprefix("./")
                if name in ("", "."):
                    continue
                file = tar.extractfile(info) if info.isfile() else None
                content = file.read() if file is not None else None
                if name == "index.json" and content is not None:
                    index = json.loads(content)
                    continue
                copy = tarfile.TarInfo(name)
                copy.type, copy.mode, copy.size = info.type, info.mode, len(content) if content is not None else 0
                members.append((copy, content))
    if index is None:
        raise HarnessError(f"{source} is not an OCI layout (no index.json)")
    return index, members


# ---------------------------------------------------------------------------------------------------------------------
# oras

class OrasError(HarnessError):
    def __init__(self, operation: str, result: subprocess.CompletedProcess[str], outcome: Mapping[str, Any]) -> None:
        self.stderr = result.stderr
        self.returncode = result.returncode
        self.error = str(outcome.get("error", ""))  # the exception oras raised, "Type: message"
        self.trace: list[dict[str, Any]] = list(outcome.get("trace", []))
        self.retries = int(outcome.get("retries", 0))
        statuses = [exchange["status"] for exchange in self.trace if exchange.get("status") is not None]
        self.status: int | None = statuses[-1] if statuses else None  # of the last HTTP response
        super().__init__(f"oras {operation} failed (last HTTP status {self.status}, {self.retries} retries): "
                         f"{self.error}\n{result.stderr[-3000:]}")


# Runs in the subprocess: a request as JSON on stdin, the outcome as JSON into the file it names (oras logs to the
# standard streams). Every HTTP exchange of oras's session is traced (method, URL, the Authorization scheme actually
# sent, status, challenge); oras's retry sleeps are skipped and counted.
_ORAS_RUNNER = r"""
import json, sys
request = json.load(sys.stdin)
outcome = {"trace": [], "retries": 0}

class _Time:
    @staticmethod
    def sleep(seconds):
        outcome["retries"] += 1

try:
    import oras.client
    import oras.decorator
    oras.decorator.time = _Time
    client = oras.client.OrasClient(auth_backend="basic")
    send = client.session.request

    def traced(method, url, *args, **kwargs):
        response = send(method, url, *args, **kwargs)
        sent = response.request.headers.get("Authorization")
        outcome["trace"].append({"method": method, "url": url, "authorization": sent.split(" ", 1)[0] if sent else None,
                                 "status": response.status_code,
                                 "challenge": response.headers.get("Www-Authenticate")})
        return response

    client.session.request = traced
    if request.get("creds"):
        client.auth.set_basic_auth(*request["creds"])
    operation = request["operation"]
    if operation == "login":
        outcome["result"] = client.login(username=request["creds"][0], password=request["creds"][1],
                                         hostname=request["host"])
    elif operation == "push":
        response = client.push(target=request["ref"], files=request["files"], disable_path_validation=True)
        outcome["result"] = {"status": response.status_code, "digest": response.headers.get("Docker-Content-Digest")}
    elif operation == "pull":
        outcome["result"] = {"files": client.pull(target=request["ref"], outdir=request["outdir"])}
    else:
        raise ValueError(f"unknown operation {operation!r}")
except Exception as error:
    outcome["error"] = f"{type(error).__name__}: {error}"
with open(request["outcome"], "w") as file:
    json.dump(outcome, file)
"""


class Oras:
    """oras-py (the PyPI `oras` package) in a subprocess, with HOME = `workdir` (login writes ~/.docker/config.json
    there), requests reaching registries through the CONNECT proxy (HTTPS_PROXY) and trusting only `ca_file`
    (REQUESTS_CA_BUNDLE). Its `basic` auth backend is used (see the module docstring for what oras does). `last_trace`
    holds the HTTP exchanges of the last command."""

    def __init__(self, workdir: pathlib.Path, *, ca_file: pathlib.Path, proxy_url: str, timeout: float = 60.0,
                 python: str = sys.executable) -> None:
        self.workdir = workdir
        self.ca_file = ca_file
        self.timeout = timeout
        self.python = python
        self.explicit_home = workdir / "explicit-creds-home"  # never logged into: no stored credentials
        for folder in (workdir, self.explicit_home, workdir / "tmp"):
            folder.mkdir(parents=True, exist_ok=True)
        self.config_path = workdir / ".docker" / "config.json"
        self.env = {"PATH": "/usr/bin:/bin", "HOME": str(workdir), "TMPDIR": str(workdir / "tmp"),
                    "HTTPS_PROXY": proxy_url, "NO_PROXY": "", "REQUESTS_CA_BUNDLE": str(ca_file),
                    "PYTHONNOUSERSITE": "1"}
        self.last_trace: list[dict[str, Any]] = []
        self.last_retries = 0

    def _run(self, operation: str, request: Mapping[str, Any], *, home: pathlib.Path) -> Any:
        outcome_path = self.workdir / "tmp" / "outcome.json"
        outcome_path.unlink(missing_ok=True)
        stdin = json.dumps({**request, "operation": operation, "outcome": str(outcome_path)})
        result = subprocess.run([self.python, "-c", _ORAS_RUNNER], input=stdin, env={**self.env, "HOME": str(home)},
                                cwd=self.workdir, capture_output=True, text=True, timeout=self.timeout, check=False)
        if not outcome_path.exists():
            raise OrasError(operation, result, {"error": "the oras runner wrote no outcome"})
        outcome = json.loads(outcome_path.read_text())
        outcome_path.unlink()
        self.last_trace = list(outcome["trace"])
        self.last_retries = int(outcome["retries"])
        if result.returncode != 0 or "error" in outcome:
            raise OrasError(operation, result, outcome)
        return outcome["result"]

    def _home(self, creds: Credentials | None) -> pathlib.Path:
        return self.workdir if creds is None else self.explicit_home

    def login(self, host: str, creds: Credentials) -> dict[str, Any]:
        """oras's login(): stores the credentials for `host` in ~/.docker/config.json WITHOUT checking them (it
        never contacts the registry); returns what oras answers ({"Status": "Login Succeeded"})."""
        return dict(self._run("login", {"host": host, "creds": list(creds)}, home=self.workdir))

    def stored_auths(self) -> dict[str, Any]:
        """The `auths` of ~/.docker/config.json (what login() stored)."""
        if not self.config_path.exists():
            return {}
        return dict(json.loads(self.config_path.read_text()).get("auths", {}))

    def push(self, ref: str, files: Sequence[pathlib.Path], *, creds: Credentials | None = None) -> str | None:
        """Push `files` as one artifact's layers (each titled with its file name) to `ref` (HOST/repo:tag); returns
        the manifest digest the registry answered (Docker-Content-Digest), None without one. creds=None: what
        login() stored."""
        result = self._run("push", {"ref": ref, "files": [str(f) for f in files],
                                    "creds": list(creds) if creds else None}, home=self._home(creds))
        digest = result.get("digest")
        return str(digest) if digest else None

    def pull(self, ref: str, outdir: pathlib.Path, *, creds: Credentials | None = None) -> list[pathlib.Path]:
        """Pull the artifact at `ref` into `outdir` (each layer under its title); returns the files written."""
        outdir.mkdir(parents=True, exist_ok=True)
        result = self._run("pull", {"ref": ref, "outdir": str(outdir), "creds": list(creds) if creds else None},
                           home=self._home(creds))
        return [pathlib.Path(path) for path in result["files"]]


def installed_oras_version(python: str = sys.executable) -> str:
    """The oras-py version the given interpreter imports (importlib.metadata, no network)."""
    result = subprocess.run([python, "-c", "import importlib.metadata as m; print(m.version('oras'))"],
                            capture_output=True, text=True, timeout=30, check=False,
                            env={"PATH": "/usr/bin:/bin", "PYTHONNOUSERSITE": "1"})
    if result.returncode != 0:
        raise HarnessError(f"oras is not installed for {python}: {result.stderr[-500:]}")
    return result.stdout.strip()

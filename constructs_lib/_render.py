"""The registry's secrets as files, never as environment variables.

An init container (the registry image's own busybox sh) reads the Secrets, mounted read-only, and writes into an
in-memory emptyDir: a config file with the secret settings (``http.secret``, ``proxy.username``/``password``,
``redis.password``: distribution reads them from the config or the environment only) and an AWS shared-credentials
file for the S3 keys (the S3 driver reads it when no keys are configured). REGISTRY_* variables still configure
everything else on top of that file.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

__all__ = ["CONFIG_PATH", "CREDENTIALS_PATH", "RENDERED_MOUNT", "SECRETS_MOUNT", "ConfigSecret", "SecretFile",
           "render_script"]

RENDERED_MOUNT = "/run/registry"
CONFIG_PATH = f"{RENDERED_MOUNT}/config.yml"
CREDENTIALS_PATH = f"{RENDERED_MOUNT}/aws-credentials"
SECRETS_MOUNT = "/run/secrets"

# The image's own defaults that the rendered file replaces; storage, health and addresses come from REGISTRY_* vars.
_BASE_CONFIG = {
    "version": "0.1",
    "log": ["  fields:", "    service: registry"],
    "http": ["  headers:", "    X-Content-Type-Options: [nosniff]"],
}

_READ_SECRET = r"""read_secret() {
  value=$(cat "$1")
  case "$value" in
    *'
'*) echo "$1: the secret must be a single line" >&2; exit 1 ;;
    '') echo "$1: the secret is empty" >&2; exit 1 ;;
  esac
  printf '%s' "$value"
}"""


@dataclasses.dataclass(frozen=True)
class SecretFile:
    """Where the init container finds one secret value."""

    folder: str  # a volume mounted at SECRETS_MOUNT/<folder>
    file: str

    @property
    def path(self) -> str:
        return f"{SECRETS_MOUNT}/{self.folder}/{self.file}"


@dataclasses.dataclass(frozen=True)
class ConfigSecret:
    """A secret setting of the config file, e.g. section "http", key "secret"."""

    section: str
    key: str
    source: SecretFile

    @property
    def variable(self) -> str:
        return f"{self.section}_{self.key}"


def render_script(*, config: Sequence[ConfigSecret], s3_access_key: SecretFile | None,
                  s3_secret_key: SecretFile | None, always_write_config: bool = False) -> str:
    """The POSIX sh script that writes the files (umask 077: only the registry's own user reads them). The config
    file is written when there are secret settings, or always with `always_write_config` (a command that needs a
    config path whatever the image version)."""
    lines = ["set -eu", "umask 077", _READ_SECRET]
    if config or always_write_config:
        for setting in config:
            lines += [
                f"{setting.variable}=$(read_secret {setting.source.path})",
                # A YAML single-quoted scalar: only ' needs escaping, as ''. (No pipe above: set -e must see it fail.)
                f"""{setting.variable}=$(printf '%s' "${setting.variable}" | sed "s/'/''/g")""",
            ]
        yaml = [f"version: {_BASE_CONFIG['version']}", "log:", *_BASE_CONFIG["log"]]
        sections = {"http": list(_BASE_CONFIG["http"])}
        for setting in config:
            sections.setdefault(setting.section, []).append(f"  {setting.key}: '${setting.variable}'")
        for section, body in sections.items():
            yaml += [f"{section}:", *body]
        lines.append(f"cat > {CONFIG_PATH} <<EOF\n" + "\n".join(yaml) + "\nEOF")
    if s3_access_key is not None and s3_secret_key is not None:
        lines += [
            f"access_key=$(read_secret {s3_access_key.path})",
            f"secret_key=$(read_secret {s3_secret_key.path})",
            ("printf '[default]\\naws_access_key_id = %s\\naws_secret_access_key = %s\\n' "
             f'"$access_key" "$secret_key" > {CREDENTIALS_PATH}'),
        ]
    return "\n".join(lines) + "\n"

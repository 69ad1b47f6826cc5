"""Input checks shared by the constructs. Each raises ValueError naming the parameter, the value and the rule."""

from __future__ import annotations

import ipaddress
import re
import urllib.parse
from collections.abc import Iterable

__all__ = [
    "check_bucket_name",
    "check_dns1035_label",
    "check_dns1123_label",
    "check_dns1123_subdomain",
    "check_hostname",
    "check_image",
    "check_int_range",
    "check_no_forbidden_chars",
    "check_non_empty",
    "check_origin",
    "check_path_prefix",
    "check_port",
    "fail",
    "without_credentials",
]

_DNS1123_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
_DNS1035_LABEL = re.compile(r"^[a-z]([-a-z0-9]*[a-z0-9])?$")
_HOST_LABEL = re.compile(r"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")
_BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
# The image reference grammar of the distribution project: [domain[:port]/]path[:tag][@digest].
_LABEL = r"(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])"
# A first component is a registry host only with a dot, a port, or as localhost (else it is part of the path).
_DOMAIN = rf"(?:localhost(?::[0-9]+)?|{_LABEL}(?:\.{_LABEL})+(?::[0-9]+)?|{_LABEL}:[0-9]+)"
_PATH_COMPONENT = r"[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*"
_IMAGE = re.compile(
    rf"(?:{_DOMAIN}/)?{_PATH_COMPONENT}(?:/{_PATH_COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{{0,127}})?"
    r"(?:@sha256:[0-9a-f]{64})?"
)
_PATH_PREFIX = re.compile(r"^(/[A-Za-z0-9._~-]+)+$")


def fail(parameter: str, value: object, rule: str) -> ValueError:
    """The error every check raises: `parameter=value is invalid: rule`."""
    return ValueError(f"{parameter}={value!r} is invalid: {rule}")


def check_non_empty(parameter: str, value: str) -> str:
    if not value:
        raise fail(parameter, value, "it must not be empty")
    return value


def check_dns1123_label(parameter: str, value: str) -> str:
    if len(value) > 63 or not _DNS1123_LABEL.fullmatch(value):
        raise fail(
            parameter, value,
            "a Kubernetes name (DNS-1123 label) has 1 to 63 lower-case letters, digits or '-', "
            "and starts and ends with a letter or digit",
        )
    return value


def check_dns1035_label(parameter: str, value: str, *, max_length: int = 63) -> str:
    if len(value) > max_length or not _DNS1035_LABEL.fullmatch(value):
        raise fail(
            parameter, value,
            f"a Kubernetes Service name (DNS-1035 label) has 1 to {max_length} lower-case letters, digits or '-', "
            "starts with a letter and ends with a letter or digit",
        )
    return value


def check_dns1123_subdomain(parameter: str, value: str) -> str:
    if len(value) > 253 or not all(_DNS1123_LABEL.fullmatch(label) for label in value.split(".")):
        raise fail(
            parameter, value,
            "a Kubernetes object name (DNS-1123 subdomain) has at most 253 characters: lower-case letters, digits, "
            "'-' and '.', each dot-separated part starting and ending with a letter or digit",
        )
    return value


def check_hostname(parameter: str, value: str) -> str:
    if any(marker in value for marker in ("://", "/", ":", "`", " ")):
        raise fail(
            parameter, value,
            "give a bare hostname such as 'registry.example.com': no scheme, port, path, spaces or backticks",
        )
    labels = value.split(".")
    if len(value) > 253 or not all(len(label) <= 63 and _HOST_LABEL.fullmatch(label) for label in labels):
        raise fail(
            parameter, value,
            "a hostname has at most 253 characters in dot-separated labels of 1 to 63 lower-case letters, digits "
            "or '-', each starting and ending with a letter or digit",
        )
    return value


def check_port(parameter: str, value: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 65535:
        raise fail(parameter, value, "a port is a whole number from 1 to 65535")
    return value


def check_int_range(parameter: str, value: int, low: int, high: int, why: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise fail(parameter, value, f"it must be a whole number from {low} to {high}{why}")
    return value


def check_image(parameter: str, value: str) -> str:
    if not _IMAGE.fullmatch(value):
        raise fail(parameter, value, "an image reference is [registry[:port]/]name[:tag][@sha256:<64 hex digits>], "
                                     "like 'registry:2.8.3' or 'mirror.example.com:5000/library/registry:2.8.3'")
    return value


def check_path_prefix(parameter: str, value: str) -> str:
    if not _PATH_PREFIX.fullmatch(value):
        raise fail(
            parameter, value,
            "a path prefix starts with '/', has no trailing '/', no empty segments, and only letters, digits and "
            "'.', '_', '~', '-' (like '/ui')",
        )
    return value


def check_bucket_name(parameter: str, value: str) -> str:
    is_ip = False
    try:
        ipaddress.IPv4Address(value)
        is_ip = True
    except ValueError:
        pass
    if not _BUCKET.fullmatch(value) or ".." in value or ".-" in value or "-." in value or is_ip:
        raise fail(
            parameter, value,
            "an S3 bucket name has 3 to 63 lower-case letters, digits, '.' or '-', starts and ends with a letter "
            "or digit, has no '..' and is not an IP address",
        )
    return value


def check_no_forbidden_chars(parameter: str, value: str, forbidden: Iterable[str], why: str) -> str:
    """Free text that ends up somewhere a few characters break (a header, a sed expression)."""
    bad = sorted({char for char in value if char in set(forbidden) or (ord(char) < 32 or ord(char) == 127)})
    if bad:
        raise fail(parameter, value, f"it must not contain {', '.join(repr(c) for c in bad)}: {why}")
    return value


_USERINFO = re.compile(r"^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?[^/?#@]*@")


def without_credentials(value: str) -> str:
    """A URL or address as an error may show it: any ``user:password@`` part as ``<credentials>@``."""
    return _USERINFO.sub(lambda match: f"{match.group(1) or ''}<credentials>@", value, count=1)


def check_origin(parameter: str, origin: str) -> str:
    """One browser origin, exactly scheme://host[:port]; ``*`` refused (requests carry credentials)."""
    parts = urllib.parse.urlsplit(origin)
    try:
        parts.port  # noqa: B018 - raises on a bad port
        valid_port = True
    except ValueError:
        valid_port = False
    if (origin == "*" or parts.scheme not in ("http", "https") or not parts.hostname or not valid_port
            or parts.path or parts.query or parts.fragment or parts.username or origin.endswith("/")):
        raise fail(parameter, without_credentials(origin), "an origin is exactly scheme://host[:port], like "
                                                           "'https://ui.example.com'; '*' is refused because the "
                                                           "registry's requests carry credentials")
    return origin

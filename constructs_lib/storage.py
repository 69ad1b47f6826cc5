"""Where the registry keeps its blobs: an S3 bucket (AWS, MinIO, any S3-compatible server) or a volume."""

from __future__ import annotations

import dataclasses
import enum
import re
import urllib.parse

from . import _typecheck, _validation
from ._secrets import SecretKeyRef, SecretSource

__all__ = ["FilesystemStorage", "S3Credentials", "S3Storage", "Storage", "VolumeAccessMode"]

_REGION = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
_MIN_CHUNK_MIB = 5  # the S3 multipart minimum part size
_MAX_CHUNK_MIB = 32


class VolumeAccessMode(enum.Enum):
    """Access mode of the filesystem storage's PersistentVolumeClaim."""

    #: One node mounts the volume (k3s local-path, most block storage). Forces one replica.
    READ_WRITE_ONCE = "ReadWriteOnce"
    #: One pod mounts the volume.
    READ_WRITE_ONCE_POD = "ReadWriteOncePod"
    #: Many nodes mount the volume (NFS, CephFS): several replicas can share it.
    READ_WRITE_MANY = "ReadWriteMany"


@dataclasses.dataclass(frozen=True)
class S3Credentials:
    """The S3 access key pair. Create it with :meth:`from_secret` (recommended: no secret in the YAML) or
    :meth:`from_values` (a new Secret holds them)."""

    #: The access key id: an existing Secret's key, or a value for a new Secret.
    access_key: SecretSource
    #: The secret access key: an existing Secret's key, or a value for a new Secret.
    secret_key: SecretSource

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        if (self.access_key.value is None) != (self.secret_key.value is None):
            raise _validation.fail("secret_key", self.secret_key, "both keys are values, or both in Secrets")

    @property
    def access_key_ref(self) -> SecretKeyRef | None:
        """The existing Secret's key of the access key id; None for a value."""
        return self.access_key.ref

    @property
    def secret_key_ref(self) -> SecretKeyRef | None:
        """The existing Secret's key of the secret access key; None for a value."""
        return self.secret_key.ref

    @property
    def values(self) -> tuple[str, str] | None:
        """The two values for a new Secret; None when an existing Secret is used."""
        if self.access_key.value is None or self.secret_key.value is None:
            return None
        return self.access_key.value, self.secret_key.value

    @classmethod
    @_typecheck.typechecked
    def from_secret(
        cls, name: str, *, access_key_key: str = "accesskey", secret_key_key: str = "secretkey"
    ) -> S3Credentials:
        """An existing Secret in the registry's namespace, e.g. made with
        ``kubectl create secret generic NAME --from-literal=accesskey=... --from-literal=secretkey=...``.

        :param name: the Secret's name.
        :param access_key_key: the key that holds the access key id. Default: ``"accesskey"``.
        :param secret_key_key: the key that holds the secret access key. Default: ``"secretkey"``.
        """
        access = SecretKeyRef.checked(name=name, key=access_key_key, name_parameter="name",
                                      key_parameter="access_key_key")
        secret = SecretKeyRef.checked(name=name, key=secret_key_key, name_parameter="name",
                                      key_parameter="secret_key_key")
        if access_key_key == secret_key_key:
            raise _validation.fail("secret_key_key", secret_key_key, "it must differ from access_key_key")
        return cls(access_key=SecretSource.existing(access), secret_key=SecretSource.existing(secret))

    @classmethod
    @_typecheck.typechecked
    def from_values(cls, *, access_key_id: str, secret_access_key: str) -> S3Credentials:
        """Keys given as values; the registry construct puts them in a new Secret (never in a plain env value).
        Read them from the environment or a vault, never from source code.

        :param access_key_id: the access key id.
        :param secret_access_key: the secret access key.
        """
        for parameter, value in (("access_key_id", access_key_id), ("secret_access_key", secret_access_key)):
            if not isinstance(value, str):
                raise TypeError(f"{parameter}: expected str, got {type(value).__name__}")
            if not value or any(c.isspace() for c in value):
                raise _validation.fail(parameter, "<hidden>" if parameter.startswith("secret") else value,
                                       "it must be non-empty with no whitespace")
        return cls(access_key=SecretSource.of_value(access_key_id), secret_key=SecretSource.of_value(secret_access_key))

    def __repr__(self) -> str:  # never print the secret key
        if self.values:
            return f"S3Credentials(access_key_id={self.values[0]!r}, secret_access_key=<hidden>)"
        assert self.access_key_ref is not None
        return f"S3Credentials.from_secret({self.access_key_ref.name!r})"


class Storage:
    """The registry's storage backend. Use a factory: :meth:`s3` or :meth:`filesystem`."""

    # What each kind tells the registry construct; the factories below return the kinds.
    @property
    def shared(self) -> bool:
        """True when several replicas can share this storage."""
        raise NotImplementedError

    def _secret_data(self) -> dict[str, str] | None:
        raise NotImplementedError

    def _credential_refs(self, created_secret_name: str) -> tuple[SecretKeyRef, SecretKeyRef] | None:
        raise NotImplementedError

    def _registry_env(self) -> list[tuple[str, str]]:
        raise NotImplementedError

    def _egress_ports(self) -> tuple[int, ...]:
        raise NotImplementedError

    @staticmethod
    @_typecheck.typechecked
    def s3(
        *,
        bucket: str,
        credentials: S3Credentials | None,
        region: str = "us-east-1",
        endpoint: str | None = None,
        secure: bool | None = None,
        skip_verify: bool = False,
        force_path_style: bool | None = None,
        root_directory: str | None = None,
        chunk_size_mib: int | None = None,
        redirect_disabled: bool | None = None,
    ) -> S3Storage:
        """Blobs in an S3 bucket. Several replicas can share it.

        :param bucket: the bucket, which must exist.
        :param credentials: the access keys (:class:`S3Credentials`); pass ``None`` explicitly to use the node's or
            pod's own identity (an IAM role on AWS).
        :param region: the region. Default: ``"us-east-1"`` (what MinIO and most S3-compatible servers expect).
        :param endpoint: the S3 endpoint URL for MinIO and other S3-compatible servers, e.g.
            ``"http://minio.minio.svc:9000"``. Default: AWS S3 for the region.
        :param secure: use HTTPS. Default: ``True`` without an endpoint, else what the endpoint's scheme says (a
            contradicting value is refused).
        :param skip_verify: skip TLS certificate verification of the endpoint. Default: ``False``.
        :param force_path_style: path-style bucket addressing (``endpoint/bucket``), which MinIO needs. Default:
            ``True`` when an endpoint is given, else ``False``.
        :param root_directory: a key prefix inside the bucket, e.g. ``"/registry"``. Default: the bucket's root.
        :param chunk_size_mib: multipart upload part size in MiB, 5 to 32 (each upload in flight holds about 7x
            its chunk in memory; larger ones are not faster). Default: the registry's (10 MiB).
        :param redirect_disabled: serve blobs through the registry instead of redirecting clients to presigned S3
            URLs. Default: ``True`` when an endpoint is given (an in-cluster endpoint is unreachable for clients),
            else ``False``.
        """
        _validation.check_bucket_name("bucket", bucket)
        if not _REGION.fullmatch(region):
            raise _validation.fail("region", region, "an S3 region is lower-case letters, digits and '-', "
                                                     "like 'us-east-1'")
        if endpoint is not None:
            _check_endpoint(endpoint)
        if endpoint is not None:
            endpoint_secure = endpoint.startswith("https://")
            if secure is not None and secure != endpoint_secure:
                scheme = "https" if endpoint_secure else "http"
                raise _validation.fail("secure", secure, f"the endpoint {endpoint!r} says {scheme}: leave secure unset")
            secure = endpoint_secure
        if skip_verify and endpoint is None and secure is False:
            raise _validation.fail("skip_verify", skip_verify, "it has no effect with secure=False: there is no "
                                                               "certificate to verify")
        if skip_verify and endpoint is not None and endpoint.startswith("http://"):
            raise _validation.fail("skip_verify", skip_verify, "it applies to https:// endpoints only")
        if root_directory is not None and (
                not re.fullmatch(r"(/[A-Za-z0-9._-]+)+", root_directory)
                or any(segment in (".", "..") for segment in root_directory.split("/"))):
            raise _validation.fail("root_directory", root_directory, "a root directory starts with '/' and has "
                                                                     "segments of letters, digits, '.', '_', '-' "
                                                                     "(not '.' or '..'), like '/registry'")
        if chunk_size_mib is not None:
            # Each upload in flight holds about 7x its chunk in memory (measured by `make bench`): above 32 MiB a
            # single push can pass the container's 512 MiB limit.
            _validation.check_int_range("chunk_size_mib", chunk_size_mib, _MIN_CHUNK_MIB, _MAX_CHUNK_MIB,
                                        " (S3 parts are at least 5 MiB; larger chunks are not faster and each "
                                        "upload in flight takes about 7x its chunk of the registry's memory)")
        return S3Storage(
            bucket=bucket,
            region=region,
            credentials=credentials,
            endpoint=endpoint.rstrip("/") if endpoint else None,
            secure=True if secure is None else secure,
            skip_verify=skip_verify,
            force_path_style=endpoint is not None if force_path_style is None else force_path_style,
            root_directory=root_directory,
            chunk_size_mib=chunk_size_mib,
            redirect_disabled=endpoint is not None if redirect_disabled is None else redirect_disabled,
        )

    @staticmethod
    @_typecheck.typechecked
    def filesystem(
        *,
        size_gib: int = 10,
        storage_class: str | None = None,
        access_mode: VolumeAccessMode = VolumeAccessMode.READ_WRITE_ONCE,
    ) -> FilesystemStorage:
        """Blobs on a PersistentVolumeClaim mounted at ``/var/lib/registry``.

        :param size_gib: the claim's size in GiB. Default: 10.
        :param storage_class: the StorageClass. Default: the cluster's default class (k3s: ``local-path``).
        :param access_mode: the claim's access mode. Default: ``ReadWriteOnce`` (one replica).
        """
        _validation.check_int_range("size_gib", size_gib, 1, 1_048_576)
        if storage_class is not None:
            _validation.check_dns1123_subdomain("storage_class", storage_class)
        return FilesystemStorage(size_gib=size_gib, storage_class=storage_class, access_mode=access_mode)


@dataclasses.dataclass(frozen=True)
class S3Storage(Storage):
    """S3 storage settings; create with :meth:`Storage.s3`."""

    bucket: str
    region: str
    credentials: S3Credentials | None
    endpoint: str | None
    secure: bool
    skip_verify: bool
    force_path_style: bool
    root_directory: str | None
    chunk_size_mib: int | None
    redirect_disabled: bool

    def __post_init__(self) -> None:
        # Made directly or by Storage.s3: checked alike (the factory also derives the defaults).
        _typecheck.check_fields(self)
        _validation.check_bucket_name("bucket", self.bucket)
        if not _REGION.fullmatch(self.region):
            raise _validation.fail("region", self.region, "an S3 region is lower-case letters, digits and '-', "
                                                          "like 'us-east-1'")
        if self.endpoint is not None:
            _check_endpoint(self.endpoint)
        if self.chunk_size_mib is not None:
            _validation.check_int_range("chunk_size_mib", self.chunk_size_mib, _MIN_CHUNK_MIB, _MAX_CHUNK_MIB)

    @property
    def shared(self) -> bool:
        """S3 is shared by every replica."""
        return True

    def _secret_data(self) -> dict[str, str] | None:
        """The data of the Secret the registry creates for key values; None when nothing is to be created."""
        if self.credentials is None:
            return None
        data = {key: source.value for key, source in (("accesskey", self.credentials.access_key),
                                                      ("secretkey", self.credentials.secret_key))
                if source.value is not None}
        return data or None

    def _egress_ports(self) -> tuple[int, ...]:
        """The TCP port the registry connects to for this storage."""
        if self.endpoint is None:
            return (443 if self.secure else 80,)
        parts = urllib.parse.urlsplit(self.endpoint)
        return (parts.port or (443 if parts.scheme == "https" else 80),)

    def _credential_refs(self, created_secret_name: str) -> tuple[SecretKeyRef, SecretKeyRef] | None:
        """Where the access key id and the secret key are: an existing Secret, or the one the registry creates."""
        if self.credentials is None:
            return None
        return (self.credentials.access_key.key_ref(SecretKeyRef(created_secret_name, "accesskey")),
                self.credentials.secret_key.key_ref(SecretKeyRef(created_secret_name, "secretkey")))

    def _registry_env(self) -> list[tuple[str, str]]:
        env: list[tuple[str, str]] = [
            # REGISTRY_STORAGE replaces the image's whole storage block, so the plan sets the cache again after it.
            ("REGISTRY_STORAGE", "s3"),
            ("REGISTRY_STORAGE_S3_BUCKET", self.bucket),
            ("REGISTRY_STORAGE_S3_REGION", self.region),
        ]
        if self.endpoint:
            env.append(("REGISTRY_STORAGE_S3_REGIONENDPOINT", self.endpoint))
        # No ACCESSKEY/SECRETKEY variables: with none set, the S3 driver reads the shared-credentials file that the
        # registry's init container writes from the Secret (see _render.py).
        env += [
            ("REGISTRY_STORAGE_S3_SECURE", _bool(self.secure)),
            ("REGISTRY_STORAGE_S3_SKIPVERIFY", _bool(self.skip_verify)),
            ("REGISTRY_STORAGE_S3_FORCEPATHSTYLE", _bool(self.force_path_style)),
        ]
        if self.root_directory:
            env.append(("REGISTRY_STORAGE_S3_ROOTDIRECTORY", self.root_directory))
        if self.chunk_size_mib:
            env.append(("REGISTRY_STORAGE_S3_CHUNKSIZE", str(self.chunk_size_mib * 1024 * 1024)))
        env.append(("REGISTRY_STORAGE_REDIRECT_DISABLE", _bool(self.redirect_disabled)))
        return env


@dataclasses.dataclass(frozen=True)
class FilesystemStorage(Storage):
    """Filesystem storage on a PersistentVolumeClaim; create with :meth:`Storage.filesystem`."""

    size_gib: int
    storage_class: str | None
    access_mode: VolumeAccessMode
    mount_path: str = "/var/lib/registry"

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        _validation.check_int_range("size_gib", self.size_gib, 1, 100_000)
        if self.storage_class is not None:
            _validation.check_dns1123_subdomain("storage_class", self.storage_class)

    @property
    def shared(self) -> bool:
        """True when several replicas can share this storage (a ReadWriteMany claim)."""
        return self.access_mode is VolumeAccessMode.READ_WRITE_MANY

    def _secret_data(self) -> dict[str, str] | None:
        return None

    def _egress_ports(self) -> tuple[int, ...]:
        return ()

    def _credential_refs(self, created_secret_name: str) -> tuple[SecretKeyRef, SecretKeyRef] | None:
        return None

    def _registry_env(self) -> list[tuple[str, str]]:
        return [
            ("REGISTRY_STORAGE", "filesystem"),
            ("REGISTRY_STORAGE_FILESYSTEM_ROOTDIRECTORY", self.mount_path),
        ]


def _check_endpoint(endpoint: str) -> None:
    rule = ("an S3 endpoint is an http:// or https:// URL with a host and an optional port, and no credentials, "
            "path, query or fragment, like 'http://minio.minio.svc:9000'")
    parts = urllib.parse.urlsplit(endpoint)
    if parts.username is not None or parts.password is not None:
        # Name the value without the credentials it carries.
        raise _validation.fail("endpoint", f"{parts.scheme}://<credentials>@{parts.hostname}", rule)
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (parts.scheme not in ("http", "https") or not parts.hostname or port == -1 or port == 0
            or parts.path not in ("", "/") or parts.query or parts.fragment or "?" in endpoint or "#" in endpoint
            or any(c.isspace() or c == "`" for c in endpoint)):
        raise _validation.fail("endpoint", endpoint, rule)


def _bool(value: bool) -> str:
    return "true" if value else "false"



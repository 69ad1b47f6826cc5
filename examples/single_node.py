"""A single node on a local volume (k3s local-path), a user hashed at synth time from a password in the environment
(REGISTRY_ADMIN_PASSWORD: only its bcrypt hash reaches the YAML), Traefik's default certificate, and nightly garbage
collection (the collection runs on the volume's node; the registry restarts for a few seconds as the window opens and
closes)."""

import cdk8s

from constructs_lib import GarbageCollection, HtpasswdAuth, IngressTls, RegistryChart, Storage

from ._env import require


def build(app: cdk8s.App) -> RegistryChart:
    return RegistryChart(
        app, "single-node",
        namespace="registry",
        host="registry.lan.example.com",
        auth=HtpasswdAuth.from_users(
            {"admin": require("REGISTRY_ADMIN_PASSWORD", "the password of the registry user admin")}),
        storage=Storage.filesystem(size_gib=20, storage_class="local-path"),
        tls=IngressTls.default_certificate(),
        delete_enabled=True,
        garbage_collection=GarbageCollection.on_schedule("0 4 * * *"),
    )


if __name__ == "__main__":
    application = cdk8s.App()
    build(application)
    application.synth()

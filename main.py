"""The default app: the homelab setup (k3s, Traefik with Let's Encrypt, MinIO, the web UI).

`make synth` runs it through `cdk8s synth` and writes the manifests into dist/. Every secret comes from a Secret
that you create in the cluster first, so none sits in this repository:

    kubectl create namespace registry
    htpasswd -nB alice | kubectl -n registry create secret generic registry-htpasswd --from-file=htpasswd=/dev/stdin
    kubectl -n registry create secret generic registry-s3 \
        --from-literal=accesskey=... --from-literal=secretkey=...
    kubectl -n registry create secret generic registry-http-secret --from-literal=http-secret="$(openssl rand -hex 32)"
"""

import cdk8s

from constructs_lib import (
    GarbageCollection,
    HtpasswdAuth,
    HttpSecret,
    IngressTls,
    RegistryChart,
    S3Credentials,
    Storage,
)


def build(app: cdk8s.App) -> RegistryChart:
    return RegistryChart(
        app, "registry",
        host="registry.example.com",
        auth=HtpasswdAuth.from_secret("registry-htpasswd"),
        storage=Storage.s3(
            bucket="registry",
            endpoint="http://minio.minio.svc.cluster.local:9000",
            credentials=S3Credentials.from_secret("registry-s3"),
        ),
        # A stable secret keeps uploads alive across restarts and lets you add replicas later.
        http_secret=HttpSecret.from_secret("registry-http-secret"),
        tls=IngressTls.cert_resolver("letsencrypt"),
        delete_enabled=True,
        # Deleting an image frees its space only once garbage collection has run: Sundays at 03:00, in a read-only
        # window (pushes are refused while it runs; pulls go on).
        garbage_collection=GarbageCollection.on_schedule(),
        redirect_http_to_https=True,
    )


if __name__ == "__main__":
    application = cdk8s.App()
    build(application)
    application.synth()

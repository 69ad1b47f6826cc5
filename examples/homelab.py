"""A homelab on k3s: Traefik with Let's Encrypt, MinIO for storage, the web UI under /ui/, secrets created with
kubectl beforehand (see main.py's docstring for the commands)."""

import cdk8s

from constructs_lib import HtpasswdAuth, HttpSecret, RegistryChart, S3Credentials, Storage


def build(app: cdk8s.App) -> RegistryChart:
    return RegistryChart(
        app, "homelab",
        host="registry.home.example.com",
        auth=HtpasswdAuth.from_secret("registry-htpasswd"),
        storage=Storage.s3(
            bucket="registry",
            endpoint="http://minio.minio.svc.cluster.local:9000",
            credentials=S3Credentials.from_secret("registry-s3"),
        ),
        http_secret=HttpSecret.from_secret("registry-http-secret"),
        delete_enabled=True,
        redirect_http_to_https=True,
        ui_title="Homelab registry",
    )


if __name__ == "__main__":
    application = cdk8s.App()
    build(application)
    application.synth()

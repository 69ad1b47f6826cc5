"""End-to-end checks of synthesized manifests against real components: docker-registry, SeaweedFS S3 and skopeo."""

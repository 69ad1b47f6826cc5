"""UploadPurging and what the registry renders from it."""

from __future__ import annotations

import pathlib
import re
from typing import Any

import cdk8s
import pytest
from _manifests import container, env, find

from constructs_lib import Registry, UploadPurging


def _purging_env(app: cdk8s.App, purging: UploadPurging | None) -> str | None:
    chart = cdk8s.Chart(app, "test")
    Registry(chart, "Registry", name="registry", auth=None, upload_purging=purging)
    variables = env(container(find(cdk8s.Testing.synth(chart), "Deployment"), "registry"))
    value = variables.get("REGISTRY_STORAGE_MAINTENANCE_UPLOADPURGING")
    assert value is None or isinstance(value, str)
    return value


def test_default_leaves_the_registry_default(app: cdk8s.App) -> None:
    # GIVEN / WHEN no setting THEN the registry's own default applies (a week, daily)
    assert _purging_env(app, None) is None


def test_every_renders_the_whole_map(app: cdk8s.App) -> None:
    # GIVEN / WHEN a purge every 6 hours of uploads older than 2 days, as a dry run
    value = _purging_env(app, UploadPurging.every(interval_hours=6, age_hours=48, dry_run=True))

    # THEN the whole map is one YAML value (distribution 2.8 panics on a lone ..._ENABLED)
    assert value == "{enabled: true, age: 48h, interval: 6h, dryrun: true}"


def test_every_defaults_and_disabled(app: cdk8s.App) -> None:
    # GIVEN / WHEN the defaults, and purging switched off
    # THEN they render as the registry reads them
    assert _purging_env(app, UploadPurging.every()) == "{enabled: true, age: 168h, interval: 24h, dryrun: false}"
    assert _purging_env(cdk8s.Testing.app(), UploadPurging.disabled()) == "{enabled: false}"


@pytest.mark.parametrize(
    ("options", "message"),
    [({"interval_hours": 0}, "interval_hours=0 is invalid"), ({"age_hours": 0}, "age_hours=0 is invalid"),
     ({"age_hours": 24 * 366}, f"age_hours={24 * 366} is invalid")],
)
def test_fails_bad_purging(app: cdk8s.App, options: dict[str, Any], message: str) -> None:
    # GIVEN / WHEN / THEN out-of-range hours are refused with the parameter and value
    with pytest.raises(ValueError, match=re.escape(message)):
        UploadPurging.every(**options)
    outdir = pathlib.Path(app.outdir)
    assert not outdir.exists() or not any(outdir.iterdir())

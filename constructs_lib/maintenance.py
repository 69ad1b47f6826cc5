"""Storage maintenance: purging of abandoned uploads, and garbage collection of unreferenced blobs."""

from __future__ import annotations

import dataclasses
import re

from . import _typecheck, _validation

__all__ = ["DEFAULT_KUBECTL_IMAGE", "GarbageCollection", "UploadPurging"]

#: The kubectl image of the garbage collection's read-only window (it has bash), pinned to an exact version.
DEFAULT_KUBECTL_IMAGE = "registry.k8s.io/kubectl:v1.36.4"

_CRON_MACROS = {"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"}
# minute, hour, day of month, month, day of week: each an inclusive range of numbers (names are accepted too), as
# the API server's parser (robfig/cron's standard parser) has them: it refuses 7 for Sunday.
_CRON_FIELDS = (("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 6))
_CRON_NAMES = {
    "month": ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    "day of week": ("sun", "mon", "tue", "wed", "thu", "fri", "sat"),
}
# "@every <Go duration>", which the API server's parser takes too (at least a second).
_CRON_EVERY = re.compile(r"@every ((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:ns|us|µs|ms|s|m|h))+")
_CRON_ITEM = re.compile(r"(?P<range>\*|\?|(?P<low>[0-9a-z]+)(?:-(?P<high>[0-9a-z]+))?)(?:/(?P<step>[0-9]+))?")
_TIME_ZONE = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(?:/[A-Za-z0-9_+-]+)*")


@dataclasses.dataclass(frozen=True)
class UploadPurging:
    """How the registry removes uploads that were started and never finished (``storage.maintenance.uploadpurging``).
    Create it with :meth:`every` or :meth:`disabled`; without one the registry purges uploads older than a week,
    every day."""

    enabled: bool
    age_hours: int
    interval_hours: int
    dry_run: bool

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        _validation.check_int_range("interval_hours", self.interval_hours, 1, 24 * 365)
        _validation.check_int_range("age_hours", self.age_hours, 1, 24 * 365)

    @classmethod
    @_typecheck.typechecked
    def every(cls, *, interval_hours: int = 24, age_hours: int = 168, dry_run: bool = False) -> UploadPurging:
        """
        :param interval_hours: how often the purge runs. Default: 24.
        :param age_hours: uploads older than this are removed. Default: 168 (one week); at least 1.
        :param dry_run: only log what would be removed. Default: ``False``.
        """
        _validation.check_int_range("interval_hours", interval_hours, 1, 24 * 365)
        _validation.check_int_range("age_hours", age_hours, 1, 24 * 365)
        return cls(enabled=True, age_hours=age_hours, interval_hours=interval_hours, dry_run=dry_run)

    @classmethod
    @_typecheck.typechecked
    def disabled(cls) -> UploadPurging:
        """No purging (for storage whose listing of empty prefixes upsets the purger, or while debugging)."""
        return cls(enabled=False, age_hours=168, interval_hours=24, dry_run=False)

    def _env_value(self) -> str:
        # distribution wants the whole map: `..._UPLOADPURGING_ENABLED=false` alone makes 2.8 panic.
        if not self.enabled:
            return "{enabled: false}"
        return (f"{{enabled: true, age: {self.age_hours}h, interval: {self.interval_hours}h, "
                f"dryrun: {'true' if self.dry_run else 'false'}}}")


@dataclasses.dataclass(frozen=True)
class GarbageCollection:
    """Scheduled ``registry garbage-collect`` with the registry's own configuration, run as a CronJob inside a
    read-only window so that it never deletes what is being uploaded. Create it with :meth:`on_schedule`.

    Each run: the registry is switched to read-only (``storage.maintenance.readonly``) and rolled out, garbage
    collection runs, and the registry is switched back to read-write, whatever the collection's outcome. If the switch
    to read-only fails, collection is skipped. Pushes are refused (405) during the window; pulls keep working, except
    that a registry on a ReadWriteOnce claim (one pod, replaced by the Recreate strategy) is down for its restart at
    each switch.
    """

    schedule: str
    time_zone: str | None
    delete_untagged: bool
    dry_run: bool
    kubectl_image: str

    def __post_init__(self) -> None:
        _typecheck.check_fields(self)
        _check_schedule(self.schedule)
        if self.time_zone is not None:
            if self.schedule.startswith("@every"):
                raise _validation.fail("time_zone", self.time_zone, "it has no effect on an '@every' interval: "
                                                                    "leave it unset")
            _check_time_zone(self.time_zone)
        _validation.check_image("kubectl_image", self.kubectl_image)

    @classmethod
    @_typecheck.typechecked
    def on_schedule(cls, schedule: str = "0 3 * * 0", *, time_zone: str | None = None,
                    delete_untagged: bool = False, dry_run: bool = False,
                    kubectl_image: str = DEFAULT_KUBECTL_IMAGE) -> GarbageCollection:
        """
        :param schedule: when to run, a cron expression as Kubernetes reads it (five fields, day of week 0-6 or
            names, or ``@daily``, ``@weekly``..., ``@every 12h``). Default:
            ``"0 3 * * 0"``, Sundays at 03:00.
        :param time_zone: the IANA time zone of the schedule, e.g. ``"Europe/Paris"``. Default: the controller
            manager's (usually UTC).
        :param delete_untagged: also delete manifests that no tag points to (``--delete-untagged``): the images that
            were pushed again under the same tag. Registry 3 only: 2.x deletes the per-platform manifests of
            multi-architecture images with it. Default: ``False``.
        :param dry_run: only log what would be deleted (``--dry-run``); the read-only window still happens. Default:
            ``False``.
        :param kubectl_image: the image that switches the registry's mode: it needs kubectl and bash. Default:
            :data:`DEFAULT_KUBECTL_IMAGE`.
        """
        _check_schedule(schedule)
        if time_zone is not None:
            _check_time_zone(time_zone)
        _validation.check_image("kubectl_image", kubectl_image)
        return cls(schedule=schedule, time_zone=time_zone, delete_untagged=delete_untagged, dry_run=dry_run,
                   kubectl_image=kubectl_image)


def _check_schedule(schedule: str) -> None:
    if schedule in _CRON_MACROS or _CRON_EVERY.fullmatch(schedule):
        return
    fields = schedule.split()
    rule = ("a cron schedule has five fields (minute hour day-of-month month day-of-week), like '0 3 * * 0', or "
            "is one of " + ", ".join(sorted(_CRON_MACROS)) + " or '@every <duration>'")
    if len(fields) != 5:
        raise _validation.fail("schedule", schedule, rule)
    for text, (field, low, high) in zip(fields, _CRON_FIELDS, strict=True):
        for item in text.lower().split(","):
            # ('?' is '*' to the API server's parser, in any field.)
            match = _CRON_ITEM.fullmatch(item)
            if match is None:
                raise _validation.fail("schedule", schedule,
                                       f"the {field} {text!r} is not a cron field: numbers or names, '*', ranges "
                                       "'a-b', lists 'a,b' and steps '/n'")
            names = _CRON_NAMES.get(field, ())
            bounds = []
            for value in (match["low"], match["high"]):
                if value is None:
                    continue
                number = names.index(value) + (1 if field == "month" else 0) if value in names else (
                    int(value) if value.isdigit() else None)
                if number is None or not low <= number <= high:
                    raise _validation.fail("schedule", schedule, f"the {field} is {low} to {high}, not {value!r}")
                bounds.append(number)
            if len(bounds) == 2 and bounds[0] > bounds[1]:
                raise _validation.fail("schedule", schedule, f"the {field} range {item!r} must not run backwards")
            if match["step"] is not None and not 1 <= int(match["step"]) <= high:
                raise _validation.fail("schedule", schedule, f"the {field} step is 1 to {high} (a longer step "
                                                             "selects only the first value)")


def _check_time_zone(time_zone: str) -> None:
    rule = "a time zone is an IANA name like 'Europe/Paris' or 'UTC' (Kubernetes refuses others)"
    # The local database also has files the API server's does not: the machine's own zone and the posix/right trees.
    if not _TIME_ZONE.fullmatch(time_zone) or time_zone.lower() in ("local", "localtime") or \
            time_zone.split("/", 1)[0] in ("posix", "right", "SystemV"):
        raise _validation.fail("time_zone", time_zone, rule)
    import zoneinfo  # only for a time zone: reading the database list takes a while

    known = zoneinfo.available_timezones()
    # Without a time zone database on this machine (no tzdata), the shape is all that can be checked.
    if known and time_zone not in known:
        raise _validation.fail("time_zone", time_zone, rule)

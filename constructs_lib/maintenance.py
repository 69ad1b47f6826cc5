"""Storage maintenance: purging of abandoned uploads."""

from __future__ import annotations

import dataclasses

from . import _validation

__all__ = ["UploadPurging"]


@dataclasses.dataclass(frozen=True)
class UploadPurging:
    """How the registry removes uploads that were started and never finished (``storage.maintenance.uploadpurging``).
    Create it with :meth:`every` or :meth:`disabled`; without one the registry purges uploads older than a week,
    every day."""

    enabled: bool
    age_hours: int
    interval_hours: int
    dry_run: bool

    @classmethod
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
    def disabled(cls) -> UploadPurging:
        """No purging (for storage whose listing of empty prefixes upsets the purger, or while debugging)."""
        return cls(enabled=False, age_hours=168, interval_hours=24, dry_run=False)

    def _env_value(self) -> str:
        # distribution wants the whole map: `..._UPLOADPURGING_ENABLED=false` alone makes 2.8 panic.
        if not self.enabled:
            return "{enabled: false}"
        return (f"{{enabled: true, age: {self.age_hours}h, interval: {self.interval_hours}h, "
                f"dryrun: {'true' if self.dry_run else 'false'}}}")

from dataclasses import dataclass


@dataclass(frozen=True)
class StoreCounts:
    """What one store call did, in the words the scrape-run record uses."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0

    def __add__(self, other: "StoreCounts") -> "StoreCounts":
        return StoreCounts(
            self.created + other.created,
            self.updated + other.updated,
            self.unchanged + other.unchanged,
            self.failed + other.failed,
        )

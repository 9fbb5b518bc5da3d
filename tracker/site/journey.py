"""The bill's journey on a real time axis: where each sitting falls, lane by House.

Pure geometry (no Django, no clock): stages with their dates in, shapes in SVG user units out,
drawn by templates/site/_journey_chart.html. A date the record does not give is not drawn, and
the stage is named in `undrawn` so the page can say so.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

WIDTH = 960
LEFT = 96  # room for the lane names
RIGHT = 24
TOP = 28  # room for the axis labels
LANE_HEIGHT = 84
LABEL_ROWS = 3  # stage numbers stagger over this many rows so close sittings stay readable
LABEL_STEP = 16
LABEL_GAP = 18  # user units between two numbers in one row
HOUSE_NAMES = {"Commons": "House of Commons", "Lords": "House of Lords"}


@dataclass(frozen=True)
class StageDates:
    """One stage as the page knows it."""

    number: int
    name: str  # blank: not recorded
    house: str  # "Commons", "Lords", or "Unassigned" (both Houses: drawn across the lanes)
    dates: tuple[dt.date, ...]  # its sittings with a recorded date
    href: str  # what happened there; blank: nothing to link to
    is_current: bool = False
    is_future: bool = False  # every sitting is still to come
    undated: int = 0  # sittings the record gives no date for: listed, not drawn
    corrected: Mapping[str, Any] = field(default_factory=dict)  # editors' corrections of the stage and its sittings

    @property
    def undated_sittings(self) -> range:
        """For a template's loop: one per sitting without a date."""
        return range(self.undated)


@dataclass(frozen=True)
class NextStep:
    name: str
    house: str  # blank when either House may take it
    date: dt.date | None  # None: not scheduled, so not drawn


@dataclass(frozen=True)
class Lane:
    house: str
    label: str
    y: float


@dataclass(frozen=True)
class Tick:
    x: float
    label: str
    date: dt.date


@dataclass(frozen=True)
class DrawnStage:
    stage: StageDates
    x1: float
    x2: float
    y: float
    xs: tuple[float, ...]  # one mark per sitting
    label_x: float
    label_y: float
    y_end: float  # below y for a stage of both Houses (Royal Assent), drawn as a line across the lanes

    @property
    def across(self) -> bool:
        return self.y_end != self.y


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    label: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    axis_y: float
    lanes: tuple[Lane, ...]
    ticks: tuple[Tick, ...]
    stages: tuple[DrawnStage, ...]
    next_mark: Point | None
    today: Point | None
    start: dt.date
    end: dt.date
    undrawn: tuple[StageDates, ...]  # stages with no recorded date
    left: int = LEFT  # where the lanes start


def journey_chart(stages: Sequence[StageDates], *, next_step: NextStep | None = None,
                  today: dt.date | None = None) -> Chart | None:
    """The chart, or None when no stage has a date to draw. `today` draws a "Today" line (pass it
    only while the bill goes on) and stretches the axis to reach it."""
    drawable = [s for s in stages if s.dates]
    if not drawable:
        return None
    houses = tuple(dict.fromkeys(s.house for s in drawable if s.house in HOUSE_NAMES)) or tuple(HOUSE_NAMES)
    if next_step and next_step.date and next_step.house in HOUSE_NAMES and next_step.house not in houses:
        houses += (next_step.house,)
    lanes = tuple(Lane(h, HOUSE_NAMES[h], TOP + LANE_HEIGHT * (i + 1) - 20) for i, h in enumerate(houses))
    lane_y = {lane.house: lane.y for lane in lanes}
    dates = [d for s in drawable for d in s.dates]
    if next_step and next_step.date and next_step.house in lane_y:
        dates.append(next_step.date)
    if today:
        dates.append(today)
    start, end = min(dates), max(dates)
    if (end - start).days < 30:
        start, end = start - dt.timedelta(days=15), end + dt.timedelta(days=15)
    scale = (WIDTH - LEFT - RIGHT) / (end - start).days

    def x_of(day: dt.date) -> float:
        return round(LEFT + (day - start).days * scale, 1)

    drawn = []
    last_label_x: dict[tuple[str, int], float] = {}
    for stage in sorted(drawable, key=lambda s: (min(s.dates), s.number)):
        xs = tuple(x_of(d) for d in sorted(set(stage.dates)))
        lane = stage.house if stage.house in lane_y else lanes[0].house
        row = next((r for r in range(LABEL_ROWS)
                    if xs[0] - last_label_x.get((lane, r), -1e9) >= LABEL_GAP), 0)
        last_label_x[(lane, row)] = xs[0]
        y = lane_y[lane]
        drawn.append(DrawnStage(stage, xs[0], xs[-1], y, xs, xs[0], y - 14 - row * LABEL_STEP,
                                y if stage.house in lane_y else lanes[-1].y))
    next_mark = None
    if next_step and next_step.date and next_step.house in lane_y:
        next_mark = Point(x_of(next_step.date), lane_y[next_step.house], f"Next: {next_step.name}")
    height = int(TOP + LANE_HEIGHT * len(lanes) + 8)
    today_mark = Point(x_of(today), 0, "Today") if today else None
    return Chart(WIDTH, height, TOP - 12, lanes, _ticks(start, end, x_of), tuple(drawn), next_mark, today_mark,
                 start, end, tuple(s for s in stages if s not in drawable))


def _ticks(start: dt.date, end: dt.date, x_of) -> tuple[Tick, ...]:
    """First-of-month ticks, every 1, 2, 3, 6 or 12 months (or more years): at most eight."""
    months = (end.year - start.year) * 12 + end.month - start.month + 1
    step = next((s for s in (1, 2, 3, 6, 12, 24, 60) if months / s <= 8), 12 * math.ceil(months / 96))
    ticks = []
    year, month = start.year, start.month
    while True:
        month += 1
        if month > 12:
            year, month = year + 1, 1
        day = dt.date(year, month, 1)
        if day > end:
            return tuple(ticks)
        if (year * 12 + month - 1) % step == 0:
            ticks.append(Tick(x_of(day), day.strftime("%b %Y"), day))

"""The bill's journey on a time axis: the pure geometry, then the drawing on the bill page."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.test_public_pages_crawl import demo  # noqa: F401  (a fixture)
from tracker.site.journey import LEFT, WIDTH, NextStep, StageDates, journey_chart

D = dt.date


def stage(number, house, *dates, name="Stage", current=False):
    return StageDates(number=number, name=name, house=house, dates=tuple(dates), href=f"/s/{number}/",
                      is_current=current)


def test_each_sitting_is_a_mark_at_its_date_in_its_houses_lane():
    chart = journey_chart([stage(1, "Lords", D(2023, 1, 1)), stage(2, "Lords", D(2023, 1, 11), D(2023, 1, 31)),
                           stage(3, "Commons", D(2023, 3, 2))])
    lords, commons = chart.lanes
    assert (lords.house, commons.house) == ("Lords", "Commons")  # the House it started in first
    first, second, third = chart.stages
    assert first.xs == (LEFT,) and third.xs[-1] == WIDTH - 24  # the axis runs first sitting to last
    # 10 and 30 days after the start of a 60-day axis: a sixth and a half of the way along
    span = WIDTH - 24 - LEFT
    assert second.xs == (round(LEFT + span / 6, 1), round(LEFT + span / 2, 1))
    assert first.y == second.y == lords.y and third.y == commons.y
    assert [t.label for t in chart.ticks] == ["Feb 2023", "Mar 2023"]
    assert chart.undrawn == () and chart.next_mark is None and chart.today is None


def test_a_stage_without_a_recorded_date_is_not_drawn_and_is_named_as_such():
    undated = stage(2, "Commons")
    chart = journey_chart([stage(1, "Lords", D(2023, 1, 1)), undated])
    assert [s.stage.number for s in chart.stages] == [1]
    assert chart.undrawn == (undated,)
    assert journey_chart([undated]) is None  # nothing to draw at all


def test_royal_assent_is_a_line_across_both_lanes_and_the_current_stage_is_known():
    chart = journey_chart([stage(1, "Lords", D(2023, 1, 1)), stage(2, "Commons", D(2023, 5, 1)),
                           stage(3, "Unassigned", D(2023, 6, 1), current=True)])
    assent = chart.stages[-1]
    assert assent.across and (assent.y, assent.y_end) == (chart.lanes[0].y, chart.lanes[1].y)
    assert assent.stage.is_current


def test_the_next_step_is_drawn_at_its_sitting_and_not_at_all_without_one():
    stages = [stage(1, "Lords", D(2023, 1, 1)), stage(2, "Commons", D(2023, 2, 1), current=True)]
    dated = journey_chart(stages, next_step=NextStep("Report stage", "Commons", D(2023, 4, 1)), today=D(2023, 3, 1))
    assert dated.next_mark.label == "Next: Report stage" and dated.next_mark.x == WIDTH - 24
    assert dated.next_mark.y == dated.lanes[1].y
    assert LEFT < dated.today.x < dated.next_mark.x
    undated = journey_chart(stages, next_step=NextStep("Report stage", "Commons", None))
    assert undated.next_mark is None


def test_a_long_wait_for_the_next_sitting_keeps_the_axis_to_eight_labels():
    chart = journey_chart([stage(1, "Commons", D(2023, 1, 1), current=True)],
                          next_step=NextStep("Report stage", "Commons", D(2099, 3, 4)))
    assert 1 <= len(chart.ticks) <= 8 and chart.ticks[0].label == "Jan 2030"
    assert chart.next_mark.x == WIDTH - 24


def test_numbers_of_sittings_days_apart_stagger_instead_of_overlapping():
    chart = journey_chart([stage(1, "Lords", D(2023, 1, 1)), stage(2, "Lords", D(2023, 1, 2)),
                           stage(3, "Lords", D(2023, 12, 31))])
    one, two, three = chart.stages
    assert one.label_y != two.label_y and three.label_y == one.label_y


@pytest.mark.django_db
def test_the_bill_page_draws_its_journey_with_a_text_alternative_and_links(client, demo):  # noqa: F811
    html = client.get("/bills/3159/procurement-bill-hl/").content.decode()
    svg = re.search(r"<svg class=\"tracker-journey__svg\".*?</svg>", html, re.S).group(0)
    assert 'role="group" aria-labelledby="journey-title" aria-describedby="journey-desc"' in svg
    assert "<title id=\"journey-title\">The bill's journey, 11 May 2022 to 26 October 2023</title>" in svg
    assert "Now: stage 14, Royal Assent." in svg
    assert svg.count('class="tracker-journey__sitting"') == html.count('class="tracker-timeline__sitting"')
    # Lords committee stage links to its debate, in the picture and in the list below it
    committee = re.search(r'<a class="govuk-link" href="(/hansard/debates/[^"]+)">Committee stage</a>', html)
    assert committee and re.search(rf'<a href="{committee.group(1)}">\s*<title>3\. Lords: Committee stage, \d+ sittings</title>', svg)
    assert "Nothing comes next: the bill has completed its passage." in html


@pytest.mark.django_db
def test_a_bill_with_no_sitting_dates_says_its_journey_is_not_drawn(client, demo):  # noqa: F811
    html = client.get("/bills/9160001/social-housing-regulation-bill-hl/").content.decode()
    assert "tracker-journey__svg" not in html
    assert "No sitting dates are recorded, so the journey is not drawn on a time axis." in html

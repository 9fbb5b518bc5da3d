"""docker-compose.yml runs what the settings route: a worker consumes the scrape queue and one the
alerts queue, each queue it names is one the settings send tasks to, and beat runs once."""

from __future__ import annotations

import re

from tests.conftest import REPO


def test_every_queue_the_settings_route_to_has_a_worker_and_beat_runs_once():
    compose = (REPO / "docker-compose.yml").read_text()
    routed = {name: re.search(rf"^\s+{name}: (\S+)", compose, re.M).group(1)
              for name in ("SCRAPE_TASK_QUEUE", "ALERTS_TASK_QUEUE")}
    consumed = re.findall(r"celery -A tracker worker --queues=(\S+)", compose)
    assert sorted(consumed) == sorted(routed.values()) == ["alerts", "scrape"]
    assert compose.count("celery -A tracker beat") == 1
    assert "replicas: ${SCRAPE_WORKERS:-2}" in compose

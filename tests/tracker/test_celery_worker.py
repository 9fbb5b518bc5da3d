import pytest

from tests.support.celery_worker import celery_worker
from tracker.celery import ping


@pytest.mark.redis
@pytest.mark.celery_worker
def test_a_real_worker_runs_a_task_enqueued_through_redis():
    with celery_worker() as (queue, worker):
        result = ping.apply_async(queue=queue)
        assert result.get(timeout=180) == "pong"  # generous: a loaded 2-core machine starts workers slowly
        assert worker.poll() is None  # the worker, not this process, ran it
    assert result.successful()

"""Behind a configured number of trusted proxies, rate limits and the admin lockout key on
the client's address (from X-Forwarded-For), not the proxy's; the lockout is per username
and address; addresses the client itself put in X-Forwarded-For are not trusted."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import RequestFactory
from django.urls import reverse

from tracker.client_address import client_ip

PROXY = "10.0.0.2"
pytestmark = pytest.mark.django_db


@pytest.fixture
def behind_one_proxy(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    cache.clear()


def via_proxy(client_address: str) -> dict:
    return {"REMOTE_ADDR": PROXY, "HTTP_X_FORWARDED_FOR": client_address}


def test_the_client_address_is_the_one_the_trusted_proxy_saw(behind_one_proxy):
    request = RequestFactory().get("/", **via_proxy("198.51.100.1, 203.0.113.5"))  # the first entry is the client's say
    assert client_ip(request) == "203.0.113.5"
    assert client_ip(RequestFactory().get("/", REMOTE_ADDR=PROXY)) == PROXY


def test_subscribe_limits_count_each_client_behind_the_proxy(behind_one_proxy, client, settings):
    settings.ALERTS_SUBSCRIBE_LIMIT_PER_IP = 2

    def attempt(address: str) -> int:
        return client.post("/alerts/subscribe/", {"email": "junk"}, **via_proxy(address)).status_code

    assert [attempt("203.0.113.5") for _ in range(3)] == [400, 400, 429]
    assert attempt("203.0.113.9") == 400  # another client behind the same proxy is not limited


def test_the_admin_lockout_is_per_username_and_client_address(behind_one_proxy, client):
    User.objects.create_user("staff", password="the-right-password", is_staff=True)
    login = reverse("admin:login")
    for _ in range(5):
        client.post(login, {"username": "staff", "password": "wrong"}, **via_proxy("203.0.113.5"))
    assert client.post(login, {"username": "staff", "password": "the-right-password"},
                       **via_proxy("203.0.113.5")).status_code == 429
    elsewhere = client.post(login, {"username": "staff", "password": "the-right-password"},
                            **via_proxy("203.0.113.9"))
    assert elsewhere.status_code == 302 and "_auth_user_id" in client.session

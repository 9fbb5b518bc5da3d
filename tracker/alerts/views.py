"""Thin views for subscribing, confirming, managing and unsubscribing. Links in emails carry
signed tokens (tokens.py); a bad token gets a clear page and a 400, and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tracker.client_address import client_ip

from . import selectors, services, tokens
from .forms import FrequencyForm, StopForm, SubscribeForm
from .ratelimit import rate_limit_exceeded
from .targets import TARGET_KINDS

RATE_WINDOW_SECONDS = 60 * 60


def _bad_link(request: HttpRequest, *, expired: bool = False) -> HttpResponse:
    return render(request, "alerts/bad_link.html", {"expired": expired}, status=410 if expired else 400)


def _with_token(read: Callable[[str], object]):
    """Views behind a signed link: the token in the URL is read with `read` and the view gets
    what it names. A forged or altered token gets a 400 page, an expired one a 410."""

    def decorate(view):
        @wraps(view)
        def wrapper(request: HttpRequest, token: str) -> HttpResponse:
            try:
                value = read(token)
            except tokens.ExpiredToken:
                return _bad_link(request, expired=True)
            except tokens.BadToken:
                return _bad_link(request)
            return view(request, value)
        return wrapper
    return decorate


def _too_many(request: HttpRequest) -> HttpResponse:
    response = render(request, "alerts/too_many.html", status=429)
    response["Retry-After"] = str(RATE_WINDOW_SECONDS)
    return response


@require_GET
def subscribe_page(request: HttpRequest, target_kind: str, target_id: int) -> HttpResponse:
    target = TARGET_KINDS[target_kind].get_or_404(target_id)
    return render(request, "alerts/subscribe.html", {
        "target": target, "target_kind": target_kind, "target_id": target_id,
        "over": selectors.target_over(target=target)})


@csrf_exempt
@require_POST
def subscribe(request: HttpRequest) -> HttpResponse:
    """Rate-limited per client IP (every attempt counts) and per address (valid ones).

    No CSRF token (the form sits on pages cached whole for everyone): a forged post can do no
    more than a stranger typing the address in, ask for a confirmation email, and nothing
    is sent to the address until its owner follows the link in it."""
    if rate_limit_exceeded(scope="subscribe-ip", key=client_ip(request),
                           limit=settings.ALERTS_SUBSCRIBE_LIMIT_PER_IP, window_seconds=RATE_WINDOW_SECONDS):
        return _too_many(request)
    form = SubscribeForm(request.POST)
    if not form.is_valid():
        return render(request, "alerts/subscribe.html", {
            "form": form, "target": form.cleaned_data.get("target"),
            "over": selectors.target_over(target=form.cleaned_data.get("target")),
            "target_kind": form.cleaned_data.get("target_kind"), "target_id": form.cleaned_data.get("target_id"),
        }, status=400)
    email = form.cleaned_data["email"]
    if rate_limit_exceeded(scope="subscribe-address", key=email,
                           limit=settings.ALERTS_SUBSCRIBE_LIMIT_PER_ADDRESS, window_seconds=RATE_WINDOW_SECONDS):
        return _too_many(request)
    services.subscription_request(email=email, target_kind=form.cleaned_data["target_kind"],
                                  target=form.cleaned_data["target"])
    return redirect("alerts:subscribe_sent")


@require_GET
def subscribe_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "alerts/subscribe_sent.html", {"expiry_hours": settings.ALERTS_CONFIRM_MAX_AGE_HOURS})


@never_cache
@require_http_methods(["GET", "POST"])
@_with_token(tokens.confirm_token_read)
def confirm(request: HttpRequest, subscription_id: int) -> HttpResponse:
    """GET shows a button (link checkers follow GETs); the POST confirms."""
    if request.method == "POST":
        subscription = services.subscription_confirm(subscription_id=subscription_id)
        if subscription is None:
            return _bad_link(request, expired=True)
        manage = reverse("alerts:manage", args=[tokens.manage_token(subscriber_id=subscription.subscriber_id)])
        return redirect(f"{manage}?done=confirmed")
    subscription = selectors.subscription_awaiting(subscription_id=subscription_id)
    if subscription is None:
        return _bad_link(request, expired=True)
    return render(request, "alerts/confirm.html", {"subscription": subscription})


@never_cache
@csrf_exempt  # RFC 8058: the mail client's POST carries no cookie; the signed token is the authority
@require_http_methods(["GET", "POST"])
@_with_token(tokens.unsubscribe_token_read)
def unsubscribe(request: HttpRequest, scope: tokens.UnsubscribeScope) -> HttpResponse:
    """GET asks (link checkers follow GETs); POST, from the page or a mail client's
    one-click button, unsubscribes at once."""
    subscriptions = list(selectors.unsubscribe_scope(subscriber_id=scope.subscriber_id,
                                                     subscription_id=scope.subscription_id))
    if request.method == "POST":
        services.subscriptions_unsubscribe(subscriber_id=scope.subscriber_id, subscription_id=scope.subscription_id)
        return render(request, "alerts/unsubscribed.html", {"subscriptions": subscriptions})
    return render(request, "alerts/unsubscribe.html", {"subscriptions": subscriptions, "all": scope.subscription_id is None})


@never_cache
@require_http_methods(["GET", "POST"])
@_with_token(tokens.manage_token_read)
def manage(request: HttpRequest, subscriber_id: int) -> HttpResponse:
    if request.method == "POST":
        frequency, stop = FrequencyForm(request.POST), StopForm(request.POST)
        if frequency.is_valid():
            services.subscriber_frequency_set(subscriber_id=subscriber_id, frequency=frequency.cleaned_data["frequency"])
            return redirect(f"{request.path}?done=frequency")
        if stop.is_valid():
            services.subscriptions_unsubscribe(subscriber_id=subscriber_id,
                                               subscription_id=stop.cleaned_data["subscription"])
            return redirect(f"{request.path}?done=stopped")
        return _manage_page(request, subscriber_id, frequency_form=frequency, status=400)
    return _manage_page(request, subscriber_id)


def _manage_page(request: HttpRequest, subscriber_id: int, *, frequency_form: FrequencyForm | None = None,
                 status: int = 200) -> HttpResponse:
    page = selectors.manage_page(subscriber_id=subscriber_id)
    return render(request, "alerts/manage.html", {
        "page": page,
        "frequency_form": frequency_form or FrequencyForm(initial={"frequency": page.subscriber.frequency}),
        "done": request.GET.get("done", ""),
        "unsubscribe_all_url": reverse("alerts:unsubscribe", args=[tokens.unsubscribe_token(subscriber_id=subscriber_id)]),
    }, status=status)

from django.contrib import admin

from .models import Delivery, Digest, Subscriber, Subscription


class SubscriptionInline(admin.TabularInline):
    model = Subscription
    extra = 0
    fields = ("target_kind", "bill", "member", "status", "requested_at", "confirmed_at", "unsubscribed_at")
    readonly_fields = fields
    can_delete = False


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "frequency", "created_at")
    list_filter = ("frequency",)
    search_fields = ("email",)
    inlines = [SubscriptionInline]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    list_display = ("subscriber", "target_kind", "bill", "member", "status", "requested_at", "confirmed_at")
    list_filter = ("status", "target_kind")
    search_fields = ("subscriber__email", "bill__short_title", "member__name_display_as")
    list_select_related = ("subscriber", "bill", "member")
    raw_id_fields = ("subscriber", "bill", "member")


class OutboxAdmin(admin.ModelAdmin):
    """Read-only: the outbox is written by the event's transaction and by the senders."""

    list_filter = ("status",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Delivery)
class DeliveryAdmin(OutboxAdmin):
    list_display = ("pk", "event", "subscription", "channel", "status", "attempts", "claimed_until", "sent_at")
    list_filter = ("status", "channel")
    list_select_related = ("event", "subscription__subscriber", "subscription__bill", "subscription__member")
    search_fields = ("subscription__subscriber__email",)


@admin.register(Digest)
class DigestAdmin(OutboxAdmin):
    list_display = ("pk", "subscriber", "digest_date", "status", "attempts", "sent_at")
    list_select_related = ("subscriber",)
    search_fields = ("subscriber__email",)

from django import forms

from .models import Subscriber
from .targets import TARGET_KIND_CHOICES, TARGET_KINDS


class SubscribeForm(forms.Form):
    email = forms.EmailField(label="Email address", max_length=254, error_messages={
        "required": "Enter your email address",
        "invalid": "Enter an email address in the right format, like name@example.com",
    })
    target_kind = forms.ChoiceField(choices=TARGET_KIND_CHOICES, widget=forms.HiddenInput)
    target_id = forms.IntegerField(min_value=1, max_value=2**31 - 1, widget=forms.HiddenInput)

    def clean_email(self) -> str:
        """One subscriber per address, whatever its capitals."""
        return self.cleaned_data["email"].strip().lower()

    def clean(self) -> dict:
        """Adds `target`, the bill or member to follow, when the form names one that exists."""
        data = super().clean()
        kind = TARGET_KINDS.get(data.get("target_kind", ""))
        if kind and data.get("target_id"):
            data["target"] = kind.find(data["target_id"])
            if data["target"] is None:
                raise forms.ValidationError(f"There is no such {kind.label} to follow. "
                                            "Go back to its page and try again.")
        return data


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label="How often should we email you?", choices=Subscriber.Frequency.choices,
                                  widget=forms.RadioSelect)


class StopForm(forms.Form):
    """Stop one subscription (its id) from the manage page."""

    subscription = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

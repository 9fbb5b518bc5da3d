from django import forms

from .models import Subscriber
from .targets import TARGET_KIND_CHOICES


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


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label="How often should we email you?", choices=Subscriber.Frequency.choices,
                                  widget=forms.RadioSelect)


class StopForm(forms.Form):
    """Stop one subscription (its id) from the manage page."""

    subscription = forms.IntegerField(min_value=1, widget=forms.HiddenInput)

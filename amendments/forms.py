from django import forms

from .models import Decision
from .selectors import AmendmentFilters


class AmendmentFilterForm(forms.Form):
    q = forms.CharField(label="Words in the number, title or text", required=False, max_length=200,
                        widget=forms.TextInput(attrs={"class": "govuk-input"}))
    decision = forms.ChoiceField(label="Decision", required=False, choices=[("", "Any decision"), *Decision.choices],
                                 widget=forms.Select(attrs={"class": "govuk-select"}))
    sponsor = forms.CharField(label="Sponsor's name", required=False, max_length=200,
                              widget=forms.TextInput(attrs={"class": "govuk-input"}))
    # Validated as a number; the choices (the parties of the bill's sponsors) are set once known.
    party = forms.IntegerField(label="Sponsor's party", required=False, min_value=0, max_value=2**31 - 1,
                               widget=forms.Select(attrs={"class": "govuk-select"}))

    def filters(self) -> AmendmentFilters:
        data = self.cleaned_data
        return AmendmentFilters(decision=data["decision"], sponsor=data["sponsor"].strip(), party=data["party"],
                                q=data["q"].strip())

    def party_choices_set(self, parties) -> None:
        self.fields["party"].widget.choices = [("", "Any party")] + [(p.members_api_id, p.name) for p in parties]

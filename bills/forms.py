from django import forms

from .models import House
from .selectors import BillFilters


class BillFilterForm(forms.Form):
    q = forms.CharField(label="Search titles", required=False, max_length=200)
    session = forms.TypedChoiceField(label="Session", required=False, coerce=int, empty_value=None)
    house = forms.ChoiceField(label="Currently in", required=False,
                              choices=[("", "Any House"), *House.choices])
    stage = forms.TypedChoiceField(label="Current stage", required=False, coerce=int, empty_value=None)
    act = forms.ChoiceField(label="Became an Act", required=False,
                            choices=[("", "Any"), ("yes", "Became an Act"), ("no", "Not an Act")])

    def __init__(self, *args, stage_types, sessions, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["stage"].choices = [("", "Any stage")] + [(t.bills_api_id, str(t)) for t in stage_types]
        self.fields["session"].choices = [("", "Any session")] + [(s.bills_api_id, str(s)) for s in sessions]

    def filters(self) -> BillFilters:
        data = self.cleaned_data
        return BillFilters(
            q=data["q"].strip(),
            session=data["session"],
            house=data["house"],
            stage_type=data["stage"],
            is_act={"yes": True, "no": False}.get(data["act"]),
        )

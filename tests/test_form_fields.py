"""Form fields are drawn one way: Django's own form renderer, with our field template
(templates/partials/field.html), which writes radio buttons and check boxes by hand."""

import re

import pytest
from django import forms
from django.conf import settings as django_settings

from decisionaid.clinicians.forms import InvitationForm
from decisionaid.questionnaire import steps
from decisionaid.sharing.forms import SendForm, ShareLinkForm

pytestmark = pytest.mark.django_db

CHOICES = (forms.RadioSelect, forms.CheckboxSelectMultiple)
FORMS = [step.form_class for step in steps.STEPS] + [ShareLinkForm, SendForm, InvitationForm]


def bound_with_a_choice_made(form_class: type[forms.Form]) -> forms.Form:
    """The form with the first choice of every choice field picked and its other fields
    empty: so inputs checked, unchecked and marked invalid all appear."""
    form = form_class()
    data = {}
    for name, field in form.fields.items():
        if isinstance(field.widget, CHOICES) and field.choices:
            first = next(value for value, _label in field.choices if value != "")
            data[name] = [first] if isinstance(field.widget, forms.CheckboxSelectMultiple) else first
    bound = form_class(data=data)
    bound.is_valid()
    return bound


@pytest.mark.parametrize("form_class", FORMS, ids=lambda form_class: form_class.__name__)
def test_hand_written_choices_are_the_markup_djangos_widgets_make(form_class):
    for form in (form_class(), bound_with_a_choice_made(form_class)):
        for field in form:
            if not isinstance(field.field.widget, CHOICES):
                continue
            html = field.as_field_group()
            for choice in field:
                assert str(choice.tag()) in html, (field.name, str(choice.tag()))


def test_a_widget_template_overridden_in_templates_django_forms_is_used(settings, tmp_path):
    # Django's documented way to change how a widget is drawn, by any project template folder.
    override = tmp_path / "django" / "forms" / "widgets" / "text.html"
    override.parent.mkdir(parents=True)
    override.write_text('<input type="text" name="{{ widget.name }}" data-drawn-by="our-override">')
    engine = django_settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]
    html = steps.STEPS[[step.slug for step in steps.STEPS].index("cost")].form_class()["session_fee"].as_field_group()
    assert 'data-drawn-by="our-override"' in html
    assert re.search(r'<label for="id_session_fee"', html), "still drawn inside our field template"

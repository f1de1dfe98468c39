"""How Django renders form fields in this project: every field through one template,
`templates/partials/field.html` (label or legend, hint, errors tied to the input), and each
input through Django's own widget templates, rendered by Jinja2.

A page of questions has dozens of radio buttons; Django's template language takes about
0.2 ms for each (three nested includes), Jinja2 a small part of that, for the same markup."""

from functools import cached_property

from django.forms.renderers import Jinja2, TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "partials/field.html"

    @cached_property
    def widgets(self) -> Jinja2:
        return Jinja2()

    def get_template(self, template_name: str):
        if template_name.startswith("django/forms/widgets/"):
            return self.widgets.get_template(template_name)
        return super().get_template(template_name)

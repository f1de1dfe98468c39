"""How Django renders form fields in this project: every field through one template,
`templates/partials/field.html` (label or legend, hint, errors tied to the input)."""

from django.forms.renderers import TemplatesSetting


class FormRenderer(TemplatesSetting):
    field_template_name = "partials/field.html"

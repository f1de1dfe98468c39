"""Signing in and changing a password: Django's own views, with what an outside review found
missing (issue 15). A user name longer than the account's column is a kind error before any
lookup; a signed-in clinician sent to the sign-in page again goes to their dashboard; guesses
at the old password are limited like sign-ins. (Like every page, none is ever cached: decisionaid.middleware.)"""

from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .access import over_limit


class SignInForm(AuthenticationForm):
    def clean_username(self) -> str:
        # Django's form only tells the browser the maximum; here it is checked, so an absurd
        # name never reaches the sign-in lockout's table (255 characters) or a log.
        username = self.cleaned_data["username"]
        if len(username) > self.fields["username"].max_length:
            params = {"username": self.username_field.verbose_name}
            raise forms.ValidationError(self.error_messages["invalid_login"], code="invalid_login", params=params)
        return username


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    redirect_authenticated_user = True

    def get_redirect_url(self) -> str:
        # "Next" pointing back at this page would send a signed-in clinician round in a loop:
        # they go to their dashboard instead.
        url = super().get_redirect_url()
        return "" if urlsplit(url).path == reverse("login") else url


class PasswordChangeView(auth_views.PasswordChangeView):
    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Each try checks the old password, so tries are limited like sign-ins are.
        refused = over_limit(
            request,
            "password_change",
            settings.PASSWORD_CHANGE_LIMIT_PER_HOUR,
            _("You have tried to change your password many times. Please try again later."),
            "clinician_dashboard",
            _("Back to your dashboard"),
        )
        return refused or super().post(request, *args, **kwargs)

"""A URLconf with a view that fails, to see the 500 page a person would get."""

from django.urls import path

from decisionaid.urls import handler500, urlpatterns  # noqa: F401 (handler500 is read by Django)


def boom(request):
    raise RuntimeError("a bug")


urlpatterns = [*urlpatterns, path("boom/", boom)]

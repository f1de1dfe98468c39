"""The crisis banner's place on a page: just after the page's h1, so a screen reader hears the
page's title first and the banner's heading under it (issues 19 and 20), and only on a page
that has no crisis block of its own (one crisis block a page).

base.html wraps its main block in `{% with_crisis_banner %}`. A page (or an htmx partial, as a
questionnaire step) that shows crisis lines itself marks them `data-crisis-block`."""

from django import template

register = template.Library()

MARK = "data-crisis-block"
AFTER = "</h1>"


class CrisisBannerNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context) -> str:
        html = self.nodelist.render(context)
        if not context.get("crisis_active") or MARK in html:
            return html
        banner = context.template.engine.get_template("partials/crisis_banner.html")
        with context.push():
            rendered = banner.render(context)
        at = html.find(AFTER)
        if at == -1:
            return rendered + html
        at += len(AFTER)
        return html[:at] + rendered + html[at:]


@register.tag
def with_crisis_banner(parser, token):
    nodelist = parser.parse(("endwith_crisis_banner",))
    parser.delete_first_token()
    return CrisisBannerNode(nodelist)

"""Print the evidence grid for a clinical reviewer: for each concern, each option's level,
the guideline's position, the medicine the level is about (medicine and both together), the
sources and the review date; then the rules for groups of people (young, older, pregnant,
breastfeeding, planning, milder symptoms) and what differs by UK nation. Exit non-zero,
naming the cells, when any cell has no level or no source, or is missing altogether, or a
medicine cell does not name its medicine."""

from django.core.management.base import BaseCommand, CommandError

from decisionaid.content.models import (
    Concern,
    ContentVersion,
    Evidence,
    EvidenceScope,
    NationText,
    Option,
    OtherCare,
    PopulationText,
)

# The options whose cells must say which medicine their level is about.
MEDICINE_OPTIONS = ("medication", "combined")


class Command(BaseCommand):
    help = "Print the evidence grid (concern x option) and fail on any cell without a level or a source."

    def handle(self, *args, **options):
        version = ContentVersion.current()
        if version:
            self.stdout.write(
                f"Content {version.version}: reviewed {version.reviewed_on}, next review {version.next_review_on}"
            )
        else:
            self.stdout.write("No content version is loaded.")

        option_list = list(Option.objects.order_by("order"))
        cells = {
            (cell.concern_id, cell.option_id): cell
            for cell in Evidence.objects.select_related("option", "concern").prefetch_related("sources")
        }
        levels = dict(Evidence._meta.get_field("level").choices)
        width = max((len(option.slug) for option in option_list), default=0)
        problems = []
        for concern in Concern.objects.order_by("order", "code"):
            self.stdout.write("")
            self.stdout.write(f"{concern.code}: {concern.label}")
            for option in option_list:
                cell = cells.get((concern.id, option.id))
                name = f"{concern.code} x {option.slug}"
                if cell is None:
                    self.stdout.write(f"  {option.slug:<{width}}  MISSING")
                    problems.append(f"{name}: no cell")
                    continue
                sources = [source.key for source in cell.sources.all()]
                if cell.level not in levels:
                    problems.append(f"{name}: no level")
                if not sources:
                    problems.append(f"{name}: no source")
                if option.slug in MEDICINE_OPTIONS and not cell.medicine:
                    problems.append(f"{name}: no medicine named")
                self.stdout.write(
                    f"  {option.slug:<{width}}  {cell.level or 'NO LEVEL':<15}  {_guideline(cell):<28}  "
                    f"reviewed {cell.reviewed_on}{'  approximate' if cell.approximate else ''}"
                )
                cited = [
                    f"{source.key} (approximate)" if source.approximate else source.key for source in cell.sources.all()
                ]
                if cell.medicine:
                    self.stdout.write(f"  {'':<{width}}  medicine: {cell.medicine}")
                self.stdout.write(f"  {'':<{width}}  sources: {', '.join(cited) or 'NONE'}")

        _scopes_and_other_care(self.stdout.write)
        self._populations()
        self._nations()
        self.stdout.write("")
        self.stdout.write(f"{len(cells)} cells, {len(problems)} problems.")
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"{len(problems)} cells need a level or a source: " + "; ".join(problems))

    def _populations(self) -> None:
        self.stdout.write("")
        self.stdout.write("Groups of people (summary/populations.py says who is in each):")
        rows = PopulationText.objects.select_related("option", "region").prefetch_related("sources")
        for row in rows.order_by("population", "order", "id"):
            where = f" in {row.region.code}" if row.region_id else ""
            target = f"{row.option.slug} {row.part}" if row.option_id else row.part
            sources = ", ".join(source.key for source in row.sources.all()) or "NONE"
            self.stdout.write(f"  {row.population}{where}: {target}: {row.text}")
            self.stdout.write(f"    sources: {sources}; reviewed {row.reviewed_on}")

    def _nations(self) -> None:
        self.stdout.write("")
        self.stdout.write("UK nations (a UK person who names none reads the UK rows, which say what differs):")
        for row in NationText.objects.select_related("option").prefetch_related("sources"):
            target = f"{row.topic} {row.option.slug}" if row.option_id else row.topic
            name = f"{row.name}: " if row.name else ""
            sources = ", ".join(source.key for source in row.sources.all()) or "NONE"
            self.stdout.write(f"  {row.nation}: {target}: {name}{row.text}")
            self.stdout.write(f"    sources: {sources}; reviewed {row.reviewed_on}")


def _guideline(cell) -> str:
    if not cell.guideline_position:
        return "no guideline position"
    # Every first-line mark with its scope, and whether this aid can tell who is in it.
    scope = f" {cell.guideline_for}" if cell.guideline_for else ""
    severity = f" ({cell.guideline_severity.replace('_', ' ')})" if cell.guideline_severity else ""
    return f"{cell.guideline_body} {cell.guideline_code}: {cell.guideline_position}{scope}{severity}"


def _scopes_and_other_care(write) -> None:
    """The cells as they read for some people only, and the care offered first per concern."""
    write("")
    write("Cells for some people only (the first that holds replaces the cell):")
    for row in EvidenceScope.objects.select_related("option", "concern").prefetch_related("sources"):
        write(f"  {row.concern.code} x {row.option.slug} for {row.scope_words()}: {row.level}, {_guideline(row)}")
        write(f"    sources: {', '.join(source.key for source in row.sources.all())}")
    write("")
    write("Other care offered first, by concern:")
    for row in OtherCare.objects.select_related("concern").prefetch_related("sources"):
        write(f"  {row.concern.code} for {row.scope_words()}: {row.text}")
        write(f"    sources: {', '.join(source.key for source in row.sources.all())}")

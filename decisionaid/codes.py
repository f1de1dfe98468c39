"""The contract's vocabulary (decisionaid/contract/answers.schema.json), as Django choices.

Field names and values on forms, in the summary and in exports are exactly these codes;
the labels are the plain words a person reads. The PHQ-9 and GAD-7 answer scales are
defined with the instruments, in decisionaid/instruments.py.
"""

from django.utils.translation import gettext_lazy as _

REGIONS = [
    ("US", _("United States")),
    ("UK", _("United Kingdom")),
    ("IE", _("Ireland")),
    ("CA", _("Canada")),
    ("AU", _("Australia")),
    ("NZ", _("New Zealand")),
    ("OTHER", _("Somewhere else")),
]

AGE_BANDS = [
    ("under_18", _("Under 18")),
    ("18_24", _("18 to 24")),
    ("25_64", _("25 to 64")),
    ("65_plus", _("65 or older")),
]

CONCERNS = [
    ("depression", _("Feeling low or depressed")),
    ("anxiety", _("Worry or anxiety")),
    ("panic", _("Panic attacks")),
    ("relationships", _("Problems with relationships")),
    ("eating", _("Eating problems, such as anorexia or bulimia")),
    ("sleep", _("Sleep problems")),
    ("trauma", _("Trauma, or PTSD")),
    ("ocd", _("Obsessions or compulsions (OCD)")),
    ("psychosis", _("Hearing or seeing things others don't, or psychosis")),
    ("substance_use", _("Alcohol or drug use")),
    ("grief", _("Grief after a loss")),
    ("personality", _("Long-standing problems with moods, identity or relationships (personality)")),
    ("self_esteem", _("Low self-esteem")),
    ("physical_stress", _("Body symptoms linked to stress")),
]

GOALS = [
    ("symptom_relief", _("Feel better, with fewer symptoms")),
    ("coping_skills", _("Learn ways to cope")),
    ("understand_patterns", _("Understand why I feel and act as I do")),
    ("relationships", _("Get on better with other people")),
    ("self_esteem", _("Feel better about myself")),
    ("lasting_change", _("Make changes that last")),
    ("work", _("Cope better at work or school")),
]

RELIEF_TIMING = [
    ("weeks", _("Within a few weeks")),
    ("months", _("Within a few months")),
    ("no_rush", _("I am not in a rush")),
]

COMMITMENT = [
    ("up_to_3_months", _("Up to 3 months")),
    ("3_to_6_months", _("3 to 6 months")),
    ("6_to_12_months", _("6 to 12 months")),
    ("over_a_year", _("More than a year")),
    ("unsure", _("I am not sure")),
]

COVERAGE = [
    ("none", _("I would pay myself")),
    ("private_insurance", _("Private health insurance")),
    ("public", _("A public health service")),
    ("employer", _("My work or school")),
    ("unsure", _("I am not sure")),
]

MEDICATION_VIEWS = [
    ("open", _("I am open to it")),
    ("unsure", _("I am not sure")),
    ("prefer_not", _("I would rather not")),
    ("already_taking", _("I already take one")),
]

PREGNANCY = [
    ("pregnant", _("I am pregnant")),
    ("breastfeeding", _("I am breastfeeding")),
    ("planning", _("I am planning a pregnancy")),
    # Answers saved before the split said only "yes"; they stay valid (the contract keeps it).
    ("yes", _("Yes")),
    ("no", _("No")),
    ("not_applicable", _("Does not apply to me")),
    ("prefer_not_say", _("I would rather not say")),
]

PAST_TREATMENTS = [
    ("cbt", _("CBT")),
    ("psychodynamic", _("Psychodynamic therapy")),
    ("other_therapy", _("Another talking therapy")),
    ("medication", _("Medicine for mood or anxiety")),
    ("none", _("None of these")),
]

PAST_TREATMENT_OUTCOMES = [
    ("helped", _("It helped")),
    ("partly", _("It helped a little")),
    ("did_not_help", _("It did not help")),
    ("side_effects", _("I stopped because of side effects")),
]

UK_NATIONS = [
    ("england", _("England")),
    ("scotland", _("Scotland")),
    ("wales", _("Wales")),
    ("northern_ireland", _("Northern Ireland")),
]

EATING_PATTERNS = [
    ("restricting", _("Eating too little, or cutting out a lot of food")),
    ("binge_eating", _("Eating a lot at once and feeling out of control")),
    ("binge_purge", _("Eating a lot at once, then trying to make up for it")),
    ("unsure", _("I am not sure")),
]

STYLES = [
    ("structured", _("Structured: skills, tasks to practise, a plan for each session")),
    ("open_ended", _("Open: talk freely and explore")),
    ("no_preference", _("No preference")),
]

IMPORTANCE_ITEMS = [
    ("quick_relief", _("Feeling better soon")),
    ("avoid_side_effects", _("Avoiding side effects")),
    ("self_understanding", _("Understanding myself better")),
    ("practical_skills", _("Learning practical skills")),
    ("low_cost", _("Keeping the cost low")),
    ("few_sessions", _("Needing only a few sessions")),
    ("lasting_benefit", _("Help that lasts after treatment ends")),
]

IMPORTANCE_SCALE = [
    (0, _("Does not matter to me")),
    (1, _("Matters a little")),
    (2, _("Matters some")),
    (3, _("Matters a lot")),
    (4, _("Matters a great deal")),
]

OPTION_SLUGS = [
    ("psychodynamic", _("Psychodynamic therapy")),
    ("cbt", _("Cognitive behavioural therapy (CBT)")),
    ("medication", _("Medicine")),
    ("combined", _("Therapy and medicine together")),
    ("self_help", _("Guided self-help, or waiting and checking in")),
]

EVIDENCE_LEVELS = [
    ("strong", _("Strong evidence")),
    ("moderate", _("Moderate evidence")),
    ("limited", _("Limited evidence")),
    ("not_recommended", _("Not recommended")),
    ("insufficient", _("Not enough research")),
]

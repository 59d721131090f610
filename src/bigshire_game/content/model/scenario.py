"""The shape of content/scenario.toml: the calendar, phases, rules, balance, routing, economy, schemes,
ladders and observer themes."""

from __future__ import annotations

from attrs import field, frozen

from ...vocabulary.settings import RuleSettings
from .shared import Condition, Effect, Scalar, tune


@frozen(kw_only=True)
class Calendar:
    start: str
    end: str
    merged: tuple[tuple[str, ...], ...] = ()


@frozen(kw_only=True)
class Phase:
    id: str
    title: str
    kind: str  # news | turns | resolution
    kinds: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    minutes: int = 5
    text: str = ""


@frozen(kw_only=True)
class Activity:
    """A unit of care commissioners buy, with its national price in pounds."""

    id: str
    title: str
    unit: str
    setting: str
    price: int
    per_1000_per_month: float
    emergency: bool = False
    referral_driven: bool = False


@frozen(kw_only=True)
class Rules(RuleSettings):
    """The rule settings the game starts with (every one optional), and the kind of contract offered first."""

    default_contract: str = "tariff"


@frozen(kw_only=True)
class Balance:
    """The numbers the rules use; every one optional, the defaults are the game as designed."""

    request_lapse_months: int = tune(2, "months an unanswered concern or request stays open before it lapses")
    answer_trust: int = tune(2, "trust gained with the asker by answering a concern or request")
    meeting_trust: int = tune(3, "trust gained between each pair of organisations at a meeting held")
    proposal_lapse_months: int = tune(2, "months a proposed agreement stays open before it lapses")
    plan_points_base: int = tune(10, "credibility every financial plan starts with")
    plan_points_coverage: int = tune(50, "credibility for realistic savings covering the whole gap (a share for part)")
    plan_points_analytics: int = tune(20, "credibility for analysts standing behind the numbers")
    plan_points_needs: int = tune(20, "credibility for a plan reflecting the wellbeing board's needs assessment")
    plan_points_hopeful: int = tune(30, "credibility lost, at most, for savings claimed beyond realistic")
    plan_realistic_factor: float = tune(1.5, "realistic savings: this times identified savings plus schemes'")
    plan_needs_trust: int = tune(60, "trust with the wellbeing board that counts as sharing its needs assessment")
    plan_challenge_cost: int = tune(10, "credibility a plan loses when challenged")
    plan_challenge_trust: int = tune(-5, "trust change between the challenger and the challenged consortium")
    scheme_board_limit: int = tune(-50_000, "the deepest balance (£k, negative) a board would invest into")
    scheme_failure_base: float = tune(0.05, "chance (0 to 1) that any scheme fails")
    scheme_failure_weak_partner: float = tune(0.20, "added chance of failure with a partner below scheme_weak_quality")
    scheme_weak_quality: int = tune(60, "a partner's quality below which it counts as weak")
    scheme_failure_distrust: float = tune(0.10, "added chance of failure when trust with partners is low")
    scheme_low_trust: int = tune(40, "the investor's average trust with its partners below which it counts as low")
    quality_strain: float = tune(1.06, "providers working above this multiple of their baseline lose quality")
    new_work_cost: float = tune(0.9, "share of its tariff value that work new to a provider costs to deliver")
    scheme_delivery_cost: float = tune(0.9, "share of a scheme's money its partners spend delivering it")
    rating_good_from: int = tune(75, 'quality from which the inspectors rate a provider "good"')
    rating_requires_improvement_from: int = tune(
        60, 'quality from which a rating is "requires improvement", not "inadequate"'
    )
    verdict_credible_from: int = tune(60, 'plan credibility from which the Board finds a plan "credible"')
    analytics_lag_months: int = tune(2, "months late a commissioner without analysts sees its own year-end position")
    surprise_from: int = tune(2000, "£k: a year-end position this far from what a commissioner foresaw is a surprise")
    recruit_cost: int = tune(600, "£k a year's new staff cost an organisation that recruits, paid at once")
    recruit_most: int = tune(2, "posts an organisation may add in a game by recruiting")
    expertise_cost: int = tune(300, "£k an organisation pays, at once, to hire former commissioners")
    expertise_months: int = tune(3, "month ends at which hired former commissioners raise trust with their partners")
    expertise_trust: int = tune(4, "trust gained with each chosen organisation at each of those month ends")
    expertise_partners: int = tune(4, "most organisations one hire of former commissioners works on")
    verdict_needs_work_from: int = tune(40, 'plan credibility from which a verdict is "needs work", not "not credible"')
    closure_delay_limit: int = tune(3, "most months strong objections can add to a closure's notice period")
    closure_objection_cost: int = tune(
        1000, "£k each objection adds to what a closure costs when it goes ahead (consultation, legal challenge)"
    )
    closure_override_trust: int = tune(
        -10, "trust change with each objector when a closure goes ahead before its date, anyway"
    )
    dispute_claim: int = tune(500, "£k a dispute about a cost claims unless the claimant says otherwise")
    dispute_trust: int = tune(-3, "trust change between two organisations when one raises a dispute against the other")
    mediation_trust: int = tune(3, "trust each party gains with the mediator, and each other, when it splits a cost")
    mediation_loser_trust: int = tune(-4, "trust change between the mediator and the side a ruling goes against")
    consultation_referral_percent: float = tune(
        -1.5,
        "change in a consortium's referral rate, per cent, when it takes a decision its practices were consulted on",
    )
    deadline_met_trust: int = tune(4, "trust gained between each pair of parties when a deadline they agreed is met")
    deadline_missed_trust: int = tune(
        -6, "trust change between a party that delivered and one that did not when a deadline is missed"
    )


_PROVIDERS = ("acute", "community", "gp_provider", "mental_health", "private")


@frozen(kw_only=True)
class ConcernRoute:
    """Concerns about organisations of the `about` kinds, on `topic`, may go to any organisation of the `to`
    kind or holding the `to_power` power."""

    about: tuple[str, ...]
    topic: str
    to: str = ""
    to_power: str = ""


@frozen(kw_only=True)
class RequestRoute:
    """Organisations of the `by` kinds (any, when empty) may ask any organisation of the `to` kind or holder of
    `to_power` for help on `topic`, or for a ruling on `setting`."""

    topic: str
    by: tuple[str, ...] = ()
    to: str = ""
    to_power: str = ""
    setting: str = ""


@frozen(kw_only=True)
class MeetingRoute:
    """Organisations of the `by` kinds may call a meeting on `topic` with every organisation of the `invite` kinds."""

    by: tuple[str, ...]
    invite: tuple[str, ...]
    topic: str = "strategy"


@frozen(kw_only=True)
class ObjectionRoute:
    """Organisations of the `by` kinds may register opposition to a closure; with `affected`, only those whose
    population it affects."""

    by: tuple[str, ...]
    affected: bool = False


@frozen(kw_only=True)
class InformationRoute:
    """Organisations of the `by` kinds may ask any organisation of the `to` kinds for information on `topic`
    (anyone, when a list is empty)."""

    topic: str
    by: tuple[str, ...] = ()
    to: tuple[str, ...] = ()


@frozen(kw_only=True)
class QuestionRoute:
    """Organisations of the `by` kinds (any, when empty) may ask the first of the `to` kind or holder of
    `to_power`, a regulator, a question about a rule in words: `rule` is the question offered ready-made (a
    player may ask about any rule)."""

    topic: str
    rule: str
    by: tuple[str, ...] = ()
    to: str = ""
    to_power: str = ""


@frozen(kw_only=True)
class CommitmentRoute:
    """Organisations of the `by` kinds may ask every organisation of the `to` kinds to commit to `priority`."""

    by: tuple[str, ...]
    to: tuple[str, ...]
    priority: str


@frozen(kw_only=True)
class LeadRoute:
    """Providers of the `by` kinds may ask the organisations of the `to` kinds that buy from them for a single
    lead commissioner."""

    by: tuple[str, ...]
    to: tuple[str, ...] = ("consortium",)


def _concern_routes() -> tuple[ConcernRoute, ...]:
    return (
        ConcernRoute(about=_PROVIDERS, topic="quality", to="cqc"),
        ConcernRoute(about=_PROVIDERS, topic="money", to="monitor"),
        ConcernRoute(about=("consortium",), topic="money", to="nhscb"),
    )


def _request_routes() -> tuple[RequestRoute, ...]:
    return (
        RequestRoute(topic="money", to_power="award_funding"),
        RequestRoute(topic="money", to_power="rule", setting="below_tariff_allowed"),
    )


def _meeting_routes() -> tuple[MeetingRoute, ...]:
    return (
        MeetingRoute(by=("consortium", "csu"), invite=("consortium",), topic="strategy"),
        MeetingRoute(by=("nhscb",), invite=("consortium",), topic="money"),
        MeetingRoute(by=("hwb",), invite=("consortium", "acute", "community", "mental_health"), topic="strategy"),
        MeetingRoute(by=("healthwatch",), invite=("hwb", "consortium"), topic="public"),
        MeetingRoute(by=("monitor",), invite=("cqc", "nhscb"), topic="governance"),
        MeetingRoute(by=("cqc",), invite=("monitor", "nhscb"), topic="quality"),
        MeetingRoute(by=_PROVIDERS, invite=_PROVIDERS, topic="strategy"),
    )


def _objection_routes() -> tuple[ObjectionRoute, ...]:
    return (ObjectionRoute(by=("consortium",), affected=True), ObjectionRoute(by=("healthwatch", "hwb")))


def _information_routes() -> tuple[InformationRoute, ...]:
    return (
        InformationRoute(topic="money"),
        InformationRoute(topic="quality", by=("healthwatch", "hwb", "consortium"), to=_PROVIDERS),
    )


def _question_routes() -> tuple[QuestionRoute, ...]:
    return (
        QuestionRoute(
            topic="competition",
            to_power="review_competition",
            rule="whether providers working together as one need a competition review",
        ),
        QuestionRoute(topic="quality", to="cqc", rule="whether a new integrated body must register afresh"),
    )


def _commitment_routes() -> tuple[CommitmentRoute, ...]:
    return (CommitmentRoute(by=("hwb",), to=("consortium",), priority="prevention"),)


def _lead_routes() -> tuple[LeadRoute, ...]:
    return (LeadRoute(by=_PROVIDERS),)


@frozen(kw_only=True)
class Routing:
    """Who may address whom about what, as rules by kind and by power; the defaults are the game as designed."""

    concerns: tuple[ConcernRoute, ...] = field(factory=_concern_routes)
    requests: tuple[RequestRoute, ...] = field(factory=_request_routes)
    meetings: tuple[MeetingRoute, ...] = field(factory=_meeting_routes)
    objections: tuple[ObjectionRoute, ...] = field(factory=_objection_routes)
    information: tuple[InformationRoute, ...] = field(factory=_information_routes)
    questions: tuple[QuestionRoute, ...] = field(factory=_question_routes)
    commitments: tuple[CommitmentRoute, ...] = field(factory=_commitment_routes)
    leads: tuple[LeadRoute, ...] = field(factory=_lead_routes)


@frozen(kw_only=True)
class Economy:
    demand_growth_percent: float
    cost_inflation_percent: float = 0.0
    seasonality: dict[str, float] = field(factory=dict)


@frozen(kw_only=True)
class Scheme:
    """An investment that costs money now and saves activity after a lag."""

    id: str
    title: str
    text: str
    cost: int
    lag_months: int
    activity: str
    reduction_percent: float
    partner_kinds: tuple[str, ...] = ()
    quality: int = 0
    tags: tuple[str, ...] = ()  # topics its events are about
    purposes: tuple[str, ...] = ()  # what it is for, read by the rules and the bots (catalogue SCHEME_PURPOSES)


@frozen(kw_only=True)
class LadderStep:
    id: str
    title: str
    text: str = ""
    effects: tuple[Effect, ...] = ()


@frozen(kw_only=True)
class Trigger:
    """A state that puts an organisation on a regulator's agenda; the condition's `of` is the subject."""

    id: str
    title: str
    condition: Condition


@frozen(kw_only=True)
class Ladder:
    """A regulator's escalating sanctions, lowest first; the last step is the ultimate sanction."""

    id: str
    title: str
    regulator: str
    applies_to: tuple[str, ...]
    steps: tuple[LadderStep, ...]
    triggers: tuple[Trigger, ...] = ()


@frozen(kw_only=True)
class EventFilter:
    """Selects events for an observer theme's measure."""

    events: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    from_kinds: tuple[str, ...] = ()
    to_kinds: tuple[str, ...] = ()
    answered: bool | None = None
    fields: dict[str, Scalar] = field(
        factory=dict, metadata={"help": "the events' own fields, by their names in narrative.toml, equal to these"}
    )


@frozen(kw_only=True)
class Measure:
    """What an observer theme measures: events counted (count, ratio, share), or the organisations' graph of
    who asked, met and allied with whom (inbound_share, unanswered, clusters, alone)."""

    kind: str
    of: EventFilter | None = None
    against: EventFilter | None = None
    at_least: float | None = None
    at_most: float | None = None
    above: float | None = None
    below: float | None = None
    value_of: str = field(
        default="",
        metadata={
            "help": "event measures: add up (or, for a median, take the middle of) this field of the events,"
            " by its name in narrative.toml, instead of counting them"
        },
    )
    kinds: tuple[str, ...] = field(
        default=(), metadata={"help": "graph measures: the kinds of organisation the measure is about"}
    )
    asks: tuple[str, ...] = field(
        default=(), metadata={"help": "inbound_share and unanswered: which asks count (all when left out)"}
    )
    members: int | None = field(
        default=None, metadata={"help": "clusters and alone: the fewest organisations a cluster has (2 when left out)"}
    )


@frozen(kw_only=True)
class Theme:
    """An observer note the debrief shows only when its measure holds."""

    id: str
    title: str
    text: str
    measure: Measure
    behaviour: str = field(default="", metadata={"help": "the behaviour the sweep reports this theme under"})
    games_at_least: float | None = field(
        default=None, metadata={"help": "sweep target: the theme holds in at least this % of games"}
    )
    games_at_most: float | None = field(
        default=None, metadata={"help": "sweep target: the theme holds in at most this % of games"}
    )
    debrief: bool = field(default=True, metadata={"help": "shown as an observer note in a debrief when it holds"})


@frozen(kw_only=True)
class KindLabel:
    """What a scenario calls one kind of organisation, e.g. "clinical commissioning group"."""

    singular: str
    plural: str


@frozen(kw_only=True)
class Labels:
    """The scenario's own words for what the catalogue names: its game's span and its kinds of organisation."""

    span: str = field(
        default="",
        metadata={"help": 'what players call the whole game, e.g. "the year"; left out, "the game"'},
    )
    kinds: dict[str, KindLabel] = field(
        factory=dict, metadata={"help": "a kind of organisation's name in this scenario, by kind"}
    )


@frozen(kw_only=True)
class ScenarioFile:
    id: str
    title: str
    summary: str
    calendar: Calendar
    phases: tuple[Phase, ...]
    rules: Rules
    economy: Economy
    activities: tuple[Activity, ...]
    schemes: tuple[Scheme, ...] = ()
    ladders: tuple[Ladder, ...] = ()
    themes: tuple[Theme, ...] = ()
    balance: Balance = Balance()
    routing: Routing = Routing()
    labels: Labels = Labels()

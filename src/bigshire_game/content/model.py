"""The shape of scenario, role and deck files, as frozen attrs classes.

Field names are the TOML keys facilitators write, so the classes double as the
file format's reference (docs/authoring.md and the JSON Schemas follow them).
Money is whole thousands of pounds; months are written "2013-10".
"""

from __future__ import annotations

from attrs import field, frozen

Scalar = bool | int | float | str


# --- shared pieces ---------------------------------------------------------


@frozen(kw_only=True)
class Condition:
    """A test on the state of the game: one metric, one rule, one card, or a combination."""

    metric: str | None = None
    of: str | None = None
    ladder: str | None = None
    above: float | None = None
    below: float | None = None
    at_least: float | None = None
    at_most: float | None = None
    rule: str | None = None
    equals: Scalar | None = None
    card: str | None = None
    published: bool | None = None
    option: str | None = None
    all_of: tuple[Condition, ...] | None = None
    any_of: tuple[Condition, ...] | None = None
    none_of: tuple[Condition, ...] | None = None


@frozen(kw_only=True)
class Effect:
    """One change to the world. Which fields apply depends on `kind`."""

    kind: str
    target: str | None = None
    amount: int | None = None
    percent: float | None = None
    flow: str | None = None
    payer: str | None = None
    payee: str | None = None
    activity: str | None = None
    months: int | None = None
    setting: str | None = None
    value: Scalar | None = None
    other: str | None = None
    regulator: str | None = None
    reason: str | None = None
    source: str | None = None
    topic: str | None = None
    text: str | None = None
    card: str | None = None
    after: int | None = None
    contract: str | None = None
    activities: tuple[str, ...] | None = None
    annual_value: int | None = None
    share_percent: float | None = None
    price_percent: float | None = None


@frozen(kw_only=True)
class Closure:
    """Marks a decision or an option as closing a site or withdrawing a service. Taking it announces the closure;
    its effects happen only when it goes ahead, after a notice period that opposition can lengthen."""

    what: str  # what closes, for sentences: "the Eastbrook site"
    kind: str = "site"  # site | service
    affects: tuple[str, ...] = ()  # whose population loses it: role ids or kinds (their objections are strong)
    notice_months: int = 3  # months between the announcement and going ahead, before any delay
    announced: tuple[Effect, ...] = ()  # what the announcement itself sets off (a campaign card, a concern)


# --- scenario.toml ---------------------------------------------------------


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
class Rules:
    below_tariff_allowed: bool = False
    qualified_provider_paid_at_tariff: bool = True
    top_slice_percent: float = 2.0
    marginal_emergency_rate_percent: float = 30.0
    quality_premium_percent: float = 0.5
    quality_premium_threshold: int = 70
    competition_share_threshold_percent: float = 60.0
    competition_review_months: int = 3
    plan_deadline: str
    contract_deadline: str
    default_contract: str = "tariff"


def _tune(default: Scalar, help: str):
    """A tuning number with what it does, for the JSON Schema's description."""
    return field(default=default, metadata={"help": help})


@frozen(kw_only=True)
class Balance:
    """The numbers the rules use; every one optional, the defaults are the game as designed."""

    request_lapse_months: int = _tune(2, "months an unanswered concern or request stays open before it lapses")
    answer_trust: int = _tune(2, "trust gained with the asker by answering a concern or request")
    meeting_trust: int = _tune(3, "trust gained between each pair of organisations at a meeting held")
    proposal_lapse_months: int = _tune(2, "months a proposed agreement stays open before it lapses")
    plan_points_base: int = _tune(10, "credibility every financial plan starts with")
    plan_points_coverage: int = _tune(50, "credibility for realistic savings covering the whole gap (a share for part)")
    plan_points_analytics: int = _tune(20, "credibility for analysts standing behind the numbers")
    plan_points_needs: int = _tune(20, "credibility for a plan reflecting the wellbeing board's needs assessment")
    plan_points_hopeful: int = _tune(30, "credibility lost, at most, for savings claimed beyond realistic")
    plan_realistic_factor: float = _tune(1.5, "realistic savings: this times identified savings plus schemes'")
    plan_needs_trust: int = _tune(60, "trust with the wellbeing board that counts as sharing its needs assessment")
    plan_challenge_cost: int = _tune(10, "credibility a plan loses when challenged")
    plan_challenge_trust: int = _tune(-5, "trust change between the challenger and the challenged consortium")
    scheme_board_limit: int = _tune(-50_000, "the deepest balance (£k, negative) a board would invest into")
    scheme_failure_base: float = _tune(0.05, "chance (0 to 1) that any scheme fails")
    scheme_failure_weak_partner: float = _tune(0.20, "added chance of failure with a partner below scheme_weak_quality")
    scheme_weak_quality: int = _tune(60, "a partner's quality below which it counts as weak")
    scheme_failure_distrust: float = _tune(0.10, "added chance of failure when trust with partners is low")
    scheme_low_trust: int = _tune(40, "the investor's average trust with its partners below which it counts as low")
    quality_strain: float = _tune(1.06, "providers working above this multiple of their baseline lose quality")
    new_work_cost: float = _tune(0.9, "share of its tariff value that work new to a provider costs to deliver")
    scheme_delivery_cost: float = _tune(0.9, "share of a scheme's money its partners spend delivering it")
    rating_good_from: int = _tune(75, 'quality from which the inspectors rate a provider "good"')
    rating_requires_improvement_from: int = _tune(
        60, 'quality from which a rating is "requires improvement", not "inadequate"'
    )
    verdict_credible_from: int = _tune(60, 'plan credibility from which the Board finds a plan "credible"')
    analytics_lag_months: int = _tune(2, "months late a commissioner without analysts sees its own year-end position")
    surprise_from: int = _tune(2000, "£k: a year-end position this far from what a commissioner foresaw is a surprise")
    recruit_cost: int = _tune(600, "£k a year's new staff cost an organisation that recruits, paid at once")
    recruit_most: int = _tune(2, "posts an organisation may add in a game by recruiting")
    verdict_needs_work_from: int = _tune(
        40, 'plan credibility from which a verdict is "needs work", not "not credible"'
    )
    closure_delay_limit: int = _tune(3, "most months strong objections can add to a closure's notice period")
    closure_objection_cost: int = _tune(
        1000, "£k each objection adds to what a closure costs when it goes ahead (consultation, legal challenge)"
    )
    closure_override_trust: int = _tune(
        -10, "trust change with each objector when a closure goes ahead before its date, anyway"
    )
    dispute_claim: int = _tune(500, "£k a dispute about a cost claims unless the claimant says otherwise")
    dispute_trust: int = _tune(-3, "trust change between two organisations when one raises a dispute against the other")
    mediation_trust: int = _tune(3, "trust each party gains with the mediator, and each other, when it splits a cost")
    mediation_loser_trust: int = _tune(-4, "trust change between the mediator and the side a ruling goes against")
    consultation_referral_percent: float = _tune(
        -1.5,
        "change in a consortium's referral rate, per cent, when it takes a decision its practices were consulted on",
    )
    deadline_met_trust: int = _tune(4, "trust gained between each pair of parties when a deadline they agreed is met")
    deadline_missed_trust: int = _tune(
        -6, "trust change between a party that delivered and one that did not when a deadline is missed"
    )


_PROVIDERS = ("acute", "community", "gp_provider", "mental_health", "private")


@frozen(kw_only=True)
class ConcernRoute:
    """Concerns about organisations of the `about` kinds, on `topic`, go to the first organisation of the `to`
    kind or holding the `to_power` power."""

    about: tuple[str, ...]
    topic: str
    to: str = ""
    to_power: str = ""


@frozen(kw_only=True)
class RequestRoute:
    """Organisations of the `by` kinds (any, when empty) may ask the first of the `to` kind or holder of
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


@frozen(kw_only=True)
class Routing:
    """Who may address whom about what, as rules by kind and by power; the defaults are the game as designed."""

    concerns: tuple[ConcernRoute, ...] = field(factory=_concern_routes)
    requests: tuple[RequestRoute, ...] = field(factory=_request_routes)
    meetings: tuple[MeetingRoute, ...] = field(factory=_meeting_routes)
    objections: tuple[ObjectionRoute, ...] = field(factory=_objection_routes)


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


# --- roles/<id>.toml ---------------------------------------------------------


@frozen(kw_only=True)
class Brief:
    public: str
    private: str


@frozen(kw_only=True)
class Finance:
    opening_balance: int = 0
    annual_allocation: int = 0
    annual_cost_base: int = 0
    variable_cost_percent: float = 40.0
    other_income: int = 0
    other_spend: int = 0
    identified_savings: int = 0


@frozen(kw_only=True)
class Population:
    size: int
    need_index: float = 1.0
    needs_assessment_aligned: bool = False


@frozen(kw_only=True)
class Practice:
    id: str
    name: str
    list_size: int
    referral_index: float = 1.0
    underperforming: bool = False


@frozen(kw_only=True)
class StartingContract:
    """A contract in force when the game begins, held by the file's consortium as commissioner."""

    id: str
    provider: str
    kind: str
    activities: tuple[str, ...]
    annual_value: int = 0
    share_percent: float = 50.0
    price_percent: float = 100.0
    ends: str
    signed: bool = True


@frozen(kw_only=True)
class Decision:
    """An internal decision the role's brief offers, such as cutting beds."""

    id: str
    title: str
    text: str
    tags: tuple[str, ...] = ()
    once: bool = True
    condition: Condition | None = None
    effects: tuple[Effect, ...]
    closure: Closure | None = None


@frozen(kw_only=True)
class Relationship:
    role: str
    trust: int


@frozen(kw_only=True)
class BotSettings:
    """How a computer player weighs its moves: habits and motives, never role ids or event names."""

    cooperation: float = 0.5
    caution: float = 0.5
    priorities: tuple[str, ...] = ()
    # how much each motive weighs, 0 to 1; a priority listed and not weighed here weighs 1
    motives: dict[str, float] = field(factory=dict)
    threshold: float = _tune(3.0, "a move must score more than this to be worth an action")
    moves_per_turn: int = _tune(8, "most moves a computer player makes in one turn, answers included")
    rung_waits: tuple[int, ...] = _tune(
        (0, 1, 3, 4), "months a regulator waits on each rung of a ladder before climbing to the next"
    )
    final_wait: int = _tune(6, "months a regulator waits on the rung below the ultimate sanction")
    inspect_below: int = _tune(68, "quality below which an inspector is keen to inspect")
    attend_trust: int = _tune(40, "trust with a meeting's host below which even a cooperative organisation stays away")

    def weight(self, motive: str) -> float:
        """How much this motive counts (0 when the role does not hold it)."""
        found = self.motives.get(motive)
        if found is not None:
            return found
        return 1.0 if motive in self.priorities else 0.0


@frozen(kw_only=True)
class Role:
    id: str
    name: str
    short_name: str
    kind: str
    action_points: int = 3
    goals: tuple[str, ...]
    services: tuple[str, ...] = ()
    powers: tuple[str, ...] = ()
    owners: tuple[str, ...] = ()
    quality: int | None = None
    brief: Brief
    finance: Finance = Finance()
    population: Population | None = None
    practices: tuple[Practice, ...] = ()
    contracts: tuple[StartingContract, ...] = ()
    decisions: tuple[Decision, ...] = ()
    relationships: tuple[Relationship, ...] = ()
    bot: BotSettings = BotSettings()


# --- decks/<name>.toml ---------------------------------------------------------


@frozen(kw_only=True)
class When:
    month: str | None = None
    first: str | None = None
    last: str | None = None
    weight: int = 1
    repeat: bool = False
    condition: Condition | None = None


@frozen(kw_only=True)
class Option:
    id: str
    label: str
    text: str = ""
    tags: tuple[str, ...] = ()
    effects: tuple[Effect, ...]
    closure: Closure | None = None


@frozen(kw_only=True)
class FollowUp:
    card: str
    after: int = 1
    option: str | None = None


@frozen(kw_only=True)
class Card:
    id: str
    title: str
    text: str
    tags: tuple[str, ...] = ()
    audience: tuple[str, ...]
    decided_by: tuple[str, ...] = ()
    when: When = When()
    effects: tuple[Effect, ...] = ()
    options: tuple[Option, ...] = ()
    default_option: str | None = None
    follow_ups: tuple[FollowUp, ...] = ()


@frozen(kw_only=True)
class DeckInfo:
    id: str
    title: str
    text: str = ""
    draws_per_month: int = 1


@frozen(kw_only=True)
class DeckFile:
    deck: DeckInfo
    cards: tuple[Card, ...]


# --- content/narrative.toml ---------------------------------------------------------


@frozen(kw_only=True)
class Template:
    """One sentence about one kind of event; `when` picks it for events whose details match."""

    event: str
    when: dict[str, Scalar] = field(factory=dict)
    text: str
    together: str | None = None
    group_by: str = "actor"
    detail: str | None = None


@frozen(kw_only=True)
class SettingWords:
    """A rule setting in words: `name` to mention it, then `yes`/`no` (true or false) or `text` with {value}."""

    name: str
    text: str | None = None
    yes: str | None = None
    no: str | None = None


@frozen(kw_only=True)
class NarrativeFile:
    """The sentences the debrief and the month report write; every table is optional."""

    agreements: dict[str, str] = field(factory=dict)
    topics: dict[str, str] = field(factory=dict)
    settings: dict[str, SettingWords] = field(factory=dict)
    templates: tuple[Template, ...] = ()

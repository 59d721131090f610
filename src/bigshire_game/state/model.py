"""The state of a game as a value: frozen attrs classes, changed only by making new ones.

Everything here is plain data that saves can write as TOML: strings, whole
numbers, floats, booleans, tuples and string-keyed dicts; no None in
collections. Money is whole £k.
"""

from __future__ import annotations

import attrs
from attrs import field, frozen

from ..vocabulary.catalogue import ALLIANCE_KINDS, CONTRACT_KINDS
from ..vocabulary.settings import RuleSettings
from ..vocabulary.terms import Terms

# State classes keep their fields in a __dict__ (slots=False) so that `evolve` can copy one in a single step:
# a game replaces its state on every move, several thousand times a year.
_FIELDS: dict[type, frozenset[str]] = {}


def evolve(value, **changes):
    """A copy of a state value with some fields changed, as `attrs.evolve` makes, several times faster.

    State values are plain data with no validators or converters, so copying the fields is all a new one needs;
    a name that is not a field is refused, as attrs refuses it. Other attrs values go to `attrs.evolve`.
    """
    cls = value.__class__
    names = _FIELDS.get(cls)
    if names is None:
        if not hasattr(value, "__dict__"):
            return attrs.evolve(value, **changes)
        names = _FIELDS[cls] = frozenset(a.name for a in attrs.fields(cls))
    if not names.issuperset(changes):
        raise TypeError(f"{cls.__name__} has no field called {sorted(set(changes) - names)[0]}")
    new = object.__new__(cls)
    object.__setattr__(new, "__dict__", {**value.__dict__, **changes})  # past the frozen guard, as attrs itself does
    return new


@frozen(kw_only=True, slots=False)
class Org:
    """One organisation's changing position."""

    id: str
    kind: str
    balance: int
    cost_base: int = 0
    quality: int = 0  # 0 for organisations without a quality score
    action_points: int = 0
    ap_base: int = 3
    ap_changes: tuple[tuple[int, int], ...] = ()  # (amount, last month index it applies to)
    referral_percent: float = 100.0
    results: tuple[int, ...] = ()  # surplus (+) or deficit (-) of each month played
    income: tuple[int, ...] = ()  # income of each month played
    spend: tuple[int, ...] = ()  # spending of each month played
    baseline_units: int = 0  # providers: monthly units delivered at the start
    units: int = 0  # providers: units delivered last month
    plan_credibility: int = -1  # -1 until a plan is submitted
    plan_savings: int = 0
    plan_assessed: bool = False  # its assessor (the Board, Monitor) has judged the plan as it stands
    plan_unrealistic: bool = False  # its assessor has called the plan as it stands unrealistic in public
    decisions: tuple[str, ...] = ()
    consultations: dict[str, int] = field(factory=dict)  # decision consulted on -> month index it may be taken from
    committed_to: tuple[str, ...] = ()  # organisations whose priorities it has committed to
    rebuilding: dict[str, int] = field(factory=dict)  # organisation -> last month index hired former commissioners
    # raise trust with it
    workload_extra: int = 0
    moved_this_turn: int = 0


@frozen(kw_only=True, slots=False)
class Agreement:
    """A contract or an alliance, through its life from proposal to end."""

    id: str
    kind: str
    parties: tuple[str, ...]  # contracts: (commissioner, provider)
    proposer: str
    status: str  # proposed | agreed | under_review | signed | ended | lapsed | rejected | blocked
    terms: Terms
    awaiting: tuple[str, ...] = ()  # parties yet to answer the open proposal
    variation: Terms | None = None  # new terms proposed for a signed contract
    proposed_month: int = 0
    starts: int = 0  # month index
    ends: int = 0  # last month index in force
    conflict: bool = False  # commissioner's members own the provider
    declared: bool = False
    rolled_over: bool = False
    review_opened: int = -1  # month index, -1 if never reviewed
    review_outcome: str = ""  # approved | approved_with_conditions | blocked
    conditions: str = ""
    first_value: int = 0  # the annual value first proposed, £k: what the signed terms are measured against
    registration: str = ""  # a new integrated body: pending | registered | registered_with_conditions | refused

    @property
    def is_contract(self) -> bool:
        return self.kind in CONTRACT_KINDS

    @property
    def is_alliance(self) -> bool:
        return self.kind in ALLIANCE_KINDS

    @property
    def commissioner(self) -> str:
        return self.parties[0]

    @property
    def provider(self) -> str:
        return self.parties[1]


@frozen(kw_only=True, slots=False)
class AgendaItem:
    """Something a regulator or the Board must consider: evidence ("" kind: a trigger, an inspection, a concern,
    a card), another regulator's `referral`, or a request for `help` (a bid), which is never grounds for a
    sanction."""

    id: str
    kind: str  # why it is there: one of catalogue.AGENDA_ITEM_KINDS
    regulator: str
    subject: str
    reason: str
    ladder: str = ""
    opened: int = 0
    status: str = "open"  # open | acted | dismissed
    kind: str = ""  # why it is there: catalogue.AGENDA_ITEM_KINDS
    agreement: str = ""  # a question about an agreement (a review, a registration), settled by its own move


@frozen(kw_only=True, slots=False)
class Request:
    """A concern, request, meeting invitation or funding bid, addressed to someone who can answer."""

    id: str
    kind: str  # concern | request | meeting | funding | information | question | commitment | lead | ...
    source: str
    to: tuple[str, ...]
    topic: str
    text: str = ""
    about: str = ""  # what a concern is about; a commitment's priority; the provider asking for a lead
    setting: str = ""
    amount: int = 0
    opened: int = 0
    status: str = "open"  # open | answered | closed
    answer: str = ""
    attending: tuple[str, ...] = ()
    declined: tuple[str, ...] = ()
    agreement: str = ""  # disputes: the agreement the claim is about, if any


@frozen(kw_only=True, slots=False)
class PendingChoice:
    """A card's options waiting for one organisation's answer."""

    id: str
    card: str
    role: str
    options: tuple[str, ...]
    default: str
    published: int


@frozen(kw_only=True, slots=False)
class ScheduledCard:
    card: str
    due: int  # month index
    reason: str = ""  # the text form of the Cause that queued it (state holds plain data)


@frozen(kw_only=True, slots=False)
class SchemeInvestment:
    id: str
    scheme: str
    investor: str
    partners: tuple[str, ...]
    invested: int  # month index
    matures: int  # month index
    status: str = "maturing"  # maturing | delivering | failed


@frozen(kw_only=True, slots=False)
class AnnouncedClosure:
    """A closure of a site or withdrawal of a service, from its announcement until it goes ahead or is withdrawn.

    `source` is where its effects are written: "decision:<id>" (the owner's brief) or "card:<card>:<option>"."""

    id: str
    owner: str
    source: str
    what: str
    kind: str  # site | service
    affects: tuple[str, ...]  # organisations whose population loses it
    announced: int  # month index
    due: int  # month index at whose end it goes ahead
    delay: int = 0  # months opposition has added
    objectors: tuple[str, ...] = ()
    strong: tuple[str, ...] = ()  # objectors whose objection delays it
    audience: tuple[str, ...] = ()  # a card's audience, for its effects
    status: str = "announced"  # announced | done | withdrawn


@frozen(kw_only=True, slots=False)
class Deadline:
    """Something organisations agreed to deliver by a month, each doing its part."""

    id: str
    what: str
    parties: tuple[str, ...]
    due: int  # month index by whose end every part is due
    set_by: str
    agreement: str = ""  # the agreement or meeting it was set under
    meeting: str = ""
    delivered: tuple[str, ...] = ()
    status: str = "open"  # open | met | missed


@frozen(kw_only=True, slots=False)
class DemandShift:
    """A change in demand for an activity, for everyone or one organisation, until a month (or for good)."""

    activity: str
    percent: float
    target: str = ""
    until: int = -1


@frozen(kw_only=True, slots=False)
class GameState:
    scenario: str
    content_hash: str
    seed: int
    turn: int = 0  # index into the scenario's turns
    phase: int = 0  # index into the scenario's phases
    queue: tuple[str, ...] = ()  # organisations still to act in this phase; the first is acting
    started: bool = False
    finished: bool = False
    orgs: dict[str, Org] = field(factory=dict)
    agreements: dict[str, Agreement] = field(factory=dict)
    agendas: dict[str, AgendaItem] = field(factory=dict)
    requests: dict[str, Request] = field(factory=dict)
    pending: dict[str, PendingChoice] = field(factory=dict)
    scheduled: tuple[ScheduledCard, ...] = ()
    published: dict[str, int] = field(factory=dict)  # card id -> times published
    schemes: dict[str, SchemeInvestment] = field(factory=dict)
    closures: dict[str, AnnouncedClosure] = field(factory=dict)
    deadlines: dict[str, Deadline] = field(factory=dict)
    demand: tuple[DemandShift, ...] = ()
    tariff: dict[str, int] = field(factory=dict)  # activity -> price in pounds
    rules: RuleSettings = field(factory=RuleSettings)
    trust: dict[str, int] = field(factory=dict)  # "a|b" (sorted) -> 0..100
    ladders: dict[str, int] = field(factory=dict)  # "ladder|subject" -> step reached (0 = none)
    ladder_since: dict[str, int] = field(factory=dict)  # "ladder|subject" -> month index that step was reached
    rng: dict[str, int] = field(factory=dict)  # stream -> draws so far
    next_id: int = 1
    external_net: int = 0  # money created minus money removed, £k, for the conservation check
    month_index: int = 0  # first month of the current turn

    @property
    def actor(self) -> str | None:
        """The organisation whose turn it is, or None between turns."""
        return self.queue[0] if self.queue else None


def pair_key(a: str, b: str) -> str:
    return f"{a}|{b}" if a <= b else f"{b}|{a}"


def ladder_key(ladder: str, subject: str) -> str:
    return f"{ladder}|{subject}"


def new_id(state: GameState, prefix: str) -> tuple[str, GameState]:
    return f"{prefix}{state.next_id}", evolve(state, next_id=state.next_id + 1)


def replace_org(state: GameState, org: Org) -> GameState:
    return evolve(state, orgs={**state.orgs, org.id: org})


def with_item(mapping: dict, key: str, value: object) -> dict:
    return {**mapping, key: value}

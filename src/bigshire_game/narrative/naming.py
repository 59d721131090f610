"""What the ids inside events stand for, named as the scenario's narrative file names them.

`Lookup` gathers agreements, requests and schemes from states and events; `Words` turns
ids, months, rules and causes into words. An id nobody can name is told as
"an organisation" or "an agreement", never as itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

from ..content import Scenario
from ..content.labels import kind_label, span_of
from ..state import GameState
from ..vocabulary import causes
from ..vocabulary.catalogue import ALLIANCE_KINDS, CONTRACT_KINDS, RULE_SETTINGS
from ..vocabulary.causes import Cause
from ..vocabulary.events import (
    AgreementProposed,
    AllianceFormed,
    CommitmentAsked,
    ConcernRaised,
    ContractSigned,
    Event,
    FundingBid,
    InformationRequested,
    LeadCommissionerAsked,
    MeetingConvened,
    QuestionAsked,
    RequestRaised,
    SchemeInvested,
)
from ..vocabulary.words import listed, month_label, turn_label
from .wording import fill, lower_first


@frozen
class _Agreement:
    kind: str
    parties: tuple[str, ...]
    proposer: str = ""
    activities: tuple[str, ...] = ()


class Lookup:
    """What the ids inside events mean, gathered from states and events: agreements, requests, schemes."""

    def __init__(self, states: Iterable[GameState] = (), events: Iterable[Event] = ()) -> None:
        self.agreements: dict[str, _Agreement] = {}
        self.signed: set[str] = set()  # agreements that were ever in force
        self.requests: dict[str, tuple[str, str, tuple[str, ...], str]] = {}  # id -> kind, source, to, topic
        self.investments: dict[str, str] = {}  # investment id -> scheme id
        for state in states:
            self.add_state(state)
        for e in events:
            self.add_event(e)

    def add_state(self, state: GameState) -> None:
        for a in state.agreements.values():
            self.agreements.setdefault(a.id, _Agreement(a.kind, a.parties, a.proposer, a.terms.activities))
            if a.status in ("signed", "ended"):
                self.signed.add(a.id)
        for r in state.requests.values():
            self.requests.setdefault(r.id, (r.kind, r.source, r.to, r.topic))
        for s in state.schemes.values():
            self.investments.setdefault(s.id, s.scheme)

    def add_event(self, e: Event) -> None:
        if isinstance(e, AgreementProposed) and e.parties is not None and not e.variation:
            parties = tuple(e.parties)
            from_card = e.cause is not None and e.cause.kind == causes.CARD
            proposer = parties[1] if from_card and len(parties) > 1 else e.actors[0]
            found = _Agreement(str(e.agreement_kind or ""), parties, proposer, tuple(e.activities or ()))
            self.agreements.setdefault(str(e.agreement), found)
        elif isinstance(e, ContractSigned | AllianceFormed):
            self.signed.add(str(e.agreement))
        elif isinstance(e, RequestRaised | ConcernRaised | MeetingConvened | FundingBid):
            rid = e.bid if isinstance(e, FundingBid) else e.meeting if isinstance(e, MeetingConvened) else e.request
            topic = "money" if isinstance(e, FundingBid) or e.topic is None else e.topic
            self.requests.setdefault(str(rid), (_REQUEST_KIND[e.kind], str(e.by or ""), tuple(e.to or ()), str(topic)))
        elif isinstance(e, InformationRequested | QuestionAsked | CommitmentAsked | LeadCommissionerAsked):
            topic = getattr(e, "topic", None) or (e.topics[0] if e.topics else "strategy")
            self.requests.setdefault(
                str(e.request), (_REQUEST_KIND[e.kind], str(e.by or ""), tuple(e.to or ()), str(topic))
            )
        elif isinstance(e, SchemeInvested):
            self.investments.setdefault(str(e.investment), str(e.scheme or ""))


_REQUEST_KIND = {
    "RequestRaised": "request",
    "ConcernRaised": "concern",
    "MeetingConvened": "meeting",
    "FundingBid": "funding",
    "InformationRequested": "information",
    "QuestionAsked": "question",
    "CommitmentAsked": "commitment",
    "LeadCommissionerAsked": "lead",
}


class Words:
    """Names, money, months and things of the scenario, in the words the narrative file gives them."""

    def __init__(self, scenario: Scenario, lookup: Lookup | None = None) -> None:
        self.scenario = scenario
        self.lookup = lookup or Lookup()
        self.narrative = scenario.narrative
        self.span = span_of(scenario)

    # organisations
    def name(self, rid: object) -> str:
        role = self.scenario.roles.get(str(rid))
        return role.short_name if role else ("the facilitator" if rid == "facilitator" else "an organisation")

    def clause(self, text: object) -> str:
        """Engine or content wording made to run on inside a sentence: no capital unless it starts
        with a name ("Health Direct alleges ..."), no full stop at the end."""
        text = str(text).strip().rstrip(".")
        proper = (n for role in self.scenario.roles.values() for n in (role.short_name, role.name))
        if any(text.startswith(n) for n in proper) or text.startswith(("NHS", "GP", "A&E")):
            return text
        return lower_first(text)

    def names(self, rids: Iterable[object]) -> str:
        return listed(self.name(r) for r in rids if r)

    def first_of_kind(self, kind: str) -> str:
        found = self.scenario.roles_of_kind(kind)
        return self.name(found[0]) if found else "the " + kind_label(self.scenario, kind)

    def holder(self, power: str, fallback: str = "the regulator") -> str:
        """The first organisation holding a power, by name (the reviewer of alliances, the registrar)."""
        rid = self.scenario.first_addressee(power=power)
        return self.name(rid) if rid else fallback

    def kind(self, kind: str, plural: bool = False) -> str:
        """The scenario's word for a kind of organisation: "consortium", or "CCGs" where it says so."""
        return kind_label(self.scenario, kind, plural=plural)

    # time
    def month(self, month: object) -> str:
        if isinstance(month, int) and not isinstance(month, bool):
            months = self.scenario.months
            return month_label(months[min(max(month, 0), len(months) - 1)]) if months else ""
        return month_label(str(month))

    def turn(self, months: Sequence[str]) -> str:
        return turn_label(tuple(months))

    # things
    def card(self, cid: object, fallback: object = "") -> str:
        card = self.scenario.cards.get(str(cid))
        return card.title if card else str(fallback or "a card")

    def option(self, cid: object, oid: object, fallback: object = "") -> str:
        card = self.scenario.cards.get(str(cid))
        option = next((o for o in card.options if o.id == oid), None) if card else None
        return option.label if option else str(fallback or "an answer")

    def activity(self, aid: object) -> str:
        activity = self.scenario.activities.get(str(aid))
        return lower_first(activity.title) if activity else "care"

    def activities(self, aids: Iterable[object]) -> str:
        return listed(self.activity(a) for a in aids)

    def scheme(self, sid: object) -> str:
        """ "the admission avoidance scheme", "the prevention programme": a scheme named as players say it."""
        scheme = self.scenario.schemes.get(str(sid))
        if scheme is None:
            return "a scheme"
        title = lower_first(scheme.title)
        last = title.rsplit(" ", 1)[-1].lower()
        return (
            f"the {title}"
            if last in ("programme", "pathway", "scheme", "service", "project")
            else f"the {title} scheme"
        )

    def topic(self, topic: object) -> str:
        return self.narrative.topics.get(str(topic), str(topic).replace("_", " "))

    def noun(self, kind: object) -> str:
        """ "block contract", "joint venture": the narrative file's word for a kind of agreement."""
        kind = str(kind)
        if kind in self.narrative.agreements:
            return self.narrative.agreements[kind]
        if kind in CONTRACT_KINDS:
            return kind.replace("_", "-") + " contract"
        return kind.replace("_", " ") if kind in ALLIANCE_KINDS else "agreement"

    def a(self, kind: object) -> str:
        noun = self.noun(kind)
        return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun

    def agreement(self, aid: object, kind: object = "") -> str:
        """ "the block contract between East Bigshire and United Hospitals"."""
        found = self.lookup.agreements.get(str(aid))
        if found is None:
            return f"the {self.noun(kind)}" if kind else "an agreement"
        kind = kind or found.kind
        if found.kind in CONTRACT_KINDS:
            return f"the {self.noun(kind)} between {self.names(found.parties)}"
        return f"the {self.noun(kind)} of {self.names(found.parties)}"

    def parties(self, aid: object) -> tuple[str, ...]:
        found = self.lookup.agreements.get(str(aid))
        return found.parties if found else ()

    def ladder(self, lid: object) -> tuple[str, str, int]:
        """The ladder's title, its regulator's name and its number of steps."""
        ladder = self.scenario.ladders.get(str(lid))
        if ladder is None:
            return "a regulator's ladder", "a regulator", 0
        return ladder.title, self.first_of_kind(ladder.regulator), len(ladder.steps)

    def step(self, lid: object, level: int) -> tuple[str, str]:
        ladder = self.scenario.ladders.get(str(lid))
        if ladder is None or not 1 <= level <= len(ladder.steps):
            return "a sanction", ""
        step = ladder.steps[level - 1]
        return step.title, step.text

    # rules
    def setting(self, setting: object) -> str:
        words = self.narrative.settings.get(str(setting))
        return words.name if words else str(setting).replace("_", " ")

    def value(self, setting: object, value: object) -> str:
        kind = RULE_SETTINGS.get(str(setting))
        if isinstance(value, bool):
            return "yes" if value else "no"
        if kind is str:
            return self.month(value)
        if isinstance(value, float):
            return f"{value:g}"
        return str(value)

    def rule(self, setting: object, value: object) -> str:
        """The rule as a clause: "providers may offer prices below the national tariff"."""
        words = self.narrative.settings.get(str(setting))
        if words is None:
            return f"{self.setting(setting)} is {self.value(setting, value)}"
        if isinstance(value, bool):
            return (words.yes if value else words.no) or ""
        return fill(words.text or "", {"value": self.value(setting, value)}, capital=False)

    # causes
    def cause(self, cause: Cause | None, actor: str = "") -> str:
        """Why something happened, as a phrase: 'after "Norovirus closes wards"', 'after deciding to cut beds'.
        Demand and the facilitator's adjustments are told by their own sentences, so they have no phrase."""
        if not cause:  # None, or an event made without one
            return ""
        kind, ref, part = cause.kind, cause.ref, cause.part
        if kind == causes.CARD:
            if part:
                return f'after choosing "{self.option(ref, part)}" ("{self.card(ref)}")'
            return f'after "{self.card(ref)}"'
        if kind == causes.DECISION:
            return f"after deciding to {lower_first(self.decision(ref, actor))}"
        if kind == causes.SCHEME:
            scheme = self.lookup.investments.get(ref)
            return f"through {self.scheme(scheme)}" if scheme else "through a scheme"
        if kind == causes.SANCTION and ref in self.scenario.ladders:
            _title, regulator, _ = self.ladder(ref)
            step = next((s.title for s in self.scenario.ladders[ref].steps if s.id == part), "a sanction")
            return f'under {regulator}\'s "{step}"'
        if kind == causes.RULING:
            return f"by {self.name(ref)}'s ruling"
        if kind == causes.MEETING:
            return "after a meeting"
        if kind == causes.ANSWER:
            return "after an answer"
        if kind == causes.AGREEMENT:
            return f"under {self.agreement(ref)}" if ref else "over an agreement"
        if kind == causes.CONSULTATION:
            return "with its practices' backing"
        if kind == causes.PLAN_CHALLENGE:
            return "after a challenged plan"
        if kind == causes.EXPERTISE:
            return f"through the former commissioners {self.name(ref)} hired"
        return ""

    def decision(self, did: str, actor: str) -> str:
        roles = [self.scenario.roles[actor]] if actor in self.scenario.roles else []
        for role in [*roles, *self.scenario.roles.values()]:
            for decision in role.decisions:
                if decision.id == did:
                    return decision.title
        return "act"

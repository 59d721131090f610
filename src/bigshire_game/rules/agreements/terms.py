"""What every agreement move shares: the kinds and states of agreements, who may be party to which,
the checks on terms, and how an agreement is stored and the trust it moves recorded."""

from __future__ import annotations

from collections.abc import Iterator

from ...content import Scenario
from ...content.labels import kind_label
from ...state import Agreement, GameState, Terms, evolve
from ...vocabulary.catalogue import BETWEEN_PROVIDERS, CARE_PROVIDER_KINDS, CONTRACT_KINDS, PROVIDER_KINDS
from ...vocabulary.causes import Cause
from ...vocabulary.moves import Move
from .. import Outcome, name_of, refuse
from ..effects import change_trust

PROVIDER_ALLIANCES = frozenset({"joint_venture", "integrated_care"})
COMMISSIONER_ALLIANCES = frozenset({"lead_commissioner", "risk_pool"})
NEW_BODIES = frozenset({"integrated_care", "merger"})  # care providers becoming one body: always reviewed, registered
OPEN = ("proposed", "agreed")
ALLIANCE_LIVE = ("under_review", "signed")  # an alliance of one kind between the same members can't start twice


def with_trust(outcome: Outcome, scenario: Scenario, phase: str, changes: list[tuple[str, str, int]]) -> Outcome:
    """Kept and broken promises move trust, recorded through the trust effect like every other change."""
    state, events = outcome
    for a, b, amount in changes:
        state, more = change_trust(state, scenario, a, b, amount, phase, Cause.agreement())
        events = [*events, *more]
    return state, events


def put(state: GameState, agreement: Agreement) -> GameState:
    """The state with this agreement stored, new or changed."""
    return evolve(state, agreements={**state.agreements, agreement.id: agreement})


def _ask_for_ruling(scenario: Scenario, setting: str) -> str:
    """ " Ask Monitor for a ruling on ... first.", naming whoever the scenario routes that question to; "" if nobody."""
    route = next((r for r in scenario.routing.requests if r.setting == setting), None)
    ruler = scenario.first_addressee(route.to, route.to_power) if route else None
    if ruler is None:
        return ""
    return f" Ask {name_of(scenario, ruler)} for a ruling on below-tariff deals first."


def pairs(parties: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    """Each two parties once: a signature moves trust between every pair of them."""
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            yield a, b


# --- checks on parties and terms ------------------------------------------------------


def between_providers(scenario: Scenario, parties: tuple[str, ...]) -> bool:
    """A contract two care providers sign with each other (a subcontract, a risk-share), not one a consortium buys."""
    return all(scenario.roles[p].kind in CARE_PROVIDER_KINDS for p in parties)


def holder(scenario: Scenario, proposer: str, other: str, activities: tuple[str, ...]) -> tuple[str, str]:
    """(holder, partner) of a contract between two providers: the holder delivers the work and carries its risk.
    The proposer holds it when it provides every service named, else the other does."""
    own = set(scenario.roles[proposer].services)
    return (proposer, other) if set(activities) <= own else (other, proposer)


def _missing(scenario: Scenario, move: Move, provider: str, activities: tuple[str, ...]):
    missing = [a for a in activities if a not in scenario.roles[provider].services]
    if not missing:
        return None
    names = ", ".join(scenario.activities[a].title.lower() for a in missing if a in scenario.activities) or ", ".join(
        missing
    )
    return refuse(
        "not_offered", move, f"{name_of(scenario, provider)} does not provide {names}.", activities=tuple(missing)
    )


def _check_provider_contract(scenario: Scenario, move: Move, kind: str, parties: tuple[str, ...], terms: Terms):
    """Why a subcontract or a risk-share between two providers can't have these terms, or None."""
    first, second = parties
    if not terms.activities:
        return refuse("no_activities", move, "Say which services the contract covers.")
    refusal = _missing(scenario, move, first, terms.activities)
    if kind == "subcontract":
        refusal = refusal or _missing(scenario, move, second, terms.activities)
        if not 0 < terms.share_percent <= 100:
            return refusal or refuse(
                "bad_share", move, "The share of the work subcontracted must be above 0% and at most 100%."
            )
        if not 0 < terms.price_percent <= 150:
            return refusal or refuse("bad_price", move, "A subcontract's price must be between 1% and 150% of tariff.")
        return refusal
    if terms.annual_value <= 0:
        return refusal or refuse("no_value", move, "A risk-share contract needs a yearly baseline above £0.")
    if not 0 <= terms.share_percent <= 100:
        return refusal or refuse("bad_share", move, "The share of the variance must be between 0% and 100%.")
    return refusal


def _check_commissioning(state: GameState, scenario: Scenario, move: Move, kind: str, provider: str, terms: Terms):
    """Why a consortium's contract with a provider can't have these terms, or None."""
    if kind != "support":
        if not terms.activities:
            return refuse("no_activities", move, "Say which services the contract covers.")
        refusal = _missing(scenario, move, provider, terms.activities)
        if refusal:
            return refusal
    if kind in ("block", "risk_share", "support") and terms.annual_value <= 0:
        return refuse("no_value", move, f"A {kind.replace('_', '-')} contract needs a yearly value above £0.")
    if not 0 <= terms.share_percent <= 100:
        return refuse("bad_share", move, "The share of the variance must be between 0% and 100%.")
    if terms.price_percent < 100 and not state.rules.below_tariff_allowed:
        return refuse(
            "below_tariff",
            move,
            "Prices below the national tariff are not allowed." + _ask_for_ruling(scenario, "below_tariff_allowed"),
            price_percent=terms.price_percent,
        )
    return None


def _check_alliance_terms(scenario: Scenario, move: Move, kind: str, parties: tuple[str, ...], terms: Terms):
    """What a lead-commissioner arrangement and a risk pool must say: the provider led for, each member's share."""
    if kind == "lead_commissioner":
        provider = scenario.roles.get(terms.provider)
        if provider is None or provider.kind not in PROVIDER_KINDS:
            return refuse(
                "no_provider", move, "Name the provider whose contracts the lead commissioner will negotiate."
            )
    if kind == "risk_pool" and terms.shares:
        if len(terms.shares) != len(parties) or any(share < 0 for share in terms.shares):
            return refuse("bad_shares", move, "Give each member of the pool its share, none of them negative.")
        if abs(sum(terms.shares) - 100) > 0.5:
            return refuse("bad_shares", move, "The members' shares of the pool must add up to 100%.")
    return None


def check_terms(state: GameState, scenario: Scenario, move: Move, kind: str, parties: tuple[str, ...], terms: Terms):
    """Why these terms can't be offered (services, value, share, price, length), or None if they can."""
    if kind in CONTRACT_KINDS:
        refusal = (
            _check_provider_contract(scenario, move, kind, parties, terms)
            if between_providers(scenario, parties)
            else _check_commissioning(state, scenario, move, kind, parties[1], terms)
        )
    else:
        refusal = _check_alliance_terms(scenario, move, kind, parties, terms)
    if refusal:
        return refusal
    if not 1 <= terms.months <= 36:
        return refuse("bad_length", move, "An agreement must last between 1 and 36 months.")
    if terms.annual_value < 0:
        return refuse("negative_value", move, "A value cannot be negative.")
    return None


def check_parties(scenario: Scenario, move: Move, kind: str, parties: tuple[str, ...]):
    """Why these organisations can't be party to this kind of agreement, or None if they can."""
    kinds = [scenario.roles[p].kind for p in parties]
    if kind in CONTRACT_KINDS:
        if len(parties) != 2:
            return refuse("wrong_parties", move, "A contract is between two organisations.")
        if kind in BETWEEN_PROVIDERS and between_providers(scenario, parties):
            return None
        if kinds[0] != "consortium" or kinds[1] not in PROVIDER_KINDS or kind == "subcontract":
            return refuse(
                "wrong_parties",
                move,
                "A subcontract is between two care providers."
                if kind == "subcontract"
                else "A contract is between one consortium (the buyer) and one provider, or, for a risk-share, "
                "between two care providers.",
            )
    elif kind in PROVIDER_ALLIANCES:
        if any(k not in CARE_PROVIDER_KINDS for k in kinds):
            return refuse(
                "wrong_parties", move, "Joint ventures and integrated care organisations are for care providers only."
            )
        idle = [p for p in parties if not scenario.roles[p].services]
        if idle:
            return refuse(
                "no_services",
                move,
                f"{name_of(scenario, idle[0])} provides no care services, so it cannot join a care alliance.",
            )
        if kind == "integrated_care" and len(set(kinds)) < 2:
            return refuse(
                "one_sector",
                move,
                "An integrated care organisation spans sectors; providers of one kind form a joint venture or merge.",
            )
    elif kind in COMMISSIONER_ALLIANCES:
        if any(k != "consortium" for k in kinds):
            return refuse(
                "wrong_parties",
                move,
                f"Lead-commissioner arrangements and risk pools are between {kind_label(scenario, 'consortium', plural=True)} only.",
            )
    elif kind == "merger" and len(set(k in CARE_PROVIDER_KINDS for k in kinds)) != 1:
        return refuse(
            "wrong_parties",
            move,
            "A merger joins organisations on the same side: providers with providers, commissioners with commissioners.",
        )
    return None

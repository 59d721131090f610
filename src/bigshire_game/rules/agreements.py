"""Contracts and alliances from proposal to end: propose, counter, accept,
reject, sign, vary, end; Monitor's competition review of alliances that
remove competition; conflicts of interest when consortia buy from a company
their own members own; and contracts still unsigned at the deadline.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Iterator

from ..content import Scenario
from ..state import Agreement, GameState, Terms, evolve, new_id
from ..state.memo import last_seen
from ..vocabulary.catalogue import ALLIANCE_KINDS, CARE_PROVIDER_KINDS, CONTRACT_KINDS, PROVIDER_KINDS
from ..vocabulary.events import Event, event
from ..vocabulary.moves import (
    AcceptProposal,
    ChallengeConflict,
    CounterProposal,
    DecideReview,
    DeclareConflict,
    EndAgreement,
    Move,
    ProposeAgreement,
    RejectProposal,
    SignAgreement,
    VaryContract,
)
from . import Handlers, Outcome, name_of, refuse
from .agenda import add_agenda_item
from .economy import contracts_between, units
from .effects import change_trust

PROVIDER_ALLIANCES = frozenset({"joint_venture", "integrated_care"})
COMMISSIONER_ALLIANCES = frozenset({"lead_commissioner", "risk_pool"})
OPEN = ("proposed", "agreed")
ALLIANCE_LIVE = ("under_review", "signed")  # an alliance of one kind between the same members can't start twice
LAPSE_MONTHS = 2
REVIEW_OUTCOMES = ("approved", "approved_with_conditions", "blocked")


def _audience(agreement: Agreement) -> tuple[str, ...]:
    return agreement.parties


def _with_trust(outcome: Outcome, scenario: Scenario, phase: str, changes: list[tuple[str, str, int]]) -> Outcome:
    """Kept and broken promises move trust, recorded through the trust effect like every other change."""
    state, events = outcome
    for a, b, amount in changes:
        state, more = change_trust(state, scenario, a, b, amount, phase, "agreement")
        events = [*events, *more]
    return state, events


def _put(state: GameState, agreement: Agreement) -> GameState:
    return evolve(state, agreements={**state.agreements, agreement.id: agreement})


def _first_of_kind(scenario: Scenario, kind: str) -> str | None:
    return next(iter(scenario.roles_of_kind(kind)), None)


# --- checks on terms ------------------------------------------------------------------


def _check_terms(state: GameState, scenario: Scenario, move: Move, kind: str, parties: tuple[str, ...], terms: Terms):
    if kind in CONTRACT_KINDS:
        _commissioner, provider = parties
        services = set(scenario.roles[provider].services)
        if kind != "support":
            if not terms.activities:
                return refuse("no_activities", move, "Say which services the contract covers.")
            missing = [a for a in terms.activities if a not in services]
            if missing:
                names = ", ".join(
                    scenario.activities[a].title.lower() for a in missing if a in scenario.activities
                ) or ", ".join(missing)
                return refuse(
                    "not_offered",
                    move,
                    f"{name_of(scenario, provider)} does not provide {names}.",
                    activities=tuple(missing),
                )
        if kind in ("block", "risk_share", "support") and terms.annual_value <= 0:
            return refuse("no_value", move, f"A {kind.replace('_', '-')} contract needs a yearly value above £0.")
        if not 0 <= terms.share_percent <= 100:
            return refuse("bad_share", move, "The share of the variance must be between 0% and 100%.")
        if terms.price_percent < 100 and not state.rules["below_tariff_allowed"]:
            return refuse(
                "below_tariff",
                move,
                "Prices below the national tariff are not allowed. Ask Monitor for a ruling on below-tariff deals first.",
                price_percent=terms.price_percent,
            )
    if not 1 <= terms.months <= 36:
        return refuse("bad_length", move, "An agreement must last between 1 and 36 months.")
    if terms.annual_value < 0:
        return refuse("negative_value", move, "A value cannot be negative.")
    return None


def _parties_fit(scenario: Scenario, move: Move, kind: str, parties: tuple[str, ...]):
    kinds = [scenario.roles[p].kind for p in parties]
    if kind in CONTRACT_KINDS:
        if len(parties) != 2 or kinds[0] != "consortium" or kinds[1] not in PROVIDER_KINDS:
            return refuse("wrong_parties", move, "A contract is between one consortium (the buyer) and one provider.")
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
    elif kind in COMMISSIONER_ALLIANCES:
        if any(k != "consortium" for k in kinds):
            return refuse(
                "wrong_parties", move, "Lead-commissioner arrangements and risk pools are between consortia only."
            )
    elif kind == "merger" and len(set(k in CARE_PROVIDER_KINDS for k in kinds)) != 1:
        return refuse(
            "wrong_parties",
            move,
            "A merger joins organisations on the same side: providers with providers, consortia with consortia.",
        )
    return None


# --- propose ------------------------------------------------------------------------------


def _order(scenario: Scenario, actor: str, kind: str, others: tuple[str, ...]) -> tuple[str, ...]:
    """Contracts list the buyer first; alliances list the proposer first."""
    everyone = (actor, *others)
    if kind in CONTRACT_KINDS:
        return tuple(sorted(everyone, key=lambda r: scenario.roles[r].kind != "consortium"))
    return everyone


def check_propose(state: GameState, scenario: Scenario, move: ProposeAgreement):
    if move.kind not in CONTRACT_KINDS and move.kind not in ALLIANCE_KINDS:
        return refuse("unknown_kind", move, f'"{move.kind}" is not a kind of contract or alliance.')
    unknown = [p for p in move.parties if p not in state.orgs]
    if unknown or not move.parties:
        return refuse("unknown_party", move, "Name the organisations you are proposing this to.")
    if move.actor in move.parties or len(set(move.parties)) != len(move.parties):
        return refuse("wrong_parties", move, "Each other party is named once, and not yourself.")
    parties = _order(scenario, move.actor, move.kind, move.parties)
    refusal = _parties_fit(scenario, move, move.kind, parties) or _check_terms(
        state, scenario, move, move.kind, parties, move.terms
    )
    if refusal:
        return refusal
    for other in state.agreements.values():
        if other.kind != move.kind or set(other.parties) != set(parties):
            continue
        if other.status in OPEN:
            return refuse(
                "already_proposed",
                move,
                "There is already an open proposal of this kind between you; answer or wait for it.",
                agreement=other.id,
            )
        if other.is_alliance and other.status in ALLIANCE_LIVE:
            kind = scenario.narrative.agreements.get(move.kind, move.kind.replace("_", " "))  # the scenario's word
            where = "under review" if other.status == "under_review" else "in force"
            return refuse(
                "already_allied",
                move,
                f"You already have a {kind} with {_names(scenario, move.actor, parties)} {where}.",
                agreement=other.id,
            )
    return None


def _names(scenario: Scenario, actor: str, parties: tuple[str, ...]) -> str:
    others = [name_of(scenario, p) for p in parties if p != actor]
    return others[0] if len(others) == 1 else ", ".join(others[:-1]) + " and " + others[-1]


def apply_propose(state: GameState, scenario: Scenario, move: ProposeAgreement, phase: str) -> Outcome:
    aid, state = new_id(state, "A")
    parties = _order(scenario, move.actor, move.kind, move.parties)
    conflict = move.kind in CONTRACT_KINDS and parties[0] in scenario.roles[parties[1]].owners
    agreement = Agreement(
        id=aid,
        kind=move.kind,
        parties=parties,
        proposer=move.actor,
        status="proposed",
        terms=move.terms,
        awaiting=tuple(p for p in parties if p != move.actor),
        proposed_month=state.month_index,
        conflict=conflict,
    )
    state = _put(state, agreement)
    topics = ("money",) if move.kind in CONTRACT_KINDS else ("strategy",)
    return state, [
        event(
            state,
            phase,
            "AgreementProposed",
            (move.actor, *agreement.awaiting),
            _audience(agreement),
            topics,
            agreement=aid,
            kind=move.kind,
            parties=parties,
            annual_value=move.terms.annual_value,
            price_percent=move.terms.price_percent,
            share_percent=move.terms.share_percent,
            activities=move.terms.activities,
            months=move.terms.months,
            conflict=conflict,
        )
    ]


# --- answer -------------------------------------------------------------------------------


def _awaiting(state: GameState, move: Move, agreement_id: str):
    agreement = state.agreements.get(agreement_id)
    if agreement is None:
        return None, refuse("unknown_agreement", move, "There is no such proposal.")
    if move.actor not in agreement.awaiting:
        return None, refuse("not_awaiting", move, "This proposal is not waiting for your answer.")
    return agreement, None


def check_counter(state: GameState, scenario: Scenario, move: CounterProposal):
    agreement, refusal = _awaiting(state, move, move.agreement)
    if refusal:
        return refusal
    if agreement.status != "proposed":
        return refuse("not_open", move, "Only an open proposal can be countered.")
    return _check_terms(state, scenario, move, agreement.kind, agreement.parties, move.terms)


def apply_counter(state: GameState, scenario: Scenario, move: CounterProposal, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    agreement = evolve(
        agreement,
        terms=move.terms,
        awaiting=tuple(p for p in agreement.parties if p != move.actor),
        proposed_month=state.month_index,
    )
    state = _put(state, agreement)
    return state, [
        event(
            state,
            phase,
            "AgreementCountered",
            (move.actor,),
            _audience(agreement),
            ("money",),
            agreement=agreement.id,
            kind=agreement.kind,
            annual_value=move.terms.annual_value,
            price_percent=move.terms.price_percent,
            share_percent=move.terms.share_percent,
        )
    ]


def check_answer(state: GameState, scenario: Scenario, move: AcceptProposal | RejectProposal):
    _, refusal = _awaiting(state, move, move.agreement)
    return refusal


def apply_accept(state: GameState, scenario: Scenario, move: AcceptProposal, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    awaiting = tuple(p for p in agreement.awaiting if p != move.actor)
    if agreement.variation is not None:
        agreement = evolve(agreement, terms=agreement.variation, variation=None, awaiting=())
        state = _put(state, agreement)
        return state, [
            event(
                state,
                phase,
                "ContractVaried",
                agreement.parties,
                topics=("money",),
                agreement=agreement.id,
                annual_value=agreement.terms.annual_value,
                price_percent=agreement.terms.price_percent,
            )
        ]
    agreement = evolve(agreement, awaiting=awaiting, status="agreed" if not awaiting else agreement.status)
    state = _put(state, agreement)
    return _with_trust(
        (
            state,
            [
                event(
                    state,
                    phase,
                    "AgreementAccepted",
                    (move.actor,),
                    _audience(agreement),
                    agreement=agreement.id,
                    kind=agreement.kind,
                    complete=not awaiting,
                )
            ],
        ),
        scenario,
        phase,
        [(move.actor, agreement.proposer, 2)],
    )


def apply_reject(state: GameState, scenario: Scenario, move: RejectProposal, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    if agreement.variation is not None:
        agreement = evolve(agreement, variation=None, awaiting=())
    else:
        agreement = evolve(agreement, status="rejected", awaiting=())
    state = _put(state, agreement)
    return _with_trust(
        (
            state,
            [
                event(
                    state,
                    phase,
                    "AgreementRejected",
                    (move.actor,),
                    _audience(agreement),
                    agreement=agreement.id,
                    kind=agreement.kind,
                )
            ],
        ),
        scenario,
        phase,
        [(move.actor, agreement.proposer, -3)],
    )


# --- sign ----------------------------------------------------------------------------------


def market_shares(state: GameState, scenario: Scenario, activity: str) -> dict[str, float]:
    """Each provider's share of the county's units of one activity this month."""
    from .economy import contract_shares, contracts_for, default_providers

    delivered: dict[str, float] = defaultdict(float)
    month = state.month_index
    for cid in scenario.roles_of_kind("consortium"):
        contracts = contracts_for(state, cid, activity, month)
        if contracts:
            for contract, share in zip(
                contracts, contract_shares(state, scenario, cid, activity, month, contracts), strict=True
            ):
                delivered[contract.provider] += units(state, scenario, cid, activity, month, contract.provider) * share
        elif activity in default_providers(scenario):
            provider = default_providers(scenario)[activity]
            delivered[provider] += units(state, scenario, cid, activity, month, provider)
    total = sum(delivered.values())
    return {p: n / total for p, n in delivered.items()} if total else {}


def combined_share(state: GameState, scenario: Scenario, agreement: Agreement) -> tuple[float, str]:
    """The largest share of a service line the alliance's members would hold together, counting only lines two or
    more of them offer: joining a partner that cannot do the work removes no competition, actual or potential."""
    lines = agreement.terms.activities or tuple(
        sorted({a for p in agreement.parties for a in scenario.roles[p].services})
    )
    best, where = 0.0, ""
    for activity in lines:
        shares = market_shares(state, scenario, activity)
        rivals = [p for p in agreement.parties if activity in scenario.roles[p].services]
        share = sum(shares.get(p, 0.0) for p in rivals)
        if len(rivals) >= 2 and share > best:
            best, where = share, activity
    return best, where


def check_sign(state: GameState, scenario: Scenario, move: SignAgreement):
    agreement = state.agreements.get(move.agreement)
    if agreement is None or move.actor not in agreement.parties:
        return refuse("not_party", move, "You can only sign agreements you are party to.")
    if agreement.status != "agreed":
        return refuse(
            "not_agreed",
            move,
            f"This agreement cannot be signed while it is {agreement.status.replace('_', ' ')}; every party must accept it first.",
        )
    return None


def apply_sign(state: GameState, scenario: Scenario, move: SignAgreement, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    start = state.month_index + 1
    if agreement.is_contract:
        for other in state.agreements.values():
            if (
                other.id != agreement.id
                and other.is_contract
                and other.parties == agreement.parties
                and set(other.terms.activities) & set(agreement.terms.activities)
                and other.status == "signed"
                and other.ends >= start
            ):
                start = max(start, other.ends + 1)
        agreement = evolve(agreement, status="signed", starts=start, ends=start + agreement.terms.months - 1)
        state = _put(state, agreement)
        events = [
            event(
                state,
                phase,
                "ContractSigned",
                agreement.parties,
                topics=("money",),
                agreement=agreement.id,
                kind=agreement.kind,
                annual_value=agreement.terms.annual_value,
                starts=start,
                price_percent=agreement.terms.price_percent,
                share_percent=agreement.terms.share_percent,
                conflict=agreement.conflict,
                declared=agreement.declared,
            )
        ]
        return _with_trust((state, events), scenario, phase, [(a, b, 3) for a, b in _pairs(agreement.parties)])
    share, line = combined_share(state, scenario, agreement)
    threshold = float(state.rules["competition_share_threshold_percent"]) / 100
    needs_review = (
        agreement.kind in PROVIDER_ALLIANCES | {"merger"}
        and any(scenario.roles[p].kind in CARE_PROVIDER_KINDS for p in agreement.parties)
        and share > threshold
    )
    if needs_review:
        monitor = _first_of_kind(scenario, "monitor")
        agreement = evolve(agreement, status="under_review", review_opened=state.month_index)
        state = _put(state, agreement)
        events = [
            event(
                state,
                phase,
                "CompetitionReviewOpened",
                agreement.parties,
                topics=("competition",),
                agreement=agreement.id,
                kind=agreement.kind,
                share=round(share * 100),
                service=line,
            )
        ]
        if monitor:
            reason = f"Competition review of the proposed {agreement.kind.replace('_', ' ')}"
            state, more = add_agenda_item(
                state, phase, monitor, agreement.proposer, reason, topics=("competition",),
                audience=(monitor, *agreement.parties), agreement=agreement.id,
            )  # fmt: skip
            events += more
        return state, events
    return _form(state, scenario, agreement, phase, share, line)


def _pairs(parties: tuple[str, ...]) -> Iterator[tuple[str, str]]:
    for i, a in enumerate(parties):
        for b in parties[i + 1 :]:
            yield a, b


def _form(state: GameState, scenario: Scenario, agreement: Agreement, phase: str, share: float, line: str) -> Outcome:
    agreement = evolve(
        agreement, status="signed", starts=state.month_index, ends=state.month_index + agreement.terms.months - 1
    )
    state = _put(state, agreement)
    return _with_trust(
        (
            state,
            [
                event(
                    state,
                    phase,
                    "AllianceFormed",
                    agreement.parties,
                    topics=("strategy",),
                    agreement=agreement.id,
                    kind=agreement.kind,
                    share=round(share * 100),
                    service=line,
                    conditions=agreement.conditions,
                )
            ],
        ),
        scenario,
        phase,
        [(a, b, 5) for a, b in _pairs(agreement.parties)],
    )


# --- vary, end ----------------------------------------------------------------------------


def _signed_party(state: GameState, move: Move, agreement_id: str):
    agreement = state.agreements.get(agreement_id)
    if agreement is None or move.actor not in agreement.parties:
        return None, refuse("not_party", move, "You are not party to that agreement.")
    if agreement.status != "signed":
        return None, refuse("not_signed", move, "Only an agreement in force can be varied or ended.")
    return agreement, None


def check_vary(state: GameState, scenario: Scenario, move: VaryContract):
    agreement, refusal = _signed_party(state, move, move.agreement)
    if refusal:
        return refusal
    if not agreement.is_contract:
        return refuse(
            "not_contract", move, "Only contracts can be varied; end the alliance and form a new one instead."
        )
    if agreement.variation is not None:
        return refuse("already_varying", move, "A variation of this contract is already waiting for an answer.")
    return _check_terms(state, scenario, move, agreement.kind, agreement.parties, move.terms)


def apply_vary(state: GameState, scenario: Scenario, move: VaryContract, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    other = tuple(p for p in agreement.parties if p != move.actor)
    agreement = evolve(agreement, variation=move.terms, awaiting=other, proposer=move.actor)
    state = _put(state, agreement)
    return state, [
        event(
            state,
            phase,
            "AgreementProposed",
            (move.actor, *other),
            _audience(agreement),
            ("money",),
            agreement=agreement.id,
            kind=agreement.kind,
            variation=True,
            annual_value=move.terms.annual_value,
            price_percent=move.terms.price_percent,
            parties=agreement.parties,
        )
    ]


def check_end(state: GameState, scenario: Scenario, move: EndAgreement):
    _, refusal = _signed_party(state, move, move.agreement)
    return refusal


def apply_end(state: GameState, scenario: Scenario, move: EndAgreement, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    agreement = evolve(agreement, status="ended", ends=state.month_index, awaiting=(), variation=None)
    state = _put(state, agreement)
    broken = [(move.actor, other, -8) for other in agreement.parties if other != move.actor]
    kind = "ContractEnded" if agreement.is_contract else "AllianceEnded"
    return _with_trust(
        (
            state,
            [
                event(
                    state,
                    phase,
                    kind,
                    agreement.parties,
                    topics=("money",) if agreement.is_contract else ("strategy",),
                    agreement=agreement.id,
                    kind=agreement.kind,
                    ended_by=move.actor,
                    reason="ended early",
                )
            ],
        ),
        scenario,
        phase,
        broken,
    )


# --- conflicts of interest ----------------------------------------------------------------


def check_declare(state: GameState, scenario: Scenario, move: DeclareConflict):
    agreement = state.agreements.get(move.agreement)
    if agreement is None or not agreement.conflict or agreement.commissioner != move.actor:
        return refuse("no_conflict", move, "You have no conflict of interest to declare on that agreement.")
    if agreement.declared:
        return refuse("already_declared", move, "You have already declared this conflict of interest.")
    return None


def apply_declare(state: GameState, scenario: Scenario, move: DeclareConflict, phase: str) -> Outcome:
    agreement = evolve(state.agreements[move.agreement], declared=True)
    state = _put(state, agreement)
    return state, [
        event(
            state,
            phase,
            "ConflictDeclared",
            (move.actor,),
            topics=("governance",),
            agreement=agreement.id,
            provider=agreement.provider,
        )
    ]


def check_challenge(state: GameState, scenario: Scenario, move: ChallengeConflict):
    agreement = state.agreements.get(move.agreement)
    if agreement is None or not agreement.conflict or agreement.status not in ("signed", "agreed", "proposed"):
        return refuse("no_conflict", move, "There is no conflict of interest on that agreement to challenge.")
    if move.actor in agreement.parties:
        return refuse("own_agreement", move, "You cannot challenge an agreement you are party to.")
    return None


def apply_challenge(state: GameState, scenario: Scenario, move: ChallengeConflict, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    commissioner = agreement.commissioner
    upheld = not agreement.declared
    events: list[Event] = []
    if upheld:
        status = "ended" if agreement.status == "signed" else "rejected"
        ends = state.month_index  # a contract that had not yet begun ends before it started: never in force
        agreement = evolve(agreement, status=status, starts=min(agreement.starts, ends), ends=ends, awaiting=())
        state = _put(state, agreement)
        for kind in ("monitor", "nhscb"):
            regulator = _first_of_kind(scenario, kind)
            if regulator:
                reason = (
                    f"Undeclared conflict of interest: {name_of(scenario, commissioner)} "
                    f"and {name_of(scenario, agreement.provider)}"
                )
                state, more = add_agenda_item(state, phase, regulator, commissioner, reason, topics=("governance",))
                events += more
    events.insert(
        0,
        event(
            state,
            phase,
            "ConflictChallenged",
            (move.actor, commissioner),
            topics=("governance",),
            agreement=agreement.id,
            upheld=upheld,
            declared=agreement.declared,
        ),
    )
    return _with_trust((state, events), scenario, phase, [(move.actor, commissioner, -10 if upheld else -3)])


# --- Monitor's review -----------------------------------------------------------------------


def check_review(state: GameState, scenario: Scenario, move: DecideReview):
    agreement = state.agreements.get(move.agreement)
    if scenario.roles[move.actor].kind != "monitor" or "review_competition" not in scenario.roles[move.actor].powers:
        return refuse("no_power", move, "Only Monitor decides competition reviews.")
    if agreement is None or agreement.status != "under_review":
        return refuse("not_under_review", move, "That alliance is not under competition review.")
    if move.outcome not in REVIEW_OUTCOMES:
        return refuse("bad_outcome", move, "A review ends in approved, approved with conditions, or blocked.")
    ready = agreement.review_opened + int(state.rules["competition_review_months"])
    if state.month_index < ready:
        when = scenario.months[min(ready, len(scenario.months) - 1)]
        from ..content import month_label

        return refuse(
            "review_running", move, f"The review takes until {month_label(when)}; it cannot be decided before then."
        )
    return None


def apply_review(state: GameState, scenario: Scenario, move: DecideReview, phase: str) -> Outcome:
    agreement = state.agreements[move.agreement]
    share, line = combined_share(state, scenario, agreement)
    agendas = {
        k: evolve(v, status="acted")
        if v.status == "open" and v.regulator == move.actor and v.subject == agreement.proposer
        else v
        for k, v in state.agendas.items()
    }
    state = evolve(state, agendas=agendas)
    reviewed = event(
        state,
        phase,
        "AllianceReviewed",
        (move.actor, *agreement.parties),
        topics=("competition",),
        agreement=agreement.id,
        kind=agreement.kind,
        outcome=move.outcome,
        share=round(share * 100),
        service=line,
    )
    if move.outcome == "blocked":
        agreement = evolve(agreement, status="blocked", review_outcome="blocked")
        return _put(state, agreement), [reviewed]
    conditions = (
        "prices held and services kept open to other providers" if move.outcome == "approved_with_conditions" else ""
    )
    agreement = evolve(agreement, review_outcome=move.outcome, conditions=conditions)
    state, events = _form(state, scenario, agreement, phase, share, line)
    return state, [reviewed, *events]


# --- month end ------------------------------------------------------------------------------


def month_end(state: GameState, scenario: Scenario, month: int, phase: str) -> Outcome:
    """Proposals lapse, contracts expire, and at the deadline unsigned contracts roll over."""
    events: list[Event] = []
    deadline = (
        scenario.months.index(str(state.rules["contract_deadline"]))
        if state.rules["contract_deadline"] in scenario.months
        else -1
    )
    for agreement in list(state.agreements.values()):
        if agreement.status in OPEN and month - agreement.proposed_month >= LAPSE_MONTHS:
            state = _put(state, evolve(agreement, status="lapsed", awaiting=()))
            events.append(
                event(
                    state,
                    phase,
                    "AgreementLapsed",
                    agreement.parties,
                    _audience(agreement),
                    agreement=agreement.id,
                    kind=agreement.kind,
                    proposer=agreement.proposer,
                    waited_for=agreement.awaiting,
                )
            )
    if month == deadline:
        state, more = _roll_over(state, scenario, month, phase)
        events += more
    for agreement in list(state.agreements.values()):
        if agreement.status == "signed" and agreement.ends == month:
            state = _put(state, evolve(agreement, status="ended"))
            kind = "ContractEnded" if agreement.is_contract else "AllianceEnded"
            events.append(
                event(
                    state,
                    phase,
                    kind,
                    agreement.parties,
                    agreement=agreement.id,
                    kind=agreement.kind,
                    reason="term ended",
                )
            )
    return state, events


def _roll_over(state: GameState, scenario: Scenario, month: int, phase: str) -> Outcome:
    """Contracts ending by the deadline with no successor signed carry on, on the same terms, and are flagged."""
    events: list[Event] = []
    nhscb = _first_of_kind(scenario, "nhscb")
    for agreement in list(state.agreements.values()):
        if not (agreement.is_contract and agreement.status == "signed" and agreement.ends <= month):
            continue
        successor = any(
            other.is_contract
            and other.status == "signed"
            and other.parties == agreement.parties
            and other.starts > agreement.ends
            and bool(set(other.terms.activities) & set(agreement.terms.activities) or agreement.kind == "support")
            for other in state.agreements.values()
        )
        if successor:
            continue
        rolled = evolve(agreement, ends=agreement.ends + 12, rolled_over=True)
        state = _put(state, rolled)
        events.append(
            event(
                state,
                phase,
                "ContractRolledOver",
                agreement.parties,
                topics=("money",),
                agreement=agreement.id,
                kind=agreement.kind,
                until=scenario.months[min(rolled.ends, len(scenario.months) - 1)],
            )
        )
        if nhscb:
            reason = f"Contract with {name_of(scenario, agreement.provider)} not signed by the deadline"
            state, more = add_agenda_item(state, phase, nhscb, agreement.commissioner, reason)
            events += more
    return state, events


# --- legal moves ----------------------------------------------------------------------------


def _expected_value(state: GameState, scenario: Scenario, consortium: str, provider: str) -> int:
    """A yearly value at tariff for what this provider could do for this consortium: a starting point for terms."""
    total = 0.0
    for activity in scenario.roles[provider].services:
        count = units(state, scenario, consortium, activity, state.month_index, provider)
        total += count * state.tariff[activity] / 1000 * 12
    return round(total)


def offers(
    state: GameState, scenario: Scenario, buyer: str, seller: str, kinds: Container[str] | None = None
) -> dict[str, Terms]:
    """Default terms for each kind of contract this pair could sign (or only `kinds`): fresh offers at tariff
    value, and renewals of the contracts in force on their current terms (below tariff only while rules allow)."""
    services = scenario.roles[seller].services
    found: dict[str, Terms] = {}
    if not services:
        found["support"] = Terms(annual_value=1200)
    else:
        if kinds is None or "tariff" in kinds:
            found["tariff"] = Terms(activities=services)
        if kinds is None or "block" in kinds or "risk_share" in kinds:
            value = _expected_value(state, scenario, buyer, seller)
            found["block"] = Terms(activities=services, annual_value=value)
            found["risk_share"] = Terms(activities=services, annual_value=value, share_percent=50.0)
    below = state.rules["below_tariff_allowed"]
    for current in contracts_between(state.agreements).get((buyer, seller), ()):
        if current.status == "signed":
            terms = current.terms
            price = terms.price_percent if below else max(100.0, terms.price_percent)
            renewal = terms if terms.months == 12 and terms.price_percent == price else None
            found[current.kind] = renewal or evolve(terms, months=12, price_percent=price)
    return found if kinds is None else {kind: terms for kind, terms in found.items() if kind in kinds}


@last_seen
def _open_pairs(agreements: dict[str, Agreement]) -> frozenset[tuple[str, frozenset[str]]]:
    """(kind, members) that can't take a new proposal now: one is open, or such an alliance is live."""
    return frozenset(
        (a.kind, frozenset(a.parties))
        for a in agreements.values()
        if a.status in OPEN or (a.is_alliance and a.status in ALLIANCE_LIVE)
    )


def proposals(
    state: GameState,
    scenario: Scenario,
    role: str,
    counterparts: Iterable[str] | None = None,
    kinds: Container[str] | None = None,
) -> Iterator[ProposeAgreement]:
    """Every proposal this organisation may make now, with default terms; narrowed, for bots, to some
    counterparts and kinds of agreement (the same proposals either way, so a narrowed one is always legal)."""
    me = scenario.roles[role]
    others = scenario.roles if counterparts is None else counterparts
    open_pairs = _open_pairs(state.agreements)
    if me.kind == "consortium" or me.kind in PROVIDER_KINDS:
        for other_id in others:
            buyer, seller = (role, other_id) if me.kind == "consortium" else (other_id, role)
            if (
                other_id == role
                or scenario.roles[buyer].kind != "consortium"
                or scenario.roles[seller].kind not in PROVIDER_KINDS
            ):
                continue
            for kind, terms in offers(state, scenario, buyer, seller, kinds).items():
                if (kind, frozenset((buyer, seller))) not in open_pairs:
                    move = ProposeAgreement(actor=role, kind=kind, parties=(other_id,), terms=terms)
                    if _check_terms(state, scenario, move, kind, (buyer, seller), terms) is None:
                        yield move
    if me.kind in CARE_PROVIDER_KINDS and me.services and (kinds is None or "joint_venture" in kinds):
        for other in others:
            partner = scenario.roles[other]
            fits = other != role and partner.kind in CARE_PROVIDER_KINDS and partner.services
            if fits and ("joint_venture", frozenset((role, other))) not in open_pairs:
                yield ProposeAgreement(
                    actor=role, kind="joint_venture", parties=(other,), terms=Terms(activities=me.services, months=24)
                )
    if me.kind == "consortium":
        for other in others:
            if other != role and scenario.roles[other].kind == "consortium":
                for kind in ("lead_commissioner", "risk_pool"):
                    if (kinds is None or kind in kinds) and (kind, frozenset((role, other))) not in open_pairs:
                        yield ProposeAgreement(actor=role, kind=kind, parties=(other,), terms=Terms(months=12))


@last_seen
def _concerning(agreements: dict[str, Agreement]) -> tuple[dict[str, list[Agreement]], list[Agreement]]:
    """Agreements by party, and those that concern outsiders too (a conflict of interest, a competition review)."""
    by_party: dict[str, list[Agreement]] = defaultdict(list)
    public = []
    for agreement in agreements.values():
        for party in agreement.parties:
            by_party[party].append(agreement)
        if (agreement.conflict and agreement.status == "signed") or agreement.status == "under_review":
            public.append(agreement)
    return by_party, public


def legal(state: GameState, scenario: Scenario, role: str, kinds: Container[str] | None = None) -> Iterator[Move]:
    """Proposals, then the answers, signatures, variations and challenges that open agreements call for."""
    if kinds is None or "ProposeAgreement" in kinds:
        yield from proposals(state, scenario, role)
    by_party, public = _concerning(state.agreements)
    for agreement in by_party.get(role, ()):
        if role in agreement.awaiting:
            yield AcceptProposal(actor=role, agreement=agreement.id)
            yield RejectProposal(actor=role, agreement=agreement.id)
            if (
                agreement.status == "proposed"
                and agreement.is_contract
                and (kinds is None or "CounterProposal" in kinds)
            ):
                terms = agreement.variation or agreement.terms
                softer = evolve(terms, annual_value=round(terms.annual_value * 1.03), price_percent=100.0)
                counter = CounterProposal(actor=role, agreement=agreement.id, terms=softer)
                if check_counter(state, scenario, counter) is None:  # terms a card offered may not pass
                    yield counter
        if agreement.status == "agreed":
            yield SignAgreement(actor=role, agreement=agreement.id)
        elif agreement.status == "signed":
            variable = agreement.is_contract and agreement.variation is None and agreement.kind != "support"
            if variable and (kinds is None or "VaryContract" in kinds):
                vary = VaryContract(actor=role, agreement=agreement.id, terms=evolve(agreement.terms, months=12))
                if check_vary(state, scenario, vary) is None:
                    yield vary
            yield EndAgreement(actor=role, agreement=agreement.id)
        if (
            agreement.conflict
            and agreement.commissioner == role
            and not agreement.declared
            and agreement.status in (*OPEN, "signed")
        ):
            yield DeclareConflict(actor=role, agreement=agreement.id)
    monitor = scenario.roles[role].kind == "monitor"
    for agreement in public:
        if agreement.status == "signed" and role not in agreement.parties:
            yield ChallengeConflict(actor=role, agreement=agreement.id)
        due = agreement.review_opened + int(state.rules["competition_review_months"])
        if agreement.status == "under_review" and monitor and state.month_index >= due:
            for outcome in REVIEW_OUTCOMES:
                yield DecideReview(actor=role, agreement=agreement.id, outcome=outcome)


HANDLERS: Handlers = {
    "ProposeAgreement": (check_propose, apply_propose),
    "CounterProposal": (check_counter, apply_counter),
    "AcceptProposal": (check_answer, apply_accept),
    "RejectProposal": (check_answer, apply_reject),
    "SignAgreement": (check_sign, apply_sign),
    "VaryContract": (check_vary, apply_vary),
    "EndAgreement": (check_end, apply_end),
    "DeclareConflict": (check_declare, apply_declare),
    "ChallengeConflict": (check_challenge, apply_challenge),
    "DecideReview": (check_review, apply_review),
}

"""Computer players for absent organisations: each scores the legal moves it
could want by its kind's habits and its role's [bot] settings, works down the
list from the keenest, and stops when nothing seems worth an action.

Bots are deterministic: ties are broken by a hash of the seed, role, month
and moves made, so they never draw from the game's own random streams.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator

from .content import Scenario
from .engine.game import apply, check, legal_moves
from .rules import economy
from .rules.agreements import combined_share, proposals
from .state import GameState
from .state.memo import last_seen
from .vocabulary.catalogue import PROVIDER_KINDS
from .vocabulary.moves import EndTurn, Move, ProposeAgreement, Rejection

THRESHOLD = 3.0  # a move must score this much to be worth making
MAX_MOVES = 8  # per turn, reactive answers included
RUNG_WAIT = (0, 1, 3, 4)  # months a regulator bot waits on a rung before climbing to the next
FINAL_WAIT = 6  # the ultimate sanction comes only after half a year on the rung below


def _tie_breaker(state: GameState, role: str) -> random.Random:
    """A private random sequence for one look at the options, fixed by the seed, role and moment (never the game's
    own streams)."""
    moment = f"{state.seed}:{role}:{state.month_index}:{state.phase}:{state.orgs[role].moved_this_turn}"
    return random.Random(int.from_bytes(hashlib.blake2b(moment.encode(), digest_size=8).digest(), "big"))


def _jitter(state: GameState, role: str, move: Move) -> float:
    """Tie-breaking for a single move scored on its own (tests, tools); `choose` uses one sequence per decision."""
    digest = hashlib.blake2b(f"{state.seed}:{role}:{state.month_index}:{state.phase}:{move!r}".encode(), digest_size=4)
    return int.from_bytes(digest.digest(), "big") / 2**32


@last_seen
def _signed_by_pair(agreements: dict) -> dict[tuple[str, ...], list]:
    return {
        pair: signed
        for pair, found in economy.contracts_between(agreements).items()
        if (signed := [a for a in found if a.status == "signed"])
    }


@last_seen
def _allied(agreements: dict) -> frozenset[str]:
    """Organisations in an alliance that is proposed, under way or in force."""
    return frozenset(
        party
        for a in agreements.values()
        if a.is_alliance and a.status not in ("rejected", "lapsed", "ended")
        for party in a.parties
    )


@last_seen
def _committed(agreements: dict) -> frozenset[str]:
    """Providers in a care alliance that is agreed, under review or in force."""
    return frozenset(
        party
        for a in agreements.values()
        if a.kind in ("joint_venture", "integrated_care") and a.status in ("agreed", "under_review", "signed")
        for party in a.parties
    )


def _signed_contracts(state: GameState) -> dict[tuple[str, ...], list]:
    """Signed contracts by (buyer, seller)."""
    return _signed_by_pair(state.agreements)


def _priorities(scenario: Scenario, role: str) -> frozenset[str]:
    return frozenset(scenario.roles[role].bot.priorities)


def _forecast(state: GameState, scenario: Scenario, role: str) -> int:
    kind = scenario.roles[role].kind
    return (
        economy.forecast(state, scenario, role) if kind in ("consortium", "acute", "community", "mental_health") else 0
    )


def score(
    state: GameState,
    scenario: Scenario,
    role: str,
    move: Move,
    forecast: int | None = None,
    jitter: float | None = None,
) -> float:
    """How much this organisation wants to make this move now (higher is keener)."""
    me = scenario.roles[role]
    settings = me.bot
    wants = _priorities(scenario, role)
    name = move.name
    if forecast is None:
        forecast = _forecast(state, scenario, role)
    s = 0.0
    if name == "AnswerCard":
        choice = state.pending.get(move.choice)
        s = 9.0 if choice and move.option == choice.default else 2.0 + 4 * settings.caution * _jitter(state, role, move)
    elif name == "SignAgreement":
        s = 10.0
    elif name in ("AcceptProposal", "RejectProposal"):
        agreement = state.agreements[move.agreement]
        keen = _keenness(state, scenario, role, agreement.kind, agreement.terms.price_percent, forecast)
        s = 5.0 + keen if name == "AcceptProposal" else 5.0 - keen
    elif name == "CounterProposal":
        s = 2.0 + 2 * settings.caution
    elif name == "ProposeAgreement":
        s = _proposal_score(state, scenario, role, move, wants, forecast)
    elif name == "InvestInScheme":
        scheme = scenario.schemes[move.scheme]
        already = any(i.investor == role and i.scheme == scheme.id for i in state.schemes.values())
        if already or forecast < -40_000:
            return 0.0
        s = 2.0
        if "prevention" in wants and scheme.id in ("prevention", "admission_avoidance", "crisis_liaison"):
            s += 3.5
        if "seek_savings" in wants and scenario.activities[scheme.activity].setting == "acute":
            s += 2.5
    elif name == "TakeDecision":
        decision = next(d for d in me.decisions if d.id == move.decision)
        taken_now = state.orgs[role].moved_this_turn > 0 and len(state.orgs[role].decisions) > state.month_index // 3
        s = 1.0 + (3.0 if forecast < -15_000 and "money" in decision.tags else 0.0) - (3.0 if taken_now else 0.0)
    elif name == "RaiseRequest":
        s = (4.5 if "look_to_centre" in wants else 1.0) + (1.5 if forecast < -5_000 else 0.0)
        s *= 0.5 if state.month_index % 2 else 1.0
    elif name == "RaiseConcern":
        about = state.orgs.get(move.about)
        s = 1.0 + (4.0 if "speak_up" in wants and about is not None and 0 < about.quality < 66 else 0.0)
    elif name == "ConveneMeeting":
        s = 1.0 + (2.5 if "collaborate" in wants else 0.0) + (2.0 if me.kind in ("hwb", "healthwatch") else 0.0)
        s *= 0.5 if state.month_index % 3 else 1.0
    elif name == "RespondToMeeting":
        s = 6.0 if move.attend == (settings.cooperation >= 0.5) else 1.0
    elif name == "AnswerRequest":
        s = 5.0
    elif name == "SubmitPlan":
        s = 8.0 if state.orgs[role].plan_credibility < 0 else 0.0
        hopeful = move.savings > scenario.roles[role].finance.identified_savings
        s += -2.0 * settings.caution if hopeful else 0.0
    elif name == "AssessPlan":
        s = 6.0
    elif name in ("BidForFunding",):
        s = 4.0 + (2.0 if "look_to_centre" in wants else 0.0) if forecast < -5_000 else 0.0
    elif name == "DecideFunding":
        s = 6.0 if move.award > 0 else 2.0
    elif name == "ImposeSanction":
        key = f"{move.ladder}|{move.subject}"
        step = state.ladders.get(key, 0)
        waited = state.month_index - state.ladder_since.get(key, -100)
        top = len(scenario.ladders[move.ladder].steps) - 1  # the step that would reach the ultimate sanction
        wait = RUNG_WAIT[min(step, len(RUNG_WAIT) - 1)] if step < top else FINAL_WAIT
        on_agenda = any(
            i.status == "open" and i.regulator == role and i.subject == move.subject and i.ladder in ("", move.ladder)
            for i in state.agendas.values()
        )
        ready = on_agenda and waited >= wait and (step < top or "enforce" in wants)
        s = 3.0 + (2.5 if "enforce" in wants else 0.5) if ready else 0.0
    elif name == "Inspect":
        target = state.orgs[move.subject]
        s = 2.0 + (4.0 if target.quality < 68 else 0.0)
    elif name == "DismissAgendaItem":
        s = 2.5 + 2 * (1 - settings.caution)
    elif name == "DecideReview":
        s = _review_score(state, scenario, move)
    elif name == "MakeRuling":
        steady = move.value == state.rules.get(move.setting)  # regulators rarely reverse their own rulings
        s = 5.0 + (1.5 if steady else 0.0) + (1.0 if move.value is True and settings.cooperation >= 0.5 else 0.0)
    elif name in ("DeclareConflict",):
        s = 3.0 + 4 * settings.caution
    elif name in ("ChallengeConflict", "ChallengePlan"):
        s = 1.0 + (3.0 if "speak_up" in wants or "enforce" in wants else 0.0)
    return s + (_jitter(state, role, move) if jitter is None else jitter)


def _keenness(state: GameState, scenario: Scenario, role: str, kind: str, price_percent: float, forecast: int) -> float:
    """Positive when the organisation likes this kind of deal: the acute trust defends tariff income, consortia want certainty."""
    me = scenario.roles[role]
    wants = _priorities(scenario, role)
    keen = 4 * (me.bot.cooperation - 0.5)
    if me.kind == "acute" and kind in ("block", "risk_share"):
        keen -= 3.0 if "protect_income" in wants else 1.0
    if me.kind == "consortium" and kind in ("block", "risk_share"):
        keen += 1.5 if "seek_savings" in wants or forecast < 0 else 0.5
    if price_percent < 100 and me.kind in ("acute", "community", "mental_health"):
        keen -= 2.0
    if kind in ("joint_venture", "integrated_care", "lead_commissioner", "risk_pool"):
        keen += 1.5 if "collaborate" in wants or "expand" in wants else -0.5
    if kind in ("joint_venture", "integrated_care") and role in _committed(state.agreements):
        keen -= 5.0  # a provider already agreed to one care alliance does not sign up to every other
    return keen


def _proposal_score(
    state: GameState, scenario: Scenario, role: str, move: ProposeAgreement, wants: frozenset[str], forecast: int
) -> float:
    me = scenario.roles[role]
    other = move.parties[0]
    deadline = str(state.rules["contract_deadline"])
    deadline_index = scenario.months.index(deadline) if deadline in scenario.months else len(scenario.months)
    if move.kind in ("tariff", "block", "risk_share", "support"):
        buyer, seller = (role, other) if me.kind == "consortium" else (other, role)
        current = _signed_contracts(state).get((buyer, seller), [])
        ending = current and max(a.ends for a in current) <= deadline_index
        near = state.month_index >= deadline_index - 3
        renewal = bool(ending) and near and not any(a.starts > state.month_index for a in current)
        if renewal:
            preferred = (
                "tariff"
                if scenario.roles[seller].kind == "acute"
                else ("support" if move.kind == "support" else "block")
            )
            if me.kind == "consortium" and "seek_savings" in wants and scenario.roles[seller].kind == "acute":
                preferred = "risk_share"
            return 7.5 if move.kind == preferred else 1.0
        modest = move.terms.annual_value <= 0.02 * scenario.roles[buyer].finance.annual_allocation
        eager = "seek_savings" in wants or ("expand" in wants and me.kind == "private")
        if not current and modest and eager and scenario.roles[seller].kind == "private" and move.kind == "risk_share":
            return 3.5
        return 0.5
    if move.kind == "joint_venture":
        already = role in _allied(state.agreements)
        return (
            0.5
            if already
            else 1.0
            + (2.2 if "collaborate" in wants or "expand" in wants else 0.0)
            * (1.0 if state.month_index % 4 == 1 else 0.5)
        )
    if move.kind in ("lead_commissioner", "risk_pool"):
        partner_forecast = economy.forecast(state, scenario, other)
        diverged = (forecast >= 0) != (partner_forecast >= 0)
        return 1.0 + (2.2 if "collaborate" in wants and not diverged else 0.0)
    return 0.5


def _review_score(state: GameState, scenario: Scenario, move: Move) -> float:
    agreement = state.agreements[move.agreement]
    share, _ = combined_share(state, scenario, agreement)
    threshold = float(state.rules["competition_share_threshold_percent"]) / 100
    wanted = (
        "blocked"
        if share > min(0.95, threshold + 0.25)
        else "approved_with_conditions"
        if share > threshold
        else "approved"
    )
    return 9.0 if move.outcome == wanted else 0.0


# --- what is worth working out -----------------------------------------------------------------
#
# A bot makes a move only when its score beats THRESHOLD, and tie-breaking adds less than 1, so a kind of move
# whose best score here is at most THRESHOLD - 1 can never be chosen: such moves are not even generated. This
# is what makes a bot's decision cheap; tests check on played games that it never drops a move `choose` would
# have taken from the full list of legal moves.

ALWAYS = frozenset(
    {
        "AnswerCard",
        "SignAgreement",
        "AcceptProposal",
        "RejectProposal",
        "RespondToMeeting",
        "AnswerRequest",
        "AssessPlan",
        "DecideFunding",
        "ImposeSanction",
        "Inspect",
        "DismissAgendaItem",
        "DecideReview",
        "MakeRuling",
        "DeclareConflict",
    }
)
# Never worth it: EndAgreement, VaryContract and LiftSanction (bots keep what they have signed or imposed).


def interests(state: GameState, scenario: Scenario, role: str, forecast: int) -> frozenset[str]:
    """The kinds of move (other than proposals, see `_proposals`) that could be worth an action now."""
    me = scenario.roles[role]
    wants = _priorities(scenario, role)
    odd = state.month_index % 2
    request = ((4.5 if "look_to_centre" in wants else 1.0) + (1.5 if forecast < -5_000 else 0.0)) * (
        0.5 if odd else 1.0
    )
    meeting = (1.0 + (2.5 if "collaborate" in wants else 0.0) + (2.0 if me.kind in ("hwb", "healthwatch") else 0.0)) * (
        0.5 if state.month_index % 3 else 1.0
    )
    keen = THRESHOLD - 1
    maybe = {
        "CounterProposal": me.bot.caution > 0,
        "InvestInScheme": forecast >= -40_000 and bool(wants & {"prevention", "seek_savings"}),
        "TakeDecision": forecast < -15_000,
        "RaiseRequest": request > keen,
        "RaiseConcern": "speak_up" in wants,
        "ConveneMeeting": meeting > keen,
        "SubmitPlan": state.orgs[role].plan_credibility < 0,
        "BidForFunding": forecast < -5_000,
        "ChallengeConflict": bool(wants & {"speak_up", "enforce"}),
        "ChallengePlan": bool(wants & {"speak_up", "enforce"}),
    }
    return ALWAYS | {name for name, worth in maybe.items() if worth}


def _proposals(state: GameState, scenario: Scenario, role: str) -> Iterator[Move]:
    """The proposals that could score: renewals near the contract deadline, a first risk-share between a
    consortium seeking savings and a private provider, and alliances for those who want to collaborate or grow."""
    me = scenario.roles[role]
    wants = _priorities(scenario, role)
    if state.orgs[role].action_points <= 0:
        return
    if me.kind == "consortium" or me.kind in PROVIDER_KINDS:
        side = 0 if me.kind == "consortium" else 1
        signed = {pair[1 - side]: found for pair, found in _signed_contracts(state).items() if pair[side] == role}
        deadline = str(state.rules["contract_deadline"])
        deadline_index = scenario.months.index(deadline) if deadline in scenario.months else len(scenario.months)
        if state.month_index >= deadline_index - 3:  # renewals, as `_proposal_score` judges them
            ending = [
                other
                for other, current in signed.items()
                if max(a.ends for a in current) <= deadline_index
                and not any(a.starts > state.month_index for a in current)
            ]
            yield from proposals(state, scenario, role, ending)
        if (me.kind == "consortium" and "seek_savings" in wants) or (
            me.kind == "private" and wants & {"seek_savings", "expand"}
        ):
            wanted = "private" if me.kind == "consortium" else "consortium"
            fresh = [r for r in scenario.roles_of_kind(wanted) if r not in signed]
            yield from proposals(state, scenario, role, fresh, ("risk_share",))
    if wants & {"collaborate", "expand"} and role not in _allied(state.agreements):
        yield from proposals(state, scenario, role, kinds=("joint_venture",))
    if "collaborate" in wants:
        yield from proposals(state, scenario, role, kinds=("lead_commissioner", "risk_pool"))


# What a bot's own moves can bring to its desk within its turn: a proposal it accepted is ready to sign, its
# inspection or assessment puts an item on its own agenda, an effect sends it a request or a card to answer.
FOLLOW_UPS = frozenset(
    {
        "SignAgreement",
        "AnswerRequest",
        "RespondToMeeting",
        "AnswerCard",
        "DismissAgendaItem",
        "ImposeSanction",
        "DecideReview",
        "DecideFunding",
        "MakeRuling",
        "AssessPlan",
    }
)


def candidates(state: GameState, scenario: Scenario, role: str, follow_ups_only: bool = False) -> list[Move]:
    """The legal moves this bot would consider now (every move it could choose), ending the turn last; or, on a
    second look after moving, only what its moves may have brought to its desk."""
    wanted = interests(state, scenario, role, _forecast(state, scenario, role))
    if follow_ups_only:
        return legal_moves(state, scenario, role, wanted & FOLLOW_UPS)
    legal = legal_moves(state, scenario, role, wanted)
    if not legal:
        return legal
    return [*legal[:-1], *dict.fromkeys(_proposals(state, scenario, role)), legal[-1]]


def _ranked(state: GameState, scenario: Scenario, role: str, legal: list[Move]) -> list[tuple[float, float, Move]]:
    """The moves worth an action, keenest first (earliest on a tie), each with its score and tie-break."""
    forecast = _forecast(state, scenario, role)
    ties = _tie_breaker(state, role)
    worth = []
    for move in legal:
        if isinstance(move, EndTurn):
            continue
        jitter = ties.random()
        value = score(state, scenario, role, move, forecast, jitter)
        if value > THRESHOLD:
            worth.append((value, jitter, move))
    worth.sort(key=lambda found: -found[0])  # stable: equal scores keep their order
    return worth


def choose(state: GameState, scenario: Scenario, role: str, legal: list[Move]) -> Move:
    """The bot's next move from the legal ones: the keenest, or end the turn."""
    ranked = _ranked(state, scenario, role, legal)
    return ranked[0][2] if ranked else EndTurn(actor=role)


def play_turn(state: GameState, scenario: Scenario, role: str):
    """Play this organisation's whole turn; returns the final state, the moves made and their events.

    Like a person at the desk, the bot ranks what it could do, works down the list (skipping what its own moves
    have made impossible or no longer worth it), then looks again at what its moves have brought to its desk.
    """
    moves: list[Move] = []
    events = []
    while len(moves) < MAX_MOVES:
        made = 0
        options = candidates(state, scenario, role, follow_ups_only=bool(moves))
        for _, jitter, move in _ranked(state, scenario, role, options):
            if len(moves) >= MAX_MOVES:
                break
            if made and (
                check(state, scenario, move) is not None
                or score(state, scenario, role, move, _forecast(state, scenario, role), jitter) <= THRESHOLD
            ):
                continue
            outcome = apply(state, scenario, move)
            if isinstance(outcome, Rejection):  # bots only pick legal moves; stop rather than loop
                break
            state, more = outcome
            moves.append(move)
            events += more
            made += 1
        if not made:
            break
    end = EndTurn(actor=role)
    state, more = apply(state, scenario, end)
    moves.append(end)
    return state, moves, events + more

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
from .content.model import BotSettings
from .engine.game import MOVE_KINDS, apply, check, legal_moves
from .rules import plans
from .rules.registry import Judge, move_jitter
from .state import GameState
from .vocabulary.catalogue import FORECAST_KINDS
from .vocabulary.moves import EndTurn, Move, Rejection


def _tie_breaker(state: GameState, role: str) -> random.Random:
    """A private random sequence for one look at the options, fixed by the seed, role and moment (never the game's
    own streams)."""
    moment = f"{state.seed}:{role}:{state.month_index}:{state.phase}:{state.orgs[role].moved_this_turn}"
    return random.Random(int.from_bytes(hashlib.blake2b(moment.encode(), digest_size=8).digest(), "big"))


def _jitter(state: GameState, role: str, move: Move) -> float:
    """Tie-breaking for a single move scored on its own (tests, tools); `choose` uses one sequence per decision."""
    return move_jitter(state, role, move)


_WANTS: dict[int, tuple[BotSettings, frozenset[str]]] = {}  # by the settings' identity (content is never changed)


def _priorities(scenario: Scenario, role: str) -> frozenset[str]:
    """The motives this organisation holds at all (weighing more than nothing); worked out once per role's settings,
    as every move a bot weighs asks."""
    settings = scenario.roles[role].bot
    found = _WANTS.get(id(settings))
    if found is None or found[0] is not settings:
        if len(_WANTS) > 256:  # scenarios come and go in tests and tools
            _WANTS.clear()
        wants = frozenset((*settings.priorities, *settings.motives)) - {
            m for m, w in settings.motives.items() if w <= 0
        }
        found = _WANTS[id(settings)] = (settings, wants)
    return found[1]


def _forecast(state: GameState, scenario: Scenario, role: str) -> int:
    """The position at the game's end as the organisation itself can see it (a bot decides from what its desk shows); 0 for
    those whose money the game does not follow month by month."""
    kind = scenario.roles[role].kind
    return plans.known_forecast(state, scenario, role) if kind in FORECAST_KINDS else 0


def judge(state: GameState, scenario: Scenario, role: str, forecast: int | None = None) -> Judge:
    """What this organisation weighs moves with now."""
    me = scenario.roles[role]
    if forecast is None:
        forecast = _forecast(state, scenario, role)
    return Judge(state=state, scenario=scenario, role=role, me=me, wants=_priorities(scenario, role), forecast=forecast)


def score(
    state: GameState,
    scenario: Scenario,
    role: str,
    move: Move,
    forecast: int | None = None,
    jitter: float | None = None,
) -> float:
    """How much this organisation wants to make this move now (higher is keener): its kind's own scorer."""
    return _judged(
        judge(state, scenario, role, forecast), move, _jitter(state, role, move) if jitter is None else jitter
    )


def _judged(me: Judge, move: Move, jitter: float) -> float:
    """`score` with the judge already made: a bot weighs many moves from one position."""
    kind = MOVE_KINDS.get(move.name)
    s = kind.score(me, move) if kind else 0.0
    if s is None:
        return 0.0
    return s + jitter


# --- what is worth working out -----------------------------------------------------------------
#
# A bot makes a move only when its score beats its role's threshold ([bot] in the role file), and tie-breaking
# adds less than 1, so a kind of move whose best score here is at most the threshold - 1 can never be chosen: such moves are not even generated. This
# is what makes a bot's decision cheap; tests check on played games that it never drops a move `choose` would
# have taken from the full list of legal moves.


def interests(state: GameState, scenario: Scenario, role: str, forecast: int) -> frozenset[str]:
    """The kinds of move (other than those the bot proposes itself) whose bound could beat the bar now."""
    return _interests(judge(state, scenario, role, forecast))


# The kinds a bot chooses among (not those it proposes itself), each with its bound when that is fixed.
_BOUNDED = tuple(
    (name, kind.bound, getattr(kind.bound, "fixed", None)) for name, kind in MOVE_KINDS.items() if kind.proposes is None
)


def _interests(me: Judge, among: frozenset[str] | None = None) -> frozenset[str]:
    """`interests`, bounding only the kinds `among` when given (a second look after moving)."""
    keen = me.settings.threshold - 1
    return frozenset(
        name
        for name, bound, fixed in _BOUNDED
        if (among is None or name in among) and (bound(me) if fixed is None else fixed) > keen
    )


# What a bot's own moves can bring to its desk within its turn: a proposal it accepted is ready to sign, its
# inspection or assessment puts an item on its own agenda, an effect sends it a request or a card to answer.
FOLLOW_UPS = frozenset(name for name, kind in MOVE_KINDS.items() if kind.follow_up)


def _proposals(state: GameState, scenario: Scenario, role: str) -> Iterator[Move]:
    """The moves bots propose themselves rather than choosing among every legal one (there are too many)."""
    for kind in MOVE_KINDS.values():
        if kind.proposes is not None:
            yield from kind.proposes(state, scenario, role)


def candidates(state: GameState, scenario: Scenario, role: str, follow_ups_only: bool = False) -> list[Move]:
    """The legal moves this bot would consider now (every move it could choose), ending the turn last; or, on a
    second look after moving, only what its moves may have brought to its desk."""
    return _candidates(judge(state, scenario, role), follow_ups_only)


def _candidates(me: Judge, follow_ups_only: bool = False) -> list[Move]:
    state, scenario, role = me.state, me.scenario, me.role
    if follow_ups_only:
        return legal_moves(state, scenario, role, _interests(me, FOLLOW_UPS))
    legal = legal_moves(state, scenario, role, _interests(me))
    if not legal:
        return legal
    return [*legal[:-1], *dict.fromkeys(_proposals(state, scenario, role)), legal[-1]]


def _ranked(state: GameState, scenario: Scenario, role: str, legal: list[Move]) -> list[tuple[float, float, Move]]:
    """The moves worth an action, keenest first (earliest on a tie), each with its score and tie-break."""
    return _ranked_by(judge(state, scenario, role), legal)


def _ranked_by(me: Judge, legal: list[Move]) -> list[tuple[float, float, Move]]:
    ties = None  # drawn up only when there is something to weigh (often only ending the turn is left)
    bar = me.settings.threshold
    worth = []
    for move in legal:
        if isinstance(move, EndTurn):
            continue
        if ties is None:
            ties = _tie_breaker(me.state, me.role)
        jitter = ties.random()
        value = _judged(me, move, jitter)
        if value > bar:
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
    settings = scenario.roles[role].bot
    moves: list[Move] = []
    events = []
    while len(moves) < settings.moves_per_turn:
        made = 0
        me = judge(state, scenario, role)  # one look at the position, made again only after a move changes it
        options = _candidates(me, follow_ups_only=bool(moves))
        for _, jitter, move in _ranked_by(me, options):
            if len(moves) >= settings.moves_per_turn:
                break
            if made:
                if me.state is not state:
                    me = judge(state, scenario, role)
                if check(state, scenario, move) is not None or _judged(me, move, jitter) <= settings.threshold:
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

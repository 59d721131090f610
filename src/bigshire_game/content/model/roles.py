"""The shape of a role file, roles/<id>.toml: an organisation's brief, money, population, contracts, decisions,
relationships and how its computer player weighs moves."""

from __future__ import annotations

from attrs import field, frozen

from .shared import Closure, Condition, Effect, tune


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
    threshold: float = tune(3.0, "a move must score more than this to be worth an action")
    moves_per_turn: int = tune(8, "most moves a computer player makes in one turn, answers included")
    rung_waits: tuple[int, ...] = tune(
        (0, 1, 3, 4), "months a regulator waits on each rung of a ladder before climbing to the next"
    )
    final_wait: int = tune(6, "months a regulator waits on the rung below the ultimate sanction")
    inspect_below: int = tune(68, "quality below which an inspector is keen to inspect")
    attend_trust: int = tune(40, "trust with a meeting's host below which even a cooperative organisation stays away")

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

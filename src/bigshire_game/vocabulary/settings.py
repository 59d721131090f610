"""The rule settings in force, as one typed value: what rulings, cards and the facilitator change.

Defined once: the catalogue's `RULE_SETTINGS` (names and types, read by the validator and the desk) and the
scenario file's `[rules]` table are derived from this class, and a setting changes only through `changed`.
Saves write the settings in field order, leaving out a deadline the scenario does not set.
"""

# No `from __future__ import annotations`: the field types are read as types to derive `RULE_SETTINGS`.

import types

import attrs
from attrs import frozen

Setting = bool | int | float | str


@frozen(kw_only=True)
class RuleSettings:
    """The rules in force; the defaults are the game as designed, and a deadline left out is a mechanic not run."""

    below_tariff_allowed: bool = False
    qualified_provider_paid_at_tariff: bool = True
    top_slice_percent: float = 2.0
    marginal_emergency_rate_percent: float = 30.0
    quality_premium_percent: float = 0.5
    quality_premium_threshold: int = 70
    competition_share_threshold_percent: float = 60.0
    competition_review_months: int = 3
    plan_deadline: str | None = attrs.field(
        default=None, metadata={"help": 'the month financial plans are due, "2013-10"; no plans when left out'}
    )
    contract_deadline: str | None = attrs.field(
        default=None,
        metadata={"help": 'the month contracts for next year must be signed by, "2014-03"; none when left out'},
    )

    def value(self, setting: str) -> Setting | None:
        """The setting's value by its name (None for a deadline not set, or a name that is no setting)."""
        return getattr(self, setting) if setting in RULE_SETTINGS else None

    def changed(self, setting: str, value: Setting) -> "RuleSettings":
        """The settings with one changed: the one way a ruling, a card or the facilitator changes a rule.

        A whole number is stored as a number for a setting that takes fractions; any other mismatch is refused,
        since the rules and the validator have already checked the value."""
        kind = RULE_SETTINGS.get(setting)
        if kind is None:
            raise KeyError(f"{setting} is not a rule setting")
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
            raise TypeError(f"{setting} takes {kind.__name__}, not {value!r}")
        return attrs.evolve(self, **{setting: value})

    def written(self) -> dict[str, Setting]:
        """The settings as a save writes them: every one in field order, a deadline not set left out."""
        return {name: value for name, value in attrs.asdict(self).items() if value is not None}


def _plain(tp: object) -> type:
    """The type a setting takes, `str` for an optional `str | None`."""
    if isinstance(tp, types.UnionType):
        return next(t for t in tp.__args__ if t is not type(None))
    assert isinstance(tp, type)
    return tp


RULE_SETTINGS: dict[str, type] = {f.name: _plain(f.type) for f in attrs.fields(RuleSettings)}
"""Each rule setting's name and the type of its value, in the order saves write them."""

DEADLINES = frozenset(name for name, f in attrs.fields_dict(RuleSettings).items() if f.default is None)
"""The settings that are months of the game, and may be left out."""

"""What an agreement says: the terms a move proposes and a contract or alliance then holds."""

from __future__ import annotations

from attrs import frozen


@frozen(kw_only=True, slots=False)
class Terms:
    """What an agreement says; which fields matter depends on its kind."""

    activities: tuple[str, ...] = ()
    annual_value: int = 0
    share_percent: float = 50.0
    price_percent: float = 100.0
    months: int = 12
    provider: str = ""  # a lead-commissioner arrangement: the provider whose contracts the lead negotiates
    shares: tuple[float, ...] = ()  # a risk pool: each member's share of the pooled result, %, in party order

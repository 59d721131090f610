"""Fields of money, activity, prices, quality and trust: what the month's sums and the schemes moved."""

from __future__ import annotations

from ...vocabulary.events import Event
from ...vocabulary.words import balance, money
from ..naming import Words
from ..wording import percent, plural
from .common import Fields, FieldsOf, Switches, get


def _money_moved(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    amount = int(get(d, "amount", 0))
    transfer = "payer" in d
    actor = str(get(d, "payer") if transfer else get(d, "role"))
    flow = str(get(d, "flow"))
    return (
        {"transfer": transfer, "incoming": amount > 0 and not transfer, "caused": e.cause is not None},
        {
            "actor": w.name(actor),
            "amount": money(amount),
            "flow": "" if flow == "transfer" else flow,
            "payer": w.name(get(d, "payer")) if transfer else "",
            "payee": w.name(get(d, "payee")) if transfer else "",
            "cause": w.cause(e.cause, actor),
        },
    )


def _contract_paid(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    payer, payee = ([*list(e.actors), "", ""])[:2]
    return {}, {
        "commissioner": w.name(payer),
        "provider": w.name(payee),
        "agreement": w.agreement(get(d, "agreement"), get(d, "kind"))
        if get(d, "agreement")
        else "work without a contract",
        "amount": money(int(get(d, "amount", 0))),
        "paid_month": w.month(get(d, "month")),
    }


def _quality_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    amount = int(get(d, "amount", 0))
    actor = str(get(d, "role"))
    cause, reason = w.cause(e.cause, actor), w.clause(get(d, "reason"))
    why = cause or (f"because of {reason}" if reason else "")
    return (
        {"rising": amount > 0},
        {
            "actor": w.name(actor),
            "quality": str(get(d, "quality")),
            "points": plural(abs(amount), "point"),
            "why": why,
            "cause": cause,  # not a placeholder: lets a consequence told under its cause drop it
        },
    )


def _cost_base_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    actor = str(get(d, "role"))
    change = int(get(d, "change", 0))
    return (
        {"rising": change > 0, "caused": e.cause is not None},
        {
            "actor": w.name(actor),
            "percent": percent(float(get(d, "percent", 0.0))),
            "change": money(change),
            "cost_base": money(int(get(d, "cost_base", 0))),
            "cause": w.cause(e.cause, actor),
        },
    )


def _demand_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    referrals = bool(get(d, "referrals", False))
    pct = float(get(d, "percent", 0.0))
    target = str(get(d, "role") if referrals else get(d, "target"))
    until = int(get(d, "until", -1)) if not referrals else -1
    return (
        {"referrals": referrals, "rising": pct > 0, "everywhere": not target, "lasting": until < 0},
        {
            "actor": w.name(target) if target else "",
            "activity": w.activity(get(d, "activity")) if not referrals else "referrals",
            "percent": percent(pct),
            "target": w.name(target) if target else "",
            "until": w.month(until) if until >= 0 else "",
            "referral_rate": f"{float(get(d, 'referral_percent', 100.0)):.0f}%" if referrals else "",
            "cause": w.cause(e.cause, target),
        },
    )


def _tariff_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    pct = float(get(d, "percent", 0.0))
    return (
        {"rising": pct > 0},
        {
            "activity": w.activity(get(d, "activity")),
            "percent": percent(pct),
            "price": f"£{int(get(d, 'price', 0)):,}",
            "previous": f"£{int(get(d, 'previous', 0)):,}",
            "cause": w.cause(e.cause),
        },
    )


def _trust_changed(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    pair = [*list(get(d, "between", e.actors)), "", ""]
    amount = int(get(d, "amount", 0))
    return (
        {"rising": amount > 0},
        {
            "first": w.name(pair[0]),
            "second": w.name(pair[1]),
            "points": plural(abs(amount), "point"),
            "trust": str(get(d, "trust")),
            "cause": w.cause(e.cause),
        },
    )


def _scheme(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    partners = tuple(get(d, "partners", ()))
    fields = {
        "actor": w.name(get(d, "investor")),
        "investor": w.name(get(d, "investor")),
        "scheme": w.scheme(get(d, "scheme")),
        "partners": w.names(partners),
    }
    if e.kind == "SchemeInvested":
        fields |= {"cost": money(int(get(d, "cost", 0))), "matures": w.month(int(get(d, "matures", e.month)))}
    if e.kind == "SchemeSavingsReleased":
        fields |= {
            "activity": w.activity(get(d, "activity")),
            "percent": percent(float(get(d, "reduction_percent", 0.0))),
        }
    return {"partnered": bool(partners)}, fields


def _month_resolved(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    result = int(get(d, "result", 0))
    return (
        {"surplus": result >= 0},
        {
            "actor": w.name(get(d, "role")),
            "result": money(result),
            "balance": balance(int(get(d, "balance", 0))),
            "income": money(int(get(d, "income", 0))),
            "spend": money(int(get(d, "spend", 0))),
            "paid_month": w.month(get(d, "month")),
        },
    )


def _premium(w: Words, e: Event) -> tuple[Switches, Fields]:
    d = e.data
    return {}, {
        "actor": w.name(get(d, "role")),
        "amount": money(int(get(d, "amount", 0))),
        "quality": str(get(d, "quality")),
    }


FIELDS: dict[str, FieldsOf] = {
    "MoneyMoved": _money_moved,
    "ContractPaid": _contract_paid,
    "QualityChanged": _quality_changed,
    "CostBaseChanged": _cost_base_changed,
    "DemandChanged": _demand_changed,
    "TariffChanged": _tariff_changed,
    "TrustChanged": _trust_changed,
    "SchemeInvested": _scheme,
    "SchemeSavingsReleased": _scheme,
    "SchemeFailed": _scheme,
    "MonthResolved": _month_resolved,
    "QualityPremiumPaid": _premium,
}

"""Fields of money, activity, prices, quality and trust: what the month's sums and the schemes moved."""

from __future__ import annotations

from ...vocabulary.events import (
    ContractPaid,
    CostBaseChanged,
    DemandChanged,
    MoneyMoved,
    MonthResolved,
    QualityChanged,
    QualityPremiumPaid,
    SchemeFailed,
    SchemeInvested,
    SchemeSavingsReleased,
    TariffChanged,
    TrustChanged,
)
from ...vocabulary.words import balance, money
from ..naming import Words
from ..wording import percent, plural
from .common import Fields, FieldsOf, Switches, given


def _money_moved(w: Words, e: MoneyMoved) -> tuple[Switches, Fields]:
    amount = int(given(e.amount, 0))
    transfer = e.payer is not None
    actor = str(given(e.payer) if transfer else given(e.role))
    flow = str(given(e.flow))
    return (
        {"transfer": transfer, "incoming": amount > 0 and not transfer, "caused": e.cause is not None},
        {
            "actor": w.name(actor),
            "amount": money(amount),
            "flow": "" if flow == "transfer" else flow,
            "payer": w.name(given(e.payer)) if transfer else "",
            "payee": w.name(given(e.payee)) if transfer else "",
            "cause": w.cause(e.cause, actor),
        },
    )


def _contract_paid(w: Words, e: ContractPaid) -> tuple[Switches, Fields]:
    payer, payee = ([*list(e.actors), "", ""])[:2]
    return {}, {
        "commissioner": w.name(payer),
        "provider": w.name(payee),
        "agreement": w.agreement(given(e.agreement), given(e.agreement_kind))
        if given(e.agreement)
        else "work without a contract",
        "amount": money(int(given(e.amount, 0))),
        "paid_month": w.month(given(e.month_label)),
    }


def _quality_changed(w: Words, e: QualityChanged) -> tuple[Switches, Fields]:
    amount = int(given(e.amount, 0))
    actor = str(given(e.role))
    cause, reason = w.cause(e.cause, actor), w.clause(given(e.reason))
    why = cause or (f"because of {reason}" if reason else "")
    return (
        {"rising": amount > 0},
        {
            "actor": w.name(actor),
            "quality": str(given(e.quality)),
            "points": plural(abs(amount), "point"),
            "why": why,
            "cause": cause,  # not a placeholder: lets a consequence told under its cause drop it
        },
    )


def _cost_base_changed(w: Words, e: CostBaseChanged) -> tuple[Switches, Fields]:
    actor = str(given(e.role))
    change = int(given(e.change, 0))
    return (
        {"rising": change > 0, "caused": e.cause is not None},
        {
            "actor": w.name(actor),
            "percent": percent(float(given(e.percent, 0.0))),
            "change": money(change),
            "cost_base": money(int(given(e.cost_base, 0))),
            "cause": w.cause(e.cause, actor),
        },
    )


def _demand_changed(w: Words, e: DemandChanged) -> tuple[Switches, Fields]:
    referrals = bool(given(e.referrals, False))
    pct = float(given(e.percent, 0.0))
    target = str(given(e.role) if referrals else given(e.target))
    until = int(given(e.until, -1)) if not referrals else -1
    return (
        {"referrals": referrals, "rising": pct > 0, "everywhere": not target, "lasting": until < 0},
        {
            "actor": w.name(target) if target else "",
            "activity": w.activity(given(e.activity)) if not referrals else "referrals",
            "percent": percent(pct),
            "target": w.name(target) if target else "",
            "until": w.month(until) if until >= 0 else "",
            "referral_rate": f"{float(given(e.referral_percent, 100.0)):.0f}%" if referrals else "",
            "cause": w.cause(e.cause, target),
        },
    )


def _tariff_changed(w: Words, e: TariffChanged) -> tuple[Switches, Fields]:
    pct = float(given(e.percent, 0.0))
    return (
        {"rising": pct > 0},
        {
            "activity": w.activity(given(e.activity)),
            "percent": percent(pct),
            "price": f"£{int(given(e.price, 0)):,}",
            "previous": f"£{int(given(e.previous, 0)):,}",
            "cause": w.cause(e.cause),
        },
    )


def _trust_changed(w: Words, e: TrustChanged) -> tuple[Switches, Fields]:
    pair = [*list(given(e.between, e.actors)), "", ""]
    amount = int(given(e.amount, 0))
    return (
        {"rising": amount > 0},
        {
            "first": w.name(pair[0]),
            "second": w.name(pair[1]),
            "points": plural(abs(amount), "point"),
            "trust": str(given(e.trust)),
            "cause": w.cause(e.cause),
        },
    )


def _scheme(w: Words, e: SchemeInvested | SchemeSavingsReleased | SchemeFailed) -> tuple[Switches, Fields]:
    partners = tuple(given(e.partners, ()))
    fields = {
        "actor": w.name(given(e.investor)),
        "investor": w.name(given(e.investor)),
        "scheme": w.scheme(given(e.scheme)),
        "partners": w.names(partners),
    }
    if isinstance(e, SchemeInvested):
        fields |= {"cost": money(int(given(e.cost, 0))), "matures": w.month(int(given(e.matures, e.month)))}
    if isinstance(e, SchemeSavingsReleased):
        fields |= {
            "activity": w.activity(given(e.activity)),
            "percent": percent(float(given(e.reduction_percent, 0.0))),
        }
    return {"partnered": bool(partners)}, fields


def _month_resolved(w: Words, e: MonthResolved) -> tuple[Switches, Fields]:
    result = int(given(e.result, 0))
    return (
        {"surplus": result >= 0},
        {
            "actor": w.name(given(e.role)),
            "result": money(result),
            "balance": balance(int(given(e.balance, 0))),
            "income": money(int(given(e.income, 0))),
            "spend": money(int(given(e.spend, 0))),
            "paid_month": w.month(given(e.month_label)),
        },
    )


def _premium(w: Words, e: QualityPremiumPaid) -> tuple[Switches, Fields]:
    return {}, {
        "actor": w.name(given(e.role)),
        "amount": money(int(given(e.amount, 0))),
        "quality": str(given(e.quality)),
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

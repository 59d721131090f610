"""The fixed vocabularies that content may name: organisation kinds, metrics,
effect and condition kinds, rule settings, powers, event kinds.

Content is checked against these words at load time, and the engine is built
to handle exactly these; adding a word here means teaching the engine it too.
"""

from __future__ import annotations

KINDS: dict[str, str] = {
    "consortium": "GP commissioning consortium",
    "csu": "commissioning support unit",
    "acute": "acute hospital trust",
    "community": "community services trust",
    "mental_health": "mental health trust",
    "private": "private provider",
    "gp_provider": "GP-owned provider company",
    "nhscb": "NHS Commissioning Board",
    "monitor": "Monitor, the economic regulator",
    "cqc": "Care Quality Commission",
    "hwb": "health and wellbeing board",
    "healthwatch": "HealthWatch",
}

COMMISSIONER_KINDS = frozenset({"consortium"})
CARE_PROVIDER_KINDS = frozenset({"acute", "community", "mental_health", "private", "gp_provider"})
PROVIDER_KINDS = CARE_PROVIDER_KINDS | {"csu"}
SYSTEM_KINDS = frozenset({"nhscb", "monitor", "cqc", "hwb", "healthwatch"})

TARGET_WORDS: dict[str, str] = {
    "self": "the organisation that chose the option or took the decision",
    "audience": "every organisation the card reached",
    "everyone": "every organisation in the game",
}

METRICS: dict[str, str] = {
    "balance": "money in hand this year, £k (negative is a deficit)",
    "forecast": "forecast year-end position, £k",
    "month_result": "last month's surplus or deficit, £k",
    "quality": "quality of care, 0 to 100 (providers)",
    "trust": "average trust others place in the organisation, 0 to 100",
    "workload": "items waiting on the organisation's agenda",
    "plan_credibility": "credibility of the latest financial plan, 0 to 100 (consortia)",
    "sanction_level": "highest step reached on any regulator's ladder (0 is none)",
    "demand_index": "demand against the opening baseline, per cent",
    "referral_index": "referral rate against the county norm, per cent (consortia)",
}

TOPICS: dict[str, str] = {
    "money": "finance, prices, deficits, savings",
    "quality": "safety and quality of care",
    "access": "waiting times and access",
    "governance": "governance, conflicts of interest, legality",
    "competition": "choice and competition",
    "strategy": "strategy, integration, the needs assessment",
    "public": "the public and patients' voice",
}

CONTRACT_KINDS: dict[str, str] = {
    "tariff": "payment per unit of activity at the national price",
    "block": "a fixed monthly sum whatever the volume",
    "risk_share": "a baseline plus an agreed share of the variance",
    "support": "purchase of support services for a fixed monthly fee",
}

ALLIANCE_KINDS: dict[str, str] = {
    "joint_venture": "providers delivering a service line together",
    "integrated_care": "an integrated care organisation spanning providers",
    "lead_commissioner": "one consortium commissioning on behalf of others",
    "risk_pool": "consortia pooling financial risk",
    "merger": "organisations of one kind becoming one",
}

RULE_SETTINGS: dict[str, type] = {
    "below_tariff_allowed": bool,
    "qualified_provider_paid_at_tariff": bool,
    "top_slice_percent": float,
    "marginal_emergency_rate_percent": float,
    "quality_premium_percent": float,
    "quality_premium_threshold": int,
    "competition_share_threshold_percent": float,
    "competition_review_months": int,
    "plan_deadline": str,
    "contract_deadline": str,
}

POWERS: dict[str, str] = {
    "impose_sanction": "move an organisation up a regulatory ladder",
    "lift_sanction": "move an organisation down a regulatory ladder",
    "inspect": "inspect a provider's quality of care",
    "rule": "make a ruling on a rule setting (pricing, competition)",
    "review_competition": "decide competition reviews of alliances",
    "assess_plan": "assess the credibility of a consortium's financial plan",
    "award_funding": "award transitional funding from the top-slice",
    "mediate": "mediate a dispute between organisations",
    "scrutinise": "call organisations to account in public",
}

BOT_PRIORITIES: dict[str, str] = {
    "protect_income": "keep activity and income; resist schemes that cut volume",
    "seek_savings": "look for savings, in acute care first",
    "prevention": "back prevention and community schemes",
    "look_to_centre": "ask the centre for rulings and rescue",
    "expand": "bid for new work and alliances",
    "enforce": "use regulatory powers readily",
    "collaborate": "agree to meetings and alliances",
    "speak_up": "raise concerns on behalf of patients",
}

EFFECT_FIELDS: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    # kind: (required fields, optional fields), besides `kind` itself
    "money": (frozenset({"target", "amount", "flow"}), frozenset()),
    "transfer": (frozenset({"payer", "payee", "amount"}), frozenset()),
    "quality": (frozenset({"target", "amount"}), frozenset()),
    "cost_base": (frozenset({"target", "percent"}), frozenset()),
    "demand": (frozenset({"activity", "percent"}), frozenset({"target", "months"})),
    "tariff": (frozenset({"activity", "percent"}), frozenset()),
    "rule": (frozenset({"setting", "value"}), frozenset()),
    "trust": (frozenset({"target", "other", "amount"}), frozenset()),
    "agenda": (frozenset({"regulator", "target", "reason"}), frozenset()),
    "concern": (frozenset({"source", "target", "topic", "text"}), frozenset()),
    "referrals": (frozenset({"target", "percent"}), frozenset()),
    "action_points": (frozenset({"target", "amount"}), frozenset({"months"})),
    "workload": (frozenset({"target", "amount"}), frozenset()),
    "card": (frozenset({"card"}), frozenset({"after"})),
    "offer": (
        frozenset({"source", "target", "contract"}),
        frozenset({"activities", "annual_value", "share_percent", "price_percent", "months"}),
    ),
}

EFFECT_HELP: dict[str, str] = {
    "money": "money arriving from or leaving for outside the county (a named flow)",
    "transfer": "money paid by one organisation to another",
    "quality": "a change to providers' quality scores",
    "cost_base": "a change to an organisation's yearly cost base, per cent",
    "demand": "a change in demand for one kind of activity, per cent",
    "tariff": "a change in the national price of one kind of activity, per cent",
    "rule": "a change to a rule setting",
    "trust": "a change in how much one organisation trusts another",
    "agenda": "an item put on a regulator's agenda about an organisation",
    "concern": "a concern raised by one organisation about another",
    "referrals": "a change in a consortium's referral rate, per cent",
    "action_points": "more or fewer actions for an organisation each month",
    "workload": "more or fewer items waiting on an organisation's agenda",
    "card": "another card published later",
    "offer": "a contract offer placed in an organisation's inbox",
}

CONDITION_TESTS = ("above", "below", "at_least", "at_most")

EVENT_KINDS: dict[str, str] = {
    "GameStarted": "the game began",
    "MonthStarted": "a month began",
    "PhaseStarted": "a phase of the month began",
    "TurnStarted": "an organisation's turn began",
    "TurnEnded": "an organisation ended its turn",
    "CardPublished": "a card was published",
    "OptionChosen": "an organisation answered a card",
    "DecisionTaken": "an organisation took an internal decision",
    "MoneyMoved": "money was paid, received or written off",
    "AllocationPaid": "consortia received their monthly allocation",
    "ContractPaid": "a contract was paid for the month",
    "QualityChanged": "a provider's quality changed",
    "CostBaseChanged": "an organisation's cost base changed",
    "DemandChanged": "demand for an activity changed",
    "TariffChanged": "a national price changed",
    "RuleChanged": "a rule setting changed",
    "TrustChanged": "trust between organisations changed",
    "AgreementProposed": "an agreement was proposed",
    "AgreementCountered": "a proposal was answered with different terms",
    "AgreementAccepted": "a proposal was accepted",
    "AgreementRejected": "a proposal was rejected",
    "AgreementLapsed": "a proposal lapsed unanswered",
    "ContractSigned": "a contract was signed",
    "ContractVaried": "a contract's terms were varied",
    "ContractEnded": "a contract ended",
    "ContractRolledOver": "an unsigned contract rolled over at the deadline",
    "AllianceFormed": "an alliance was formed",
    "AllianceEnded": "an alliance ended",
    "CompetitionReviewOpened": "Monitor opened a competition review",
    "AllianceReviewed": "Monitor decided a competition review",
    "ConflictDeclared": "a conflict of interest was declared",
    "ConflictChallenged": "a conflict of interest was challenged",
    "SchemeInvested": "an organisation invested in a scheme",
    "SchemeSavingsReleased": "a scheme released savings",
    "SchemeFailed": "a scheme failed to deliver",
    "ConcernRaised": "a concern was raised",
    "RequestRaised": "a request or a question for a ruling was raised",
    "RequestAnswered": "a request was answered",
    "MeetingConvened": "a meeting was convened",
    "MeetingHeld": "a meeting took place",
    "PlanSubmitted": "a financial plan was submitted",
    "PlanChallenged": "a financial plan was challenged",
    "PlanAssessed": "a financial plan was assessed",
    "FundingBid": "a bid for transitional funding was made",
    "FundingAwarded": "transitional funding was awarded or refused",
    "AgendaItemAdded": "an item was put on a regulator's agenda",
    "InspectionHeld": "an inspection took place",
    "SanctionImposed": "a regulator imposed a sanction",
    "SanctionLifted": "a regulator lifted a sanction",
    "IncidentOccurred": "a quality incident happened",
    "MonthResolved": "the month's money and activity were settled",
    "QualityPremiumPaid": "the quality premium was paid",
    "FigureAdjusted": "the facilitator adjusted a figure",
    "RulingMade": "a ruling was made",
    "SeatTakenOver": "the facilitator took over or skipped a seat",
    "Passed": "an organisation passed",
    "GameEnded": "the game ended",
}

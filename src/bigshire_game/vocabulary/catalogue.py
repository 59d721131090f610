"""The fixed vocabularies that content may name: organisation kinds, metrics,
effect and condition kinds, rule settings, powers, event kinds.

Content is checked against these words at load time, and the engine is built
to handle exactly these; adding a word here means teaching the engine it too.
"""

from __future__ import annotations

from .events import EVENT_TYPES
from .settings import RULE_SETTINGS

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
REGULATOR_KINDS = ("monitor", "cqc", "nhscb")  # the kinds that keep an agenda and climb ladders
FORECAST_KINDS = frozenset({"consortium", "acute", "community", "mental_health"})
"""The NHS commissioners and trusts whose position at the game's end is forecast month by month (bots decide by it)."""
CENTRE_KINDS = frozenset({"nhscb"})  # the centre everyone looks to: the sweep counts the work landing on it

TARGET_WORDS: dict[str, str] = {
    "self": "the organisation that chose the option or took the decision",
    "audience": "every organisation the card reached",
    "everyone": "every organisation in the game",
}

METRICS: dict[str, str] = {
    "balance": "money in hand, £k (negative is a deficit)",
    "forecast": "forecast position at the end of the game (its calendar's last month), £k",
    "month_result": "last month's surplus or deficit, £k",
    "quality": "quality of care, 0 to 100 (providers)",
    "trust": "average trust others place in the organisation, 0 to 100",
    "workload": "items waiting on the organisation's agenda",
    "plan_credibility": "credibility of the latest financial plan, 0 to 100 (organisations that submit plans)",
    "sanction_level": "highest step reached on any regulator's ladder (0 is none)",
    "demand_index": "demand against the opening baseline, per cent",
    "referral_index": "referral rate against the norm, per cent (consortia)",
}

METRIC_RANGES: dict[str, tuple[float | None, float | None]] = {
    "quality": (0, 100),
    "trust": (0, 100),
    "plan_credibility": (-1, 100),  # -1 until a plan is submitted
    "workload": (0, None),
    "sanction_level": (0, None),
    "demand_index": (0, None),
    "referral_index": (0, None),
}
"""The values a metric can take (None: no limit), so the validator can tell a condition that never holds."""

TOPICS: dict[str, str] = {
    "money": "finance, prices, deficits, savings",
    "quality": "safety and quality of care",
    "access": "waiting times and access",
    "governance": "governance, conflicts of interest, legality",
    "competition": "choice and competition",
    "strategy": "strategy, integration, the needs assessment",
    "public": "the public and patients' voice",
}

AGENDA_ITEM_KINDS: dict[str, str] = {
    "concern": "a concern raised with the regulator about an organisation",
    "funding_bid": "a consortium's bid for transitional funding",
    "inspection": "a provider rated inadequate on inspection",
    "plan_assessment": "a financial plan its assessor judged not credible",
    "missing_plan": "no financial plan by the deadline",
    "competition_review": "an alliance under competition review",
    "registration": "a new integrated body's registration, awaiting the inspectors' decision",
    "conflict": "a conflict of interest found undeclared",
    "unsigned_contract": "a contract not signed by the deadline",
    "trigger": "one of a ladder's triggers, holding at a month end",
    "effect": "put on the agenda by a card, a decision or a sanction (the agenda effect)",
    "joint_review": "a joint review's finding that this regulator's ladder applies",
    "referral": "referred by another regulator: a prompt to look, never grounds on its own",
}
"""Why an item is on a regulator's agenda: the rules find items by their kind, never by their words."""

CONTRACT_KINDS: dict[str, str] = {
    "tariff": "payment per unit of activity at the national price",
    "block": "a fixed monthly sum whatever the volume",
    "risk_share": "a baseline plus an agreed share of the variance",
    "support": "purchase of support services for a fixed monthly fee",
    "subcontract": "a provider paying another to deliver a share of its work",
}

COMMISSIONING_KINDS = ("tariff", "block", "risk_share", "support")
"""The contracts a consortium signs with a provider (and content may start or offer)."""

BETWEEN_PROVIDERS = ("subcontract", "risk_share")
"""The contracts two care providers may sign with each other."""

ALLIANCE_KINDS: dict[str, str] = {
    "joint_venture": "providers delivering a service line together",
    "integrated_care": "an integrated care organisation spanning providers",
    "lead_commissioner": "one consortium commissioning on behalf of others",
    "risk_pool": "consortia pooling financial risk",
    "merger": "organisations of one kind becoming one",
}


POWERS: dict[str, str] = {
    "impose_sanction": "move an organisation up a regulatory ladder",
    "lift_sanction": "move an organisation down a regulatory ladder",
    "inspect": "inspect a provider's quality of care",
    "rule": "make a ruling on a rule setting (pricing, competition)",
    "review_competition": "decide competition reviews of alliances",
    "assess_plan": "assess the financial plans of the organisations its ladders apply to, and call one unrealistic",
    "submit_plan": "submit financial plans to the body that assesses them (any organisation may hold it)",
    "review_jointly": "propose, agree to and hold a joint review of a provider with another regulator",
    "refer": "refer an organisation to another regulator, onto its agenda",
    "award_funding": "award transitional funding from the top-slice",
    "mediate": "mediate a dispute between organisations",
    "recruit": "take on staff when its agenda outgrows it (one more action a month, at a cost)",
    "scrutinise": "call organisations to account in public",
}

SCHEME_PURPOSES: dict[str, str] = {
    "prevention": "keeps people well or out of hospital: organisations with the prevention motive favour it",
    "analytics": "puts analysts behind a consortium's numbers: its financial plan gains credibility",
}

OPEN_POWERS = frozenset({"submit_plan"})
"""Powers any organisation may hold; the others are system bodies' alone."""

BOT_PRIORITIES: dict[str, str] = {
    "protect_income": "keep activity and income; resist schemes that cut volume",
    "seek_savings": "look for savings, in acute care first",
    "prevention": "back prevention and community schemes",
    "look_to_centre": "ask the centre for rulings and rescue",
    "expand": "bid for new work and alliances",
    "enforce": "use regulatory powers readily",
    "collaborate": "agree to meetings and alliances",
    "speak_up": "raise concerns on behalf of patients",
    "defend_local_services": "oppose closing a site or withdrawing a service its population depends on",
}

CLOSURE_KINDS: dict[str, str] = {
    "site": "a hospital or clinic site closed (and perhaps sold)",
    "service": "a service withdrawn",
}

DISPUTE_OUTCOMES: dict[str, str] = {
    "upheld": "the claim stands: the other side pays all of it",
    "split": "the cost is split: the other side pays half",
    "dismissed": "the claim fails: nobody pays",
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

EVENT_KINDS: dict[str, str] = {kind: cls.DESCRIPTION for kind, cls in EVENT_TYPES.items()}
EVENT_DATA_KEYS: dict[str, tuple[str, ...]] = {
    kind: tuple(cls.KEYS.get(name, name) for name in cls.FIELDS) for kind, cls in EVENT_TYPES.items()
}
"""Each event kind's own fields as narrative.toml and the observer themes name them."""
"""Every kind of event, with what it means: derived from the event classes, the one place they are written."""

# --- the narrative: what sentence templates in content/narrative.toml may say -------------------

NARRATIVE_COMMON: dict[str, str] = {
    "actor": "the organisation the sentence is about (the one a group of like events is gathered by)",
    "actors": "every organisation that took part, as a list",
    "month": 'the month it happened, e.g. "October 2013"',
    "span": 'the whole game, as the scenario calls it: "the year" ([labels] span), or "the game"',
    "span_end": 'the end of the game, as the scenario calls it: "the end of the year", or "the end of the game"',
}
"""Placeholders every template may use, besides its own event's."""

NARRATIVE_TOGETHER = "count"
"""The extra placeholder of a `together` sentence: how many events it gathers, in words."""

_AGREEMENT = ("agreement", "offer")
_CONTRACT_PARTIES = ("commissioner", "provider")

NARRATIVE_FIELDS: dict[str, tuple[str, ...]] = {
    "GameStarted": ("scenario", "start", "end"),
    "MonthStarted": ("turn",),
    "PhaseStarted": ("phase",),
    "TurnStarted": ("waiting", "action_points"),
    "TurnEnded": ("moves",),
    "CardPublished": ("card", "audience", "deck"),
    "OptionChosen": ("card", "option", "what", "due"),
    "DecisionTaken": ("decision", "due", "what"),
    "MoneyMoved": ("amount", "flow", "payer", "payee", "cause"),
    "ContractPaid": (*_CONTRACT_PARTIES, "agreement", "amount", "paid_month"),
    "QualityChanged": ("quality", "points", "why"),
    "CostBaseChanged": ("percent", "change", "cost_base", "cause"),
    "DemandChanged": ("activity", "percent", "target", "until", "referral_rate", "cause"),
    "TariffChanged": ("activity", "percent", "price", "previous", "cause"),
    "RuleChanged": ("rule", "setting", "value", "previous", "cause"),
    "TrustChanged": ("first", "second", "points", "trust", "cause"),
    "AgreementProposed": (
        "proposer",
        "to",
        *_AGREEMENT,
        "value",
        "services",
        "months",
        "share",
        "price",
        "cause",
        "behalf",
        "provider",
    ),
    "AgreementCountered": ("to", *_AGREEMENT, "value", "share", "price"),
    "AgreementAccepted": ("proposer", *_AGREEMENT),
    "AgreementRejected": ("proposer", *_AGREEMENT),
    "AgreementLapsed": ("proposer", "waited_for", *_AGREEMENT),
    "ContractSigned": (*_CONTRACT_PARTIES, "agreement", "value", "services", "starts", "share", "price"),
    "ContractVaried": (*_CONTRACT_PARTIES, "agreement", "value", "price"),
    "ContractEnded": (*_CONTRACT_PARTIES, "agreement", "ended_by"),
    "ContractRolledOver": (*_CONTRACT_PARTIES, "agreement", "until"),
    "AllianceFormed": (
        "members",
        "alliance",
        "agreement",
        "share",
        "service",
        "conditions",
        "lead",
        "provider",
        "regulator",
    ),
    "AllianceEnded": ("members", "alliance", "agreement", "ended_by"),
    "CompetitionReviewOpened": ("regulator", "members", "alliance", "agreement", "share", "service"),
    "AllianceReviewed": ("regulator", "members", "alliance", "agreement", "share", "service"),
    "RegistrationQuestionRaised": ("regulator", "members", "alliance", "agreement"),
    "RegistrationDecided": ("regulator", "members", "alliance", "agreement", "quality", "conditions"),
    "RiskPoolSettled": ("members", "agreement", "pooled", "shares", "months"),
    "ConflictDeclared": ("commissioner", "provider", "agreement"),
    "ConflictChallenged": ("challenger", "commissioner", "provider", "agreement"),
    "SchemeInvested": ("investor", "scheme", "cost", "partners", "matures"),
    "SchemeSavingsReleased": ("investor", "scheme", "partners", "activity", "percent"),
    "SchemeFailed": ("investor", "scheme", "partners"),
    "ConcernRaised": ("by", "to", "about", "topic", "text"),
    "RequestRaised": ("by", "to", "topic", "text", "setting"),
    "RequestAnswered": ("asker", "answerer", "to", "item", "topic", "answer"),
    "InformationRequested": ("by", "to", "topic", "text"),
    "QuestionAsked": ("by", "to", "topic", "rule"),
    "CommitmentAsked": ("by", "to", "priority"),
    "LeadCommissionerAsked": ("by", "to"),
    "MeetingConvened": ("convener", "invitees", "topic", "text"),
    "MeetingHeld": ("convener", "attendees", "declined", "absent", "topic"),
    "PlanSubmitted": ("submitter", "consortium", "savings", "gap", "credibility"),
    "PlanChallenged": ("challenger", "consortium", "credibility", "points"),
    "PlanAssessed": ("assessor", "submitter", "consortium", "verdict", "credibility"),
    "PlanCalledUnrealistic": ("assessor", "submitter", "credibility", "savings", "realistic", "gap", "next_step"),
    "FundingBid": ("consortium", "amount", "to"),
    "FundingAwarded": ("board", "consortium", "awarded", "requested"),
    "AgendaItemAdded": ("regulator", "subject", "reason"),
    "AgendaCarriedOver": ("role", "items", "capacity"),
    "ForecastMissed": ("role", "expected", "actual", "lag"),
    "StaffRecruited": ("role", "posts", "cost", "capacity"),
    "FormerCommissionersHired": ("role", "partners", "cost", "until"),
    "AgendaItemDismissed": ("subject", "reason"),
    "InspectionHeld": ("inspector", "subject", "rating", "quality"),
    "JointReviewProposed": ("proposer", "partner", "subject", "reason"),
    "JointReviewAgreed": ("proposer", "partner", "subject"),
    "JointReviewDeclined": ("proposer", "partner", "subject"),
    "JointReviewHeld": ("regulators", "subject", "rating", "quality", "outlook", "concerns", "placed"),
    "ReferralMade": ("by", "to", "subject", "reason"),
    "SanctionImposed": ("regulator", "subject", "step", "step_text", "ladder", "level", "steps", "reason"),
    "SanctionLifted": ("regulator", "subject", "step", "ladder", "level", "steps"),
    "MonthResolved": ("result", "balance", "income", "spend", "paid_month"),
    "QualityPremiumPaid": ("amount", "quality"),
    "FigureAdjusted": ("figure", "amount", "value", "until", "cause", "reason"),
    "RulingMade": ("regulator", "rule", "setting", "value", "previous"),
    "ClosureOpposed": ("objector", "owner", "what", "grounds", "cost", "objections"),
    "ClosureDelayed": ("owner", "what", "due", "delay"),
    "ClosureWentAhead": ("owner", "what", "objectors", "cost", "due"),
    "ClosureWithdrawn": ("owner", "what", "objectors"),
    "DisputeRaised": ("claimant", "defendant", "agreement", "amount", "text"),
    "DisputeAnswered": ("defendant", "claimant", "agreement", "amount", "mediator"),
    "DisputeMediated": ("mediator", "claimant", "defendant", "agreement", "amount", "paid"),
    "PracticesConsulted": ("consortium", "decision", "until"),
    "DeadlineSet": ("setter", "others", "parties", "what", "due", "under"),
    "DeadlineDelivered": ("party", "others", "what", "due", "waiting_for"),
    "DeadlineMet": ("parties", "what", "due"),
    "DeadlineMissed": ("parties", "what", "due", "delivered", "missing"),
    "Passed": (),
    "GameEnded": (),
}
"""Placeholders each event's templates may use (besides NARRATIVE_COMMON). Names and money come
already written out ("United Hospitals", "£1.2m"); the debrief's renderer fills exactly these."""

_YES_NO = (True, False)
_AGREEMENT_KINDS = (*CONTRACT_KINDS, *ALLIANCE_KINDS)

NARRATIVE_SWITCHES: dict[str, dict[str, tuple[bool | str, ...]]] = {
    "CardPublished": {"public": _YES_NO, "how": ("fixed", "drawn", "follow-up", "facilitator")},
    "OptionChosen": {"defaulted": _YES_NO, "closure": _YES_NO},
    "DecisionTaken": {"closure": _YES_NO, "consulted": _YES_NO},
    "MoneyMoved": {"transfer": _YES_NO, "incoming": _YES_NO, "caused": _YES_NO},
    "QualityChanged": {"rising": _YES_NO},
    "CostBaseChanged": {"rising": _YES_NO, "caused": _YES_NO},
    "DemandChanged": {"referrals": _YES_NO, "rising": _YES_NO, "everywhere": _YES_NO, "lasting": _YES_NO},
    "TariffChanged": {"rising": _YES_NO},
    "RuleChanged": {"changed": _YES_NO, "setting": tuple(RULE_SETTINGS)},
    "TrustChanged": {"rising": _YES_NO},
    "AgreementProposed": {
        "kind": _AGREEMENT_KINDS,
        "contract": _YES_NO,
        "variation": _YES_NO,
        "from_card": _YES_NO,
        "conflict": _YES_NO,
        "on_behalf": _YES_NO,
        "between_providers": _YES_NO,
        "holding": _YES_NO,
        "off_tariff": _YES_NO,
    },
    "AgreementCountered": {"kind": _AGREEMENT_KINDS},
    "AgreementAccepted": {"kind": _AGREEMENT_KINDS, "contract": _YES_NO, "complete": _YES_NO},
    "AgreementRejected": {"kind": _AGREEMENT_KINDS, "contract": _YES_NO, "variation": _YES_NO},
    "AgreementLapsed": {"kind": _AGREEMENT_KINDS, "contract": _YES_NO},
    "ContractSigned": {
        "kind": tuple(CONTRACT_KINDS),
        "conflict": _YES_NO,
        "declared": _YES_NO,
        "between_providers": _YES_NO,
        "off_tariff": _YES_NO,
    },
    "ContractVaried": {"kind": tuple(CONTRACT_KINDS)},
    "ContractEnded": {"kind": tuple(CONTRACT_KINDS), "early": _YES_NO},
    "ContractRolledOver": {"kind": tuple(CONTRACT_KINDS)},
    "AllianceFormed": {"kind": tuple(ALLIANCE_KINDS), "conditional": _YES_NO},
    "AllianceEnded": {"kind": tuple(ALLIANCE_KINDS), "early": _YES_NO},
    "CompetitionReviewOpened": {"kind": tuple(ALLIANCE_KINDS), "overlap": _YES_NO},
    "AllianceReviewed": {
        "kind": tuple(ALLIANCE_KINDS),
        "outcome": ("approved", "approved_with_conditions", "blocked"),
    },
    "RegistrationQuestionRaised": {"kind": tuple(ALLIANCE_KINDS)},
    "RegistrationDecided": {
        "kind": tuple(ALLIANCE_KINDS),
        "outcome": ("registered", "registered_with_conditions", "refused"),
    },
    "RiskPoolSettled": {"surplus": _YES_NO, "even": _YES_NO},
    "ConflictChallenged": {"upheld": _YES_NO},
    "SchemeInvested": {"partnered": _YES_NO},
    "SchemeSavingsReleased": {"partnered": _YES_NO},
    "SchemeFailed": {"partnered": _YES_NO},
    "ConcernRaised": {"has_text": _YES_NO, "to_subject": _YES_NO},
    "RequestRaised": {"ruling": _YES_NO, "has_text": _YES_NO},
    "RequestAnswered": {
        "item": ("concern", "request", "meeting", "funding", "information", "question", "commitment", "lead"),
        "answered": _YES_NO,
        "attend": _YES_NO,
        "has_answer": _YES_NO,
        "committed": _YES_NO,
    },
    "InformationRequested": {"has_text": _YES_NO},
    "MeetingConvened": {"has_text": _YES_NO},
    "MeetingHeld": {"nobody_came": _YES_NO, "some_declined": _YES_NO, "some_absent": _YES_NO},
    "PlanSubmitted": {
        "late": _YES_NO,
        "needs_assessment": _YES_NO,
        "gap": _YES_NO,
        "provider": _YES_NO,
        "revised": _YES_NO,
    },
    "PlanAssessed": {"verdict": ("credible", "needs work", "not credible"), "provider": _YES_NO},
    "PlanCalledUnrealistic": {"provider": _YES_NO, "hopeful": _YES_NO, "next_step": _YES_NO},
    "FundingAwarded": {"refused": _YES_NO, "in_full": _YES_NO},
    "AgendaItemAdded": {"regulator": ("nhscb", "monitor", "cqc")},
    "InspectionHeld": {"rating": ("good", "requires improvement", "inadequate")},
    "JointReviewProposed": {"has_reason": _YES_NO},
    "JointReviewDeclined": {"lapsed": _YES_NO},
    "JointReviewHeld": {
        "rating": ("good", "requires improvement", "inadequate"),
        "concerns": _YES_NO,
        "placed": _YES_NO,
    },
    "SanctionImposed": {"final": _YES_NO, "has_reason": _YES_NO},
    "MonthResolved": {"surplus": _YES_NO},
    "FigureAdjusted": {
        "figure": ("action_points", "workload", "balance", "quality"),
        "rising": _YES_NO,
        "temporary": _YES_NO,
    },
    "RulingMade": {"changed": _YES_NO, "setting": tuple(RULE_SETTINGS)},
    "ForecastMissed": {"worse": _YES_NO},
    "ClosureOpposed": {"kind": tuple(CLOSURE_KINDS), "strong": _YES_NO, "has_grounds": _YES_NO},
    "ClosureDelayed": {"kind": tuple(CLOSURE_KINDS), "at_limit": _YES_NO},
    "ClosureWentAhead": {"kind": tuple(CLOSURE_KINDS), "anyway": _YES_NO, "opposed": _YES_NO},
    "ClosureWithdrawn": {"kind": tuple(CLOSURE_KINDS), "opposed": _YES_NO},
    "DisputeRaised": {"about_agreement": _YES_NO, "has_text": _YES_NO, "refused": _YES_NO},
    "DisputeAnswered": {"conceded": _YES_NO, "lapsed": _YES_NO},
    "DisputeMediated": {"outcome": tuple(DISPUTE_OUTCOMES), "about_agreement": _YES_NO, "refused": _YES_NO},
    "DeadlineSet": {"from_meeting": _YES_NO},
    "DeadlineDelivered": {"complete": _YES_NO},
    "DeadlineMissed": {"partly": _YES_NO},
}
"""What a template's `when` table may test for each event, and the values each test can take."""

RETIRED_SWITCHES: dict[tuple[str, str], str] = {
    ("DecisionTaken", "dismissal"): 'a regulator setting an item aside is told as "AgendaItemDismissed"',
}
"""Variants a narrative file may still test but that no event takes any more (a warning)."""

MEASURES: dict[str, str] = {
    "count": "how many events match `of`",
    "ratio": "events matching `of` for each one matching `against`",
    "share": "events matching `of` as a percentage of those matching `against`",
    "median": "the middle value of `value_of` among events matching `of`; with `against`, how far it is above (+) or"
    " below (-) the middle value among those",
    "inbound_share": "the percentage of all asks between organisations that arrived at organisations of `kinds`",
    "unanswered": "organisations of `kinds` at least `at_least` per cent of whose asks went unanswered, and the"
    " percentage of their asks that did",
    "clusters": "how many groups of at least `members` organisations of `kinds` their alliances with each other joined",
    "alone": "how many organisations of `kinds` were in no such group while others of their kind joined one",
}
"""The kinds of observer theme measure: the first four read events (counted, or added up by `value_of`), the rest
read the organisations' graph."""

MEASURE_TESTS = ("at_least", "at_most", "above", "below")
"""How a measure's value is tested: a theme holds when every test it gives holds."""

GRAPH_MEASURES = frozenset({"inbound_share", "unanswered", "clusters", "alone"})
CLUSTER_MEASURES = frozenset({"clusters", "alone"})

ASKS: dict[str, str] = {
    "request": "a request to another organisation",
    "question": "a question asking a regulator to rule on a rule setting, or about any rule in words",
    "concern": "a concern raised with another organisation",
    "bid": "a bid for transitional funding",
    "information": "a request to share what an organisation knows",
    "commitment": "a call to commit to the asker's priorities, one for each organisation asked",
    "lead": "a provider's request for a single lead commissioner, one for each consortium asked",
    "invitation": "an invitation to a meeting, one for each organisation invited",
    "proposal": "a proposed contract or alliance, one for each party asked to agree",
}
"""What organisations ask of each other, as the graph measures count them: one ask for each organisation
asked, answered when that organisation replied (a meeting's invitation is answered by a yes or a no)."""

THEME_PLACEHOLDERS: dict[str, str] = {
    "value": "the theme's figure: the count, the ratio (one decimal) or the share (a whole per cent)",
    "of": "how many events matched `of`; in a graph measure, the asks or organisations it counted",
    "against": "how many events matched `against`; in a graph measure, all the asks or organisations it looked at",
    "names": "graph measures only: the organisations the measure names, as a list",
    "groups": "clusters and alone only: the clusters the alliances drew, each a list, separated by semicolons",
}

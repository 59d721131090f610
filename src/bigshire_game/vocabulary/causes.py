"""Causes: why something happened, as a value the rules give an event and the narrative and debrief read.

A cause is a kind and the ids it refers to. Its text form (`str(cause)`) is the one events have always
carried as `source`, so the narrative file, exports, golden files and saved states keep their words.
"""

from __future__ import annotations

from attrs import field, frozen
from attrs.validators import in_

CARD = "card"
DECISION = "decision"
SCHEME = "scheme"
SANCTION = "sanction"
RULING = "ruling"
ANSWER = "answer"
MEETING = "meeting"
AGREEMENT = "agreement"
PLAN_CHALLENGE = "plan_challenge"
DEMAND = "demand"
FACILITATOR = "facilitator"
CONSULTATION = "consultation"
CLOSURE = "closure"
EXPERTISE = "expertise"

KINDS: dict[str, str] = {
    CARD: "a card's news, or the answer an organisation chose to it (card:<card>, card:<card>:<option>)",
    DECISION: "an organisation's internal decision (decision:<decision>)",
    SCHEME: "a scheme an organisation invested in (scheme:<investment>)",
    SANCTION: "a step of a regulator's ladder (<ladder>:<step>)",
    RULING: "a ruling on a rule setting (ruling by <role>)",
    ANSWER: "an answer to a request, concern or bid (<request>)",
    MEETING: "a meeting that took place (<meeting>)",
    AGREEMENT: "a promise kept or broken over an agreement (agreement)",
    PLAN_CHALLENGE: "a financial plan challenged (plan challenged)",
    DEMAND: "demand above a provider's planned capacity (demand)",
    FACILITATOR: "the facilitator's adjustment at the table (facilitator)",
    CONSULTATION: "a consortium's consultation of its member practices before a decision (consultation:<decision>)",
    CLOSURE: "a closure going ahead against opposition (<closure>)",
    EXPERTISE: "former commissioners an organisation hired to rebuild its links (expertise:<role>)",
}
"""Every kind of cause the rules give, with its text form."""

_WORDS = {AGREEMENT: "agreement", PLAN_CHALLENGE: "plan challenged", DEMAND: "demand", FACILITATOR: "facilitator"}


@frozen
class Cause:
    """Why an event happened: `ref` is the card, decision, scheme investment, ladder, ruling body, request or
    meeting it names; `part` the card's chosen option or the ladder's step ("" when there is none)."""

    kind: str = field(validator=in_(KINDS))
    ref: str = ""
    part: str = ""

    @classmethod
    def card(cls, card: str, option: str = "") -> Cause:
        return cls(CARD, card, option)

    @classmethod
    def decision(cls, decision: str) -> Cause:
        return cls(DECISION, decision)

    @classmethod
    def scheme(cls, investment: str) -> Cause:
        return cls(SCHEME, investment)

    @classmethod
    def sanction(cls, ladder: str, step: str) -> Cause:
        return cls(SANCTION, ladder, step)

    @classmethod
    def ruling(cls, by: str) -> Cause:
        return cls(RULING, by)

    @classmethod
    def answer(cls, request: str) -> Cause:
        return cls(ANSWER, request)

    @classmethod
    def meeting(cls, meeting: str) -> Cause:
        return cls(MEETING, meeting)

    @classmethod
    def agreement(cls, agreement: str = "") -> Cause:
        """A promise kept or broken over an agreement; with its id, money moved under that agreement."""
        return cls(AGREEMENT, agreement)

    @classmethod
    def plan_challenge(cls) -> Cause:
        return cls(PLAN_CHALLENGE)

    @classmethod
    def demand(cls) -> Cause:
        return cls(DEMAND)

    @classmethod
    def consultation(cls, decision: str) -> Cause:
        return cls(CONSULTATION, decision)

    @classmethod
    def closure(cls, closure: str) -> Cause:
        return cls(CLOSURE, closure)

    @classmethod
    def expertise(cls, role: str) -> Cause:
        return cls(EXPERTISE, role)

    @classmethod
    def facilitator(cls) -> Cause:
        return cls(FACILITATOR)

    def __str__(self) -> str:
        """The text form events have always carried as `source`."""
        kind, ref, part = self.kind, self.ref, self.part
        if kind in (CARD, DECISION, SCHEME, CONSULTATION, EXPERTISE):
            return f"{kind}:{ref}:{part}" if part else f"{kind}:{ref}"
        if kind == SANCTION:
            return f"{ref}:{part}"
        if kind == RULING:
            return f"ruling by {ref}"
        if kind in (ANSWER, MEETING, CLOSURE):
            return ref
        if kind == AGREEMENT and ref:
            return f"{kind}:{ref}"
        return _WORDS[kind]

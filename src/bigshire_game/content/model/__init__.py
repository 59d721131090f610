"""The shape of scenario, role and deck files, as frozen attrs classes.

Field names are the TOML keys facilitators write, so the classes double as the
file format's reference (docs/authoring.md and the JSON Schemas follow them).
Money is whole thousands of pounds; months are written "2013-10".

One module per file kind (`scenario`, `roles`, `decks`, `narrative`) and the pieces they share (`shared`);
everything is re-exported here, so `from ..content.model import Card` works wherever it is written.
"""

from __future__ import annotations

from .decks import Card, DeckFile, DeckInfo, FollowUp, Option, When
from .narrative import NarrativeFile, SettingWords, Template
from .roles import BotSettings, Brief, Decision, Finance, Population, Practice, Relationship, Role, StartingContract
from .scenario import (
    Activity,
    Balance,
    Calendar,
    CommitmentRoute,
    ConcernRoute,
    Economy,
    EventFilter,
    InformationRoute,
    KindLabel,
    Labels,
    Ladder,
    LadderStep,
    LeadRoute,
    Measure,
    MeetingRoute,
    ObjectionRoute,
    Phase,
    QuestionRoute,
    RequestRoute,
    Routing,
    Rules,
    ScenarioFile,
    Scheme,
    Theme,
    Trigger,
)
from .shared import Closure, Condition, Effect, Scalar

__all__ = [
    "Activity",
    "Balance",
    "BotSettings",
    "Brief",
    "Calendar",
    "Card",
    "Closure",
    "CommitmentRoute",
    "ConcernRoute",
    "Condition",
    "Decision",
    "DeckFile",
    "DeckInfo",
    "Economy",
    "Effect",
    "EventFilter",
    "Finance",
    "FollowUp",
    "InformationRoute",
    "KindLabel",
    "Labels",
    "Ladder",
    "LadderStep",
    "LeadRoute",
    "Measure",
    "MeetingRoute",
    "NarrativeFile",
    "ObjectionRoute",
    "Option",
    "Phase",
    "Population",
    "Practice",
    "QuestionRoute",
    "Relationship",
    "RequestRoute",
    "Role",
    "Routing",
    "Rules",
    "Scalar",
    "ScenarioFile",
    "Scheme",
    "SettingWords",
    "StartingContract",
    "Template",
    "Theme",
    "Trigger",
    "When",
]

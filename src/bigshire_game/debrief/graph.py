"""The organisations as a graph: who asked whom and whether it was answered, who met, who agreed, who owns
whom and how trust moved, each tie with the events that make it. The observer themes measure it and the
debrief names its hubs and isolated organisations from it. It reads only events, so a game played by
people reads the same as one the computer played.

The one module that imports networkx, and only when a graph is built, so importing the debrief stays quick.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from itertools import combinations
from typing import TYPE_CHECKING, Any

from attrs import frozen

from ..content.model import Measure
from ..vocabulary.catalogue import ALLIANCE_KINDS, COMMISSIONER_KINDS
from ..vocabulary.events import Event
from .asking import addressees, initiator, item_id
from .context import Context

if TYPE_CHECKING:
    import networkx as nx

ASKED, MET, AGREED, INVESTED, OWNS, TRUST = "asked", "met", "agreed", "invested", "owns", "trust"
"""The relations an edge can stand for: its `relation` attribute."""

TWO_WAY = frozenset({MET, AGREED, INVESTED, OWNS})
"""Relations that are ties whichever side began them; an ask is a tie only once it is answered."""


def ask_word(e: Event) -> str | None:
    """What an event asked of others, in the words a theme's `asks` uses; None when it asked nothing."""
    kind = e.kind
    if kind == "RequestRaised":
        return "question" if e.data.get("ruling") else "request"
    return _ASK_WORDS.get(kind)


_ASK_WORDS = {
    "ConcernRaised": "concern",
    "FundingBid": "bid",
    "MeetingConvened": "invitation",
    "AgreementProposed": "proposal",
    "InformationRequested": "information",
    "QuestionAsked": "question",
    "CommitmentAsked": "commitment",
    "LeadCommissionerAsked": "lead",
}

_REPLIES = ("RequestAnswered", "RulingMade", "AgreementAccepted", "AgreementRejected", "AgreementCountered")


def _replies(events: Iterable[Event]) -> tuple[dict[tuple[str, str], Event], dict[str, Event]]:
    """The latest reply each organisation gave to each item ((item, replier) -> reply), and the items
    that lapsed unanswered (item -> the lapse)."""
    replies: dict[tuple[str, str], Event] = {}
    lapses: dict[str, Event] = {}
    for e in events:
        if e.kind not in _REPLIES:
            continue
        d = e.data
        if e.kind == "RequestAnswered" and not d.get("answered", True):
            lapses[str(d.get("request"))] = e
        elif e.actors and (e.kind != "RulingMade" or d.get("request")):  # a ruling answers only when asked
            replies[(item_id(e), e.actors[0])] = e
    return replies, lapses


def organisation_graph(ctx: Context) -> nx.MultiDiGraph:
    """The scenario's organisations, with an edge for every ask (to each organisation asked), meeting
    attended, agreement signed, scheme invested in with a partner, ownership declared and pair whose
    trust moved in the window.

    Every edge has `relation`, `evidence` (the events, in the order they happened) and `order` (where
    its first event came among the window's events). Asks also have
    `ask` (request, question, concern, bid, invitation, proposal, information, commitment or lead) and `answered` (whether the
    organisation asked replied, at any time the reader may know of); agreements have `alliance`;
    trust has `amount` (the net change). Replies are looked for in all the events the reader saw,
    so an ask made late in the window and answered after it counts as answered, as in the themes."""
    import networkx as nx

    graph = nx.MultiDiGraph()
    roles = ctx.scenario.roles
    for rid, role in roles.items():
        graph.add_node(rid, kind=role.kind)
    replies, lapses = _replies(ctx.all_events)
    invited: dict[str, list[tuple[str, str, str]]] = defaultdict(list)

    def tie(a: str, b: str, key: str, relation: str, e: Event | Sequence[Event], **data: Any) -> None:
        if a == b or a not in roles or b not in roles:
            return
        events = (e,) if isinstance(e, Event) else tuple(e)
        if graph.has_edge(a, b, key):
            edge = graph.edges[a, b, key]
            edge["evidence"] += events
            for name, value in data.items():
                edge[name] = edge.get(name, 0) + value if name == "amount" else value
        else:
            graph.add_edge(a, b, key, relation=relation, evidence=events, order=n, **data)  # n: the event being read

    for n, e in enumerate(ctx.events):
        kind, d = e.kind, e.data
        word = ask_word(e)
        if word is not None:
            asker, item = initiator(ctx, e), item_id(e)
            agreement_kind = str(d.get("kind", "")) if kind == "AgreementProposed" else ""
            for to in dict.fromkeys(addressees(ctx, e)):
                reply = replies.get((item, to))
                behind = [e, reply or lapses.get(item)]
                tie(asker, to, f"{word}:{item}:{n}", ASKED, [x for x in behind if x is not None],
                    ask=word, answered=reply is not None, agreement_kind=agreement_kind)  # fmt: skip
                if word == "invitation":
                    invited[item].append((asker, to, f"{word}:{item}:{n}"))
        elif kind == "MeetingHeld":
            convener, meeting = str(d.get("by", "")), str(d.get("meeting"))
            for present in d.get("attendees", ()):
                tie(convener, present, f"meeting:{meeting}", MET, e)
            for edge in invited.pop(meeting, ()):  # how the meeting went is part of each invitation's story
                if graph.has_edge(*edge):
                    graph.edges[edge]["evidence"] += (e,)
        elif kind in ("ContractSigned", "AllianceFormed"):
            alliance = kind == "AllianceFormed" or str(d.get("kind")) in ALLIANCE_KINDS
            for a, b in combinations(dict.fromkeys(e.actors), 2):
                tie(a, b, f"agreement:{d.get('agreement')}", AGREED, e, alliance=alliance)
            if d.get("conflict"):  # a consortium buying from a company its own practices own
                _owned(ctx, e.actors, e, tie)
        elif kind == "SchemeInvested":
            for partner in d.get("partners", ()):
                tie(str(d.get("investor", "")), partner, f"scheme:{d.get('investment')}", INVESTED, e)
        elif kind == "ConflictDeclared" and e.actors:
            tie(e.actors[0], str(d.get("provider", "")), OWNS, OWNS, e)
        elif kind == "TrustChanged":
            pair = sorted(d.get("between", ()))
            if len(pair) == 2:
                tie(pair[0], pair[1], TRUST, TRUST, e, amount=int(d.get("amount", 0)))
    return graph


def _owned(ctx: Context, parties: Sequence[str], e: Event, tie: Any) -> None:
    """A contract signed with a conflict of interest says its commissioner part-owns its provider."""
    roles = ctx.scenario.roles
    owners = [p for p in parties if p in roles and roles[p].kind in COMMISSIONER_KINDS]
    for owner in owners:
        for owned in parties:
            if owned not in owners:
                tie(owner, owned, OWNS, OWNS, e)


# --- what the graph says -------------------------------------------------------------------------


def asks(graph: nx.MultiDiGraph, words: Iterable[str] = ()) -> list[tuple[str, str, dict]]:
    """Every ask as (asker, asked, edge data), of the kinds of ask named (all of them when none are)."""
    wanted = set(words)
    return [
        (a, b, data)
        for a, b, data in graph.edges(data=True)
        if data["relation"] == ASKED and (not wanted or data["ask"] in wanted)
    ]


def _events(edges: Iterable[tuple[str, str, dict]], first_only: bool = False) -> tuple[Event, ...]:
    """The events behind some edges, each once (a meeting's one invitation reaches several organisations),
    in the order the edges were made."""
    seen: dict[int, Event] = {}
    for _, _, data in sorted(edges, key=lambda edge: edge[2]["order"]):
        for e in data["evidence"][:1] if first_only else data["evidence"]:
            seen.setdefault(id(e), e)
    return tuple(seen.values())


@frozen
class Reading:
    """A graph measure's figure, the two counts a theme's text may quote, the organisations it names
    (role ids), the clusters it found, and the events behind it."""

    value: float
    of: int
    against: int
    names: tuple[str, ...] = ()
    groups: tuple[tuple[str, ...], ...] = ()
    evidence: tuple[Event, ...] = ()


def read(graph: nx.MultiDiGraph, measure: Measure) -> Reading:
    """A theme's graph measure (inbound_share, unanswered, clusters, alone) read off the graph."""
    kinds = set(measure.kinds)
    if measure.kind == "inbound_share":
        return _inbound_share(graph, kinds, measure.asks)
    if measure.kind == "unanswered":
        return _unanswered(graph, kinds, measure.asks, measure.at_least)
    members = measure.members or 2
    if measure.kind == "clusters":
        return _clusters(graph, kinds, members)
    if measure.kind == "alone":
        return _alone(graph, kinds, members)
    raise ValueError(f"{measure.kind} is not a graph measure")


def _inbound_share(graph: nx.MultiDiGraph, kinds: set[str], words: Sequence[str]) -> Reading:
    """Per cent of asks that arrived at organisations of these kinds: the centre everyone looked to."""
    every = asks(graph, words)
    arriving = [(a, b, d) for a, b, d in every if graph.nodes[b]["kind"] in kinds]
    received = Counter(b for _, b, _ in arriving)
    value = 100 * len(arriving) / len(every) if every else 0.0
    names = tuple(rid for rid, _ in received.most_common())
    return Reading(value, len(arriving), len(every), names, evidence=_events(arriving, first_only=True))


def _unanswered(graph: nx.MultiDiGraph, kinds: set[str], words: Sequence[str], at_least: float) -> Reading:
    """The organisations of these kinds at least `at_least` per cent of whose asks went unanswered, and
    the share of all their asks that did: voices nobody answered."""
    mine: dict[str, list[tuple[str, str, dict]]] = defaultdict(list)
    for a, b, d in asks(graph, words):
        if graph.nodes[a]["kind"] in kinds:
            mine[a].append((a, b, d))
    unheard = {
        rid: edges
        for rid, edges in mine.items()
        if 100 * sum(not d["answered"] for _, _, d in edges) / len(edges) >= at_least
    }
    asked = [edge for edges in unheard.values() for edge in edges]
    silent = [edge for edge in asked if not edge[2]["answered"]]
    value = 100 * len(silent) / len(asked) if asked else 0.0
    order = sorted(unheard, key=lambda rid: (-sum(not d["answered"] for _, _, d in unheard[rid]), rid))
    return Reading(value, len(silent), len(asked), tuple(order), evidence=_events(silent, first_only=True))


def _alliance_clusters(graph: nx.MultiDiGraph, kinds: set[str], members: int) -> list[tuple[str, ...]]:
    """Groups of organisations of these kinds joined by alliances among themselves, largest first."""
    import networkx as nx

    among = nx.Graph()
    among.add_nodes_from(rid for rid, kind in graph.nodes(data="kind") if kind in kinds)
    for a, b, d in graph.edges(data=True):
        if d["relation"] == AGREED and d.get("alliance") and a in among and b in among:
            among.add_edge(a, b)
    found = [tuple(sorted(c)) for c in nx.connected_components(among) if len(c) >= members]
    return sorted(found, key=lambda c: (-len(c), c))


def _alliance_events(graph: nx.MultiDiGraph, groups: Sequence[tuple[str, ...]]) -> tuple[Event, ...]:
    inside = {rid: i for i, group in enumerate(groups) for rid in group}
    edges = [
        (a, b, d)
        for a, b, d in graph.edges(data=True)
        if d["relation"] == AGREED and d.get("alliance") and a in inside and inside[a] == inside.get(b)
    ]
    return _events(edges)


def _clusters(graph: nx.MultiDiGraph, kinds: set[str], members: int) -> Reading:
    """How many clusters the alliances among organisations of these kinds drew, of at least `members`."""
    groups = _alliance_clusters(graph, kinds, members)
    population = sum(1 for _, kind in graph.nodes(data="kind") if kind in kinds)
    names = tuple(rid for group in groups for rid in group)
    return Reading(float(len(groups)), len(names), population, names, tuple(groups), _alliance_events(graph, groups))


def _alone(graph: nx.MultiDiGraph, kinds: set[str], members: int) -> Reading:
    """Organisations of these kinds in no cluster while others of their kind clustered: who went it alone.
    The evidence is their own alliance proposals that came to nothing, then the alliances the others made."""
    groups = _alliance_clusters(graph, kinds, members)
    clustered = {rid for group in groups for rid in group}
    lone = [rid for rid, kind in graph.nodes(data="kind") if kind in kinds and rid not in clustered] if groups else []
    population = sum(1 for _, kind in graph.nodes(data="kind") if kind in kinds)
    own = [
        (a, b, d)
        for a, b, d in asks(graph, ("proposal",))
        if d["agreement_kind"] in ALLIANCE_KINDS and (a in lone or b in lone)
    ]
    evidence = _events(own, first_only=True) + _alliance_events(graph, groups)
    return Reading(float(len(lone)), len(lone), population, tuple(sorted(lone)), tuple(groups), evidence)


# --- each organisation's place among the others ------------------------------------------------


@frozen
class Dealings:
    """One organisation's place in the graph: what it was asked and answered, what it asked and got
    answered, whom it met, agreed and ran schemes with, and the organisations it had a two-way tie with."""

    rid: str
    received: int
    answered: int  # of the asks it received, those it replied to
    made: int
    heard: int  # of the asks it made, those that got a reply
    meetings: int  # meetings it called or came to that others attended
    agreements: int
    schemes: int  # schemes invested in with partners, as investor or partner
    partners: frozenset[str]
    weight: int  # asks received, its asks that were answered, meetings, agreements, schemes: its weighted degree
    between: float  # its share of the shortest paths between other organisations (betweenness)


def dealings(graph: nx.MultiDiGraph) -> dict[str, Dealings]:
    """Every organisation's dealings, in the scenario's order."""
    import networkx as nx

    ties = nx.Graph()
    ties.add_nodes_from(graph.nodes)
    count: dict[str, Counter[str]] = {rid: Counter() for rid in graph.nodes}
    shared: dict[str, dict[str, set[str]]] = {relation: defaultdict(set) for relation in (MET, AGREED, INVESTED)}
    for a, b, key, d in graph.edges(keys=True, data=True):
        relation = d["relation"]
        if relation == TRUST:
            continue
        if relation == ASKED:
            count[a]["made"] += 1
            count[b]["received"] += 1
            count[a]["heard"] += d["answered"]
            count[b]["answered"] += d["answered"]
            count[b]["weight"] += 1  # being asked puts an organisation at the centre; asking unheard does not
            count[a]["weight"] += d["answered"]
        else:
            count[a]["weight"] += 1
            count[b]["weight"] += 1
        if relation in shared:
            shared[relation][a].add(key)
            shared[relation][b].add(key)
        if relation in TWO_WAY or d.get("answered"):
            ties.add_edge(a, b)
    between = nx.betweenness_centrality(ties)
    return {
        rid: Dealings(
            rid=rid,
            received=c["received"],
            answered=c["answered"],
            made=c["made"],
            heard=c["heard"],
            meetings=len(shared[MET][rid]),
            agreements=len(shared[AGREED][rid]),
            schemes=len(shared[INVESTED][rid]),
            partners=frozenset(ties.neighbors(rid)),
            weight=c["weight"],
            between=between.get(rid, 0.0),
        )
        for rid, c in count.items()
    }


def ties_of(graph: nx.MultiDiGraph, rid: str, relation: str, incoming: bool | None) -> list[tuple[str, str, dict]]:
    """The edges of one relation arriving at an organisation (`incoming`), leaving it, or either (None)."""
    edges = [
        *(graph.in_edges(rid, data=True) if incoming in (True, None) else ()),
        *(graph.out_edges(rid, data=True) if incoming in (False, None) else ()),
    ]
    return [(a, b, d) for a, b, d in edges if d["relation"] == relation]

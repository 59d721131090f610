"""Who talked to whom: the organisations at the centre of the dealings (the hubs) and those at the edge
(isolated), read off the organisations' graph, each with the events behind it.

A hub is ranked by its weighted degree: the asks it received, its own asks that were answered, the
meetings it was at, the agreements it signed and the schemes it shared; the organisation most others'
dealings ran through (betweenness) joins the hubs if it is not among them. An organisation is isolated
when it had two-way dealings (an ask answered either way, a meeting, an agreement, a scheme) with no
more than two others, or when most of what it asked went unanswered.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from ..narrative import listed, number, plural
from ..state import FACILITATOR
from ..vocabulary.events import Event
from .context import Context, gathered_dated, spread
from .graph import AGREED, ASKED, INVESTED, MET, Dealings, dealings, ties_of
from .model import Network, Standing

if TYPE_CHECKING:
    import networkx as nx

HUBS = 3
"""How many organisations, at most, are named as hubs for their dealings (a go-between may make it four)."""

FEW_TIES = 2
"""Dealing both ways with no more than this many others leaves an organisation isolated."""

SHOWN = 4
"""Evidence lines under each organisation."""


NETWORK_INTRO = (
    "Counted from every request, question, concern, bid, invitation and proposal between organisations (answered"
    " or not), every meeting held, every agreement signed and every scheme invested in together."
)
NOBODY_ISOLATED = (
    "Nobody was cut off: each organisation had two-way dealings with at least three others, and most of what each"
    " asked was answered."
)


def silent_line(names: tuple[str, ...]) -> str:
    """The organisations that neither asked, were asked, met, agreed nor shared a scheme, in one sentence."""
    return f"No dealings at all with the others: {listed(names)}."


def network(ctx: Context, graph: nx.MultiDiGraph) -> Network:
    """The hubs, the isolated and the silent, as the events the reader saw tell it."""
    found = dealings(graph)
    order = {rid: i for i, rid in enumerate(ctx.scenario.roles)}
    active = [d for d in found.values() if d.weight or d.made or d.received]
    ranked = sorted((d for d in active if d.weight), key=lambda d: (-d.weight, -d.between, order[d.rid]))
    hubs = ranked[:HUBS]
    go_between = max((d for d in active if d.between > 0), key=lambda d: (d.between, d.weight), default=None)
    if go_between is not None and go_between not in hubs:
        hubs.append(go_between)
    others = len(found) - 1
    isolated = sorted(
        (d for d in active if d not in hubs and _isolated(d)),
        key=lambda d: (len(d.partners), -_unheard_share(d), order[d.rid]),
    )
    silent = tuple(ctx.name(d.rid) for d in found.values() if d not in active)
    intro = NETWORK_INTRO
    if ctx.role not in (None, FACILITATOR):
        intro += f" Only what {ctx.name(ctx.role)} saw is counted: others may have dealt with more than it shows."
    return Network(
        intro=intro,
        hubs=tuple(_at_centre(ctx, graph, d, others, d is go_between) for d in hubs),
        isolated=tuple(_at_edge(ctx, graph, d, others) for d in isolated),
        silent=silent,
    )


def _isolated(d: Dealings) -> bool:
    """Few two-way ties, or most of what it asked (three asks or more) unanswered."""
    return len(d.partners) <= FEW_TIES or (d.made >= 3 and _unheard_share(d) > 0.5)


def _unheard_share(d: Dealings) -> float:
    return (d.made - d.heard) / d.made if d.made else 0.0


def _times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{number(n)} times")


def _was_asked(n: int, answered: int) -> str:
    """ "was asked once and answered", "was asked 25 times and answered ten"."""
    if n == 1:
        return "was asked once and " + ("answered" if answered else "did not answer")
    everything = "both" if n == 2 else "all of them"
    return f"was asked {_times(n)} and answered " + {n: everything, 0: "none"}.get(answered, number(answered))


def _asked(n: int, heard: int) -> str:
    """ "asked once and got a reply", "asked 35 times and got a reply 31 times"."""
    if n == 1:
        return "asked once and " + ("got a reply" if heard else "got none")
    return f"asked {_times(n)} and " + (f"got a reply {_times(heard)}" if heard else "got no reply")


def _at_centre(ctx: Context, graph: nx.MultiDiGraph, d: Dealings, others: int, go_between: bool) -> Standing:
    name = ctx.name(d.rid)
    sentences = []
    if d.received and d.made:
        sentences.append(f"{name} {_was_asked(d.received, d.answered)}; it {_asked(d.made, d.heard)}.")
    elif d.received:
        sentences.append(f"{name} {_was_asked(d.received, d.answered)}.")
    elif d.made:
        sentences.append(f"{name} {_asked(d.made, d.heard)}.")
    done = []
    if d.meetings:
        done.append(f"met others at {plural(d.meetings, 'meeting')}")
    if d.agreements:
        done.append(f"signed {plural(d.agreements, 'agreement')}")
    if d.schemes:
        done.append(f"worked on {plural(d.schemes, 'scheme')} with others")
    if done:
        sentences.append(f"{'It' if sentences else name} {listed(done)}.")
    subject = "It" if sentences else name
    reach = f"{subject} had two-way dealings with {number(len(d.partners))} of the {number(others)} other organisations"
    if go_between:
        reach += ", and more of the others' dealings ran through it than through anyone else"
    sentences.append(reach + ".")
    asked = [edge for edge in ties_of(graph, d.rid, ASKED, incoming=True) if edge[2]["ask"] != "invitation"]
    joint = [edge for relation in (MET, AGREED, INVESTED) for edge in ties_of(graph, d.rid, relation, None)]
    behind = [data["evidence"][0] for _, _, data in (*asked, *joint)]  # an invitation it took up is its meeting
    return _standing(ctx, name, " ".join(sentences), behind)


def _at_edge(ctx: Context, graph: nx.MultiDiGraph, d: Dealings, others: int) -> Standing:
    name = ctx.name(d.rid)
    partners = sorted(d.partners, key=lambda rid: list(ctx.scenario.roles).index(rid))
    if not partners:
        reach = f"{name} had two-way dealings with no other organisation"
    elif len(partners) <= FEW_TIES:
        reach = f"{name} had two-way dealings only with {listed(ctx.name(p) for p in partners)}"
    else:
        reach = f"{name} had two-way dealings with {number(len(partners))} of the {number(others)} other organisations"
    unheard = [edge for edge in ties_of(graph, d.rid, ASKED, incoming=False) if not edge[2]["answered"]]
    sentences = [reach + "."]
    if unheard:
        words = Counter(data["ask"] for _, _, data in unheard)
        meetings = len({id(data["evidence"][0]) for _, _, data in unheard if data["ask"] == "invitation"})
        to_meetings = f" to {plural(meetings, 'meeting')}" if meetings else ""  # one meeting invites several

        def counted(word: str, n: int) -> str:
            return plural(n, word) + (to_meetings if word == "invitation" else "")

        what = listed(counted(word, n) for word, n in words.most_common())
        if d.made == 1:
            line = f"No reply came to its {unheard[0][2]['ask']}"
        elif len(unheard) == d.made:
            line = f"No reply came to {'either' if d.made == 2 else 'any'} of its {what}"
        elif len(words) > 1:
            line = f"No reply came to {number(len(unheard))} of its {number(d.made)} asks ({what})"
        else:
            word = next(iter(words))
            kind = f"all {word}s{to_meetings}" if len(unheard) > 1 else f"{'an' if word[0] in 'aeiou' else 'a'} {word}"
            line = f"No reply came to {number(len(unheard))} of its {number(d.made)} asks ({kind})"
        sentences.append(line + ("; nobody asked anything of it." if not d.received else "."))
    elif not d.received:
        sentences.append("Nobody asked anything of it.")
    behind = [data["evidence"][-1] for _, _, data in unheard]  # what came of the ask, where anything did
    return _standing(ctx, name, " ".join(sentences), behind)


def _standing(ctx: Context, name: str, text: str, events: list[Event]) -> Standing:
    every = ctx.in_order(list({id(e): e for e in events}.values()))
    shown = spread(every, SHOWN, talk_first=False)
    return Standing(name, text, tuple(gathered_dated(ctx, shown)), len(every) - len(shown))

"""How a contradiction in the temporal network reads: the chain of relations behind it.

``timeline.propagation`` finds contradictions (a cycle of relations that goes back in time, or
dates that leave a chain no room) as chains of edges; this module names each chain the way a
curator reads it (``'a' (2023-07) --before--> 'b' (2023-06)``, ids in time order, the dates at
the ends of a chain between dates, a reversed arrow for a relation read backwards), picks the
message that says why it cannot hold, and turns it into an error at every relation entry of the
chain. It does not solve anything and knows nothing of ticks or bounds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from timeline.checks import Problem
from timeline.dates import EDTFDate
from timeline.models import Event, RelationType
from timeline.relations import meaning


@dataclass(frozen=True, slots=True)
class Link:
    """One relation entry: ``events[owner].relations[index]``, of ``type``, naming ``target``."""

    owner: int
    index: int
    target: int
    type: RelationType


@dataclass(frozen=True, slots=True)
class Contradiction:
    """Relations (and the dates at the chain's ends) that cannot all hold together.

    ``links`` are in the order the ``message`` names them.
    """

    links: tuple[Link, ...]
    message: str


def contradiction_problems(contradictions: Iterable[Contradiction]) -> list[Problem]:
    """Return an error at every relation entry of every contradiction; ``[]`` when none.

    Each error names the whole chain and says which link of it this entry is, so
    ``timeline validate`` points at every line involved.
    """
    problems: list[Problem] = []
    for contradiction in contradictions:
        count = len(contradiction.links)
        for step, link in enumerate(contradiction.links, start=1):
            suffix = f" (relation {step} of {count} in the chain)" if count > 1 else ""
            problems.append(
                Problem(
                    ("events", link.owner, "relations", link.index),
                    contradiction.message + suffix,
                )
            )
    return problems


def describe(
    steps: list[tuple[int, int, int]],
    *,
    cyclic: bool,
    events: Sequence[Event],
    dates: Sequence[EDTFDate | None],
    links: Sequence[Link],
) -> Contradiction:
    """Name the chain: events by id (with their dates at the ends), relations as arrows.

    Args:
        steps: the relation edges of the chain in time order, as (from variable, to variable,
            link index); event ``i`` has variables ``2 * i`` (start) and ``2 * i + 1`` (end).
        cyclic: the chain is a cycle (relations that go back in time) rather than a path
            between two dates that leave it no room.
        events: the events the variables belong to.
        dates: the date that bounds each event in the network (``propagation.anchor``).
        links: the relation entries the link indexes point at.
    """
    if not steps:
        raise RuntimeError("a contradiction without relations: dates alone are consistent")
    if cyclic:
        first = min(range(len(steps)), key=lambda n: (links[steps[n][2]].owner, steps[n][2]))
        steps = steps[first:] + steps[:first]
    chain_links = tuple(dict.fromkeys(links[label] for _, _, label in steps))
    names = [_name(events, dates, steps[0][0] // 2, show_date=not cyclic)]
    for position, (_, head, label) in enumerate(steps):
        link = links[label]
        forward = link.owner == steps[position][0] // 2
        arrow = f"--{link.type}-->" if forward else f"<--{link.type}--"
        last = position == len(steps) - 1
        names.append(f"{arrow} {_name(events, dates, head // 2, show_date=last and not cyclic)}")
    chain = " ".join(names)
    if cyclic:
        message = (
            f"contradiction: {chain} goes back in time; remove or correct one of these relations"
        )
    elif len(chain_links) == 1:
        rule = meaning(chain_links[0].type).rule
        message = f"contradiction: {chain} is ruled out by the dates: {rule}"
    else:
        message = (
            f"contradiction: {chain} is ruled out by the dates: they leave no room for this "
            "chain; correct a date or one of these relations"
        )
    return Contradiction(chain_links, message)


def _name(
    events: Sequence[Event], dates: Sequence[EDTFDate | None], event: int, *, show_date: bool
) -> str:
    value = dates[event]
    if show_date and value is not None:
        return f"{events[event].id!r} ({value})"
    return repr(events[event].id)

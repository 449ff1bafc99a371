"""Score the temporal tagger on the TempEval-3 training corpus the way TempEval-3 Task A does.

Reads TimeML (``*.tml``) with the standard-library XML parser. Offsets are character offsets
into the text content of the ``TEXT`` element (tags stripped, text kept), which is also the text
given to :func:`timeline.tag`. The document creation time (the TIMEX3 whose
``functionInDocument`` is ``CREATION_TIME``) is the reference date and is not scored.

Figures, per corpus (TempEval-3 Task A, UzZaman et al. 2013):

- strict span P/R/F1: a system mention matches a gold one only with the same offsets;
- relaxed span P/R/F1: any overlap counts (each mention is matched at most once);
- value accuracy over relaxed matches, and value F1 = relaxed F1 x value accuracy;
- type F1 = relaxed F1 x type accuracy;
- throughput in characters per second of ``tag`` alone (parsing and rule loading excluded).

Run from the repository root::

    python bench/timex.py                 # tables for TimeBank and AQUAINT
    python bench/timex.py --errors 40     # plus up to 40 misses, false hits and wrong values
    python bench/timex.py --by-rule       # plus, per rule, what it found and how much was right
"""

from __future__ import annotations

import argparse
import sys
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline import Mention, tag

REPO = Path(__file__).resolve().parent.parent


def find_corpus_root(start: Path = REPO) -> Path:
    """Return ``../shared/tempeval`` beside the repository (or beside a folder above it)."""
    for folder in start.parents:
        candidate = folder / "shared" / "tempeval"
        if candidate.is_dir():
            return candidate
    return start.parent / "shared" / "tempeval"


DEFAULT_ROOT = find_corpus_root()
CORPORA = ("TimeBank", "AQUAINT")


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold TIMEX3: half-open offsets into the document text, type and value."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class Document:
    """A TimeML document: its text, creation date and gold time expressions."""

    name: str
    text: str
    dct: date
    gold: tuple[GoldTimex, ...]


def _walk(node: ET.Element, parts: list[str], gold: list[GoldTimex], offset: int) -> int:
    """Append the text of ``node`` to ``parts``; record TIMEX3 spans. Return the new offset."""
    start = offset
    if node.text:
        parts.append(node.text)
        offset += len(node.text)
    for child in node:
        offset = _walk(child, parts, gold, offset)
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    if node.tag == "TIMEX3":
        gold.append(GoldTimex(start, offset, node.get("type", ""), node.get("value", "")))
    return offset


def read_document(path: Path) -> Document:
    """Parse one ``.tml`` file into a :class:`Document`."""
    root = ET.parse(path).getroot()
    dct_value = next(
        t.get("value", "")
        for t in root.iter("TIMEX3")
        if t.get("functionInDocument") == "CREATION_TIME"
    )
    text_node = root.find("TEXT")
    if text_node is None:
        raise ValueError(f"{path}: no TEXT element")
    parts: list[str] = []
    gold: list[GoldTimex] = []
    _walk(text_node, parts, gold, 0)
    return Document(path.stem, "".join(parts), date.fromisoformat(dct_value[:10]), tuple(gold))


def read_corpus(folder: Path, limit: int | None = None) -> list[Document]:
    """Read the ``.tml`` files of ``folder`` in name order (the first ``limit`` if given)."""
    paths = sorted(folder.glob("*.tml"))[:limit]
    return [read_document(p) for p in paths]


@dataclass(slots=True)
class RuleTally:
    """What one rule found in a corpus: mentions, exact spans, right values, false hits."""

    found: int = 0
    strict: int = 0
    value_ok: int = 0
    false_hits: int = 0

    @property
    def errors(self) -> int:
        """Mentions that are a false hit or carry a wrong value."""
        return self.found - self.value_ok


@dataclass(slots=True)
class Score:
    """Counts for one corpus; the figures are derived properties."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    chars: int = 0
    seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    false_hits: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    by_rule: dict[str, RuleTally] = field(default_factory=dict)

    def _prf(self, hits: int) -> tuple[float, float, float]:
        p = hits / self.system if self.system else 0.0
        r = hits / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def strict_prf(self) -> tuple[float, float, float]:
        """Strict-span precision, recall and F1."""
        return self._prf(self.strict)

    @property
    def relaxed_prf(self) -> tuple[float, float, float]:
        """Relaxed-span (any overlap) precision, recall and F1."""
        return self._prf(self.relaxed)

    @property
    def value_accuracy(self) -> float:
        """Share of relaxed matches whose value is right."""
        return self.value_ok / self.relaxed if self.relaxed else 0.0

    @property
    def value_f1(self) -> float:
        """Relaxed F1 times value accuracy (TempEval-3)."""
        return self.relaxed_prf[2] * self.value_accuracy

    @property
    def type_f1(self) -> float:
        """Relaxed F1 times type accuracy (TempEval-3)."""
        return self.relaxed_prf[2] * (self.type_ok / self.relaxed if self.relaxed else 0.0)

    @property
    def chars_per_second(self) -> float:
        """Characters tagged per second."""
        return self.chars / self.seconds if self.seconds else 0.0


def _context(doc: Document, start: int, end: int) -> str:
    left = doc.text[max(0, start - 40) : start].replace("\n", " ")
    right = doc.text[end : end + 30].replace("\n", " ")
    return f"{left}[{doc.text[start:end]}]{right}"


def score_document(doc: Document, found: Sequence[Mention], score: Score) -> None:
    """Add one document's counts to ``score``."""
    score.gold += len(doc.gold)
    score.system += len(found)
    used: set[int] = set()
    for g in doc.gold:
        match = None
        for i, m in enumerate(found):
            if i not in used and m.start < g.end and g.start < m.end:
                match = i
                break
        if match is None:
            score.misses.append(
                f"{doc.name} {doc.dct} {g.type} {g.value}: {_context(doc, g.start, g.end)}"
            )
            continue
        used.add(match)
        m = found[match]
        score.relaxed += 1
        score.strict += (m.start, m.end) == (g.start, g.end)
        score.type_ok += m.type == g.type
        if m.value == g.value:
            score.value_ok += 1
        else:
            score.wrong.append(
                f"{doc.name} {doc.dct} {m.rule_id}: {m.value} != {g.value} ({g.type}): "
                f"{_context(doc, g.start, g.end)} / {m.text!r}"
            )
    for i, m in enumerate(found):
        if i not in used:
            score.false_hits.append(
                f"{doc.name} {doc.dct} {m.rule_id} {m.value}: {_context(doc, m.start, m.end)}"
            )
    _tally_rules(doc, found, used, score)


def _tally_rules(doc: Document, found: Sequence[Mention], used: set[int], score: Score) -> None:
    """Count what each rule found; a mention is right when it matches gold (any overlap)."""
    for i, m in enumerate(found):
        tally = score.by_rule.setdefault(m.rule_id, RuleTally())
        tally.found += 1
        if i not in used:
            tally.false_hits += 1
            continue
        gold = next(g for g in doc.gold if m.start < g.end and g.start < m.end)
        tally.strict += (m.start, m.end) == (gold.start, gold.end)
        tally.value_ok += m.value == gold.value


def score_corpus(docs: Iterable[Document]) -> Score:
    """Tag every document and score it against its gold annotations."""
    score = Score()
    for doc in docs:
        began = time.perf_counter()
        found = tag(doc.text, reference=doc.dct)
        score.seconds += time.perf_counter() - began
        score.chars += len(doc.text)
        score_document(doc, found, score)
    return score


def format_table(name: str, score: Score) -> str:
    """Render one corpus's figures as a small text table."""
    sp, sr, sf = score.strict_prf
    rp, rr, rf = score.relaxed_prf
    rows = [
        f"{name}: {score.gold} gold, {score.system} found, {score.chars:,} chars",
        f"  {'':<14}{'P':>7}{'R':>7}{'F1':>7}",
        f"  {'strict span':<14}{sp:7.1%}{sr:7.1%}{sf:7.1%}",
        f"  {'relaxed span':<14}{rp:7.1%}{rr:7.1%}{rf:7.1%}",
        f"  value accuracy {score.value_accuracy:.1%}   value F1 {score.value_f1:.1%}"
        f"   type F1 {score.type_f1:.1%}",
        f"  throughput {score.chars_per_second:,.0f} chars/s",
    ]
    return "\n".join(rows)


def format_rules(score: Score) -> str:
    """One line per rule, those with the most errors first."""
    rows = [f"  {'rule':<28}{'found':>6}{'exact':>7}{'right':>7}{'false':>7}{'errors':>8}"]
    tallies = sorted(score.by_rule.items(), key=lambda item: (-item[1].errors, item[0]))
    for rule_id, t in tallies:
        rows.append(
            f"  {rule_id:<28}{t.found:>6}{t.strict:>7}{t.value_ok:>7}{t.false_hits:>7}{t.errors:>8}"
        )
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Score each corpus and print its table (and errors when asked)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT, help="the tempeval folder")
    parser.add_argument("--errors", type=int, default=0, help="show up to N errors of each kind")
    parser.add_argument("--corpus", choices=CORPORA, action="append", help="score only these")
    parser.add_argument("--repeat", type=int, default=1, help="tag each corpus N times (timing)")
    parser.add_argument(
        "--by-rule",
        action="store_true",
        help="show, per rule, what it found and how much was right",
    )
    args = parser.parse_args(argv)
    tag("warm up the rules on 1 May 1998", reference=date(1998, 5, 2))
    for name in args.corpus or CORPORA:
        docs = read_corpus(args.root / name)
        score = score_corpus(docs)
        for _ in range(args.repeat - 1):
            again = score_corpus(docs)
            score.seconds = min(score.seconds, again.seconds)
        print(format_table(name, score))
        if args.by_rule:
            print(format_rules(score))
        if args.errors:
            for label, items in (
                ("misses", score.misses),
                ("false hits", score.false_hits),
                ("wrong values", score.wrong),
            ):
                print(f"  -- {label} ({len(items)}):")
                for line in items[: args.errors]:
                    print(f"     {line}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

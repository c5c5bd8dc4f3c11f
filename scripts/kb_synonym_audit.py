"""List short finding phrases (names and synonyms) that may collide with ordinary prose.

The free-text parser matches finding names and synonyms as whole normalised words, so a
one-word synonym that is an everyday word ("halos", "contraction", "trauma") names a
finding wherever the word appears. This lists every curated finding phrase that
normalises to one word (and, with ``--two``, to two words) with the file it comes from
and how often it appears in the knowledge base's own clinical prose (condition summaries,
next steps, articles) outside the conditions that list the finding: a phrase that turns
up often in prose about other conditions is a candidate for removal or qualification.

With ``--shared`` it instead lists normalised phrases that name more than one curated
finding: the parser then reports all of them, which is right for a general finding and
its subtype ("pounding headache": headache and throbbing headache) and wrong when one of
them is another thing (a swollen ankle after a sprain is not pedal oedema).

With ``--hpo`` it lists the one-word names that come from HPO alone (labels and synonyms
of terms the knowledge base does not curate: the parser matches every HPO phenotype),
with their prose hits: HPO's "Ordering" (atypical sorting) reads "in order to", its
"Falls" reads "a fall in blood pressure". Such a name goes in ``excluded_synonyms``.

Usage: python3 scripts/kb_synonym_audit.py [--two] [--min-hits N] [--shared | --hpo]
It is a review aid for people; nothing in the package imports it.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from carenote.compiler.loader import knowledge_dir, load_sources
from carenote.text.normalise import phrase_key, tokenise


def _prose(root: Path) -> list[tuple[str, str]]:
    """(owner, text) pairs: condition summaries and next steps, and article bodies."""
    loaded = load_sources(root)
    texts: list[tuple[str, str]] = []
    for located in loaded.conditions:
        condition = located.item
        parts = [condition.summary, *(step.text for step in condition.next_steps)]
        texts.append((condition.id, " ".join(p for p in parts if p)))
    for article in sorted((root / "articles").glob("*.md")):
        texts.append((article.stem, article.read_text(encoding="utf-8")))
    return texts


def _ngram_counts(texts: list[tuple[str, str]], size: int) -> dict[tuple[str, ...], Counter[str]]:
    """For each normalised n-gram: how many times each owner's prose uses it."""
    counts: dict[tuple[str, ...], Counter[str]] = {}
    for owner, text in texts:
        norms = tokenise(text).norms
        for i in range(len(norms) - size + 1):
            counts.setdefault(norms[i : i + size], Counter())[owner] += 1
    return counts


def _shared(root: Path) -> int:
    """Print every normalised phrase that names two or more curated findings."""
    owners: dict[tuple[str, ...], set[str]] = {}
    for located in load_sources(root).findings:
        finding = located.item
        for phrase in (finding.name, *finding.synonyms):
            owners.setdefault(phrase_key(phrase), set()).add(f"{finding.id} {finding.name}")
    out = sys.stdout
    out.write("phrase\tfindings\n")
    for key in sorted(owners):
        if len(owners[key]) > 1:
            out.write(f"{' '.join(key)}\t{' | '.join(sorted(owners[key]))}\n")
    return 0


def _hpo_one_word(root: Path, min_hits: int) -> int:
    """Print one-word phrases of uncurated HPO terms that the knowledge base prose uses."""
    from carenote.engine import load_engine

    engine = load_engine()
    kb, lexicon = engine.kb, engine.lexicon
    curated = {fid for fid, flag in zip(kb.finding_ids, kb.curated_finding, strict=True) if flag}
    hits: Counter[str] = Counter()
    for _, text in _prose(root):
        hits.update(tokenise(text).norms)
    out = sys.stdout
    out.write("hits\tword\tfindings\n")
    rows = []
    for key, values in lexicon.finding_table.phrases.items():
        entries = [lexicon.entries[v] for v in values]
        if len(key) != 1 or not any(
            e.id.startswith("HP:") and e.id not in curated for e in entries
        ):
            continue
        if hits[key[0]] >= min_hits:
            names = " | ".join(f"{e.id} {e.name}" for e in entries)
            rows.append((hits[key[0]], key[0], names))
    for count, word, names in sorted(rows, reverse=True):
        out.write(f"{count}\t{word}\t{names}\n")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Print the audit table (tab-separated) to standard output."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--two", action="store_true", help="also list two-word phrases")
    parser.add_argument(
        "--min-hits", type=int, default=0, help="hide phrases with fewer prose hits"
    )
    parser.add_argument(
        "--shared", action="store_true", help="list phrases that name several findings"
    )
    parser.add_argument(
        "--hpo", action="store_true", help="list one-word names from uncurated HPO terms"
    )
    args = parser.parse_args(argv)
    root = knowledge_dir()
    if args.shared:
        return _shared(root)
    if args.hpo:
        return _hpo_one_word(root, max(args.min_hits, 1))
    loaded = load_sources(root)
    users: dict[str, set[str]] = {}
    for condition in loaded.conditions:
        for link in condition.item.findings:
            users.setdefault(link.id, set()).add(condition.item.id)
    texts = _prose(root)
    sizes = (1, 2) if args.two else (1,)
    grams = {size: _ngram_counts(texts, size) for size in sizes}
    out = sys.stdout
    out.write("hits\tfile\tfinding\tphrase\tkey\n")
    for located in loaded.findings:
        finding = located.item
        for phrase in (finding.name, *finding.synonyms):
            key = phrase_key(phrase)
            if len(key) not in sizes:
                continue
            owners = grams[len(key)].get(key, Counter())
            # Hits in prose of conditions that do not list the finding: the everyday sense.
            listing = users.get(finding.id, set())
            hits = sum(n for owner, n in owners.items() if owner not in listing)
            if hits >= args.min_hits:
                label = f"{finding.id} {finding.name}"
                out.write(f"{hits}\t{located.path}\t{label}\t{phrase}\t{' '.join(key)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The HPO ontology as the compiler needs it: ids, labels, aliases and ancestor closure."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from carenote.compiler.hpo import Term, iter_obo_terms


@dataclass(frozen=True)
class Ontology:
    """Non-obsolete HPO terms in file order, with aliases and the is_a closure."""

    terms: dict[str, Term]
    aliases: dict[str, str]
    ancestors: dict[str, frozenset[str]]

    def resolve(self, term_id: str) -> str | None:
        """The current id for ``term_id`` (itself, or via alt_id / replaced_by)."""
        if term_id in self.terms:
            return term_id
        return self.aliases.get(term_id)


def _closure(terms: dict[str, Term]) -> dict[str, frozenset[str]]:
    """Proper ancestors of every term (iterative DFS with memoisation)."""
    done: dict[str, frozenset[str]] = {}
    for start in terms:
        stack = [start]
        while stack:
            node = stack[-1]
            if node in done:
                stack.pop()
                continue
            pending = [p for p in terms[node].parents if p in terms and p not in done]
            if pending:
                stack.extend(pending)
                continue
            acc: set[str] = set()
            for parent in terms[node].parents:
                if parent in terms:
                    acc.add(parent)
                    acc.update(done[parent])
            done[node] = frozenset(acc)
            stack.pop()
    return done


def load_ontology(obo_path: Path) -> Ontology:
    """Read hp.obo and precompute aliases and the ancestor closure."""
    terms: dict[str, Term] = {}
    obsolete: list[Term] = []
    for term in iter_obo_terms(obo_path):
        if not term.id.startswith("HP:"):
            continue
        (obsolete if term.obsolete else []).append(term)
        if not term.obsolete:
            terms[term.id] = term
    aliases: dict[str, str] = {}
    for term in terms.values():
        for alt in term.alt_ids:
            aliases[alt] = term.id
    for term in obsolete:
        if term.replaced_by and term.replaced_by in terms:
            aliases[term.id] = term.replaced_by
    return Ontology(terms=terms, aliases=aliases, ancestors=_closure(terms))

"""The category tree (taxonomy terms) and which active services sit under each term."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from pwa_app.db.models import Attribute, Service, TaxonomyTerm

LISTED_STATUSES = ("active", "temporarily closed")


@dataclass
class Tree:
    terms: dict[str, TaxonomyTerm]
    children: dict[str | None, list[TaxonomyTerm]]
    direct: dict[str, set[str]]  # term id -> ids of listed services attached to it
    _below: dict[str, set[str]] = field(default_factory=dict)

    def by_slug(self, slug: str) -> TaxonomyTerm | None:
        return next((t for t in self.terms.values() if t.slug == slug), None)

    def services_under(self, term_id: str) -> set[str]:
        """Ids of listed services attached to the term or any term below it."""
        if term_id not in self._below:
            self._below[term_id] = set()  # guards against a cycle in hand-edited data
            ids = set(self.direct.get(term_id, ()))
            for child in self.children.get(term_id, ()):
                ids |= self.services_under(child.id)
            self._below[term_id] = ids
        return self._below[term_id]

    def ancestors(self, term: TaxonomyTerm) -> list[TaxonomyTerm]:
        chain, seen = [], {term.id}
        while term.parent_id in self.terms and term.parent_id not in seen:
            term = self.terms[term.parent_id]
            seen.add(term.id)
            chain.append(term)
        return list(reversed(chain))

    def top_level(self) -> list[TaxonomyTerm]:
        """Root terms that have services, in code order (Emergency first in Open Eligibility)."""
        roots = [t for t in self.children.get(None, []) if self.services_under(t.id)]
        return sorted(roots, key=lambda t: (t.code or "", t.name))

    def populated_children(self, term_id: str) -> list[TaxonomyTerm]:
        return sorted((c for c in self.children.get(term_id, []) if self.services_under(c.id)), key=lambda t: t.name)


def load_tree(session: Session) -> Tree:
    terms = {t.id: t for t in session.scalars(select(TaxonomyTerm))}
    children: dict[str | None, list[TaxonomyTerm]] = defaultdict(list)
    for t in terms.values():
        children[t.parent_id if t.parent_id in terms else None].append(t)
    direct: dict[str, set[str]] = defaultdict(set)
    rows = session.execute(
        select(Attribute.taxonomy_term_id, Attribute.link_id)
        .join(Service, Service.id == Attribute.link_id)
        .where(Attribute.link_entity == "service", Service.status.in_(LISTED_STATUSES))
    )
    for term_id, service_id in rows:
        direct[term_id].add(service_id)
    return Tree(terms, children, direct)

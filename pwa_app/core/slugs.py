"""Readable, stable URL slugs for categories."""
import re
import unicodedata


def slugify(text: str) -> str:
    """Return `text` as lowercase ASCII words joined by hyphens ("Santé & soins" -> "sante-soins")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80] or "category"


def assign_slugs(terms: list[dict]) -> None:
    """Give each taxonomy term a unique slug: its name, else parent-name, else name-code."""
    by_id = {t["id"]: t for t in terms}
    taken: set[str] = set()
    # Parents first, so that a top-level "Food" keeps the plain slug "food".
    def depth(term: dict) -> int:
        n, seen = 0, set()
        while term.get("parent_id") in by_id and term["id"] not in seen:
            seen.add(term["id"])
            term, n = by_id[term["parent_id"]], n + 1
        return n

    for term in sorted(terms, key=lambda t: (depth(t), t.get("code") or "", t["id"])):
        base = slugify(term["name"])
        parent = by_id.get(term.get("parent_id") or "")
        candidates = [base]
        if parent is not None:
            candidates.append(f"{parent['slug']}-{base}"[:100])
        candidates.append(f"{base}-{slugify(term.get('code') or term['id'][:8])}")
        term["slug"] = next((c for c in candidates if c not in taken), f"{base}-{term['id']}")
        taken.add(term["slug"])

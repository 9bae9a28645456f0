"""Link flags kept between builds, per connected component of the link graph, so `dossier add`
re-checks only the components its articles change.

Every flag read off links (changed facts, changed quoted words, quote drift, consensus conflicts)
is decided inside one component of the graph of checked links (`checked.checked_links`): from
its links, the fields of its member articles that the checks read (CHECKED_FIELDS, as the build
decided them), their order of origin (`Provenance.rank`) and lineages, the verify options and
the code (`config.code_digest`).
`component_key` hashes exactly those, so a kept verdict is served only where checking again would
reach it; a component with a new, changed or re-ranked member is checked afresh.

Kept flags live in the product cache under FLAG_PRODUCT (`dossier.kept.Kept`), one per
component, owned by its first member id. A component whose key changed (a new copy joined it)
is read again from its links' own kept checks (`linkchecks`), so only its new or changed links
are checked again.
"""

from __future__ import annotations

import hashlib
import json

from dossier.config import VerifyOptions, code_digest
from dossier.model import Article, Link, to_json
from dossier.unionfind import UnionFind

# The product's name; the key holds the code digest, so flags kept by other code are never served.
FLAG_PRODUCT = "verify.link-flags.v2"
# The Article fields the link checks read (verify/pairs, scare_quotes, quotes, consensus, slots;
# the source names articles in flag details). Not the event date, events or times, which an add
# changes across a story: hashing them re-checked components whose checks could not change.
CHECKED_FIELDS = ("id", "source", "text", "sentences", "mentions", "quotes")


def link_components(links: list[Link]) -> list[list[Link]]:
    """The links grouped by connected component of the article graph, each group in input order;
    groups ordered by their first member id."""
    forest = UnionFind()
    for link in links:
        forest.union(link.a, link.b)
    groups: dict[str, list[Link]] = {}
    for link in links:
        groups.setdefault(forest.find(link.a), []).append(link)
    return sorted(groups.values(), key=lambda group: min(x for link in group for x in (link.a, link.b)))


def component_key(links: list[Link], members: list[Article], rank: dict[str, int], lineage_of: dict[str, int],
                  options: VerifyOptions) -> str:
    """Digest of everything the link checks read of one component. `members` sorted by id; `rank`
    and `lineage_of` as `Provenance` gives them. Ranks and lineages enter as the component sees
    them (their order, which members share a lineage), so a shift elsewhere in the corpus does not
    invalidate it."""
    h = hashlib.sha256(f"{FLAG_PRODUCT}|{code_digest()}|{options!r}".encode())
    for link in sorted(links, key=lambda link: (link.a, link.b)):
        h.update(to_json(link, sort_keys=True))
    for article in members:
        h.update(to_json([getattr(article, name) for name in CHECKED_FIELDS], sort_keys=True))
    ranks = sorted({rank[a.id] for a in members})
    lineages = list(dict.fromkeys(lineage_of.get(a.id) for a in members))
    h.update(json.dumps([(ranks.index(rank[a.id]), lineages.index(lineage_of.get(a.id)))
                         for a in members]).encode())
    return h.hexdigest()[:20]

"""Kept results: served only under the key they were kept with."""

from __future__ import annotations

from dossier.kept import Kept
from dossier.reuse import MemoryProducts


def test_a_kept_value_is_served_only_under_its_key_and_nothing_is_kept_without_a_cache():
    cache = MemoryProducts()
    Kept(cache, "stage.v1").put("article-1", "digest-a", {"times": [1, 2]})
    kept = Kept(cache, "stage.v1")
    assert kept.get("article-1", "digest-a") == {"times": [1, 2]}
    assert kept.get("article-1", "digest-b") is None  # inputs changed: computed afresh
    assert kept.get("article-2", "digest-a") is None
    assert Kept(cache, "other.v1").get("article-1", "digest-a") is None
    nothing = Kept(None, "stage.v1")
    nothing.put("article-1", "digest-a", {"times": []})
    assert nothing.get("article-1", "digest-a") is None

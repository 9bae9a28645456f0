"""Alias resolution across articles, on hand-built mentions (no model needed)."""

from dossier.analyse.aliases import resolve_entities
from dossier.model import Article, Mention, Quote


def article(id, names, quotes=()):
    mentions = [Mention(text=t, label=l, start=i * 10, end=i * 10 + len(t)) for i, (t, l) in enumerate(names)]
    return Article(id=id, source=f"{id}.txt", text="", mentions=mentions, quotes=list(quotes))


def entity_of(entities, name):
    return next(e for e in entities if e.name == name or name in e.aliases)


def test_spelling_variants_surnames_and_known_aliases_merge():
    a = article("a", [("Sergey Lavrov", "PERSON"), ("Lavrov", "PERSON"), ("Islamic State", "ORG"),
                      ("al-Qaida", "ORG")])
    b = article("b", [("Sergei Lavrov", "PERSON"), ("ISIS", "ORG"), ("al Qaeda", "ORG"), ("IS", "ORG")],
                quotes=[Quote(id="q", article="b", text="x", start=0, end=1, speaker_name="Sergei Lavrov")])
    resolution = resolve_entities([a, b])
    entities = resolution.entities
    lavrov = entity_of(entities, "Sergey Lavrov")
    assert lavrov is entity_of(entities, "Sergei Lavrov") is entity_of(entities, "Lavrov")
    assert entity_of(entities, "ISIS") is entity_of(entities, "Islamic State") is entity_of(entities, "IS")
    assert entity_of(entities, "al Qaeda") is entity_of(entities, "al-Qaida")
    assert resolution.apply(b).quotes[0].speaker == lavrov.id
    assert resolution.apply(a).mentions[1].entity == lavrov.id
    assert a.mentions[1].entity is None and b.quotes[0].speaker is None  # inputs left as they were


def test_shared_first_name_never_merges():
    a = article("a", [("Sergey Lavrov", "PERSON"), ("Sergey Shoigu", "PERSON"), ("John Smith", "PERSON"),
                      ("Jane Smith", "PERSON")])
    entities = resolve_entities([a]).entities
    assert len({e.id for e in entities}) == 4


def test_ambiguous_surname_stays_alone_and_lone_surname_joins_unique_full_name():
    a = article("a", [("John Smith", "PERSON"), ("Jane Smith", "PERSON")])
    b = article("b", [("Smith", "PERSON"), ("Putin", "PERSON")])
    c = article("c", [("Vladimir Putin", "PERSON")])
    entities = resolve_entities([a, b, c]).entities
    smith = entity_of(entities, "Smith")
    assert smith.name == "Smith" and not smith.aliases
    assert entity_of(entities, "Putin") is entity_of(entities, "Vladimir Putin")


def test_deterministic_and_idempotent():
    make = lambda: [article("a", [("Sergey Lavrov", "PERSON"), ("Lavrov", "PERSON")]),
                    article("b", [("Sergei Lavrov", "PERSON"), ("Moscow", "GPE")])]
    first, articles = resolve_entities(make()), make()
    resolution = resolve_entities(articles)
    resolved = [resolution.apply(a) for a in articles]
    after_one_run = [m.entity for a in resolved for m in a.mentions]
    again = resolve_entities(resolved)  # over its own output: the same answer
    assert [e.id for e in first.entities] == [e.id for e in again.entities] == [e.id for e in resolution.entities]
    assert [m.entity for a in resolved for m in again.apply(a).mentions] == after_one_run
    assert after_one_run[0] == after_one_run[1] and None not in after_one_run

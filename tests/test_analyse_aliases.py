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


def test_names_spelled_alike_with_other_numbers_stay_apart():
    a = article("a", [("World War I", "EVENT"), ("G7", "ORG"), ("Apollo 11", "PRODUCT")])
    b = article("b", [("World War II", "EVENT"), ("G8", "ORG"), ("Apollo 13", "PRODUCT"), ("World War 1", "EVENT")])
    entities = resolve_entities([a, b]).entities
    for one, other in (("World War I", "World War II"), ("G7", "G8"), ("Apollo 11", "Apollo 13")):
        assert entity_of(entities, one) is not entity_of(entities, other)


def test_a_longer_or_differently_ending_name_is_another_name():
    a = article("a", [("Austrian", "NORP"), ("American", "NORP"), ("California", "GPE"), ("Taliban", "ORG")])
    b = article("b", [("Australian", "NORP"), ("Americas", "LOC"), ("California ISO", "ORG"), ("Taleban", "ORG")])
    entities = resolve_entities([a, b]).entities
    for one, other in (("Austrian", "Australian"), ("American", "Americas"), ("California", "California ISO")):
        assert entity_of(entities, one) is not entity_of(entities, other)
    assert entity_of(entities, "Taliban") is entity_of(entities, "Taleban")


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


def test_surname_goes_to_the_nearest_prior_full_name_of_two_namesakes():
    # two people named Reyes in one article: each bare "Reyes" is the one named last before it
    a = article("a", [("Ana Reyes", "PERSON"), ("Reyes", "PERSON"), ("Luis Reyes", "PERSON"), ("Reyes", "PERSON")])
    resolution = resolve_entities([a])
    ids = resolution.mentions["a"]
    assert ids[1] == ids[0]
    assert ids[3] == ids[2] != ids[0]
    assert {e.name for e in resolution.entities} == {"Ana Reyes", "Luis Reyes"}


def test_surname_before_any_of_two_namesakes_stays_unlinked():
    a = article("a", [("Reyes", "PERSON"), ("Ana Reyes", "PERSON"), ("Luis Reyes", "PERSON")])
    ids = resolve_entities([a]).mentions["a"]
    assert ids[0] not in (ids[1], ids[2])


def test_person_typed_by_corpus_majority():
    # "Muttaqi" labelled a place in one article is the person the other articles name
    a = article("a", [("Amir Khan Muttaqi", "PERSON"), ("Muttaqi", "PERSON")])
    b = article("b", [("Muttaqi", "GPE"), ("Kabul", "GPE")])
    c = article("c", [("Jordan", "GPE"), ("Jordan", "GPE")])
    d = article("d", [("Michael Jordan", "PERSON")])
    resolution = resolve_entities([a, b, c, d])
    entities = resolution.entities
    muttaqi = entity_of(entities, "Amir Khan Muttaqi")
    assert muttaqi.type == "PERSON" and resolution.mentions["b"][0] == muttaqi.id
    assert entity_of(entities, "Jordan").type == "GPE"  # a country never becomes a person

"""Extraction on the seeds export (built once per session with the real pipeline)."""

from conftest import by_seed


def speaker_name(export, quote):
    entity = next((e for e in export["entities"] if e["id"] == quote["speaker"]), None)
    return entity["name"] if entity else quote["speaker"]


def quote_starting(export, seed, words):
    article = by_seed(export, seed)
    # a partial quote's text is its whole reported clause ('that "forming ..." is necessary')
    return next(q for q in export["quotes"] if q["article"] == article["id"] and words in q["text"])


def test_seed_quotes_attributed(seeds_export):
    assert speaker_name(seeds_export, quote_starting(seeds_export, "001", "Isolating Afghanistan")) == "Abdul Salam Hanafi"
    assert speaker_name(seeds_export, quote_starting(seeds_export, "003", "The Troika Plus")) == "Ned Price"
    assert "Lavrov" in speaker_name(seeds_export, quote_starting(seeds_export, "004", "forming a truly inclusive"))
    assert "Lavrov" in speaker_name(seeds_export, quote_starting(seeds_export, "003", "Do not let the territory"))


def test_seed_entities_merge_spellings_only(seeds_export):
    lavrov = [e for e in seeds_export["entities"] if "Lavrov" in e["name"]]
    assert len(lavrov) == 1 and {"Sergey Lavrov", "Sergei Lavrov"} <= set(lavrov[0]["aliases"] + [lavrov[0]["name"]])
    persons = {e["name"] for e in seeds_export["entities"] if e["type"] == "PERSON"}
    assert "Zamir Kabulov" in persons and "Vladimir Putin" in persons
    assert not any("Stay Connected" in p or "Seeks" in p for p in persons)


def test_seed_page_chrome_and_weak_dates(seeds_export):
    a003 = by_seed(seeds_export, "003")
    assert a003["event_date"] == "2021-10-20"  # the lineage's date, not the weak 2023 page date


def test_seed_direct_quotes_all_have_speakers_and_kinds(seeds_export):
    quotes = seeds_export["quotes"]
    assert {q["kind"] for q in quotes} <= {"direct", "indirect", "partial"}
    direct = [q for q in quotes if q["kind"] == "direct"]
    assert direct and all(q["speaker"] or q["speaker_text"] for q in direct)
    # Lavrov's "inclusive government" words sit inside the writer's clause in 001: partial
    assert quote_starting(seeds_export, "001", "forming a fully inclusive")["kind"] == "partial"
    assert quote_starting(seeds_export, "001", "Isolating Afghanistan")["kind"] == "direct"


def test_seed_entities_typed_by_evidence(seeds_export):
    entities = seeds_export["entities"]
    by_name = {e["name"]: e for e in entities}
    assert "Price" in by_name["Ned Price"]["aliases"]
    assert by_name["Amir Khan Muttaqi"]["type"] == "PERSON"
    assert not any(e["name"] == "Muttaqi" or "Muttaqi" in e["aliases"] for e in entities if e["type"] != "PERSON")
    assert not any("Hosts" in e["name"] for e in entities)  # headline fragment "Russia Hosts Talks"

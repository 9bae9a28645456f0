"""Extraction on the seeds export (built once per session with the real pipeline)."""

from conftest import by_seed


def speaker_name(export, quote):
    entity = next((e for e in export["entities"] if e["id"] == quote["speaker"]), None)
    return entity["name"] if entity else quote["speaker"]


def quote_starting(export, seed, words):
    article = by_seed(export, seed)
    return next(q for q in export["quotes"] if q["article"] == article["id"] and q["text"].startswith(words))


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

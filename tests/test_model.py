"""`to_dict` / `from_dict`: the JSON shape every stored value goes through."""

from __future__ import annotations

import json

from dossier.model import (Article, Claim, Event, Evidence, Mention, Sentence, TimeExpression, from_dict,
                           to_dict, to_json)


def _article() -> Article:
    return Article(id="a1", source="a.txt", text="Rescuers arrived on Monday.", title=None,
                   sentences=[Sentence(index=0, start=0, end=27, text="Rescuers arrived on Monday.")],
                   mentions=[Mention(text="Rescuers", label="NORP", start=0, end=8, sentence=0)],
                   times=[TimeExpression(text="Monday", start=20, end=26, value="2021-11-15", precision="day",
                                         tense="past")],
                   events=[Event(id="e1", type="arrival", trigger="arrived", summary="Rescuers arrived",
                                 date="2021-11-15",
                                 evidence=[Evidence(source="a1#s0", text="Rescuers arrived on Monday.")])])


def test_round_trip_keeps_nested_values_and_json_shape():
    article = _article()
    data = to_dict(article)
    assert data["times"][0] == {**data["times"][0], "value": "2021-11-15", "tense": "past"}
    assert data["events"][0]["evidence"] == [{"source": "a1#s0", "text": "Rescuers arrived on Monday."}]
    again = from_dict(Article, json.loads(json.dumps(data)))
    assert again == article
    assert isinstance(again.events[0].evidence[0], Evidence)


def test_unknown_keys_are_ignored_and_the_callers_dict_is_left_as_it_was():
    data = to_dict(_article())
    data["written_by_a_later_version"] = 1
    data["times"][0]["also_unknown"] = "x"
    before = json.dumps(data, sort_keys=True)
    article = from_dict(Article, data)
    assert article.times[0].value == "2021-11-15"
    assert json.dumps(data, sort_keys=True) == before


def test_bytes_are_left_out():
    from dossier.model import Document

    assert "raw" not in to_dict(Document(id="d", source="d.txt", kind="text", raw=b"\xff", text="x"))


def test_to_json_is_the_json_of_to_dict():
    article = _article()
    assert json.loads(to_json(article)) == to_dict(article)
    assert from_dict(Article, json.loads(to_json(article))) == article
    # digests: dict keys sorted, dataclass fields in their declared order
    assert to_json({"b": 1, "a": [article.sentences[0]]}, sort_keys=True).startswith(b'{"a":[{"index":0,')


def test_to_json_leaves_bytes_out_and_writes_unbounded_as_null():
    from dossier.model import Document

    assert json.loads(to_json(Document(id="d", source="d.txt", kind="text", raw=b"\xff", text="x"))).get("raw") is None
    claim = json.loads(to_json(Claim(article="a", subject="", attribute="dead", value="19", text="at least 19",
                                     sentence="At least 19 died.", start=0, end=11, low=19.0, high=float("inf"))))
    assert claim["high"] is None


def test_from_dict_fills_defaults_for_fields_an_older_version_did_not_write():
    data = to_dict(_article())
    del data["claims"], data["times"][0]["tense"]
    article = from_dict(Article, data)
    assert article.claims == Article(id="x", source="x", text="").claims
    assert article.times[0].tense is None and article.times[0].value == "2021-11-15"


def test_a_dict_with_one_field_swapped_for_an_unknown_one_is_still_read():
    """As many keys as the class has fields, one of them unknown: not the class's own shape, so the
    general reader takes it (default for the missing field, the unknown one dropped)."""
    data = to_dict(_article())
    del data["claims"]
    data["written_by_a_later_version"] = 1
    article = from_dict(Article, data)
    assert article.claims == Article(id="x", source="x", text="").claims and article.id == "a1"


def test_equal_strings_read_from_json_are_one_object():
    again = from_dict(Article, json.loads(to_json(_article())))
    assert again.events[0].evidence[0].text is again.sentences[0].text  # interned across layers
    assert again.mentions[0].label is from_dict(Mention, json.loads(to_json(again.mentions[0]))).label


def test_every_precision_a_time_value_can_have_is_a_declared_time_expression_precision():
    """The type says what the normaliser emits: "season", "quarter" and "century" were emitted but
    missing from the declared Literal (a typed decoder rejected stored articles over it)."""
    import typing

    from dossier.timevalue import PRECISION_RANK

    declared = typing.get_args(typing.get_args(typing.get_type_hints(TimeExpression)["precision"])[0])
    assert {p for p in PRECISION_RANK if p is not None} <= set(declared)

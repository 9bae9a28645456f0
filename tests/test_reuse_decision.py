"""The sentence reuse decision (reuse/classify.py `is_strong`) on sentence pairs written for it, and
what a changed number in a copy becomes downstream (verify)."""

from __future__ import annotations

from dossier import reuse
from dossier.reuse.align import AlignedPair, overlap
from dossier.reuse.classify import is_strong, reuse_probability, sentence_features
from dossier.reuse.fingerprints import encode
from dossier.verify import find_flags
from reuse_fixtures import ORIGINAL, article, corpus

LEAD = "Shares of the carmaker fell 8 percent on Wednesday after it cut its profit forecast for the year."
# The same report in other words (what MSRP calls a paraphrase).
PARAPHRASE = ("The carmaker's stock dropped 8 percent on Wednesday after the company lowered its full-year "
              "profit outlook.")
# Same day, same market, other news: a same-topic sentence that restates nothing.
SAME_TOPIC = "Shares of rival carmakers also fell on Wednesday as investors worried about demand for electric cars."


def decide(resources, options, text_a: str, text_b: str) -> bool:
    va, vb = encode([text_a, text_b], resources.encoder())
    pair = AlignedPair(0, 0, float(va @ vb), overlap(text_a, text_b))
    return is_strong(pair, text_a, text_b, options.reuse)


def test_a_paraphrase_is_reuse(options, resources):
    assert decide(resources, options, LEAD, PARAPHRASE)


def test_a_paraphrase_below_the_alignment_cosine_is_reuse_and_aligned(options, resources):
    """MiniLM scores this restatement under align_cosine; the decision (word overlap, lengths)
    still accepts it, and alignment, which compares down to sentence_floor_cosine, keeps it."""
    said = "The central bank raised interest rates by a quarter point on Thursday to fight inflation."
    restated = ("On Thursday the central bank lifted its key rate by a quarter of a percentage point in a bid "
                "to curb inflation.")
    va, vb = encode([said, restated], resources.encoder())
    assert options.reuse.sentence_floor_cosine <= float(va @ vb) < options.reuse.align_cosine
    assert decide(resources, options, said, restated)
    a = article("a", ORIGINAL[:4] + [said])
    b = article("b", ORIGINAL[:4] + [restated])
    (link,) = reuse.find_links([a, b], options.reuse, resources)
    assert (said, restated) in {(al.a_sentence, al.b_sentence) for al in link.alignments}


def test_a_same_topic_sentence_with_other_news_is_not_reuse(options, resources):
    assert not decide(resources, options, LEAD, SAME_TOPIC)


def test_the_same_sentence_is_always_reuse(options):
    assert is_strong(AlignedPair(0, 0, 0.0, 1.0), LEAD, LEAD, options.reuse)


def test_differing_numbers_lower_the_probability(options):
    same = sentence_features(0.9, "The quake struck at a depth of 10 km.", "The quake hit at a depth of 10 km.")
    other = sentence_features(0.9, "The quake struck at a depth of 10 km.", "The quake hit at a depth of 35 km.")
    assert same[3] == 0.0 and other[3] == 1.0
    assert reuse_probability(other, options.reuse) < reuse_probability(same, options.reuse)


def test_a_number_changed_in_a_copy_is_flagged_as_a_changed_fact(options, resources):
    """The copy stays a copy; the changed sentence stays aligned evidence, and verify flags it."""
    original = corpus()["original"]
    changed = article("changed", [s.replace("200 million", "300 million") for s in ORIGINAL])
    links = reuse.find_links([original, changed], options.reuse, resources)
    assert [l.kind for l in links] == ["copy"]
    assert any("300 million" in al.a_sentence + al.b_sentence for al in links[0].alignments)
    flags = [f for f in find_flags([original, changed], links, [], [], []) if f.kind == "changed_fact"]
    assert len(flags) == 1
    assert "200 million" in flags[0].detail and "300 million" in flags[0].detail


def test_a_sentence_vector_does_not_depend_on_what_is_encoded_with_it(resources):
    """An add encodes a sentence beside other sentences than a rebuild does; the vector must be the
    same bit for bit, or the two disagree on alignment scores (seen in bfloat16 with padding to the
    batch's longest text)."""
    others = [SAME_TOPIC, PARAPHRASE, "Stocks rose.",
              "The company, which employs 40,000 people in twelve countries, said on Wednesday that demand "
              "for its electric models had fallen for a third quarter in a row and that it would cut output."]
    alone = encode([LEAD], resources.encoder())
    together = encode(others + [LEAD], resources.encoder())
    # a batch of two: LEAD's call holds another text of its width, or an empty one (an AMX CPU's
    # bfloat16 kernel depends on the call's shape, so a short call would differ from a full one)
    pairs = [encode([text, LEAD], resources.encoder(), batch=2)[-1] for text in others + [""]]
    assert (alone[0] == together[-1]).all()
    assert all((vector == pairs[-1]).all() for vector in pairs)
    assert abs(float(together[-1] @ together[-1]) - 1.0) < 1e-5  # normalised in float32


def test_encoder_precision_is_an_option(options):
    import dataclasses

    import pytest

    from dossier.resources import encoder_precision

    def precision(value: str) -> str:
        return encoder_precision(dataclasses.replace(options.reuse, encoder_precision=value))

    assert precision("float32") == "float32"
    assert precision("bfloat16") == "bfloat16"
    assert precision("auto") in {"float32", "bfloat16"}
    with pytest.raises(ValueError, match="encoder_precision"):
        precision("fp16")


def test_encoder_device_is_an_option(options):
    """"auto" runs on a CUDA GPU only where torch sees one; the precision "auto" picks is float32
    there; a device torch cannot use is a clear error, not a crash inside the encoder."""
    import dataclasses

    import pytest
    import torch

    from dossier.resources import encoder_device, encoder_precision
    from dossier.reuse.fingerprints import model_key

    def reuse(device: str):
        return dataclasses.replace(options.reuse, encoder_device=device)

    assert encoder_device(reuse("cpu")) == "cpu"
    gpu = torch.cuda.is_available()
    assert encoder_device(reuse("auto")) == ("cuda" if gpu else "cpu")
    assert model_key(reuse("cpu")).endswith(("|float32", "|bfloat16"))
    with pytest.raises(ValueError, match="encoder_device"):
        encoder_device(reuse("gpu"))
    if gpu:
        assert encoder_precision(reuse("cuda")) == "float32" and model_key(reuse("cuda")).endswith("|float32|cuda")
    else:
        with pytest.raises(ValueError, match="sees no CUDA GPU"):
            encoder_device(reuse("cuda"))

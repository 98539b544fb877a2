"""Near-duplicates: a reprint of a wire story is found; a different story on the same topic is not."""

from __future__ import annotations

from detente.ingest.duplicates import (
    MIN_SHARED_BANDS,
    THRESHOLD,
    _hash32,
    bands,
    content_hash,
    shingles,
    signature,
    similarity,
)

WIRE = ("SEOUL (Wire) - North Korea accepted South Korea's offer of high-level talks on Friday, the "
        "first such meeting in two years, officials in Seoul said. The talks will be held at the border "
        "village of Panmunjom on Tuesday. The United States welcomed the step, a spokesman said, and "
        "Japan said it would watch closely.")
REPRINT = ("North Korea accepted South Korea's offer of high-level talks on Friday, the first such "
           "meeting in two years, officials in Seoul said. The talks will be held at the border village "
           "of Panmunjom on Tuesday. The United States welcomed the step, a spokesman said.")
SAME_TOPIC = ("Officials in Seoul said on Monday that the talks with North Korea at Panmunjom had ended "
              "without a joint statement, although both delegations agreed to meet again next month "
              "to discuss military tensions along the border.")


def test_reprint_is_similar_and_shares_bands() -> None:
    a, b = signature(WIRE), signature(REPRINT)
    assert similarity(a, b) >= THRESHOLD
    assert len(set(bands(a)) & set(bands(b))) >= MIN_SHARED_BANDS


def test_story_on_the_same_topic_is_not_a_reprint() -> None:
    assert similarity(signature(WIRE), signature(SAME_TOPIC)) < THRESHOLD


def test_signatures_are_stable_across_calls() -> None:
    assert list(signature(WIRE)) == list(signature(WIRE))
    assert similarity(signature(WIRE), signature(WIRE.upper())) == 1.0


def test_content_hash_ignores_case_and_spacing() -> None:
    assert content_hash(REPRINT) == content_hash("  " + REPRINT.upper().replace(" ", "  "))
    assert content_hash(REPRINT) != content_hash(WIRE)


def test_one_shared_phrase_does_not_make_texts_alike() -> None:
    # regression: small multipliers made a*x mod p monotone in x, so every permutation chose the
    # shingle with the smallest hash, and two texts sharing just that shingle looked identical
    phrase = next(p for p in (f"the talks {n}" for n in range(100_000)) if _hash32(p) < 1 << 22)
    a = phrase + " " + " ".join(f"alpha{k}" for k in range(60))
    b = phrase + " " + " ".join(f"beta{k}" for k in range(60))
    x, y = set(shingles(a).tolist()), set(shingles(b).tolist())
    assert len(x & y) / len(x | y) < 0.02
    assert similarity(signature(a), signature(b)) < 0.15

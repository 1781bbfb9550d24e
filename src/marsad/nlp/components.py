"""marsad's spaCy components: matchers over the actor dictionary and the trigger lexicon.

Both are spaCy SpanRulers filled from package data files, so the results sit in
`doc.spans["marsad_actors"]` / `doc.spans["marsad_triggers"]` with the dictionary id on `span.id_`.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language

from marsad import lexicon

ACTORS_KEY = "marsad_actors"
TRIGGERS_KEY = "marsad_triggers"


def _is_acronym(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return len(alias) <= 6 and bool(letters) and all(c.isupper() for c in letters)


def _token_patterns(nlp: Language, phrase: str, *, case_sensitive: bool) -> list[list[dict]]:
    tokens = [t.text for t in nlp.make_doc(phrase)]
    if case_sensitive:
        return [[{"ORTH": t} for t in tokens]]
    # Surface form or lemma: "clashes" and "clash" both match "clash".
    return [[{"LOWER": t.lower()} for t in tokens], [{"LEMMA": t.lower()} for t in tokens]]


def actor_patterns(nlp: Language) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for entry in lexicon.actors().values():
        label = "SOURCE" if entry.is_source else "ACTOR"
        for alias in entry.aliases:
            for pattern in _token_patterns(nlp, alias, case_sensitive=_is_acronym(alias)):
                patterns.append({"label": label, "pattern": pattern, "id": entry.id})
    descriptors, _ = lexicon.descriptors()
    for row in descriptors:
        ident = f"{row.get('tag', '')}|{row.get('generic', '')}"
        for pattern in _token_patterns(nlp, row["phrase"], case_sensitive=False):
            patterns.append({"label": "DESCRIPTOR", "pattern": pattern, "id": ident})
    return patterns


def trigger_patterns(nlp: Language) -> list[dict[str, Any]]:
    patterns: list[dict[str, Any]] = []
    for entry in lexicon.triggers().values():
        for phrase in entry.phrases:
            for pattern in _token_patterns(nlp, phrase, case_sensitive=False):
                patterns.append({"label": entry.key, "pattern": pattern, "id": entry.key})
    return patterns


def add_components(nlp: Language) -> None:
    """Paragraph breaks before the parser; the matchers after NER (they need lemmas)."""
    from marsad.nlp import paragraphs  # noqa: F401  (registers the component)

    if "marsad_paragraphs" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("marsad_paragraphs", before="parser")
    longest = {"@misc": "spacy.first_longest_spans_filter.v1"}
    for name, key, build in (
        ("marsad_actors", ACTORS_KEY, actor_patterns),
        ("marsad_triggers", TRIGGERS_KEY, trigger_patterns),
    ):
        if name in nlp.pipe_names:
            continue
        ruler = nlp.add_pipe(
            "span_ruler",
            name=name,
            config={"spans_key": key, "spans_filter": longest, "validate": False},
        )
        ruler.add_patterns(build(nlp))

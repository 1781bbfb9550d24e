from __future__ import annotations

import json

import pytest

from marsad.model import Event, to_dict
from marsad.store import codec
from tests.store import sample

EVENTS = [e for c in [*sample.all_articles(), sample.hostile()] for e in c.events]


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.id)
def test_codec_to_dict_matches_model(event: Event):
    assert codec.to_dict(event) == to_dict(event)


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: e.id)
def test_codec_compact_round_trip(event: Event):
    compact = json.loads(json.dumps(codec.to_compact(event)))
    assert codec.event_from(compact) == event
    assert len(json.dumps(compact)) < len(json.dumps(to_dict(event)))
    assert codec.event_from(json.loads(json.dumps(to_dict(event)))) == event


def test_codec_keeps_types():
    event = sample.syria().events[0]
    back = codec.event_from(json.loads(json.dumps(codec.to_compact(event))))
    assert isinstance(back.evidence, tuple) and isinstance(back.figures, tuple)
    assert back.when is not None and back.when.start == event.when.start
    assert back.actor1 is not None and back.actor1.aliases_matched == ()

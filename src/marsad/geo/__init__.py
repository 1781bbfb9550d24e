"""Geo stage: toponym recognition and resolution against the offline gazetteer."""

from __future__ import annotations

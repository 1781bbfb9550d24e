"""serve: the REST API, the exports and the dashboard, all reading the store."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from marsad.serve.exports import FORMATS, iter_export, write_export

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["FORMATS", "create_app", "iter_export", "write_export"]


def create_app(store_or_url: Any, token: str | None = None, **options: Any) -> FastAPI:
    """The FastAPI app (imported on demand: exports need no web stack)."""
    from marsad.serve.api import create_app as _create_app

    return _create_app(store_or_url, token=token, **options)

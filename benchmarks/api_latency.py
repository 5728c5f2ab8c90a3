"""Latency of the web pages over a large store: timeline, speaker page and search at 1 and 16
concurrent clients, median and 95th percentile, printed as a table (measured, never asserted).

    .venv/bin/python benchmarks/api_latency.py                  # 100,000 statements
    .venv/bin/python benchmarks/api_latency.py --db /tmp/bench.db --reuse --workers 2
    .venv/bin/python benchmarks/api_latency.py --statements 20000 --requests 100
    .venv/bin/python benchmarks/api_latency.py --db /tmp/bench.db --reuse --in-process  # CPU ms per request

The store is built here, fast, by bulk inserts straight into the tables (the FTS triggers index as
rows go in): speakers with Zipf-like activity, roles and affiliations, outlets, dates over 13 years,
statement words drawn from the bundled sample articles' vocabulary, articles that hold the quotes
at real offsets, and events. The server is the real ``onrecord serve`` in a subprocess on a free
loopback port; clients are threads, each with one keep-alive connection. Latency is measured
from the client: on a shared machine it includes waiting for a core, so the machine's load
average is printed with the table.
"""
from __future__ import annotations

import argparse
import asyncio
import collections
import datetime as dt
import http.client
import itertools
import json
import os
import pathlib
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[1]
FIRST = ("James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard Susan Joseph "
         "Jessica Thomas Sarah Charles Karen Ahmed Fatima Mohammed Aisha Wei Li Hiroshi Yuki Olga Ivan Pierre Marie "
         "Hans Greta Carlos Lucia Raj Priya Kwame Amara Sergei Anna Jean Sophie Paolo Giulia Kim Min-jun Seo-yeon "
         "Lars Ingrid Mehmet Elif Juan Camila Tomasz Agnieszka Nikolai Elena Omar Layla").split()
LAST = ("Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez Wilson "
        "Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez Lewis "
        "Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera "
        "Campbell Mitchell Carter Roberts Khan Ali Chen Wang Zhang Tanaka Sato Ivanov Petrov Dubois Moreau Muller "
        "Schmidt Rossi Russo Sharma Patel Okafor Mensah Kowalski Nowak Yilmaz Demir Park Choi Haddad Mansour").split()
ROLES = ["spokesman", "spokeswoman", "foreign minister", "defence minister", "prime minister", "president",
         "ambassador", "senator", "analyst", "professor", "chief executive", "general", "envoy", "official",
         "economist", "governor", "mayor", "opposition leader", "secretary-general", "press secretary"]
AFFILIATIONS = ["State Department", "Pentagon", "White House", "United Nations", "European Union", "NATO",
                "Foreign Ministry", "Defence Ministry", "Kremlin", "Beijing", "Seoul", "Tokyo", "IMF", "World Bank",
                "Reuters Institute", "Brookings Institution", "Chatham House", "Red Cross", "WHO", "OPEC",
                "Federal Reserve", "Bank of England", "Ministry of Finance", "Parliament", "Senate", "Congress",
                "African Union", "ASEAN", "Arab League", "Amnesty International"]
OUTLETS = ["Reuters", "AP", "AFP", "BBC", "CNN", "Al Jazeera", "The Guardian", "New York Times", "Washington Post",
           "Bloomberg", "Financial Times", "Le Monde", "Der Spiegel", "NHK", "Yonhap", "Xinhua", "TASS", "DW",
           "France 24", "Sky News", "NPR", "CBS News", "NBC News", "ABC News", "The Hindu", "Times of India",
           "Straits Times", "Sydney Morning Herald", "Globe and Mail", "El País", "Corriere della Sera", "Haaretz",
           "Asahi Shimbun", "South China Morning Post", "The Economist", "Politico", "Axios", "Euronews",
           "Kyodo", "ANSA"]
EVENT_TYPES = ["CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "DEMAND", "DISAPPROVE", "REJECT", "THREATEN",
               "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT", "ACCUSE", "RETREAT"]


#: Distinct word forms of the generated text: a news corpus of this size has tens of thousands.
VOCABULARY = 30_000
_SYLLABLES = ("ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te "
              "ti to va ve vi vo za ze zi zo tra tre pro pre con com ber ster gan len mar vin dor").split()


def vocabulary(rng: random.Random) -> tuple[list[str], list[float]]:
    """Word forms ranked by frequency with Zipf weights (1/rank): the bundled sample articles' words
    first, most frequent first, then made-up words up to :data:`VOCABULARY` forms, so a word's
    share of the text falls with its rank as in real prose."""
    counts: collections.Counter[str] = collections.Counter()
    for path in sorted((ROOT / "examples" / "sample").glob("*")):
        counts.update(w.lower() for w in re.findall(r"[A-Za-z][a-z'-]+", path.read_text(encoding="utf-8",
                                                                                          errors="replace")))
    words = [w for w, _ in counts.most_common()]
    seen = set(words)
    while len(words) < VOCABULARY:
        w = "".join(rng.choices(_SYLLABLES, k=rng.randint(2, 4)))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words, [1.0 / rank for rank in range(1, len(words) + 1)]


def _hex(rng: random.Random) -> str:
    return f"{rng.getrandbits(64):016x}"


def build_store(path: pathlib.Path, n_statements: int, seed: int = 7) -> dict:
    """Fill a new store at ``path`` with ``n_statements`` statements (one quote each, in articles of
    five quotes), actors and events; return the row counts."""
    from onrecord.store.db import Store

    Store(path).close()  # schema and migrations
    rng = random.Random(seed)
    words, weights = vocabulary(rng)
    cum = list(itertools.accumulate(weights))
    names = sorted({f"{f} {last}" for f in FIRST for last in LAST})
    rng.shuffle(names)
    n_actors = max(50, n_statements // 30)
    actors = []
    for name in names[:n_actors]:
        actors.append({"id": _hex(rng), "name": name, "role": rng.choice(ROLES), "affil": rng.choice(AFFILIATIONS)})
    # Zipf-like: a few actors say a lot, most say little.
    actor_weights = [1.0 / (i + 1) ** 0.9 for i in range(len(actors))]
    start = dt.date(2012, 1, 1).toordinal()
    span = dt.date(2024, 12, 31).toordinal() - start
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    stmts, quotes, docs = [], [], []
    per_actor: dict[str, list[str]] = collections.defaultdict(list)
    for d in range(0, n_statements, 5):
        doc_id = f"{rng.getrandbits(128):032x}"
        day = dt.date.fromordinal(start + rng.randrange(span)).isoformat()
        outlet = rng.choice(OUTLETS)
        paras, offset = [], 0
        lead = " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(20, 40))).capitalize() + "."
        paras.append(lead)
        offset = len(lead) + 2
        for k in range(min(5, n_statements - d)):
            who = rng.choices(actors, actor_weights)[0]
            text = " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(8, 30))).capitalize() + "."
            kind = rng.choice(("direct", "direct", "partial", "indirect"))
            para = f"\"{text}\" {who['name']}, {who['role']}, said."
            qstart = offset + 1
            qid, sid = _hex(rng), _hex(rng)
            quotes.append((qid, doc_id, k, qstart, qstart + len(text), text, kind, who["name"], who["name"],
                           who["role"], who["affil"], "said", offset, offset + len(para), 0.9, who["id"], sid))
            extra = rng.sample(OUTLETS, rng.choice((0, 0, 1, 2)))
            stmts.append((sid, who["id"], who["name"], who["role"], text, kind, day, rng.choice((0.4, 0.7, 0.9, 1.0)),
                          doc_id, qid, 1 + len(extra), json.dumps(sorted({outlet, *extra}))))
            per_actor[who["id"]].append(day)
            paras.append(para)
            offset += len(para) + 2
        docs.append((doc_id, f"bench/{doc_id}.txt", "ok", "text", "en",
                     " ".join(rng.choices(words, cum_weights=cum, k=8)).title(), outlet, day, 0.9, "\n\n".join(paras), day, 0.9,
                     json.dumps(["Share this article", "Advertisement"])))
    events = []
    for _ in range(n_statements // 5):
        a, r = rng.choices(actors, actor_weights, k=2)
        day = dt.date.fromordinal(start + rng.randrange(span)).isoformat()
        sentence = f"{a['name']} " + " ".join(rng.choices(words, cum_weights=cum, k=rng.randint(8, 20))) + f" {r['name']}."
        events.append((_hex(rng), rng.choice(EVENT_TYPES), a["name"], a["id"], r["name"], r["id"], day, 0.8, sentence,
                       1, json.dumps([rng.choice(OUTLETS)])))
    with conn:
        conn.executemany("INSERT INTO documents (id, source, status, fmt, language, title, outlet, published,"
                         " published_confidence, body, story_date, story_date_confidence, removed)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", docs)
        conn.executemany("INSERT INTO quotes (id, doc_id, ord, start, end, text, kind, speaker, speaker_mention,"
                         " speaker_role, speaker_affiliation, cue, sentence_start, sentence_end, confidence, actor_id,"
                         " statement_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", quotes)
        conn.executemany("INSERT INTO statements (id, actor_id, speaker, speaker_role, text, kind, date,"
                         " date_confidence, first_doc_id, first_quote_id, n_reports, outlets)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", stmts)
        conn.executemany("INSERT INTO events (id, type, actor, actor_id, recipient, recipient_id, date,"
                         " date_confidence, sentence, n_reports, outlets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         events)
        conn.executemany(
            "INSERT INTO actors (id, name, kind, aliases, roles, affiliation, n_statements, first_date, last_date)"
            " VALUES (?, ?, 'person', ?, ?, ?, ?, ?, ?)",
            [(a["id"], a["name"], json.dumps([a["name"].split()[-1]]),
              json.dumps([{"role": a["role"], "first": min(per_actor[a["id"]], default=None),
                           "last": max(per_actor[a["id"]], default=None)}]),
              a["affil"], len(per_actor[a["id"]]), min(per_actor[a["id"]], default=None),
              max(per_actor[a["id"]], default=None)) for a in actors])
        conn.execute("UPDATE actors SET n_events = (SELECT count(*) FROM events e"
                     " WHERE e.actor_id = actors.id OR e.recipient_id = actors.id)")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"statements": len(stmts), "documents": len(docs), "events": len(events), "actors": len(actors)}


def samples(db: pathlib.Path, seed: int = 7) -> dict:
    """What clients ask for, read from the store: positions deep in the timeline, busy and ordinary
    speakers, surnames, and search words of every frequency (with two-word phrases)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    positions = [f"{d}~{i}" for d, i in conn.execute("SELECT date, id FROM statements WHERE rowid % 97 = 0")]
    ranked = [r[0] for r in conn.execute("SELECT id FROM actors ORDER BY n_statements DESC")]
    surnames = sorted({r[0].split()[-1] for r in conn.execute("SELECT name FROM actors")})
    texts = [r[0] for r in conn.execute("SELECT text FROM statements WHERE rowid % 211 = 0")]
    words, _ = vocabulary(random.Random(seed))
    conn.close()
    # Search words at log-uniform frequency ranks 100 to 20,000: from words in a quarter of the
    # statements down to words in a handful; plus phrases and names.
    queries = [words[int(10 ** rng.uniform(2, 4.3))] for _ in range(300)]
    queries += ['"' + " ".join(t.rstrip(".").split()[i:i + 2]) + '"' for t in texts[:150]
                for i in [rng.randrange(max(1, len(t.split()) - 2))]]
    queries += rng.sample(surnames, min(100, len(surnames)))
    return {"positions": positions, "actors": ranked[:20] + rng.sample(ranked, min(200, len(ranked))),
            "speakers": rng.sample(surnames, min(300, len(surnames))), "queries": queries,
            "common": [w for w in words[:60] if len(w) > 3]}


def start_server(db: pathlib.Path, workers: int = 1) -> tuple[subprocess.Popen, str]:
    """``onrecord serve`` on a free loopback port; its process and address."""
    proc = subprocess.Popen([sys.executable, "-m", "onrecord.cli", "serve", str(db), "--port", "0",
                             "--workers", str(workers)],
                            stdout=subprocess.PIPE, text=True, cwd=ROOT)
    line = proc.stdout.readline()
    match = re.search(r"http://127\.0\.0\.1:\d+/", line)
    if not match:
        proc.kill()
        raise RuntimeError(f"server did not start: {line!r}")
    return proc, match.group(0).rstrip("/")


def make_urls(kind: str, samples: dict, rng: random.Random, n: int) -> list[str]:
    """``n`` request paths of one kind, varied so no two clients ask the same thing in a row."""
    out = []
    for _ in range(n):
        if kind == "timeline":
            roll = rng.random()
            if roll < 0.3:
                out.append("/")
            elif roll < 0.7:
                out.append("/?after=" + rng.choice(samples["positions"]))
            else:
                out.append("/?speaker=" + rng.choice(samples["speakers"]) + "&order=newest")
        elif kind == "speaker":
            out.append("/speakers/" + rng.choice(samples["actors"]))
        elif kind == "search":
            out.append("/search?q=" + urllib.parse.quote_plus(rng.choice(samples["queries"])))
        elif kind == "search common":
            out.append("/search?q=" + urllib.parse.quote_plus(rng.choice(samples["common"])))
        elif kind == "api timeline":
            out.append("/api/timeline?limit=50&after=" + rng.choice(samples["positions"]))
    return out


def run(base: str, urls: list[str], clients: int) -> list[float]:
    """Fetch ``urls`` with ``clients`` threads, each on its own keep-alive connection; latencies in
    ms. The clients use the standard library's ``http.client``: on a small machine the load
    generator shares the cores with the server, and it should take as little of them as it can."""
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    chunks = [urls[i::clients] for i in range(clients)]
    host, port = urllib.parse.urlsplit(base).hostname, urllib.parse.urlsplit(base).port

    def worker(paths: list[str]) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        mine = []
        try:
            for path in paths:
                t0 = time.perf_counter()
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                mine.append((time.perf_counter() - t0) * 1000)
                if response.status != 200:
                    errors.append(f"{path}: HTTP {response.status} {body[:200]!r}")
        finally:
            conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker, args=(c,)) for c in chunks]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(errors[0])
    return latencies


def server_cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system) used so far by the server process and its worker processes,
    from ``/proc``: unlike latency, it does not grow when other programs compete for the cores.
    0.0 where ``/proc`` is missing."""
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    total = 0
    for stat in pathlib.Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:  # fields[1] is the parent pid
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / tick


async def _call(app, path: str) -> int:
    """GET ``path`` from the ASGI ``app`` in this process; the response's status."""
    raw, _, query = path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": urllib.parse.unquote(raw), "raw_path": raw.encode(), "query_string": query.encode(),
             "root_path": "", "headers": [(b"host", b"127.0.0.1")], "client": ("127.0.0.1", 1),
             "server": ("127.0.0.1", 80)}
    asked, status = [], []

    async def receive():
        if asked:  # a client that stays connected: a streaming response listens for a disconnect
            await asyncio.Event().wait()
        asked.append(1)
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            status.append(message["status"])

    await app(scope, receive, send)
    return status[0]


def in_process_cpu(db: pathlib.Path, asked: dict, kinds: list[str], n: int) -> dict[str, float]:
    """CPU milliseconds per request of each kind of page, the application called in this process
    (no HTTP server, no client): the server's own work, which on a shared machine varies far less
    than latency does. The same URLs every time (fixed seeds), after a warm-up."""
    from onrecord.web.app import create_app

    async def measure() -> dict[str, float]:
        app = create_app(db)
        for hook in app.router.on_startup:
            await hook()
        rng = random.Random(11)
        for path in make_urls("timeline", asked, rng, 30) + make_urls("search", asked, rng, 30):
            await _call(app, path)
        out = {}
        for kind in kinds:
            urls = make_urls(kind, asked, rng, n)
            t0 = time.process_time()
            for path in urls:
                if await _call(app, path) != 200:
                    raise RuntimeError(f"{path}: not 200")
            out[kind] = (time.process_time() - t0) * 1000 / n
        return out

    return asyncio.run(measure())


#: The kinds of request measured, in the table's order.
KINDS = ("timeline", "speaker", "search", "search common", "api timeline")


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[94]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=300, help="requests per kind and concurrency (warm-up excluded)")
    parser.add_argument("--db", help="keep the store here (default: a temporary folder)")
    parser.add_argument("--reuse", action="store_true", help="measure the store at --db as it is, without rebuilding")
    parser.add_argument("--workers", type=int, default=1, help="server processes (onrecord serve --workers)")
    parser.add_argument("--recipient-index", action="store_true",
                        help="add an index on events(recipient_id, date) to the store first, to measure its effect")
    parser.add_argument("--in-process", action="store_true",
                        help="measure the server's CPU per request with the application called in this process,"
                             " instead of latency over HTTP")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="onrecord-bench-") as tmp:
        db = pathlib.Path(args.db) if args.db else pathlib.Path(tmp) / "bench.db"
        if not (args.reuse and db.exists()):
            for suffix in ("", "-wal", "-shm"):
                pathlib.Path(f"{db}{suffix}").unlink(missing_ok=True)
            t0 = time.perf_counter()
            counts = build_store(db, args.statements)
            print(f"store: {counts} built in {time.perf_counter() - t0:.1f} s ({db.stat().st_size / 2**20:.0f} MB)")
        if args.recipient_index:
            with sqlite3.connect(db) as conn:
                conn.execute("CREATE INDEX IF NOT EXISTS events_recipient ON events(recipient_id, date)")
        asked = samples(db)
        if args.in_process:
            load_before = os.getloadavg()[0]
            cpu = in_process_cpu(db, asked, list(KINDS), args.requests)
            print(f"CPU ms per request, in process ({args.requests} requests each; load average {load_before:.1f} /"
                  f" {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores): "
                  + "  ".join(f"{kind} {ms:.2f}" for kind, ms in cpu.items()))
            return
        load_before = f"{os.getloadavg()[0]:.1f}"
        proc, base = start_server(db, args.workers)
        try:
            rng = random.Random(11)
            run(base, make_urls("timeline", asked, rng, 30) + make_urls("search", asked, rng, 30), 4)  # warm-up
            rows = []
            for kind in KINDS:
                for clients in (1, 16):
                    urls = make_urls(kind, asked, rng, args.requests)
                    cpu0, own0, t1 = server_cpu_seconds(proc.pid), time.process_time(), time.perf_counter()
                    lat = run(base, urls, clients)
                    wall, cpu = time.perf_counter() - t1, server_cpu_seconds(proc.pid) - cpu0
                    own = time.process_time() - own0
                    rows.append((kind, clients, len(lat), statistics.median(lat), p95(lat), len(lat) / wall,
                                 cpu * 1000 / len(lat), own * 1000 / len(lat)))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    print(f"\nserver: onrecord serve --workers {args.workers}{' (with events_recipient index)' if args.recipient_index else ''};"
          f" machine load average before/after: "
          f"{load_before} / {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"\n{'page':<14}{'clients':>8}{'requests':>10}{'median ms':>11}{'p95 ms':>9}{'req/s':>8}"
          f"{'server CPU ms/req':>19}{'client CPU ms/req':>19}")
    for kind, clients, n, med, p, rps, cpu, own in rows:
        print(f"{kind:<14}{clients:>8}{n:>10}{med:>11.1f}{p:>9.1f}{rps:>8.0f}{cpu:>19.1f}{own:>19.1f}")
    print("\nThe clients run on the same cores as the server: their CPU is part of what a request waits for.")


if __name__ == "__main__":
    main()

"""Web viewer latency and load on a generated 10,000-event store, measured in one run.

1. Generates a store: seeded, news-shaped ``Report`` records (actors with a long tail of
   popularity, outlets, dated events, attributed sources, quotes, claims, some hedged or
   negated reports of the same event, repeat coverage across outlets) stored with the corpus
   writer (``write_report``), so every counter, mention and coreference link is the one ingest
   would write. No NLP runs: the reports are built, not parsed. ``--events`` sets the number of
   distinct events.
2. Serves the app in this process (uvicorn in a thread, on a free loopback port) and times
   every HTML page and ``/api/graph`` over a real socket: time to first byte (the response
   headers) and the full response, first request then median and max of ``--repeat`` more.
3. Loads the list endpoints with ``--clients`` concurrent clients for ``--seconds`` from a
   child process (so the load generator does not share the server's interpreter lock):
   requests/s, p50/p95/p99 latency, non-2xx count. The server under load is ``newsgraph serve
   --workers N`` in a process of its own, once for each N of ``--workers`` (default ``1,2``), in
   turn and in the same run, each warmed up for ``--warmup`` seconds first; the requests/s of
   each N is printed as a ratio to the first N's.

Targets (issue #21): every page's full HTML response < 300 ms (the server-rendered page is
readable as soon as it arrives, so the full response stands for first useful paint); the
graph page's default view (``/api/graph?top=25``) < 2 s; p95 < 500 ms with 50 clients and no 5xx.

Usage: ``python benchmarks/web.py [--events 10000] [--keep PATH] [--clients 50] [--seconds 15] [--repeat 5] [--workers 1,2]``.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

# (PLOVER type, CAMEO code, Goldstein, verb, lemma)
KINDS = [
    ("ASSAULT", "190", -10.0, "attacked", "attack"),
    ("ACCUSE", "112", -2.0, "accused", "accuse"),
    ("THREATEN", "130", -4.4, "threatened", "threaten"),
    ("PROTEST", "140", -6.5, "protested against", "protest"),
    ("REJECT", "120", -4.0, "rejected", "reject"),
    ("AID", "070", 7.0, "sent aid to", "send"),
    ("COOPERATE", "050", 3.5, "agreed to cooperate with", "agree"),
    ("DEMAND", "100", -5.0, "made demands of", "make"),
    ("SANCTION", "163", -8.0, "imposed sanctions on", "impose"),
    ("CONSULT", "040", 1.0, "met", "meet"),
]
PLACES = [("Kyiv", "UKR"), ("Gaza", "PSE"), ("Khartoum", "SDN"), ("Caracas", "VEN"), ("Kabul", "AFG"), ("Geneva", "CHE"), ("Brussels", "BEL"), ("Beirut", "LBN")]
FILLER = (
    "The ministry did not answer requests for comment. Talks have stalled for months, and aid groups warn of shortages. "
    "Analysts say the dispute reaches back decades and that any settlement would need outside guarantees. "
    "Prices of fuel and bread have doubled since the spring, according to figures published last week. "
)
# named people most of the time, so that outlets' reports rest on different origins
SPEAKERS = [(f"{first} {last}", "named_person") for first in ("Ana", "Omar", "Lena", "Yusuf", "Maria", "Tomas") for last in ("Petrova", "Haddad", "Okafor", "Silva", "Novak", "Tanaka")]
SPEAKERS += [("officials", "official"), ("a senior diplomat", "anonymous"), ("witnesses", "vague")]


def _actors(rng: random.Random, count: int):
    from newsgraph.model import Actor

    actors = []
    for i in range(count):
        kind = ("country", "organization", "person", "group")[i % 4]
        name = {"country": f"Country{i:03d}", "organization": f"Ministry {i:03d}", "person": f"Minister Name{i:03d}", "group": f"Movement {i:03d}"}[kind]
        code = f"C{i:03d}" if kind == "country" else None
        entity = f"code:{code}" if code else f"{'person' if kind == 'person' else 'cat'}:{name.lower()}"
        actors.append(Actor(id="", name=name, code=code, kind=kind, entity=entity))
    # popularity falls off like news coverage: a few actors in most stories, a long tail
    weights = [1 / (rank + 1) ** 0.9 for rank in range(count)]
    rng.shuffle(actors)
    return actors, weights


def _event_specs(rng: random.Random, count: int, actors, weights):
    """``count`` distinct events: (source, target, kind, day), two of one dyad and kind at least
    four days apart so that coreference keeps them apart."""
    seen: dict[tuple, list[int]] = {}
    start = dt.date(2024, 1, 1)
    specs = []
    while len(specs) < count:
        source, target = rng.choices(range(len(actors)), weights, k=2)
        if source == target:
            continue
        kind = rng.randrange(len(KINDS))
        if KINDS[kind][0] == "CONSULT" and target < source:
            source, target = target, source
        day = rng.randrange(365)
        days = seen.setdefault((source, target, kind), [])
        if any(abs(day - other) < 4 for other in days):
            continue
        days.append(day)
        specs.append((source, target, kind, (start + dt.timedelta(days=day)).isoformat(), rng.choice(PLACES)))
    return specs


def _report(rng: random.Random, number: int, outlet: str, items, actors):
    """One article reporting ``items`` [(spec, factuality)], each in a sentence said by someone."""
    from newsgraph.model import (
        Actor,
        Article,
        Attribution,
        Claim,
        Cue,
        Event,
        EventDate,
        Factuality,
        Location,
        Plover,
        Report,
        Source,
    )

    text, used, events, attributions, claims = "", {}, [], [], []

    def add(piece: str) -> tuple[int, int]:
        nonlocal text
        span = (len(text), len(text) + len(piece))
        text += piece
        return span

    def actor_id(index: int) -> str:
        return used.setdefault(index, f"a{len(used) + 1}")

    published = max(spec[3] for spec, _ in items)
    for n, ((source, target, kind, day, place), fact) in enumerate(items):
        ptype, cameo, goldstein, verb, lemma = KINDS[kind]
        speaker, speaker_kind = rng.choice(SPEAKERS)
        direct = rng.random() < 0.3
        start = len(text)
        if direct:
            add("\u201c")
        s_span = add(actors[source].name)
        add(" ")
        hedge = {"hedged": "probably ", "negated": "never "}.get(fact, "")
        add(hedge)
        v_span = add(verb)
        add(" ")
        t_span = add(actors[target].name)
        add(f" in {place[0]} on ")
        d_span = add(dt.date.fromisoformat(day).strftime("%B %d"))
        content = (start + (1 if direct else 0), len(text))
        if direct:
            add(",\u201d ")
            src_span = add(speaker)
            add(" ")
            cue_span = add("said")
            add(". ")
        else:
            add(", ")
            src_span = add(speaker)
            add(" ")
            cue_span = add("said")
            add(". ")
        sentence = (start, len(text) - 1)
        factuality = Factuality(
            polarity="negative" if fact == "negated" else "positive", certainty="probable" if fact == "hedged" else "certain",
            cues=(hedge.strip(),) if hedge else (),
        )
        attribution = Attribution(
            id=f"t{n + 1}", source=Source(text=speaker, span=src_span, kind=speaker_kind), cue=Cue(text="said", span=cue_span),
            content=(content,), type="direct" if direct else "indirect", chain=(speaker, "author"), act="speech",
        )
        attributions.append(attribution)
        events.append(Event(
            id=f"e{n + 1}", sources=(actor_id(source),), targets=(actor_id(target),), cameo=cameo, plover=Plover(ptype),
            goldstein=goldstein, trigger=v_span, sentence=sentence, factuality=factuality, attribution=attribution.id,
            date=EventDate(text[d_span[0]:d_span[1]], day, day, "exact", d_span), location=Location(place[0], place[1]),
            confidence=round(rng.uniform(0.5, 0.95), 2), text=verb.split()[0], lemma=lemma,
            source_spans=(s_span,), target_spans=(t_span,),
        ))  # fmt: skip
        claims.append(Claim(id=f"c{n + 1}", text=text[content[0]:content[1]], span=content, attribution=attribution.id,
                            chain=attribution.chain, factuality=factuality, events=(f"e{n + 1}",)))
        if rng.random() < 0.5:
            add(FILLER[: rng.randrange(120, len(FILLER))].rsplit(". ", 1)[0] + ". ")
    add(FILLER)
    report_actors = tuple(
        Actor(id=ident, name=actors[index].name, code=actors[index].code, kind=actors[index].kind, entity=actors[index].entity,
              mentions=((text.index(actors[index].name), text.index(actors[index].name) + len(actors[index].name)),))
        for index, ident in used.items()
    )  # fmt: skip
    title = f"{actors[items[0][0][0]].name} and {actors[items[0][0][1]].name}: report {number}"
    article = Article(text=text, title=title, published=published, outlet=outlet, url=f"https://news.example/{number}")
    return Report(article=article, actors=report_actors, events=tuple(events), attributions=tuple(attributions), claims=tuple(claims))


def build_store(path: Path, events: int, seed: int = 21) -> dict[str, int]:
    """A store of ``events`` distinct events in about ``events / 2`` articles; its row counts."""
    from newsgraph import Corpus
    from newsgraph.corpus.writer import article_id, write_report

    rng = random.Random(seed)
    actors, weights = _actors(rng, max(50, events // 40))
    specs = _event_specs(rng, events, actors, weights)
    outlets = [f"Outlet {i}" for i in range(20)]
    with Corpus(path) as corpus:
        store = corpus.store
        number, done = 0, 0
        while done < len(specs):
            batch = [(spec, "asserted") for spec in specs[done : done + rng.randint(1, 4)]]
            done += len(batch)
            # repeat coverage: a later article retells one or two earlier events, sometimes
            # hedged or denied (the contradictions page's material)
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                if done > 10:
                    fact = rng.choices(("asserted", "hedged", "negated"), (0.8, 0.12, 0.08))[0]
                    batch.append((specs[rng.randrange(max(0, done - 300), done)], fact))
            report = _report(rng, number, rng.choice(outlets), batch, actors)
            write_report(store, f"bench-{number}", article_id(report.article.text), report)
            number += 1
        store.execute("ANALYZE")
        return corpus.counts()


# -- serving and timing --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(path: Path):
    """The app over the store at ``path``, served by uvicorn in a thread: (base URL, stop)."""
    import uvicorn

    from newsgraph import Corpus
    from newsgraph.web import create_app

    corpus = Corpus(path)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(corpus=corpus), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)

    def stop() -> None:
        server.should_exit = True
        thread.join()
        corpus.close()

    return f"http://127.0.0.1:{port}", stop


def serve_processes(path: Path, workers: int):
    """``newsgraph serve --db path --workers N`` as a child process: (base URL, stop)."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO / "src"), os.environ.get("PYTHONPATH")]))}
    command = [sys.executable, "-c", "from newsgraph.cli import main; main()", "serve", "--db", str(path), "--port", str(port)]
    command += ["--workers", str(workers)] if workers > 1 else []  # so that it also times code from before --workers
    server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(base + "/api/health", timeout=5) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            raise RuntimeError(f"newsgraph serve --workers {workers} did not start: {server.stderr.read() if server.stderr else ''}")
        time.sleep(0.2)

    def stop() -> None:
        server.terminate()  # uvicorn's supervisor stops its worker processes on SIGTERM
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()

    return base, stop


def timed_get(client, url: str) -> tuple[float, float, int]:
    """(ms to the response headers, ms to the last byte, status) of one GET on a fresh connection."""
    start = time.perf_counter()
    with client.stream("GET", url) as response:
        first = time.perf_counter()
        response.read()
        end = time.perf_counter()
    return (first - start) * 1000, (end - start) * 1000, response.status_code


def pick(path: Path) -> dict[str, str]:
    """The busiest event, actor and article of the store: the pages' worst cases."""
    from newsgraph import Corpus

    with Corpus(path) as corpus:
        one = lambda sql: corpus.store.scalar(sql)  # noqa: E731
        return {
            "event": one("SELECT id FROM events ORDER BY mentions DESC, id LIMIT 1"),
            "actor": one("SELECT actor_key FROM actors ORDER BY events DESC, actor_key LIMIT 1"),
            "actor_name": one("SELECT name FROM actors ORDER BY events DESC, actor_key LIMIT 1"),
            "article": one("SELECT article_id FROM mentions GROUP BY article_id ORDER BY COUNT(*) DESC, article_id LIMIT 1"),
        }


def page_urls(chosen: dict[str, str]) -> dict[str, str]:
    return {
        "home": "/",
        "events": "/events",
        "event page (busiest)": f"/events/{chosen['event']}",
        "actor timeline (busiest)": f"/actors/{quote(chosen['actor'], safe='')}",
        "article page": f"/articles/{chosen['article']}",
        "sources": "/sources",
        "search": f"/search?q={quote(chosen['actor_name'].split()[0].lower())}",
        "quotes": "/quotes",
        "contradictions": "/contradictions",
        "graph page": "/graph",
    }


def bench_pages(base: str, chosen: dict[str, str], repeat: int) -> list[tuple]:
    import httpx

    rows = []
    targets = {**{name: (url, 300) for name, url in page_urls(chosen).items()}, "/api/graph?top=25 (graph ready)": ("/api/graph?top=25", 2000)}
    with httpx.Client(base_url=base, timeout=60, headers={"Connection": "close"}) as client:
        timed_get(client, "/analyze")  # compiles the shared layout: a server's first page, not the store's cost
        for name, (url, target) in targets.items():
            first = timed_get(client, url)
            rest = [timed_get(client, url) for _ in range(repeat)]
            statuses = {first[2], *(r[2] for r in rest)}
            rows.append((name, first, statistics.median(r[0] for r in rest), statistics.median(r[1] for r in rest), max(r[1] for r in rest), statuses, target))
    return rows


def load_urls(chosen: dict[str, str]) -> list[str]:
    actor = quote(chosen["actor"], safe="")
    return [
        "/api/events?limit=50",
        "/api/events?sort=date&order=desc&offset=500&limit=50",
        f"/api/events?actor={actor}&limit=50",
        "/api/events?type=ASSAULT&since=2024-06-01&limit=50",
        "/api/actors?limit=50",
        f"/api/actors/{actor}/timeline?limit=50",
        "/api/articles?limit=50",
        "/api/quotes?limit=50",
        "/api/claims?limit=50",
        "/api/sources?limit=50",
        "/api/contradictions?limit=50",
    ]


async def _load(base: str, urls: list[str], clients: int, seconds: float) -> dict:
    import httpx

    latencies: list[float] = []
    statuses: dict[int, int] = {}
    errors: list[str] = []
    stop_at = time.perf_counter() + seconds

    async def client(number: int) -> None:
        rng = random.Random(number)
        async with httpx.AsyncClient(base_url=base, timeout=30) as http:
            while time.perf_counter() < stop_at:
                start = time.perf_counter()
                try:
                    response = await http.get(rng.choice(urls))
                    statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
                except httpx.HTTPError as error:
                    errors.append(type(error).__name__)
                    continue
                latencies.append((time.perf_counter() - start) * 1000)

    began, cpu = time.perf_counter(), time.process_time()
    await asyncio.gather(*(client(i) for i in range(clients)))
    return {
        "latencies": latencies, "statuses": statuses, "errors": errors, "seconds": time.perf_counter() - began,
        "generator_cpu_s": time.process_time() - cpu,
    }


def bench_load(base: str, chosen: dict[str, str], clients: int, seconds: float) -> dict:
    """The load, generated by a child process running this script with ``--load``."""
    command = [sys.executable, __file__, "--load", base, "--clients", str(clients), "--seconds", str(seconds), "--urls", json.dumps(load_urls(chosen))]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return {**json.loads(done.stdout), "endpoints": len(load_urls(chosen))}


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000, help="distinct events in the generated store")
    parser.add_argument("--keep", type=Path, help="build (or reuse) the store at this path and keep it")
    parser.add_argument("--clients", type=int, default=50, help="concurrent API clients")
    parser.add_argument("--seconds", type=float, default=15.0, help="how long the clients run")
    parser.add_argument("--repeat", type=int, default=5, help="timed requests per page after the first")
    parser.add_argument("--workers", default="1,2", help="server processes to load, one run each in turn: comma-separated counts")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds of load before each measured run (fills each process's caches)")
    parser.add_argument("--only-load", action="store_true", help="skip the page timings: only the load runs")
    parser.add_argument("--load", help=argparse.SUPPRESS)  # child process: the load generator
    parser.add_argument("--urls", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.load:
        print(json.dumps(asyncio.run(_load(args.load, json.loads(args.urls), args.clients, args.seconds))))
        return
    with tempfile.TemporaryDirectory(prefix="newsgraph-web-bench-") as tmp:
        path = args.keep or Path(tmp) / "web.db"
        if path.exists():
            print(f"store {path} (reused)")
        else:
            start = time.perf_counter()
            counts = build_store(path, args.events)
            print(f"store {path}: built in {time.perf_counter() - start:.1f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        chosen = pick(path)
        pages = []
        if not args.only_load:
            base, stop = serve(path)
            try:
                pages = bench_pages(base, chosen, args.repeat)
            finally:
                stop()
        loads = []
        for workers in [int(n) for n in args.workers.split(",")]:
            base, stop = serve_processes(path, workers)
            try:
                bench_load(base, chosen, min(args.clients, 10), args.warmup)
                loads.append((workers, bench_load(base, chosen, args.clients, args.seconds)))
            finally:
                stop()
    verdicts = report(pages, loads, args)
    print("\n".join(verdicts))


def report(pages: list[tuple], loads: list[tuple[int, dict]], args) -> list[str]:
    if pages:
        print(f"\npages: first request, then median / max of {args.repeat} more (ms; TTFB = response headers; full = last byte)")
        print(f"{'page':36s} {'1st TTFB':>9} {'1st full':>9} {'TTFB':>7} {'full':>7} {'max':>7} {'status':>7} {'target':>7}")
    worst_page = worst_graph = 0.0
    bad_status = False
    for name, first, ttfb, full, most, statuses, target in pages:
        print(f"{name:36s} {first[0]:9.1f} {first[1]:9.1f} {ttfb:7.1f} {full:7.1f} {most:7.1f} {','.join(map(str, sorted(statuses))):>7} {target:7d}")
        bad_status |= statuses != {200}
        worst = max(first[1], most)
        if target == 300:
            worst_page = max(worst_page, worst)
        else:
            worst_graph = worst
    ok = lambda good: "PASS" if good else "FAIL"  # noqa: E731
    verdicts = ["\nverdicts:"]
    if pages:
        verdicts += [
            f"  every page's full HTML < 300 ms (worst first or repeated request {worst_page:.0f} ms)   {ok(worst_page < 300 and not bad_status)}",
            f"  graph ready: /api/graph?top=25 < 2 s (worst {worst_graph:.0f} ms)                     {ok(worst_graph < 2000)}",
        ]
    first_rate = None
    for workers, load in loads:
        latencies, statuses = load["latencies"], {int(k): v for k, v in load["statuses"].items()}
        non_2xx = sum(v for k, v in statuses.items() if not 200 <= k < 300)
        server_errors = sum(v for k, v in statuses.items() if k >= 500)
        p95 = _percentile(latencies, 0.95)
        rate = len(latencies) / load["seconds"]
        first_rate = first_rate or rate
        print(f"\nserve --workers {workers}: {args.clients} clients for {load['seconds']:.1f} s on {load['endpoints']} list endpoints: "
              f"{len(latencies):,} requests, {rate:.1f} requests/s ({rate / first_rate:.2f} x the first)")
        print(f"  latency ms: p50 {_percentile(latencies, 0.5):.1f}  p95 {p95:.1f}  p99 {_percentile(latencies, 0.99):.1f}  max {max(latencies, default=0):.1f}")
        print(f"  statuses {dict(sorted(statuses.items()))}; non-2xx {non_2xx}; connection errors {len(load['errors'])}; "
              f"load generator CPU {load['generator_cpu_s']:.1f} s of {load['seconds']:.1f} s")
        verdicts.append(
            f"  --workers {workers}, {args.clients} clients: p95 < 500 ms ({p95:.0f} ms), no 5xx ({server_errors}), all 2xx ({non_2xx} not)   "
            f"{ok(p95 < 500 and server_errors == 0 and non_2xx == 0 and not load['errors'])}"
        )
    return verdicts


if __name__ == "__main__":
    main()

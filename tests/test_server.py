"""``kg serve`` as SPARQL clients see it: a real server process on 127.0.0.1, spoken to over HTTP,
also through SPARQLWrapper and rdflib's SPARQLStore; and ``kg ingest --endpoint`` writing to
``kg serve --allow-update`` and to Oxigraph's own server."""
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, TURTLE, SPARQLWrapper

from kg.ingest import ingest
from kg.remote import RemoteStore
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "store"
KGR = "https://w3id.org/kgnews/resource/"
TOKEN = "test-token-7f3a"


def fixture(*names: str) -> list[str]:
    return [str(FIXTURES / f"{n}.txt") for n in names]


def wait_for(log: Path, pattern: str, proc: subprocess.Popen) -> str:
    """The first match of ``pattern`` in the server's log, waiting for the server to start."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if m := re.search(pattern, log.read_text(encoding="utf-8", errors="replace")):
            return m.group(1)
        if proc.poll() is not None:
            raise AssertionError(f"the server exited: {log.read_text(encoding='utf-8')}")
        time.sleep(0.1)
    raise AssertionError(f"the server did not start: {log.read_text(encoding='utf-8')}")


@contextmanager
def kg_serve(store: Path, *options: str, env: dict[str, str] | None = None):
    """A ``kg serve`` process on a free loopback port; yields its base URL."""
    log = store.parent / f"serve-{time.monotonic_ns()}.log"
    with log.open("w") as out:
        proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--port", "0", *options],
                                stdout=out, stderr=out, cwd=ROOT, env={**os.environ, **(env or {})})
    try:
        yield wait_for(log, r"kg serve: (http://127\.0\.0\.1:\d+/)", proc)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http(method: str, url: str, body: bytes | None = None, **headers: str) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, data=body, method=method,
                                     headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


def get_query(base: str, sparql: str, accept: str = "*/*") -> tuple[int, dict, bytes]:
    return http("GET", base + "query?" + urllib.parse.urlencode({"query": sparql}), Accept=accept)


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("served") / "store"
    with open_store(path, create=True) as opened:
        ingest(fixture("expo", "factory", "seminar"), opened, progress=False)
    return path


@pytest.fixture(scope="module")
def server(store) -> str:
    with kg_serve(store, "--max-bytes", "20000") as url:
        yield url


AWARDS = "SELECT ?who ?award WHERE { ?c kgo:recipient/rdfs:label ?who ; kgo:award/rdfs:label ?award " \
         'FILTER(LANG(?who) = "ko") } ORDER BY ?who'


# -- the SPARQL protocol -----------------------------------------------------------------------


def test_sparqlwrapper_reads_select_results_as_json(server):
    client = SPARQLWrapper(server + "query")
    client.setQuery("PREFIX kgo: <https://w3id.org/kgnews/ontology#>\n"
                    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n" + AWARDS)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]
    assert [(r["who"]["value"], r["award"]["value"]) for r in rows] == [("김철수", "대통령표창")]


def test_sparqlwrapper_gets_csv_and_turtle(server):
    client = SPARQLWrapper(server + "query")
    client.setQuery(AWARDS)
    client.setReturnFormat(CSV)
    assert client.query().convert().decode("utf-8").splitlines() == ["who,award", "김철수,대통령표창"]
    client.setQuery(f"CONSTRUCT {{ ?o rdfs:label ?l }} WHERE {{ ?o a kgo:Organization ; rdfs:label ?l }}")
    client.setReturnFormat(TURTLE)
    graph = Graph().parse(data=client.query().convert(), format="turtle")
    assert "누리대학교" in {str(o) for o in graph.objects()}


def test_rdflib_sparqlstore_queries_the_endpoint(server):
    graph = Graph(store=SPARQLStore(server + "query", returnFormat="json"))
    rows = list(graph.query("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a <https://schema.org/NewsArticle> } }"))
    assert int(rows[0][0]) == 3


def test_get_post_form_and_post_body_give_the_same_answer(server):
    _, _, by_get = get_query(server, AWARDS, "application/sparql-results+json")
    _, _, by_form = http("POST", server + "query", urllib.parse.urlencode({"query": AWARDS}).encode(),
                         Content_Type="application/x-www-form-urlencoded", Accept="application/sparql-results+json")
    _, _, by_body = http("POST", server + "query", AWARDS.encode(), Content_Type="application/sparql-query",
                         Accept="application/sparql-results+json")
    assert json.loads(by_get) == json.loads(by_form) == json.loads(by_body)
    assert json.loads(by_get)["results"]["bindings"][0]["award"]["value"] == "대통령표창"


@pytest.mark.parametrize("accept, media, marker", [
    ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
    ("text/csv", "text/csv", "who,award"),
    ("text/tab-separated-values", "text/tab-separated-values", "?who\t?award"),
    ("text/html,application/xhtml+xml,*/*;q=0.8", "application/sparql-results+json", '"bindings"'),
])
def test_select_results_by_content_negotiation(server, accept, media, marker):
    status, headers, body = get_query(server, AWARDS, accept)
    assert status == 200 and headers["Content-Type"].startswith(media)
    assert marker in body.decode("utf-8")


def test_construct_as_turtle_or_json_ld(server):
    construct = "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a kgo:Person ; rdfs:label ?l }"
    status, headers, body = get_query(server, construct, "text/turtle")
    assert status == 200 and headers["Content-Type"].startswith("text/turtle")
    turtle = Graph().parse(data=body.decode("utf-8"), format="turtle")
    status, headers, body = get_query(server, construct, "application/ld+json")
    assert status == 200 and headers["Content-Type"].startswith("application/ld+json")
    jsonld = Graph().parse(data=body.decode("utf-8"), format="json-ld")
    assert len(turtle) == len(jsonld) > 0


def test_a_format_nobody_asked_for_is_406(server):
    status, _, body = get_query(server, AWARDS, "image/png")
    assert status == 406 and b"text/csv" in body


def test_updates_and_service_are_refused_by_a_read_only_server(server):
    status, _, body = http("POST", server + "update", b"DROP ALL", Content_Type="application/sparql-update")
    assert status == 403 and b"read-only" in body
    status, _, _ = http("PUT", server + "store?graph=urn:x", b"<urn:a> <urn:b> <urn:c> .",
                        Content_Type="application/n-triples")
    assert status == 403
    status, _, body = get_query(server, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
    assert status == 400 and b"SERVICE" in body
    status, _, body = get_query(server, "DELETE WHERE { ?s ?p ?o }")
    assert status == 400 and b"read-only" in body
    _, _, count = get_query(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "text/csv")
    assert int(count.decode().splitlines()[1]) > 50  # nothing was dropped


def test_cors_lets_browser_clients_in(server):
    status, headers, _ = http("OPTIONS", server + "query", Origin="https://yasgui.example",
                              Access_Control_Request_Method="POST",
                              Access_Control_Request_Headers="content-type")
    assert status == 204
    assert headers["Access-Control-Allow-Origin"] == "*"
    assert "POST" in headers["Access-Control-Allow-Methods"]
    assert "content-type" in headers["Access-Control-Allow-Headers"].lower()
    _, headers, _ = get_query(server, AWARDS)
    assert headers["Access-Control-Allow-Origin"] == "*"


def test_an_answer_past_the_size_limit_is_refused_with_a_reason(server):
    status, _, body = get_query(server, "SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+xml")
    assert status == 413 and b"LIMIT" in body


def test_a_query_past_the_time_limit_is_stopped(store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with kg_serve(copy, "--timeout", "0.5") as url:
        started = time.monotonic()
        status, _, body = get_query(url, slow)
        assert status == 503 and b"did not finish" in body
        assert time.monotonic() - started < 10
        assert get_query(url, AWARDS)[0] == 200  # and the server still answers


def test_the_front_page_lists_the_named_queries_and_the_view_draws_the_store(server):
    status, _, page = http("GET", server)
    assert status == 200
    assert all(name in page.decode("utf-8") for name in ("awards", "affiliations", "post-holders"))
    status, headers, view = http("GET", server + "view")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "누리대학교" in view.decode("utf-8")


# -- writes through the server ------------------------------------------------------------------


@pytest.fixture
def writable(store, tmp_path):
    copy = tmp_path / "store"
    shutil.copytree(store, copy)
    with kg_serve(copy, "--allow-update", env={"KG_SERVE_TOKEN": TOKEN}) as url:
        yield url


def test_allow_update_needs_the_token_from_the_environment(store, tmp_path):
    proc = subprocess.run([sys.executable, "-m", "kg", "serve", "--store", str(store), "--allow-update"],
                          capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={k: v for k, v in os.environ.items() if k != "KG_SERVE_TOKEN"})
    assert proc.returncode == 1 and "KG_SERVE_TOKEN" in proc.stderr


def test_updates_need_the_bearer_token(writable):
    insert = 'INSERT DATA { GRAPH <urn:memo> { <urn:memo> rdfs:label "메모" } }'.encode("utf-8")
    status, headers, _ = http("POST", writable + "update", insert, Content_Type="application/sparql-update")
    assert status == 401 and "Bearer" in headers["WWW-Authenticate"]
    status, _, _ = http("POST", writable + "update", insert, Content_Type="application/sparql-update",
                        Authorization="Bearer wrong")
    assert status == 401
    status, _, _ = http("POST", writable + "update", insert, Content_Type="application/sparql-update",
                        Authorization=f"Bearer {TOKEN}")
    assert status == 204
    _, _, body = get_query(writable, 'ASK { GRAPH <urn:memo> { <urn:memo> rdfs:label "메모" } }')
    assert json.loads(body)["boolean"] is True


def test_graph_store_protocol_put_get_delete(writable):
    url = writable + "store?graph=" + urllib.parse.quote("urn:note", safe="")
    auth = {"Authorization": f"Bearer {TOKEN}"}
    status, _, _ = http("PUT", url, '<urn:note> <urn:says> "첫째" .'.encode(), Content_Type="application/n-triples",
                        **auth)
    assert status == 201
    status, _, _ = http("PUT", url, '<urn:note> <urn:says> "둘째" .'.encode(), Content_Type="application/n-triples",
                        **auth)
    assert status == 204
    status, _, body = http("GET", url, Accept="application/n-triples")
    assert status == 200 and body.decode("utf-8") == '<urn:note> <urn:says> "둘째" .\n'
    says = "SELECT ?what WHERE { <urn:note> <urn:says> ?what }"  # the default graph: the union of the graphs
    assert get_query(writable, says, "text/csv")[2].decode("utf-8").splitlines() == ["what", "둘째"]
    assert http("DELETE", url, **auth)[0] == 204
    assert http("GET", url)[0] == 404
    assert get_query(writable, says, "text/csv")[2].decode("utf-8").splitlines() == ["what"]


def test_the_view_is_drawn_again_after_a_write(writable):
    _, _, before = http("GET", writable + "view")
    assert http("GET", writable + "view")[2] == before  # cached
    status, _, _ = http("POST", writable + "update", f"DROP GRAPH <{KGR}article/seminar>".encode(),
                        Content_Type="application/sparql-update", Authorization=f"Bearer {TOKEN}")
    assert status == 204
    _, _, after = http("GET", writable + "view")
    assert "누리대학교" in before.decode("utf-8") and "누리대학교" not in after.decode("utf-8")


# -- kg ingest --endpoint -----------------------------------------------------------------------


def test_kg_ingest_writes_to_kg_serve_with_the_token_from_the_environment(writable):
    env = {**os.environ, "KG_ENDPOINT_TOKEN": TOKEN}
    proc = subprocess.run([sys.executable, "-m", "kg", "ingest", *fixture("chip"), "--endpoint", writable + "query",
                           "--json"], capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["added"] == 1
    _, _, body = get_query(writable, "SELECT ?l WHERE { ?o a kgo:Organization ; skos:altLabel ?l }", "text/csv")
    assert "KFTI" in body.decode("utf-8").splitlines()
    env["KG_ENDPOINT_TOKEN"] = "wrong"
    proc = subprocess.run([sys.executable, "-m", "kg", "ingest", *fixture("partners"), "--endpoint",
                           writable + "query"], capture_output=True, text=True, cwd=ROOT, timeout=300, env=env)
    assert proc.returncode == 1 and "401" in proc.stderr and "KG_ENDPOINT_TOKEN" in proc.stderr


def test_ingest_into_oxigraphs_own_server_links_and_skips_like_a_local_store(tmp_path):
    oxigraph = Path(sys.executable).with_name("oxigraph")
    port = free_port()
    log = tmp_path / "oxigraph.log"
    with log.open("w") as out:
        proc = subprocess.Popen([str(oxigraph), "serve", "--location", str(tmp_path / "ox"),
                                 "--bind", f"127.0.0.1:{port}"], stdout=out, stderr=out)
    try:
        endpoint = f"http://127.0.0.1:{port}/query"
        deadline = time.monotonic() + 30
        while not _listening(port):
            assert time.monotonic() < deadline and proc.poll() is None, log.read_text()
            time.sleep(0.1)
        remote = RemoteStore(endpoint)
        first = ingest(fixture("expo", "partners"), remote, progress=False)
        second = ingest(fixture("expo", "seminar", "chip"), remote, progress=False)
        assert (first.added, second.added, second.unchanged) == (2, 2, 1)
        rows = remote.select("SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e rdfs:label \"김철수\"@ko } } ORDER BY ?e")
        assert [r["e"] for r in rows] == [KGR + "person/김철수", KGR + "person/김철수/누리대학교"]
        rows = remote.select("SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e a kgo:Organization ; "
                             "skos:altLabel \"한국미래기술연구원\"@ko } }")
        assert [r["e"] for r in rows] == [KGR + "organization/KFTI"]  # the name stored first stays
        assert remote.find_articles("seminar") == [KGR + "article/seminar"]
        assert remote.remove(KGR + "article/seminar") and not remote.remove(KGR + "article/seminar")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0

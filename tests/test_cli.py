"""The ``kg`` command as users run it: a real process on the bundled sample and small fixtures."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "dev-000.txt"


def kg(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, input=stdin,
                          cwd=ROOT, timeout=300)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("build")
    proc = kg("build", str(SAMPLE), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    return out


def test_build_writes_the_three_outputs_and_a_summary(built):
    assert {p.name for p in built.iterdir()} >= {"graph.ttl", "graph.trig", "graph.html"}
    g = Graph().parse(built / "graph.ttl")
    assert len(g) > 300


def test_the_sample_graph_conforms_to_the_shapes(built):
    proc = kg("validate", str(built / "graph.ttl"))
    assert proc.returncode == 0, proc.stdout
    assert "conforms" in proc.stdout


def test_validate_lists_violations_and_exits_1(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix kgo: <https://w3id.org/kgnews/ontology#> .\n"
        "<https://w3id.org/kgnews/resource/quote/x> a kgo:Quote .\n", encoding="utf-8")
    proc = kg("validate", str(bad))
    assert proc.returncode == 1
    assert "quote/x" in proc.stdout


def test_the_sample_gives_the_minister_and_the_award_winners(built):
    proc = kg("query", "awards", "--graph", str(built), "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = proc.stdout.splitlines()
    assert any(r.startswith("김태완,은탑산업훈장,2024 중소기업 기술·경영 혁신대전") for r in rows)
    proc = kg("query", "affiliations", "--graph", str(built / "graph.trig"), "--format", "tsv")
    assert ["중소벤처기업부", "오영주", "장관", "2024-11-14"] in [r.split("\t") for r in proc.stdout.splitlines()]


def test_a_long_listing_comes_in_pages_that_neither_repeat_nor_skip_a_row(built):
    whole = kg("query", "affiliations", "--graph", str(built), "--format", "csv").stdout.splitlines()
    first = kg("query", "affiliations", "--graph", str(built), "--format", "csv", "--limit", "3").stdout.splitlines()
    rest = kg("query", "affiliations", "--graph", str(built), "--format", "csv", "--offset", "3").stdout.splitlines()
    assert len(whole) > 4 and len(first) == 4  # a header and three rows
    assert first[0] == rest[0] == whole[0]
    assert first[1:] + rest[1:] == whole[1:]
    proc = kg("query", "SELECT ?s WHERE { ?s ?p ?o } LIMIT 5", "--graph", str(built), "--limit", "2")
    assert proc.returncode == 1 and "already ends with a LIMIT" in proc.stderr


def test_query_lists_the_named_queries():
    proc = kg("query", "--list")
    assert proc.returncode == 0
    listed = {line.split()[0] for line in proc.stdout.splitlines()}
    assert {"awards", "affiliations", "events", "policies", "quotes", "multi-article-people", "partners",
            "neighbourhood"} <= listed


def test_query_json_is_sparql_results_json(built):
    proc = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--graph", str(built / "graph.ttl"),
              "--format", "json")
    data = json.loads(proc.stdout)
    assert int(data["results"]["bindings"][0]["n"]["value"]) > 300


def test_an_update_is_refused_in_one_line(built):
    proc = kg("query", "DELETE WHERE { ?s ?p ?o }", "--graph", str(built))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "read-only" in proc.stderr


@pytest.mark.parametrize("fmt", ["nt", "nq", "trig", "jsonld", "ttl"])
def test_export_round_trip(built, tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    proc = kg("export", str(built / "graph.trig"), "--format", fmt, "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    original, again = Dataset(), Dataset()
    original.parse(built / "graph.trig", format="trig")
    rdf_format = {"nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld", "ttl": "turtle"}[fmt]
    again.parse(out, format=rdf_format)
    if fmt in ("nt", "ttl"):  # the union: compare with the union of the named graphs
        union = Graph()
        for g in original.graphs():
            for t in g:
                union.add(t)
        assert isomorphic(union, Graph().parse(out, format=rdf_format))
    else:
        assert sorted(map(str, (g.identifier for g in again.graphs() if len(g)))) == \
               sorted(map(str, (g.identifier for g in original.graphs() if len(g))))


def test_export_for_gephi(built, tmp_path):
    out = tmp_path / "graph.graphml"
    assert kg("export", str(built / "graph.ttl"), "--format", "graphml", "--out", str(out)).returncode == 0
    import networkx as nx

    g = nx.read_graphml(out)
    assert any(d.get("label") == "오영주" for _, d in g.nodes(data=True))


def test_one_bad_article_is_reported_and_the_rest_is_built(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("정유진 누리소프트 대표는 신제품을 공개했다.\n", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "out"
    proc = kg("build", str(good), str(empty), str(binary), "--out", str(out), "--no-html")
    assert proc.returncode == 2  # built, with failures
    assert "1 article(s) built, 2 failed" in proc.stderr
    assert f"failed: {empty}" in proc.stderr and f"failed: {binary}" in proc.stderr
    assert "누리소프트" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_nothing_to_build_is_one_clear_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    proc = kg("build", str(empty), "--out", str(tmp_path / "out"))
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: nothing to build") and str(empty) in proc.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_stdin_is_an_input(tmp_path):
    proc = kg("build", "-", "--out", str(tmp_path), "--no-html", stdin="한지민 환경부 장관은 제도를 발표했다.\n")
    assert proc.returncode == 0, proc.stderr
    assert "환경부" in (tmp_path / "graph.ttl").read_text(encoding="utf-8")


def test_two_builds_give_byte_identical_turtle(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert kg("build", str(SAMPLE), "--out", str(a), "--no-html").returncode == 0
    assert kg("build", str(SAMPLE), "--out", str(b), "--no-html").returncode == 0
    assert (a / "graph.ttl").read_bytes() == (b / "graph.ttl").read_bytes()
    assert (a / "graph.trig").read_bytes() == (b / "graph.trig").read_bytes()


def test_every_command_and_option_has_help():
    from kg.cli import main

    for name, command in main.commands.items():
        assert command.help, name
        for param in command.params:
            if param.param_type_name == "option":
                assert param.help, f"{name} {param.opts}"


def test_an_update_leaves_the_graph_file_untouched(built):
    before = (built / "graph.ttl").read_bytes()
    for update in ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "CLEAR ALL", "LOAD <http://example.org/x.ttl>"):
        proc = kg("query", update, "--graph", str(built / "graph.ttl"))
        assert proc.returncode == 1
        assert proc.stderr == ("error: SPARQL updates are not allowed: kg query is read-only "
                               "(use SELECT, ASK, CONSTRUCT or DESCRIBE)\n")
    assert (built / "graph.ttl").read_bytes() == before


def test_a_service_call_is_refused_in_one_line(built):
    proc = kg("query", "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
              "--graph", str(built))
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: SERVICE clauses are not allowed") and proc.stderr.count("\n") == 1
    assert proc.stdout == ""


def test_a_runaway_query_is_stopped_at_the_timeout_with_a_clear_message(built):
    # five unconstrained patterns over the sample's triples: years of work for rdflib
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    proc = kg("query", heavy, "--graph", str(built), "--timeout", "0.5")
    assert proc.returncode == 1
    assert proc.stderr == ("error: the query did not finish within 0.5 s and was stopped: narrow its patterns, "
                           "add a LIMIT, or allow more time\n")

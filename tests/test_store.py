"""The on-disk store: articles go in one by one, each in its own named graph, linked
to what the store already holds; queries run in Oxigraph; exports match a build."""
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import SKOS

from kg.api import build
from kg.config import BuildConfig
from kg.errors import GraphFileError, KGError, QueryError
from kg.ingest import content_hash, ingest, remove
from kg.query import QueryKind, ResultFormat, format_result, resolve_query, run_query
from kg.read import read_file
from kg.store import CONTENT_HASH, canonical_language, iter_nquads, open_store
from kg.vocab import KGO

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "store"
KGR = "https://w3id.org/kgnews/resource/"


def kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def fixture(*names: str) -> list[str]:
    return [str(FIXTURES / f"{n}.txt") for n in names]


def ingest_into(path: Path, *names: str, **options):
    with open_store(path, create=True) as store:
        return ingest(fixture(*names), store, progress=False, **options)


def nquads(path: Path) -> list[str]:
    with open_store(path) as store:
        return sorted(iter_nquads(store))


def people(path: Path, name: str) -> list[str]:
    with open_store(path) as store:
        result = store.query(f'SELECT DISTINCT ?p WHERE {{ ?p a kgo:Person ; rdfs:label "{name}"@ko }} ORDER BY ?p')
    return [str(row[0]) for row in result.rows]


# -- one named graph per article, hashed --------------------------------------------------


def test_each_article_is_a_named_graph_named_by_its_iri(tmp_path):
    summary = ingest_into(tmp_path / "s", "expo", "seminar")
    assert (summary.added, summary.replaced, summary.unchanged) == (2, 0, 0)
    with open_store(tmp_path / "s") as store:
        assert store.article_graphs() == [KGR + "article/expo", KGR + "article/seminar"]


def test_ingesting_the_same_article_again_leaves_the_store_unchanged(tmp_path):
    ingest_into(tmp_path / "s", "expo")
    before = nquads(tmp_path / "s")
    summary = ingest_into(tmp_path / "s", "expo")
    assert (summary.added, summary.replaced, summary.unchanged) == (0, 0, 1)
    assert nquads(tmp_path / "s") == before


def test_the_content_hash_sits_in_the_articles_own_graph(tmp_path):
    ingest_into(tmp_path / "s", "expo")
    article = read_file(FIXTURES / "expo.txt")[0]
    expected = f'<{KGR}article/expo> <{CONTENT_HASH}> "{content_hash(article)}" <{KGR}article/expo> .\n'
    assert expected in nquads(tmp_path / "s")


def test_a_changed_article_replaces_its_graph(tmp_path):
    articles = tmp_path / "in"
    articles.mkdir()
    shutil.copy(FIXTURES / "seminar.txt", articles / "news.txt")
    with open_store(tmp_path / "s", create=True) as store:
        ingest([articles], store, progress=False)
    (articles / "news.txt").write_text((FIXTURES / "chip.txt").read_text(encoding="utf-8"), encoding="utf-8")
    with open_store(tmp_path / "s") as store:
        summary = ingest([articles], store, progress=False)
        labels = {str(row[0]) for row in store.query("SELECT ?l WHERE { ?e rdfs:label ?l }").rows}
    assert (summary.added, summary.replaced) == (0, 1)
    assert "한국미래기술연구원" in labels and "누리대학교" not in labels  # the old statements are gone


def test_force_extracts_unchanged_articles_again_with_the_same_result(tmp_path):
    ingest_into(tmp_path / "s", "expo")
    before = nquads(tmp_path / "s")
    summary = ingest_into(tmp_path / "s", "expo", force=True)
    assert summary.replaced == 1 and nquads(tmp_path / "s") == before


def test_remove_drops_the_article_by_id(tmp_path):
    ingest_into(tmp_path / "s", "expo", "seminar")
    with open_store(tmp_path / "s") as store:
        assert remove(["seminar"], store) == [KGR + "article/seminar"]
        assert store.article_graphs() == [KGR + "article/expo"]
        with pytest.raises(KGError, match="no such article"):
            remove(["seminar"], store)


# -- linking against the store -------------------------------------------------------------


def test_one_batch_into_an_empty_store_exports_exactly_what_kg_build_writes(tmp_path):
    names = ("expo", "factory", "seminar", "chip", "partners", "visitor")
    ingest_into(tmp_path / "s", *names)
    build(fixture(*names), tmp_path / "b", BuildConfig(html=False, progress=False))
    proc = kg("export", "--store", str(tmp_path / "s"), "--format", "trig", "--out", str(tmp_path / "s.trig"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "s.trig").read_bytes() == (tmp_path / "b" / "graph.trig").read_bytes()


def test_a_later_article_about_the_same_person_joins_the_stored_person(tmp_path):
    ingest_into(tmp_path / "s", "expo")
    summary = ingest_into(tmp_path / "s", "factory")
    assert people(tmp_path / "s", "김철수") == [KGR + "person/김철수"]
    assert summary.links == ()  # same name, same organisation: nothing to report


def test_a_namesake_at_another_organisation_gets_an_iri_of_its_own(tmp_path):
    ingest_into(tmp_path / "s", "expo")
    summary = ingest_into(tmp_path / "s", "seminar")
    assert people(tmp_path / "s", "김철수") == [KGR + "person/김철수", KGR + "person/김철수/누리대학교"]
    assert [d.outcome.value for d in summary.links] == ["kept apart"]


def test_a_person_without_organisation_stays_plain_when_the_store_has_namesakes(tmp_path):
    ingest_into(tmp_path / "s", "expo")
    ingest_into(tmp_path / "s", "seminar")
    summary = ingest_into(tmp_path / "s", "visitor")
    assert people(tmp_path / "s", "김철수") == [KGR + "person/김철수", KGR + "person/김철수/누리대학교"]
    assert [d.outcome.value for d in summary.links] == ["ambiguous"]


def test_an_abbreviation_seen_later_is_the_stored_organisation(tmp_path):
    ingest_into(tmp_path / "s", "chip")
    ingest_into(tmp_path / "s", "partners")
    with open_store(tmp_path / "s") as store:
        ds = store.dataset()
    org = URIRef(KGR + "organization/한국미래기술연구원")
    assert (URIRef(KGR + "organization/KFTI"), None, None) not in ds
    positions = set(ds.objects(URIRef(KGR + "person/박지은"), KGO.holdsPosition))
    assert {ds.value(p, KGO.organization) for p in positions} == {org}


def test_the_name_stored_first_stays_the_iri_when_the_full_name_comes_later(tmp_path):
    ingest_into(tmp_path / "s", "partners")
    summary = ingest_into(tmp_path / "s", "chip")
    with open_store(tmp_path / "s") as store:
        ds = store.dataset()
    kfti = URIRef(KGR + "organization/KFTI")
    assert (URIRef(KGR + "organization/한국미래기술연구원"), None, None) not in ds
    assert (kfti, SKOS.altLabel, Literal("한국미래기술연구원", lang="ko")) in ds
    assert any("stored organisation KFTI" in d.reason for d in summary.links)


# -- reading a store -------------------------------------------------------------------------


def test_named_queries_run_in_the_store_and_format_like_kg_query(tmp_path):
    ingest_into(tmp_path / "s", "expo", "factory")
    with open_store(tmp_path / "s") as store:
        result = store.query(resolve_query("awards"))
    assert result.kind is QueryKind.SELECT
    assert "김철수,대통령표창,2024 창업 박람회" in format_result(result, ResultFormat.CSV).splitlines()


VARIANTS = sorted(p.stem for p in (ROOT / "ontology" / "queries" / "oxigraph").glob("*.rq"))


@pytest.mark.parametrize("name, params", [(n, {}) for n in VARIANTS] + [
    ("affiliations", {"org": "중기부"}), ("neighbourhood", {"name": "김철수"}),
    # a name is looked up as the literals it may be stored as: an alias, a romanised label in any case
    ("quotes", {"name": "김철수"}), ("evidence", {"name": "중기부"}), ("post-holders", {"org": "중기부"}),
    ("post-holders", {"org": "중기부", "title": "장관"}), ("neighbourhood", {"name": "gim cheolsu"})])
def test_a_query_written_for_oxigraph_gives_the_rows_rdflib_gives_for_the_shipped_one(tmp_path, name, params):
    ingest_into(tmp_path / "s", "expo", "factory", "seminar", "partners", "visitor", "chip")
    with open_store(tmp_path / "s") as store:
        oxigraph = format_result(store.query(resolve_query(name, params, engine="oxigraph")), ResultFormat.CSV)
        rdflib = format_result(run_query(store.dataset(), resolve_query(name, params)), ResultFormat.CSV)
    assert resolve_query(name, params, engine="oxigraph") != resolve_query(name, params)
    assert len(oxigraph.splitlines()) > 1  # a header and rows: the comparison compares something
    assert sorted(oxigraph.splitlines()) == sorted(rdflib.splitlines())


def test_romanised_labels_keep_their_language_tag_case(tmp_path):
    ingest_into(tmp_path / "s", "expo")
    with open_store(tmp_path / "s") as store:
        rows = store.query(f"SELECT ?l WHERE {{ <{KGR}person/오영주> rdfs:label ?l }}").rows
    assert {(str(r[0]), r[0].language) for r in rows} == {("오영주", "ko"), ("O Yeongju", "ko-Latn")}
    assert canonical_language("zh-hant-tw") == "zh-Hant-TW" and canonical_language("en-x-kg") == "en-x-kg"


@pytest.mark.parametrize("sparql, message", [
    ("DELETE WHERE { ?s ?p ?o }", "read-only"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o ", "malformed"),
])
def test_updates_service_and_bad_syntax_are_refused(tmp_path, sparql, message):
    ingest_into(tmp_path / "s", "expo")
    with open_store(tmp_path / "s") as store, pytest.raises(QueryError, match=message):
        store.query(sparql)


def test_service_inside_a_string_or_an_iri_is_not_a_service_call(tmp_path):
    ingest_into(tmp_path / "s", "expo")
    with open_store(tmp_path / "s") as store:
        result = store.query('SELECT ?x WHERE { BIND("SERVICE <x> {}" AS ?x) FILTER(?x != <urn:SERVICE>) }')
    assert len(result.rows) == 1


def test_a_store_in_use_by_another_process_is_a_one_line_error(tmp_path):
    ingest_into(tmp_path / "s", "expo")
    with open_store(tmp_path / "s"):
        proc = kg("query", "articles", "--store", str(tmp_path / "s"))
    assert proc.returncode == 1
    assert proc.stderr.count("\n") == 1 and "open in another process" in proc.stderr


def test_a_missing_store_is_not_created_by_reading_commands(tmp_path):
    with pytest.raises(GraphFileError, match="kg ingest"):
        open_store(tmp_path / "nothing")
    assert not (tmp_path / "nothing").exists()


# -- the commands ------------------------------------------------------------------------------


def test_the_commands_ingest_query_validate_and_remove(tmp_path):
    store = str(tmp_path / "s")
    proc = kg("ingest", *fixture("expo", "seminar"), "--store", store, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["added"] == 2
    proc = kg("query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a schema:NewsArticle } }",
              "--store", store, "--format", "csv")
    assert proc.stdout.splitlines() == ["n", "2"]
    proc = kg("validate", "--store", store)
    assert proc.returncode == 0 and "conforms" in proc.stdout
    proc = kg("remove", "seminar", "--store", store)
    assert proc.returncode == 0 and "article/seminar" in proc.stderr
    proc = kg("query", "articles", "--store", store, "--format", "tsv")
    assert len(proc.stdout.splitlines()) == 2  # header and the one article left


def test_an_ingest_lists_bad_files_damaged_text_and_repeats_and_stores_the_rest(tmp_path):
    folder = tmp_path / "scraped"
    folder.mkdir()
    expo = (FIXTURES / "expo.txt").read_bytes()
    (folder / "expo.txt").write_bytes(expo)
    (folder / "expo-copy.txt").write_bytes(expo)                       # the same article saved twice
    (folder / "damaged.txt").write_bytes((FIXTURES / "seminar.txt").read_bytes()[:-1] + b"\xed\x95")  # cut UTF-8
    (folder / "empty.txt").write_bytes(b"")
    proc = kg("ingest", str(folder), "--store", str(tmp_path / "s"), "--json")
    assert proc.returncode == 2  # something failed
    summary = json.loads(proc.stdout)
    assert summary["added"] == 2  # expo once, the damaged article with its good part
    assert summary["failed"] == [{"source": str(folder / "empty.txt"), "problem": "empty file, nothing to read"}]
    assert any(w.startswith(f"{folder / 'damaged.txt'}:") for w in summary["warnings"])
    assert any(w.startswith(f"{folder / 'expo.txt'} (expo): same article text as {folder / 'expo-copy.txt'}")
               for w in summary["warnings"])


def test_the_union_holds_a_shared_triple_once_until_no_article_has_it(tmp_path):
    ingest_into(tmp_path / "s", "expo", "factory")  # both name 중소벤처기업부 and 김철수
    label = f'SELECT (COUNT(*) AS ?n) WHERE {{ <{KGR}organization/중소벤처기업부> rdfs:label "중소벤처기업부"@ko }}'
    with open_store(tmp_path / "s") as store:
        assert int(store.query(label).rows[0][0]) == 1
        remove(["expo"], store)
        assert int(store.query(label).rows[0][0]) == 1
        remove(["factory"], store)
        assert int(store.query(label).rows[0][0]) == 0
        assert len(store) == 0


# -- writing at scale ---------------------------------------------------------------------


def test_a_failed_write_stops_the_ingest_and_the_store_keeps_whole_articles(tmp_path):
    with open_store(tmp_path / "s", create=True) as store:
        calls: list[int] = []
        write = store.write

        def failing_second_write(graphs):
            calls.append(len(graphs))
            if len(calls) == 2:
                raise GraphFileError(f"{store.path}: cannot write (No space left on device)")
            write(graphs)

        store.write = failing_second_write
        with pytest.raises(GraphFileError, match="No space left on device"):
            ingest(fixture("expo", "seminar", "factory", "chip"), store, batch=1, progress=False)
        assert calls == [1, 1]  # the batches after the failed one were neither linked nor written
        assert store.article_graphs() == [KGR + "article/expo"]
        assert store.hashes([KGR + "article/expo"])  # whole, hash and all


class _CountingFlushes:
    """An Oxigraph store that counts the flushes of its write buffers to disk."""

    def __init__(self, store):
        self._store, self.flushes = store, 0

    def flush(self):
        self.flushes += 1
        self._store.flush()

    def __getattr__(self, name):
        return getattr(self._store, name)


def test_a_long_ingest_flushes_the_stores_write_buffers_as_it_goes(tmp_path, monkeypatch):
    # RocksDB would otherwise hold every column family's new writes in memory (gigabytes over an archive)
    import kg.store

    store = open_store(tmp_path / "s", create=True)
    counting = store._store = _CountingFlushes(store._store)
    monkeypatch.setattr(kg.store, "FLUSH_EVERY", 1)  # every write passes the threshold
    with store:
        ingest(fixture("expo", "seminar", "factory"), store, batch=1, progress=False)
        assert counting.flushes == 3
        monkeypatch.setattr(kg.store, "FLUSH_EVERY", 10**12)
        ingest(fixture("chip"), store, progress=False)
        assert counting.flushes == 3
    del counting  # the last reference to the Oxigraph store: RocksDB lets go of its lock
    with open_store(tmp_path / "s") as reopened:
        assert len(reopened.article_graphs()) == 4


def test_writes_queued_after_a_failed_one_are_skipped_and_the_failure_is_raised():
    from kg.ingest import _Writer

    class Failing:
        path, calls = "fake", []

        def write(self, graphs):
            self.calls.append(graphs)
            raise GraphFileError("fake: cannot write (disk full)")

    target = Failing()
    with pytest.raises(GraphFileError, match="disk full"):
        with _Writer(target) as writer:
            for n in range(3):
                writer.write([n])
            writer.wait()
    assert target.calls == [[0]]

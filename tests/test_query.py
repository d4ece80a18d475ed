"""kg.query: the named queries' answers on a small hand-written graph, and the runner's guards.

The fixture tests/fixtures/query/small.ttl holds three articles' worth of
statements (read its header); every expected row below can be checked there
by eye.
"""
from __future__ import annotations

import csv
import io
import json
import threading
import unicodedata
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef

from kg.errors import QueryError
from kg.query import (
    NamedQuery,
    QueryKind,
    QueryResult,
    ResultFormat,
    format_result,
    named_queries,
    resolve_query,
    run_query,
)
from kg.vocab import KGO, KGR, SCHEMA

FIXTURE = Path(__file__).parent / "fixtures" / "query" / "small.ttl"
H1 = "김태완 대표, 2024 중소기업 혁신대전서 은탑산업훈장"
H2 = "중기부, 스마트공장 보급사업 확대"
H3 = "무역협회, 서울서 수출 상담회 개최"


@pytest.fixture(scope="module")
def graph() -> Graph:
    g = Graph()
    g.parse(FIXTURE, format="turtle")
    return g


def texts(result: QueryResult) -> list[tuple[str | None, ...]]:
    """The rows as plain strings (lexical forms, IRIs in full), None where unbound."""
    return [tuple(None if t is None else str(t) for t in row) for row in result.rows]


def ask(graph: Graph, query: str, /, **params: str) -> list[tuple[str | None, ...]]:
    return texts(run_query(graph, resolve_query(query, params)))


# ── the named queries ────────────────────────────────────────────────────────

REQUIRED = {
    "awards", "affiliations", "events", "policies", "quotes",
    "multi-article-people", "partners", "neighbourhood",
}


def test_the_named_queries_are_shipped_with_a_name_and_a_one_line_description():
    queries = named_queries()
    names = [q.name for q in queries]
    assert REQUIRED <= set(names)
    assert names == sorted(names)
    for q in queries:
        assert isinstance(q, NamedQuery)
        assert q.description and "\n" not in q.description
        assert q.sparql.lstrip().startswith(f"# name: {q.name}\n")


@pytest.mark.parametrize("name", sorted(q.name for q in named_queries()))
def test_every_named_query_returns_ordered_rows_of_labels(graph, name):
    query = next(q for q in named_queries() if q.name == name)
    result = run_query(graph, resolve_query(name))
    assert result.kind is QueryKind.SELECT
    assert result.rows, f"{name} found nothing in the fixture"
    assert "ORDER BY" in query.sparql
    # entities come out as labels; only the neighbourhood shows resource IRIs,
    # for the qualified nodes and statements that have no label
    for row in result.rows:
        for term in row:
            if isinstance(term, URIRef) and str(term).startswith(str(KGR)):
                assert name == "neighbourhood", f"{name} printed an IRI: {term}"
    assert run_query(graph, resolve_query(name)).rows == result.rows  # deterministic


@pytest.mark.parametrize("name", sorted(q.name for q in named_queries()))
def test_on_an_empty_graph_named_queries_find_nothing_rather_than_empty_rows(name):
    rows = ask(Graph(), name)
    if name == "entity-counts":
        assert [count for _, count in rows] == ["0"] * 7
    else:
        assert rows == []


def test_awards_lists_recipient_award_and_event_when_one_is_named(graph):
    assert ask(graph, "awards") == [
        ("김태완", "은탑산업훈장", "2024 중소기업 혁신대전"),
        ("대한전자", "대통령표창", None),
    ]


def test_affiliations_give_titles_from_positions_and_keep_untitled_ones(graph):
    assert ask(graph, "affiliations") == [
        ("중소벤처기업부", "오영주", "장관", "2024-11-14"),
        ("한국무역협회", "이수진", None, None),
        ("한빛소재", "김태완", "대표이사", "2024-11-14"),
    ]


def test_affiliations_filter_by_part_of_an_organisations_name_or_alias(graph):
    assert ask(graph, "affiliations", org="중기부") == [("중소벤처기업부", "오영주", "장관", "2024-11-14")]
    assert ask(graph, "affiliations", org="무역") == [("한국무역협회", "이수진", None, None)]
    assert ask(graph, "affiliations", org="kita") == [("한국무역협회", "이수진", None, None)]
    assert ask(graph, "affiliations", org="없는 기관") == []


def test_events_by_city_and_venue_including_an_event_held_in_a_city_directly(graph):
    assert ask(graph, "events") == [
        ("대전", "대전컨벤션센터", "2024 중소기업 혁신대전", "2024-11-13"),
        ("서울", None, "수출 상담회", None),
    ]


def test_event_roles_name_organisers_participants_and_award_recipients(graph):
    assert ask(graph, "event-roles") == [
        ("2024 중소기업 혁신대전", "수상", "김태완"),
        ("2024 중소기업 혁신대전", "주최", "중소벤처기업부"),
        ("2024 중소기업 혁신대전", "참가", "김태완"),
        ("수출 상담회", "주최", "한국무역협회"),
        ("수출 상담회", "참가", "이수진"),
    ]


def test_policies_and_who_promotes_them(graph):
    assert ask(graph, "policies") == [
        ("스마트공장 보급사업", "오영주"),
        ("스마트공장 보급사업", "중소벤처기업부"),
        ("탄소국경조정제도", "한국무역협회"),
    ]


def test_quotes_with_speaker_article_date_and_headline(graph):
    assert ask(graph, "quotes") == [
        ("김태완", "직원들과 함께 받은 상이라고 생각합니다.", "2024-11-14", H1),
        ("오영주", "이번 혁신대전은 중소기업의 혁신 성과를 함께 나누는 자리입니다.", "2024-11-14", H1),
        ("오영주", "스마트공장 보급을 내년에도 확대하겠습니다.", "2024-11-20", H2),
    ]


def test_quotes_of_one_person_found_by_an_alias(graph):
    said = ask(graph, "quotes", name="오 장관")
    assert [row[:2] for row in said] == [
        ("오영주", "이번 혁신대전은 중소기업의 혁신 성과를 함께 나누는 자리입니다."),
        ("오영주", "스마트공장 보급을 내년에도 확대하겠습니다."),
    ]


def test_multi_article_people_counts_articles_most_first(graph):
    assert ask(graph, "multi-article-people") == [("오영주", "3"), ("김태완", "2")]


def test_partners_lists_each_pair_once_whichever_way_it_was_stated(graph):
    # 중소벤처기업부 and 한국무역협회 name each other; 한빛소재 names 대한전자 only
    assert ask(graph, "partners") == [("대한전자", "한빛소재"), ("중소벤처기업부", "한국무역협회")]


def test_neighbourhood_of_an_entity_found_by_alias_shows_triples_both_ways(graph):
    rows = ask(graph, "neighbourhood", name="중기부")
    assert {row[0] for row in rows} == {"중소벤처기업부"}
    assert ("중소벤처기업부", "out", str(KGO.promotes), "스마트공장 보급사업") in rows
    assert ("중소벤처기업부", "out", str(KGO.partneredWith), "한국무역협회") in rows
    assert ("중소벤처기업부", "in", str(KGO.partneredWith), "한국무역협회") in rows
    assert ("중소벤처기업부", "in", str(KGO.affiliatedWith), "오영주") in rows
    assert ("중소벤처기업부", "in", str(SCHEMA.mentions), H2) in rows  # articles show their headline
    assert rows == sorted(rows, key=lambda r: (r[0], r[1], r[2]))


def test_neighbourhood_by_default_shows_the_entity_most_articles_mention(graph):
    # 중소벤처기업부 and 오영주 are both in three articles; 중소벤처기업부 has
    # more direct relations (five against two), which breaks the tie
    rows = ask(graph, "neighbourhood")
    assert rows and {row[0] for row in rows} == {"중소벤처기업부"}


def test_neighbourhood_of_an_unknown_name_is_empty(graph):
    assert ask(graph, "neighbourhood", name="홍길동") == []


def test_evidence_gives_the_sentences_behind_the_triples_about_an_entity(graph):
    assert ask(graph, "evidence", name="중기부") == [
        ("오영주", str(KGO.affiliatedWith), "중소벤처기업부",
         "오영주 중소벤처기업부 장관은 축사에서 수상자들을 격려했다.", H1),
        ("중소벤처기업부", str(KGO.promotes), "스마트공장 보급사업",
         "중기부는 스마트공장 보급사업을 내년에도 이어간다.", H2),
        ("한국무역협회", str(KGO.partneredWith), "중소벤처기업부",
         "무역협회는 중기부와 함께 수출 상담회를 준비했다.", H3),
    ]
    assert len(ask(graph, "evidence")) == 5


def test_entity_counts_cover_the_seven_types_in_order(graph):
    assert ask(graph, "entity-counts") == [
        ("Person", "4"), ("Organization", "5"), ("Award", "2"), ("Policy", "2"),
        ("Event", "2"), ("Venue", "1"), ("Location", "2"),
    ]


def test_articles_by_date_with_publisher_author_and_mentions(graph):
    assert ask(graph, "articles") == [
        ("2024-11-14", H1, "한빛일보", "박지민", "8"),
        ("2024-11-20", H2, "한빛일보", None, "3"),
        ("2024-12-02", H3, "한빛일보", "박지민", "11"),
    ]


def test_a_dataset_is_queried_as_the_union_of_its_named_graphs(graph):
    dataset = Dataset()
    article_graph = dataset.graph(KGR["article/a1"])
    for triple in graph:
        article_graph.add(triple)
    assert ask(dataset, "awards") == ask(graph, "awards")
    assert dataset.default_union is False  # the caller's dataset is left alone


# ── resolving names, files and parameters ────────────────────────────────────


def test_resolve_a_name_fills_the_declared_default():
    text = resolve_query("quotes")
    assert "{{" not in text
    assert 'FILTER("" = ""' in text


def test_resolve_a_rq_file_with_parameters(tmp_path, graph):
    path = tmp_path / "who.rq"
    path.write_text(
        "# param: name = \"김태완\" : a person's name\n"
        "SELECT ?award WHERE { ?p rdfs:label ?l FILTER(STR(?l) = {{name}}) . ?p kgo:receivedAward ?a . "
        "?a rdfs:label ?award }\n",
        encoding="utf-8",
    )
    assert texts(run_query(graph, resolve_query(str(path)))) == [("은탑산업훈장",)]
    assert texts(run_query(graph, resolve_query(str(path), {"name": "대한전자"}))) == [("대통령표창",)]


def test_resolve_passes_sparql_text_through():
    sparql = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
    assert resolve_query(sparql) == sparql


def test_an_unknown_query_name_says_how_to_list_the_names():
    with pytest.raises(QueryError, match=r"unknown named query 'award'.*kg query --list"):
        resolve_query("award")


def test_an_unreadable_query_file_is_named(tmp_path):
    with pytest.raises(QueryError, match="missing.rq"):
        resolve_query(str(tmp_path / "missing.rq"))


def test_a_parameter_the_query_does_not_take_is_refused():
    with pytest.raises(QueryError, match=r"no parameter 'nmae' \(it takes: name\)"):
        resolve_query("quotes", {"nmae": "오영주"})


def test_a_placeholder_without_value_or_default_is_refused():
    with pytest.raises(QueryError, match=r"needs a value for \{\{who\}\}"):
        resolve_query("SELECT * WHERE { ?s ?p {{who}} }")


@pytest.mark.parametrize(
    "value",
    [
        'x" ) } DELETE WHERE { ?s ?p ?o } #',
        "back\\slash and \\u0022 and \\\\u0041",
        "line\nbreak\r\tand 'single' quotes",
        "<script>alert(1)</script>",
        "",
    ],
)
def test_parameter_values_arrive_as_exactly_one_string_literal(graph, value):
    result = run_query(graph, resolve_query("SELECT ?v WHERE { BIND({{v}} AS ?v) }", {"v": value}))
    assert result.rows == ((Literal(value),),)


def test_a_name_looked_up_by_its_forms_matches_every_spelling_and_label_language(graph):
    sparql = "SELECT DISTINCT ?n WHERE { VALUES ?n { {{name|forms}} } }"
    found = {row[0] for row in run_query(graph, resolve_query(sparql, {"name": "Oh Youngju"})).rows}
    assert {Literal("Oh Youngju"), Literal("oh youngju", lang="ko-Latn"), Literal("OH YOUNGJU", lang="en"),
            Literal("Oh Youngju", lang="ko")} <= found
    injected = resolve_query(sparql, {"name": 'x" } DELETE WHERE { ?s ?p ?o } #'})
    assert len(run_query(graph, injected).rows) == 16  # still literals: four spellings × four languages


# ── the runner's guards ──────────────────────────────────────────────────────


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "PREFIX ex: <urn:ex:> DELETE { ?s ?p ?o } INSERT { ?s ex:q ?o } WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <urn:g>",
        "CREATE GRAPH <urn:g>",
        "COPY DEFAULT TO <urn:g>",
    ],
)
def test_updates_are_refused_and_the_graph_is_untouched(graph, update):
    before = len(graph)
    with pytest.raises(QueryError, match="^SPARQL updates are not allowed: kg query is read-only"):
        run_query(graph, update)
    assert len(graph) == before


def test_update_words_inside_a_query_are_not_an_update(graph):
    result = run_query(graph, 'SELECT ?s WHERE { ?s ?p "DELETE WHERE { ?s ?p ?o }" }')
    assert result.rows == ()


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT * WHERE { SERVICE <https://query.wikidata.org/sparql> { ?s ?p ?o } }",
        "SELECT * WHERE { ?s a kgo:Person FILTER EXISTS { SERVICE <http://example.org/> { ?s ?p ?o } } }",
    ],
)
def test_service_clauses_are_refused(graph, sparql):
    with pytest.raises(QueryError, match="SERVICE clauses are not allowed"):
        run_query(graph, sparql)


def test_allow_service_lifts_the_refusal(graph):
    # an address urllib cannot open, so nothing leaves the machine: the query is
    # run (and fails as a query), not refused
    with pytest.raises(QueryError, match="the query failed"):
        run_query(graph, "SELECT * WHERE { SERVICE <urn:nowhere> { ?s ?p ?o } }", allow_service=True)


def test_from_clauses_that_would_load_other_graphs_are_refused(graph):
    with pytest.raises(QueryError, match="FROM / FROM NAMED clauses are not allowed"):
        run_query(graph, "SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }")


def test_malformed_sparql_reports_rdflibs_message_on_one_line(graph):
    with pytest.raises(QueryError) as caught:
        run_query(graph, "SELECT ?x\nWHERE { ?x ?p }")
    message = str(caught.value)
    assert message.startswith("malformed SPARQL: ")
    assert "\n" not in message
    assert "(line:2" in message


def test_an_unknown_prefix_is_malformed(graph):
    with pytest.raises(QueryError, match="malformed SPARQL: Unknown namespace prefix : nope"):
        run_query(graph, "SELECT ?x WHERE { ?x nope:name ?n }")


def test_an_empty_query_is_refused(graph):
    with pytest.raises(QueryError, match="the query is empty"):
        run_query(graph, "  # nothing but a comment\n")


def test_kg_prefixes_are_predeclared(graph):
    result = run_query(graph, "SELECT (COUNT(?p) AS ?n) WHERE { ?p a kgo:Person }")
    assert texts(result) == [("4",)]


def test_a_runaway_query_is_stopped_at_the_timeout(graph):
    # five unconstrained patterns: 172⁵ combinations, hours of work for rdflib
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
    with pytest.raises(QueryError, match=r"did not finish within 0\.3 s and was stopped"):
        run_query(graph, heavy, timeout=0.3)
    # stopped, not left computing in the background
    assert not [t for t in threading.enumerate() if t.name == "kg-query"]


def test_a_timeout_must_be_positive(graph):
    with pytest.raises(QueryError, match="timeout must be a positive number"):
        run_query(graph, "ASK { ?s ?p ?o }", timeout=0)


def test_ask_gives_a_boolean(graph):
    result = run_query(graph, "ASK { ?p a kgo:Person ; rdfs:label \"오영주\"@ko }")
    assert (result.kind, result.boolean) == (QueryKind.ASK, True)


def test_construct_gives_a_graph(graph):
    result = run_query(graph, "CONSTRUCT { ?p a kgo:Person } WHERE { ?p kgo:holdsPosition ?x }")
    assert result.kind is QueryKind.GRAPH
    assert set(result.graph.subjects()) == {KGR["person/오영주"], KGR["person/김태완"]}


# ── output formats ───────────────────────────────────────────────────────────


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def test_table_aligns_columns_by_display_width_of_korean(graph):
    out = format_result(run_query(graph, resolve_query("awards")), ResultFormat.TABLE)
    lines = out.splitlines()
    assert lines[0].split() == ["recipient", "award", "event"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1] == "(2 rows)"
    # each column starts at the same display column on every line
    starts = [width(lines[1][: i]) for i, ch in enumerate(lines[1]) if ch == "-" and (i == 0 or lines[1][i - 1] == " ")]
    for line, cells in [(lines[2], ["김태완", "은탑산업훈장", "2024 중소기업 혁신대전"]), (lines[3], ["대한전자", "대통령표창"])]:
        for start, cell in zip(starts, cells):
            assert width(line[: line.index(cell)]) == start
    assert lines[2] == "김태완     은탑산업훈장  2024 중소기업 혁신대전"


def test_table_shows_iris_as_prefixed_names_and_csv_in_full(graph):
    result = run_query(graph, resolve_query("evidence", {"name": "한국무역협회"}))
    assert "kgo:partneredWith" in format_result(result, ResultFormat.TABLE)
    assert str(KGO.partneredWith) in format_result(result, ResultFormat.CSV)


def test_csv_parses_back_to_the_rows(graph):
    result = run_query(graph, resolve_query("quotes"))
    parsed = list(csv.reader(io.StringIO(format_result(result, ResultFormat.CSV))))
    assert parsed[0] == ["speaker", "quote", "date", "headline"]
    assert parsed[1:] == [[c or "" for c in row] for row in texts(result)]


def test_tsv_parses_back_even_with_tabs_and_newlines_in_values(graph):
    result = QueryResult(QueryKind.SELECT, ("a", "b"), ((Literal("탭\t과\n줄바꿈"), None),))
    out = format_result(result, ResultFormat.TSV)
    assert list(csv.reader(io.StringIO(out), delimiter="\t")) == [["a", "b"], ["탭\t과\n줄바꿈", ""]]


def test_json_is_sparql_results_json(graph):
    result = run_query(graph, resolve_query("awards"))
    document = json.loads(format_result(result, ResultFormat.JSON))
    assert document["head"] == {"vars": ["recipient", "award", "event"]}
    first, second = document["results"]["bindings"]
    assert first["recipient"] == {"type": "literal", "value": "김태완", "xml:lang": "ko"}
    assert "event" not in second  # unbound variables are left out


def test_json_of_ask_has_the_boolean(graph):
    document = json.loads(format_result(run_query(graph, "ASK { ?s a kgo:Venue }"), ResultFormat.JSON))
    assert document == {"head": {}, "boolean": True}


def test_construct_results_print_as_sorted_triples(graph):
    result = run_query(graph, "CONSTRUCT { ?v a kgo:Venue } WHERE { ?v a kgo:Venue }")
    assert format_result(result, ResultFormat.CSV).splitlines() == [
        "subject,predicate,object",
        f"{KGR['venue/대전컨벤션센터']},http://www.w3.org/1999/02/22-rdf-syntax-ns#type,{KGO.Venue}",
    ]

"""kg.export: every format written atomically, readable back, deterministic and safe to open."""
from __future__ import annotations

import csv
import dataclasses
import os
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.errors import ExportError
from kg.export import ExportFormat, csv_paths, export, neutralise, write_atomic, write_build
from kg.graph import build_dataset, load_graph, union_graph
from kg.models import Entity, EntityType, Extraction, Predicate, Relation
from kg.vocab import KGR

MSS = str(KGR["organization/중소벤처기업부"])
HANBIT = str(KGR["organization/한빛정밀"])
OH = str(KGR["person/오영주"])

# 11 entities in the sample plus the policy of the second article; 9 + 1 direct relations.
NODES, EDGES = 12, 10


@pytest.fixture
def dataset(sample_extraction: Extraction, other_extraction: Extraction) -> Dataset:
    return build_dataset([sample_extraction, other_extraction])


def named_graphs(ds: Dataset) -> dict:
    return {g.identifier: g for g in ds.graphs() if len(g) and g.identifier != ds.default_graph.identifier}


# -- RDF formats -----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", [ExportFormat.TTL, ExportFormat.NT])
def test_union_formats_round_trip(tmp_path: Path, dataset: Dataset, fmt: ExportFormat):
    out = export(dataset, fmt, tmp_path / f"graph.{fmt.value}")
    assert out == tmp_path / f"graph.{fmt.value}"
    parsed = Graph().parse(out, format={"ttl": "turtle", "nt": "nt"}[fmt.value])
    assert isomorphic(parsed, union_graph(dataset))


@pytest.mark.parametrize("fmt", [ExportFormat.TRIG, ExportFormat.NQ, ExportFormat.JSONLD])
def test_dataset_formats_round_trip_with_one_named_graph_per_article(
    tmp_path: Path, dataset: Dataset, fmt: ExportFormat
):
    out = export(dataset, fmt, tmp_path / f"graph.{fmt.value}")
    parsed = Dataset()
    parsed.parse(out, format={"trig": "trig", "nq": "nquads", "jsonld": "json-ld"}[fmt.value])
    source, back = named_graphs(dataset), named_graphs(parsed)
    assert set(back) == set(source) and len(back) == 2
    for name, graph in source.items():
        assert isomorphic(back[name], graph), name


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_every_format_gives_the_same_bytes_whatever_the_input_order(
    tmp_path: Path, sample_extraction, other_extraction, fmt: ExportFormat
):
    def reversed_(x: Extraction) -> Extraction:
        return dataclasses.replace(x, entities=x.entities[::-1], relations=x.relations[::-1])

    a = export(build_dataset([sample_extraction, other_extraction]), fmt, tmp_path / "a" / f"g.{fmt.value}")
    b = export(
        build_dataset([reversed_(other_extraction), reversed_(sample_extraction)]),
        fmt,
        tmp_path / "b" / f"g.{fmt.value}",
    )
    assert a.read_bytes() == b.read_bytes()


# -- graph-tool formats ------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "read"), [(ExportFormat.GRAPHML, nx.read_graphml), (ExportFormat.GEXF, nx.read_gexf)])
def test_graphml_and_gexf_hold_the_entity_network_with_string_attributes(
    tmp_path: Path, dataset: Dataset, fmt: ExportFormat, read
):
    net = read(export(dataset, fmt, tmp_path / f"graph.{fmt.value}"))
    assert net.number_of_nodes() == NODES
    assert net.number_of_edges() == EDGES
    assert net.nodes[MSS] == {"label": "중소벤처기업부", "type": "Organization", "aliases": "MSS; 중기부"}
    assert net.nodes[OH]["type"] == "Person"
    labels = {d["label"] for _, _, d in net.edges(data=True)}
    assert labels == {p.value for p in Predicate}
    assert any(s == MSS and t == HANBIT and d["label"] == "partneredWith" for s, t, d in net.edges(data=True))
    for _, attrs in net.nodes(data=True):
        assert all(isinstance(v, str) for v in attrs.values())


def test_graphml_declares_every_attribute_as_a_string(tmp_path: Path, dataset: Dataset):
    text = export(dataset, ExportFormat.GRAPHML, tmp_path / "g.graphml").read_text(encoding="utf-8")
    assert 'attr.type="string"' in text
    assert 'attr.type="' + "long" not in text and 'attr.type="boolean"' not in text


# -- CSV ------------------------------------------------------------------------------------


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_csv_writes_a_nodes_and_an_edges_file_beside_the_given_name(tmp_path: Path, dataset: Dataset):
    out = export(dataset, ExportFormat.CSV, tmp_path / "graph.csv")
    nodes_path, edges_path = csv_paths(tmp_path / "graph.csv")
    assert (out, nodes_path.name, edges_path.name) == (nodes_path, "graph-nodes.csv", "graph-edges.csv")
    assert not (tmp_path / "graph.csv").exists()
    nodes, edges = read_csv(nodes_path), read_csv(edges_path)
    assert list(nodes[0]) == ["id", "label", "type", "aliases"]
    assert list(edges[0]) == ["source", "target", "predicate", "source_label", "target_label"]
    assert len(nodes) == NODES and len(edges) == EDGES
    assert {"id": MSS, "label": "중소벤처기업부", "type": "Organization", "aliases": "MSS; 중기부"} in nodes
    assert {
        "source": MSS, "target": HANBIT, "predicate": "partneredWith",
        "source_label": "중소벤처기업부", "target_label": "한빛정밀",
    } in edges


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(
    tmp_path: Path, sample_extraction: Extraction
):
    evil = ['=HYPERLINK("http://evil.example","클릭")', "+82 기업", "-1 연구소", "@SUM(A1)"]
    ev = sample_extraction.relations[0].evidence
    x = dataclasses.replace(
        sample_extraction,
        entities=(
            *sample_extraction.entities,
            *(Entity(EntityType.ORGANIZATION, name) for name in evil),
            Entity(EntityType.ORGANIZATION, "탭 기업", aliases=("\t탭",)),
        ),
        relations=(
            *sample_extraction.relations,
            Relation(f"Organization/{evil[0]}", Predicate.PARTNERED_WITH, f"Organization/{evil[3]}", ev),
        ),
    )
    export(build_dataset([x]), ExportFormat.CSV, tmp_path / "x.csv")
    nodes_path, edges_path = csv_paths(tmp_path / "x.csv")
    nodes = read_csv(nodes_path)
    assert {"'" + name for name in evil} <= {row["label"] for row in nodes}
    assert "'\t탭" in {row["aliases"] for row in nodes}
    edge = next(row for row in read_csv(edges_path) if row["predicate"] == "partneredWith" and "SUM" in row["target_label"])
    assert (edge["source_label"], edge["target_label"]) == ("'" + evil[0], "'@SUM(A1)")
    for row in nodes + read_csv(edges_path):
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row.values())


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("중소벤처기업부") == "중소벤처기업부"
    assert neutralise("https://w3id.org/x") == "https://w3id.org/x"
    assert neutralise("\rX") == "'\rX"
    assert neutralise("-") == "'-"


# -- formats by name ----------------------------------------------------------------------


def test_formats_are_found_by_name_and_unknown_ones_are_refused():
    assert ExportFormat.from_name("TTL") is ExportFormat.TTL
    assert ExportFormat.from_name(".jsonld") is ExportFormat.JSONLD
    with pytest.raises(ExportError, match=r"'xlsx'; use one of ttl, trig, nt, nq, jsonld, graphml, gexf, csv"):
        ExportFormat.from_name("xlsx")


# -- atomic writes and the build directory --------------------------------------------------


def test_write_atomic_replaces_the_file_and_leaves_no_temporary_behind(tmp_path: Path):
    target = tmp_path / "deep" / "er" / "out.txt"
    assert write_atomic(target, "첫 번째\n") == target
    write_atomic(target, "두 번째\n".encode("utf-8"))
    assert target.read_text(encoding="utf-8") == "두 번째\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["out.txt"]


def test_write_atomic_gives_ordinary_permissions(tmp_path: Path):
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "out.ttl", "x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_write_atomic_failure_names_the_path_and_keeps_the_directory_clean(tmp_path: Path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("a file where a directory should be", encoding="utf-8")
    with pytest.raises(ExportError, match=r"not-a-dir/out\.ttl: cannot write .*writable output path"):
        write_atomic(blocker / "out.ttl", "x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not-a-dir"]


def test_write_build_writes_the_union_turtle_and_the_trig(tmp_path: Path, dataset: Dataset):
    written = write_build(dataset, tmp_path / "build")
    assert written == {"ttl": tmp_path / "build" / "graph.ttl", "trig": tmp_path / "build" / "graph.trig"}
    turtle = Graph().parse(written["ttl"], format="turtle")
    assert isomorphic(turtle, union_graph(dataset))
    loaded = load_graph(tmp_path / "build")  # prefers graph.trig, keeping the named graphs
    assert set(named_graphs(loaded)) == set(named_graphs(dataset))

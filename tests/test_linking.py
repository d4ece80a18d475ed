"""kg.linking: one IRI per person or organisation across articles, namesakes told apart.

Each article below is a hand-written Extraction of one or two sentences
("김철수 한빛소프트 대표는 …"), built by ``article``; the tests build the graph
from them and look at the IRIs, labels and link decisions.
"""
from __future__ import annotations

import datetime as dt
import itertools

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SKOS

from kg.api import BuildSummary
from kg.graph import build_dataset, entity_node, romanised_name, to_trig, to_turtle, union_graph
from kg.linking import LinkDecision, LinkOutcome, link
from kg.models import Article, Entity, EntityType, Extraction, Position, Predicate, Quote, Relation
from kg.vocab import KGO, KGR

from conftest import evidence

P, O = EntityType.PERSON, EntityType.ORGANIZATION


def article(aid: str, people: list[tuple[str, str | None, str | None]], *,
            aliases: dict[str, tuple[str, ...]] | None = None, year: int = 2024,
            author: str | None = None, publisher: str | None = None) -> Extraction:
    """An article naming each (person, organisation, title): "김철수 한빛소프트 대표는 행사에 참석했다."

    A person without organisation is written "김철수 씨는 …"; ``aliases`` gives
    an organisation's other name forms in this article.
    """
    sentences = [f"{name} {org} {title}은 행사에 참석했다." if org else f"{name} 씨는 행사에 참석했다."
                 for name, org, title in people]
    text = " ".join(sentences)
    aliases = aliases or {}
    entities, relations, positions = [], [], []
    for (name, org, title), sentence in zip(people, sentences):
        ev = evidence(aid, text, sentence, "title.position")
        entities.append(Entity(P, name, evidence=(ev,)))
        if org:
            entities.append(Entity(O, org, aliases=aliases.get(org, ()), evidence=(ev,)))
            positions.append(Position(f"Person/{name}", f"Organization/{org}", title, ev))
            relations.append(Relation(f"Person/{name}", Predicate.AFFILIATED_WITH, f"Organization/{org}",
                                      evidence(aid, text, sentence, "title.affiliation")))
    for org, forms in aliases.items():
        if not any(e.name == org for e in entities):
            entities.append(Entity(O, org, aliases=forms))
    if publisher:
        entities.append(Entity(O, publisher))
    if author:
        entities.append(Entity(P, author))
    return Extraction(
        article=Article(id=aid, text=text, source=f"{aid}.txt", title=f"{aid} 기사", published=dt.date(year, 5, 1)),
        entities=tuple(entities), relations=tuple(relations), positions=tuple(positions),
        author=f"Person/{author}" if author else None,
        publisher=f"Organization/{publisher}" if publisher else None,
    )


def graph_of(*extractions: Extraction) -> Graph:
    return union_graph(build_dataset(link(extractions).extractions))


def people_named(g: Graph, name: str) -> set[URIRef]:
    return {s for s in g.subjects(RDFS.label, Literal(name, lang="ko")) if (s, RDF.type, KGO.Person) in g}


def decisions_about(extractions, name: str) -> list[LinkDecision]:
    return [d for d in link(extractions).decisions if d.name == name]


KIM_SOFT = ("김철수", "한빛소프트", "대표")
KIM_UNI = ("김철수", "누리대학교", "교수")


# -- the same person ------------------------------------------------------------------


def test_the_same_name_and_organisation_in_two_articles_is_one_person():
    a1, a2 = article("a1", [KIM_SOFT]), article("a2", [("김철수", "한빛소프트", "사장")])
    g = graph_of(a1, a2)
    assert people_named(g, "김철수") == {KGR["person/김철수"]}
    # both articles' posts hang off the one node
    titles = {str(g.value(pos, KGO.title)) for pos in g.objects(KGR["person/김철수"], KGO.holdsPosition)}
    assert titles == {"대표", "사장"}
    [decision] = decisions_about([a1, a2], "김철수")
    assert decision.outcome is LinkOutcome.MERGED
    assert decision.articles == ("a1", "a2")
    assert "한빛소프트" in decision.reason


def test_an_article_without_affiliation_joins_the_only_candidate():
    a1, a2 = article("a1", [KIM_SOFT]), article("a2", [("김철수", None, None)])
    assert people_named(graph_of(a1, a2), "김철수") == {KGR["person/김철수"]}
    [decision] = decisions_about([a1, a2], "김철수")
    assert decision.outcome is LinkOutcome.MERGED
    assert "a2 names no organisation" in decision.reason and "only one candidate" in decision.reason


def test_a_chain_of_shared_organisations_is_one_person():
    # a1 and a3 have no organisation in common, but a2 shares one with each
    a1 = article("a1", [KIM_SOFT])
    a2 = article("a2", [KIM_SOFT, ("김철수", "누리대학교", "겸임교수")])
    a3 = article("a3", [KIM_UNI])
    assert people_named(graph_of(a1, a2, a3), "김철수") == {KGR["person/김철수"]}


def test_a_person_in_one_article_gets_no_decision():
    assert link([article("a1", [KIM_SOFT]), article("a2", [("박영희", "누리대학교", "교수")])]).decisions == ()


# -- namesakes ------------------------------------------------------------------------------


def test_namesakes_with_different_organisations_get_two_iris_qualified_by_organisation():
    a1, a2 = article("a1", [KIM_SOFT]), article("a2", [KIM_UNI])
    g = graph_of(a1, a2)
    soft, uni = KGR["person/김철수/한빛소프트"], KGR["person/김철수/누리대학교"]
    assert people_named(g, "김철수") == {soft, uni}
    assert (KGR["person/김철수"], None, None) not in g
    # the label stays the plain name; each keeps its own affiliation and post
    assert (soft, KGO.affiliatedWith, KGR["organization/한빛소프트"]) in g
    assert (uni, KGO.affiliatedWith, KGR["organization/누리대학교"]) in g
    assert (soft, KGO.affiliatedWith, KGR["organization/누리대학교"]) not in g
    [pos] = g.objects(uni, KGO.holdsPosition)
    assert g.value(pos, KGO.title) == Literal("교수", lang="ko")


def test_the_namesake_decision_names_both_articles_and_both_organisations():
    [decision] = decisions_about([article("a1", [KIM_SOFT]), article("a2", [KIM_UNI])], "김철수")
    assert decision.outcome is LinkOutcome.KEPT_APART
    assert decision.type is P and decision.articles == ("a1", "a2")
    line = str(decision)
    assert "\n" not in line
    assert line.startswith("Person 김철수: kept apart in a1, a2: namesakes")
    assert "누리대학교 in a2" in line and "한빛소프트 in a1" in line
    assert "person/김철수/한빛소프트" in line and "person/김철수/누리대학교" in line


def test_a_name_without_affiliation_between_two_namesakes_is_ambiguous_and_stays_unqualified():
    a1, a2, a3 = article("a1", [KIM_SOFT]), article("a2", [KIM_UNI]), article("a3", [("김철수", None, None)])
    g = graph_of(a1, a2, a3)
    assert people_named(g, "김철수") == {
        KGR["person/김철수"], KGR["person/김철수/한빛소프트"], KGR["person/김철수/누리대학교"]}
    ambiguous = [d for d in decisions_about([a1, a2, a3], "김철수") if d.outcome is LinkOutcome.AMBIGUOUS]
    assert [d.articles for d in ambiguous] == [("a3",)]
    assert "2 namesakes" in ambiguous[0].reason and "kept as person/김철수" in ambiguous[0].reason


def test_a_namesakes_qualifier_is_the_organisation_most_of_its_articles_name():
    a1 = article("a1", [KIM_SOFT])
    a2 = article("a2", [KIM_SOFT, ("김철수", "한빛게임즈", "이사")])
    a3 = article("a3", [KIM_UNI])
    g = graph_of(a1, a2, a3)
    assert people_named(g, "김철수") == {KGR["person/김철수/한빛소프트"], KGR["person/김철수/누리대학교"]}


def test_a_qualifier_is_encoded_like_a_name():
    node = entity_node(Entity(P, "김철수", qualifier="누리 대학교·병원"))
    assert node == URIRef(str(KGR) + "person/김철수/누리%20대학교%C2%B7병원")
    assert Entity(P, "김철수", qualifier="한빛소프트").key == "Person/김철수/한빛소프트"
    # a plain name with a slash stays one segment: it cannot mint a namesake's IRI
    assert entity_node(Entity(P, "김철수/한빛소프트")) == URIRef(str(KGR) + "person/김철수%2F한빛소프트")


def test_a_byline_reporter_is_affiliated_with_the_outlet():
    a1 = article("a1", [], author="이수진", publisher="누리일보")
    a2 = article("a2", [("이수진", "한빛소프트", "대표")])
    g = graph_of(a1, a2)
    assert people_named(g, "이수진") == {KGR["person/이수진/누리일보"], KGR["person/이수진/한빛소프트"]}
    art = URIRef(str(KGR) + "article/a1")
    assert g.value(art, URIRef("https://schema.org/author")) == KGR["person/이수진/누리일보"]


def test_every_statement_follows_a_renamed_person():
    ev = evidence("a2", "김철수 누리대학교 교수는 \"좋다\"고 말했다.", "김철수 누리대학교 교수는 \"좋다\"고 말했다.", "quote")
    a2 = article("a2", [KIM_UNI])
    a2 = Extraction(a2.article, a2.entities, a2.relations, a2.positions, quotes=(Quote("Person/김철수", "좋다", ev),))
    linked = link([article("a1", [KIM_SOFT]), a2]).extractions[1]
    keys = {e.key for e in linked.entities}
    assert "Person/김철수/누리대학교" in keys and "Person/김철수" not in keys
    assert linked.quotes[0].speaker == "Person/김철수/누리대학교"
    assert linked.positions[0].person == "Person/김철수/누리대학교"
    assert linked.relations[0].subject == "Person/김철수/누리대학교"


# -- organisations by alias ------------------------------------------------------------------------


def test_an_abbreviation_in_one_article_and_the_full_name_in_another_are_one_organisation():
    a1 = article("a1", [("박영희", "KIST", "연구원")])
    a2 = article("a2", [("최민호", "한국과학기술연구원", "원장")], aliases={"한국과학기술연구원": ("KIST",)})
    g = graph_of(a1, a2)
    kist = KGR["organization/한국과학기술연구원"]
    assert (KGR["organization/KIST"], None, None) not in g
    assert set(g.objects(kist, RDFS.label)) >= {Literal("한국과학기술연구원", lang="ko")}
    assert set(g.objects(kist, SKOS.altLabel)) == {Literal("KIST")}
    assert (KGR["person/박영희"], KGO.affiliatedWith, kist) in g
    [decision] = decisions_about([a1, a2], "한국과학기술연구원")
    assert decision.outcome is LinkOutcome.MERGED and decision.articles == ("a1", "a2")
    assert decision.reason == "KIST (a1) is an alias of 한국과학기술연구원 (a2)"


def test_the_fuller_name_wins_whichever_article_holds_it():
    # here the abbreviation is the entity's name and the full name its alias (a Latin-lettered outlet)
    a1 = article("a1", [("박영희", "KIST", "연구원")], aliases={"KIST": ("한국과학기술연구원",)})
    a2 = article("a2", [("최민호", "한국과학기술연구원", "원장")])
    g = graph_of(a1, a2)
    assert {o for o in g.subjects(RDF.type, KGO.Organization)} == {KGR["organization/한국과학기술연구원"]}


def test_an_alias_shared_by_two_organisations_links_neither():
    a1 = article("a1", [("박영희", "한국소프트웨어협회", "회장")], aliases={"한국소프트웨어협회": ("KSA",)})
    a2 = article("a2", [("최민호", "한국표준협회", "회장")], aliases={"한국표준협회": ("KSA",)})
    a3 = article("a3", [("정수민", "KSA", "이사")])
    g = graph_of(a1, a2, a3)
    orgs = set(g.subjects(RDF.type, KGO.Organization))
    assert orgs == {KGR["organization/한국소프트웨어협회"], KGR["organization/한국표준협회"], KGR["organization/KSA"]}
    [decision] = decisions_about([a1, a2, a3], "KSA")
    assert decision.outcome is LinkOutcome.AMBIGUOUS and decision.articles == ("a1", "a2", "a3")


def test_two_forms_of_one_organisation_in_one_article_become_one_entity():
    a1 = article("a1", [("박영희", "KIST", "연구원"), ("최민호", "한국과학기술연구원", "원장")])
    a2 = article("a2", [], aliases={"한국과학기술연구원": ("KIST",)})
    [linked, _] = link([a1, a2]).extractions
    orgs = [e for e in linked.entities if e.type is O]
    assert [(e.name, e.aliases) for e in orgs] == [("한국과학기술연구원", ("KIST",))]
    assert len(orgs[0].evidence) == 2


def test_affiliations_are_compared_after_organisations_are_linked():
    # "KIST" and 한국과학기술연구원 are one organisation, so 박영희 is one person
    a1 = article("a1", [("박영희", "KIST", "연구원")])
    a2 = article("a2", [("박영희", "한국과학기술연구원", "책임연구원")], aliases={"한국과학기술연구원": ("KIST",)})
    assert people_named(graph_of(a1, a2), "박영희") == {KGR["person/박영희"]}


# -- order independence -------------------------------------------------------------------------


def test_the_graph_is_byte_identical_whatever_the_order_of_the_articles():
    batch = [
        article("a1", [KIM_SOFT, ("박영희", "KIST", "연구원")]),
        article("a2", [KIM_UNI], aliases={"한국과학기술연구원": ("KIST",)}),
        article("a3", [("김철수", None, None), ("박영희", "한국과학기술연구원", "연구원")]),
        article("a4", [("김철수", "한빛소프트", "사장")], year=2023),
    ]
    outputs = set()
    decisions = set()
    for order in itertools.permutations(batch):
        linked = link(order)
        ds = build_dataset(linked.extractions)
        outputs.add((to_turtle(union_graph(ds)), to_trig(ds)))
        decisions.add(linked.decisions)
    assert len(outputs) == 1 and len(decisions) == 1


def test_linking_twice_changes_nothing():
    batch = [article("a1", [KIM_SOFT]), article("a2", [KIM_UNI]), article("a3", [("김철수", None, None)])]
    once = link(batch)
    assert link(once.extractions).extractions == once.extractions


# -- the build summary -----------------------------------------------------------------------------


def test_the_build_summary_counts_decisions_and_lists_the_namesakes():
    decisions = link([article("a1", [KIM_SOFT]), article("a2", [KIM_UNI]),
                      article("a3", [("김철수", None, None)]), article("a4", [KIM_SOFT])]).decisions
    summary = BuildSummary(4, {}, {}, 0, 0, 0, (), (), links=decisions)
    lines = summary.lines()
    assert "links:     kept apart 1, ambiguous 1" in lines
    assert [line for line in lines if line.startswith("link: ")] == [
        f"link: {d}" for d in decisions if d.outcome is not LinkOutcome.MERGED]
    assert not any(line.startswith("links:") for line in BuildSummary(1, {}, {}, 0, 0, 0, (), ()).lines())


# -- romanised labels -------------------------------------------------------------------------------


@pytest.mark.parametrize("type_, name, latin", [
    (P, "오영주", "O Yeongju"),               # surname, then the given name
    (P, "오세은", "O Se-eun"),                # a hyphen where "Seeun" would misread
    (P, "곽민정", "Gwak Minjeong"),           # no sound change across the surname (not "Gwangminjeong")
    (P, "남궁민수", "Namgung Minsu"),         # a two-syllable surname
    (O, "한빛소프트", "Hanbitsopeuteu"),
    (O, "KIST 연구원", "KIST Yeonguwon"),     # what is not Hangul stays as written
    (O, "독립문", "Dongnimmun"),              # other names as pronounced
])
def test_people_and_organisations_get_a_revised_romanization(type_, name, latin):
    assert romanised_name(type_, name) == latin


def test_romanised_labels_are_extra_labels_tagged_ko_latn_for_people_and_organisations_only():
    g = graph_of(article("a1", [KIM_SOFT]))
    assert set(g.objects(KGR["person/김철수"], RDFS.label)) == {
        Literal("김철수", lang="ko"), Literal("Gim Cheolsu", lang="ko-Latn")}
    assert Literal("Hanbitsopeuteu", lang="ko-Latn") in set(g.objects(KGR["organization/한빛소프트"], RDFS.label))
    assert romanised_name(EntityType.AWARD, "은탑산업훈장") is None
    assert romanised_name(O, "KIST") is None


def test_a_long_summary_lists_the_first_decisions_and_counts_the_rest():
    from kg.linking import summary_lines
    decisions = [LinkDecision(EntityType.PERSON, f"김철{i:03d}", LinkOutcome.KEPT_APART, (f"a{i}",), "two organisations")
                 for i in range(120)]
    lines = summary_lines(decisions, shown=50)
    assert lines[0] == "links:     kept apart 120"
    assert len([line for line in lines if "김철" in line]) == 50
    assert lines[-1] == "link: … and 70 more (--json lists every decision)"

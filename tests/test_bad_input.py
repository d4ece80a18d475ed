"""Bad input in a batch: each costs only itself, with one line naming the file (and line).

A user points ``kg build`` at a folder scraped from the web. Whatever is in it
(empty files, images, a 50 MB dump, legacy encodings, broken JSON Lines, pages
without text, articles in other languages, the same article saved twice), the
readable articles are built, every unreadable input is one ``failed:`` line,
every doubtful one a ``warning:`` line, and the exit status says which
happened: 0 all built, 2 some inputs failed, 1 nothing could be built.
"""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef

import kg
import kg.parallel
from kg.api import Failure
from kg.config import BuildConfig
from kg.errors import InputError
from kg.read import read_bytes, read_file, read_text
from kg.vocab import KGR, SCHEMA

ROOT = Path(__file__).resolve().parent.parent
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"

GOOD = "한빛정밀, 스마트공장 설비 공개\n\n김태완 한빛정밀 대표는 14일 서울 코엑스에서 신제품을 공개했다.\n"
LEGACY = "순창군, 건강식품 업체와 투자협약\n\n순창군은 15일 투자협약을 맺었다고 밝혔다.\n"
NO_ENTITIES = "오늘은 날씨가 맑고 바람이 선선했다.\n\n사람들은 공원에서 산책을 즐겼다.\n"
ENGLISH = "Seoul startup unveils robot\n\nA startup based in Seoul unveiled a delivery robot on Monday.\n"
JAPANESE = "東京で新製品発表\n\n東京の企業が月曜日に新しいロボットを発表した。\n"
KOREAN_LINES = "중소벤처기업부는 14일 울산에서 혁신대전을 열었다.\n오영주 장관이 참석해 축사를 했다.\n"
NO_KOREAN = "no Korean text (no Hangul); kg reads Korean news, so little or nothing will be extracted"


def kg_build(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "build", *args], capture_output=True, text=True,
                          input=stdin, cwd=ROOT, timeout=600)


def zip_bytes() -> bytes:
    path_free = __import__("io").BytesIO()
    with zipfile.ZipFile(path_free, "w") as archive:
        archive.writestr("a.txt", "기사")
    return path_free.getvalue()


def write_huge_text(path: Path, size: int) -> Path:
    """``size`` bytes of ordinary Korean text, written in slices (never one huge string)."""
    line = "중소벤처기업부는 14일 혁신대전을 열었다고 밝혔다.\n".encode("utf-8")
    chunk = line * (1_048_576 // len(line))
    with path.open("wb") as handle:
        left = size
        while left > 0:
            handle.write(chunk[:left])
            left -= min(left, len(chunk))
    return path


def article_iris(trig: Path) -> set[str]:
    ds = Dataset()
    ds.parse(trig, format="trig")
    return {str(g.identifier) for g in ds.graphs() if len(g)}


@pytest.fixture(scope="module")
def scraped(tmp_path_factory) -> dict[str, Path]:
    """A folder of what a scrape of news sites really holds, good and bad side by side."""
    root = tmp_path_factory.mktemp("scrape")
    d = root / "articles"
    d.mkdir()
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        files[name] = d / name
        files[name].write_bytes(data)

    put("good.txt", GOOD.encode("utf-8"))
    put("resaved.txt", GOOD.encode("utf-8"))                   # the same article under another name
    put("empty.txt", b"")
    put("blank.txt", b"  \n\t\n \r\n")
    put("photo.txt", PNG)                                      # an image saved with the wrong name
    put("archive.txt", zip_bytes())
    put("truncated.txt", (KOREAN_LINES * 10).encode("utf-8")[:-3])   # cut inside the last syllable
    put("cp949.txt", LEGACY.encode("cp949"))
    put("euckr.txt", LEGACY.replace("순창군", "임실군").encode("euc-kr"))
    put("mixed.txt", "첫 줄은 UTF-8로 저장한 기사 제목이다\n".encode("utf-8")
        + "둘째 줄은 CP949로 저장한 본문이다.\n".encode("cp949"))
    put("nobody.html", "<html><body><nav><a href='/'>홈</a></nav></body></html>".encode("utf-8"))
    put("feed.jsonl", "\n".join([
        json.dumps({"text": "누리소프트, 신제품 공개\n\n정유진 누리소프트 대표는 신제품을 공개했다."}, ensure_ascii=False),
        '{"text": "끝나지 않은 줄',
        json.dumps({"text": "가온전자, 공장 증설\n\n박민수 가온전자 대표는 공장을 늘린다고 밝혔다."}, ensure_ascii=False),
    ]).encode("utf-8"))
    put("english.txt", ENGLISH.encode("utf-8"))
    put("japanese.txt", JAPANESE.encode("utf-8"))
    put("weather.txt", NO_ENTITIES.encode("utf-8"))
    files["huge.txt"] = write_huge_text(d / "huge.txt", 50 * 1024 * 1024)
    out = root / "out"
    proc = kg_build(str(d), "--out", str(out))
    files["out"], files["proc"] = out, proc  # type: ignore[assignment]
    return files


def summary_lines(proc: subprocess.CompletedProcess, kind: str) -> list[str]:
    return [line[len(kind) + 2:] for line in proc.stderr.splitlines() if line.startswith(f"{kind}: ")]


def test_a_scraped_folder_builds_its_articles_and_exits_2_for_the_bad_ones(scraped):
    proc = scraped["proc"]
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.splitlines()[0] == "10 article(s) built, 7 failed"
    built = {iri.rsplit("/", 1)[1] for iri in article_iris(scraped["out"] / "graph.trig")}
    assert built == {"good", "truncated", "cp949", "euckr", "mixed", "feed-1", "feed-3", "english", "japanese",
                     "weather"}
    for name in ("graph.ttl", "graph.trig", "graph.html"):
        assert (scraped["out"] / name).stat().st_size > 0


def test_each_unreadable_input_is_one_line_naming_the_file_and_the_problem(scraped):
    failed = summary_lines(scraped["proc"], "failed")
    assert sorted(failed) == sorted([
        f"{scraped['empty.txt']}: empty file, nothing to read",
        f"{scraped['blank.txt']}: empty file (whitespace only), nothing to read",
        f"{scraped['photo.txt']}: binary file (PNG image), not an article",
        f"{scraped['archive.txt']}: binary file (ZIP archive), not an article",
        f"{scraped['nobody.html']}: no article text found in the HTML page",
        f"{scraped['feed.jsonl']}:2: not valid JSON (Unterminated string starting at at column 10); "
        "fix or remove this line",
        f"{scraped['huge.txt']}: file is 52,428,800 bytes, over the limit of 2,000,000 for one article; split it "
        "into articles (a file each, or one JSON Lines line each) or raise the limit (--max-article-bytes)",
    ])


def test_doubtful_articles_are_built_with_a_warning_line_each(scraped):
    warned = summary_lines(scraped["proc"], "warning")
    expected = [
        f"{scraped['truncated.txt']}: some bytes are not valid text (0.2% replaced with U+FFFD)",
        f"{scraped['mixed.txt']}: mixed UTF-8 and CP949 lines; decoded each line on its own",
        f"{scraped['english.txt']}: {NO_KOREAN}",
        f"{scraped['japanese.txt']}: {NO_KOREAN}",
        f"{scraped['resaved.txt']} (resaved): same article text as {scraped['good.txt']} (good); built once, as good",
    ]
    for line in expected:
        assert line in warned
    # nothing else is doubtful: the legacy encodings and the article without entities read cleanly
    assert not [w for w in warned if any(n in w for n in ("cp949.txt", "euckr.txt", "weather.txt", "good.txt:"))]


def test_the_articles_that_were_read_are_in_the_graph_as_written(scraped):
    ttl = (scraped["out"] / "graph.ttl").read_text(encoding="utf-8")
    assert "순창군" in ttl and "임실군" in ttl                   # CP949 and EUC-KR, decoded
    assert "첫 줄은 UTF-8로 저장한 기사 제목이다" in ttl          # the mixed file's headline
    assert "누리소프트" in ttl and "가온전자" in ttl               # the JSON Lines lines around the broken one
    assert "Seoul startup unveils robot" in ttl and "東京" in ttl   # built, with nothing extracted


# -- one input at a time, through the library -----------------------------------------------------


def build(tmp_path: Path, *inputs: Path | str, **config) -> kg.BuildSummary:
    return kg.build([str(i) for i in inputs], tmp_path / "out", BuildConfig(html=False, **config))


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nothing_readable_is_an_error_listing_every_input(tmp_path):
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.txt", "\n \n")
    with pytest.raises(kg.KGError) as caught:
        build(tmp_path, empty, blank)
    message = str(caught.value)
    assert message.startswith("nothing to build: ") and "\n" not in message
    assert f"{empty}: empty file" in message and f"{blank}: empty file (whitespace only)" in message
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_an_article_without_entities_is_built_without_a_warning(tmp_path):
    summary = build(tmp_path, write(tmp_path / "weather.txt", NO_ENTITIES))
    assert (summary.articles, summary.entities, summary.failures, summary.warnings) == (1, {}, (), ())
    ds = kg.load_graph(tmp_path / "out")
    assert (KGR["article/weather"], None, None) in ds


@pytest.mark.parametrize("text", [ENGLISH, JAPANESE])
def test_an_article_in_another_language_is_built_with_a_warning(tmp_path, text):
    summary = build(tmp_path, write(tmp_path / "foreign.txt", text))
    assert summary.articles == 1 and summary.failures == ()
    assert summary.warnings == (f"{tmp_path / 'foreign.txt'}: {NO_KOREAN}",)


def test_the_same_article_under_two_names_is_built_once_and_reported(tmp_path):
    first = write(tmp_path / "a" / "seoul.txt", GOOD)
    second = write(tmp_path / "b" / "copy of seoul.txt", GOOD)
    other = write(tmp_path / "b" / "legacy.txt", LEGACY)
    summary = build(tmp_path, tmp_path / "a", tmp_path / "b")
    assert summary.articles == 2
    # the copy built is the one with the smallest id, whichever came first
    assert summary.warnings == (
        f"{first} (seoul): same article text as {second} (copy-of-seoul); built once, as copy-of-seoul",
    )
    ds = kg.load_graph(tmp_path / "out")
    assert {str(g.identifier).rsplit("/", 1)[1] for g in ds.graphs() if len(g)} == {"copy-of-seoul", "legacy"}
    assert str(other) not in " ".join(summary.warnings)


def test_with_repeated_articles_the_order_of_the_inputs_still_does_not_change_a_byte(tmp_path):
    write(tmp_path / "a" / "seoul.txt", GOOD)
    write(tmp_path / "b" / "copy of seoul.txt", GOOD)
    write(tmp_path / "b" / "legacy.txt", LEGACY)
    outputs = []
    for order in (["a", "b"], ["b", "a"]):
        summary = kg.build([str(tmp_path / d) for d in order], tmp_path / "-".join(order), BuildConfig(html=False))
        outputs.append(((tmp_path / "-".join(order) / "graph.trig").read_bytes(), summary.warnings))
    assert outputs[0] == outputs[1]


def test_a_repeated_json_lines_record_is_built_once(tmp_path):
    record = json.dumps({"text": GOOD}, ensure_ascii=False)
    feed = write(tmp_path / "feed.jsonl", f"{record}\n{record}\n")
    summary = build(tmp_path, feed)
    assert summary.articles == 1
    assert summary.warnings == (f"{feed} (feed-2): same article text as {feed} (feed-1); built once, as feed-1",)


def test_warnings_of_the_reader_reach_the_summary_and_are_not_printed(tmp_path, recwarn):
    damaged = tmp_path / "damaged.txt"
    damaged.write_bytes((KOREAN_LINES * 10).encode("utf-8")[:-3])
    summary = build(tmp_path, damaged)
    assert summary.warnings == (f"{damaged}: some bytes are not valid text (0.2% replaced with U+FFFD)",)
    assert [w for w in recwarn if issubclass(w.category, kg.read.ReadWarning)] == []


def test_an_unreadable_file_and_a_symlink_loop_cost_only_themselves(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    good = write(folder / "good.txt", GOOD)
    locked = write(folder / "locked.txt", LEGACY)
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self.txt").symlink_to(folder / "self.txt")
    real_read_bytes = Path.read_bytes

    def read_bytes_unless_locked(self):
        if self == locked:  # tests may run as root, whom chmod 000 does not stop
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes_unless_locked)
    summary = build(tmp_path, folder)
    assert summary.articles == 1
    assert sorted(summary.failures, key=str) == sorted([
        Failure(str(locked), "permission denied; make the file readable"),
        Failure(str(folder / "loop"), "symbolic link loop back to a parent directory; skipped"),
        Failure(str(folder / "self.txt"), "symbolic link loop; fix or remove the link"),
    ], key=str)
    assert str(good) not in " ".join(map(str, summary.failures))


BUG_REPORT = ("the extractor failed on article legacy (IndexError: list index out of range); "
              "this is a bug in kg, please report it with the article")


def with_a_bug_on_legacy(monkeypatch) -> None:
    real_extract = kg.parallel.extract

    def extract_with_a_bug(article):
        if article.id == "legacy":
            raise IndexError("list index out of range")
        return real_extract(article)

    monkeypatch.setattr("kg.parallel.extract", extract_with_a_bug)


def test_an_extractor_bug_costs_only_its_article(tmp_path, monkeypatch):
    good, legacy = write(tmp_path / "good.txt", GOOD), write(tmp_path / "legacy.txt", LEGACY)
    with_a_bug_on_legacy(monkeypatch)
    summary = build(tmp_path, good, legacy)
    assert summary.articles == 1
    assert summary.failures == (Failure(str(legacy), BUG_REPORT),)


def test_in_a_worker_process_too_an_extractor_bug_costs_only_its_article(tmp_path, monkeypatch):
    # what each --workers / --dask worker runs on its chunk of articles
    [good] = read_file(write(tmp_path / "good.txt", GOOD))
    [legacy] = read_file(write(tmp_path / "legacy.txt", LEGACY))
    with_a_bug_on_legacy(monkeypatch)
    built, failed = kg.parallel.extract_chunk([good, legacy])
    assert built.article == good
    assert failed == (str(tmp_path / "legacy.txt"), BUG_REPORT)


# -- size: a limit, checked before reading ------------------------------------------------------------


def test_a_file_over_the_limit_is_refused_without_being_read(tmp_path, monkeypatch):
    huge = write_huge_text(tmp_path / "dump.txt", 50 * 1024 * 1024)
    real_read_bytes = Path.read_bytes

    def never_the_huge_file(self):
        assert self != huge, "the 50 MB file was read into memory"
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", never_the_huge_file)
    with pytest.raises(InputError) as caught:
        read_file(huge)
    assert caught.value.source == str(huge)
    assert caught.value.problem.startswith("file is 52,428,800 bytes, over the limit of 2,000,000 for one article")


def test_the_limit_is_a_build_setting(tmp_path):
    article = write(tmp_path / "long.txt", GOOD + "본문이 이어진다. " * 200)
    size = article.stat().st_size
    summary = build(tmp_path, article, max_article_bytes=size)
    assert summary.articles == 1
    with pytest.raises(kg.KGError, match=rf"long\.txt: file is {size:,} bytes, over the limit of {size - 1:,}"):
        build(tmp_path, article, max_article_bytes=size - 1)


def test_the_build_command_takes_the_limit(tmp_path):
    article = write(tmp_path / "long.txt", GOOD)
    proc = kg_build(str(article), "--out", str(tmp_path / "out"), "--no-html", "--max-article-bytes", "100")
    assert proc.returncode == 1
    assert proc.stderr == (f"error: nothing to build: {article}: file is {article.stat().st_size:,} bytes, over "
                           "the limit of 100 for one article; split it into articles (a file each, or one JSON "
                           "Lines line each) or raise the limit (--max-article-bytes)\n")


def test_json_lines_may_be_any_size_but_each_line_is_one_article(tmp_path):
    small = json.dumps({"text": GOOD}, ensure_ascii=False)
    big = json.dumps({"text": GOOD + "본문. " * 100}, ensure_ascii=False)
    lines = [small.replace("14일", f"{d}일") for d in range(1, 6)] + [big]
    data = "\n".join(lines).encode("utf-8")
    limit = len(big.encode("utf-8")) - 1
    assert len(data) > limit  # the file is over the limit, each small line under it
    errors: list[InputError] = []
    articles = read_bytes(data, "feed.jsonl", errors.append, max_bytes=limit)
    assert [a.id for a in articles] == [f"feed-{n}" for n in range(1, 6)]
    assert [(e.source, e.line) for e in errors] == [("feed.jsonl", 6)]
    assert errors[0].problem.startswith(f"line is {limit + 1:,} bytes, over the limit of {limit:,} for one article")
    # JSON Lines recognised by content (standard input, an unknown suffix) too
    assert len(read_bytes(data, "<stdin>", errors.append, max_bytes=limit)) == 5
    # but a .txt file is one article, whatever it holds
    with pytest.raises(InputError, match="feed.txt: file is"):
        read_bytes(data, "feed.txt", errors.append, max_bytes=limit)


def test_a_json_lines_page_without_text_names_its_line(tmp_path):
    lines = [json.dumps({"text": GOOD}, ensure_ascii=False),
             json.dumps({"html": "<html><body><nav><a href='/'>홈</a></nav></body></html>"}, ensure_ascii=False)]
    errors: list[InputError] = []
    articles = read_bytes("\n".join(lines).encode("utf-8"), "pages.jsonl", errors.append)
    assert [a.id for a in articles] == ["pages-1"]
    assert [str(e) for e in errors] == ["pages.jsonl:2: no article text found in the HTML page"]


def test_standard_input_over_the_limit_is_refused(tmp_path):
    proc = kg_build("-", "--out", str(tmp_path / "out"), "--max-article-bytes", "64", stdin=GOOD * 3)
    assert proc.returncode == 1
    assert proc.stderr.startswith("error: nothing to build: <stdin>: file is ")


# -- text the reader cleans up ------------------------------------------------------------------------


def test_control_characters_never_reach_the_article(tmp_path):
    article = read_text("한빛정밀, 설비\x00 공개\x0c\n\n김태완\x1b[31m 한빛정밀 대표는\x7f\x85 신제품을\u2028공개했다.")
    assert article.text == "한빛정밀, 설비 공개\n\n김태완[31m 한빛정밀 대표는\n신제품을\n공개했다."
    assert article.title == "한빛정밀, 설비 공개"


def test_lone_surrogates_from_json_escapes_are_replaced_with_a_warning(tmp_path):
    # json.loads turns "\ud800" into half a surrogate pair, which no UTF-8 writer and not Kiwi can take
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"text": "누리소프트, 신제품 공개\\n\\n정유진 누리소프트 대표는 \\ud800 신제품을 공개했다.", '
                    '"title": "제목\\udfff"}\n', encoding="utf-8")
    summary = build(tmp_path, feed)
    assert summary.articles == 1 and summary.failures == ()
    assert summary.warnings == (
        f"{feed}:1: lone UTF-16 surrogates (JSON \\ud800-style escapes) replaced with U+FFFD",
        f"{feed}:1: lone UTF-16 surrogates (JSON \\ud800-style escapes) replaced with U+FFFD",
    )
    ttl = (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
    assert "대표는 \ufffd 신제품을" in ttl and '"제목\ufffd"@ko' in ttl


@pytest.mark.parametrize("url", ["www.example.com/news/1", "기사 1", "   "])
def test_an_address_without_a_scheme_is_left_out_of_the_graph_with_a_warning(tmp_path, url):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": GOOD, "url": url}, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = build(tmp_path, feed)
    assert summary.articles == 1
    if url.strip():
        assert summary.warnings == (
            f"{feed}:1: url {url!r} has no scheme (such as https:); it is left out of the graph",)
    ds = kg.load_graph(tmp_path / "out")
    assert list(ds.triples((None, SCHEMA.url, None))) == []


@pytest.mark.parametrize(("url", "iri"), [
    ("https://news.example/기사?id=1#top", "https://news.example/%EA%B8%B0%EC%82%AC?id=1#top"),
    ("http://news.example/100%", "http://news.example/100%25"),
    ("http://news.example/a#b#c", "http://news.example/a#b%23c"),
    ("http://news.example/[1]?q=<b>\"", "http://news.example/%5B1%5D?q=%3Cb%3E%22"),
    ("http://news.example:port/", "http://news.example%3Aport/"),
    ("http://[::1]:8080/a%20b", "http://[::1]:8080/a%20b"),
])
def test_a_scraped_address_becomes_a_valid_iri(tmp_path, url, iri):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": GOOD, "url": url}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert build(tmp_path, feed).warnings == ()
    ds = kg.load_graph(tmp_path / "out")
    assert [o for _, _, o in ds.triples((None, SCHEMA.url, None))] == [URIRef(iri)]

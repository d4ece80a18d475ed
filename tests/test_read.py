"""The reading stage's public API: inputs to Article records (kg.read)."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import sys
import zipfile
from pathlib import Path

import pytest

import kg.read
from kg.errors import InputError
from kg.models import Article
from kg.read import ReadWarning, read_bytes, read_file, read_inputs, read_text
from kg.read.ids import slugify, url_slug

FIXTURES = Path(__file__).parent / "fixtures" / "read"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"


def collect(inputs):
    """Read a batch, gathering errors instead of raising them."""
    errors: list[InputError] = []
    articles = list(read_inputs(inputs, on_error=errors.append))
    return articles, errors


def write_article(path: Path, headline: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{headline}\n\n정부는 이번 대책을 다음 달부터 시행한다고 밝혔다.\n", encoding="utf-8")
    return path


def test_the_public_surface_is_pinned():
    assert sorted(kg.read.__all__) == [
        "ARTICLE_SUFFIXES",
        "Format",
        "Metadata",
        "ReadWarning",
        "clean_text",
        "read_bytes",
        "read_file",
        "read_inputs",
        "read_metadata",
        "read_text",
    ]


# ------------------------------------------------------------ plain text


def test_a_copied_text_article_gives_clean_text_and_its_metadata():
    (article,) = read_file(FIXTURES / "article.txt")
    assert article.id == "article"
    assert article.source == str(FIXTURES / "article.txt")
    assert article.title == "'2024 스마트제조 혁신포럼' 대전서 개막…김하늘 청장 \"공정 데이터가 경쟁력\""
    assert article.published == dt.date(2024, 10, 8)
    assert article.author == "이도현"
    assert article.publisher == "한빛경제"
    assert article.url is None
    for chrome in ("전체메뉴", "공유하기", "기사듣기", "닫기", "관련기사", "[포토]", "ⓒ", "댓글", "top버튼", "기사제보"):
        assert chrome not in article.text
    for kept in (
        article.title,
        "중소기업 200여곳 참가해 제조 AI 사례 공유",
        "대전 이도현 기자",
        "입력 2024.10.08 11:20 수정 2024.10.08 15:02",
        "기념촬영을 하고 있다./사진=이도현 기자",
        "막을 올렸다.\n\n대전지방중소벤처기업청은",
    ):
        assert kept in article.text
    assert "\n\n\n" not in article.text
    assert all(line == line.strip() for line in article.text.split("\n"))


@pytest.mark.parametrize(
    ("name", "expected_id"),
    [
        ("dev-000.txt", "dev-000"),
        ("중기부 보도자료 (1).txt", "중기부-보도자료-1"),
        ("news_2024.11.14.txt", "news_2024-11-14"),
    ],
)
def test_a_file_id_is_its_slugified_stem(tmp_path, name, expected_id):
    (article,) = read_file(write_article(tmp_path / name, "정부, 새 대책 다음 달 시행"))
    assert article.id == expected_id


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.example.com/news/view.php?id=12", "www-example-com-news-view-php-id-12"),
        ("http://news.example.co.kr/2024/11/14/기사#top", "news-example-co-kr-2024-11-14-기사"),
    ],
)
def test_a_url_id_is_its_slug(url, slug):
    assert url_slug(url) == slug


def test_slugs_stay_short_and_never_empty():
    assert slugify("!!!") == "article"
    long = slugify("가" * 300)
    assert len(long) <= 110 and long == slugify("가" * 300)


def test_read_text_takes_a_string_and_given_metadata_wins():
    article = read_text(
        "공유하기\n중기부, 스마트공장 지원 두 배로 확대\n입력 2024.05.23 14:30\n본문이다.",
        url="https://news.example.com/a/1",
        title="주어진 제목",
        published="2024-05-24",
    )
    assert article == Article(
        id="news-example-com-a-1",
        text="중기부, 스마트공장 지원 두 배로 확대\n입력 2024.05.23 14:30\n본문이다.",
        source="<text>",
        title="주어진 제목",
        published=dt.date(2024, 5, 24),
        url="https://news.example.com/a/1",
    )
    assert read_text("본문만 있는 짧은 기사이다.").id == "text"


def test_read_text_warns_about_a_date_it_cannot_read_and_uses_the_texts():
    with pytest.warns(ReadWarning, match="어제"):
        article = read_text("제목이 여기에 있는 기사\n입력 2024.05.23 14:30\n본문이다.", published="어제")
    assert article.published == dt.date(2024, 5, 23)


def test_cp949_and_euc_kr_files_read_as_korean(tmp_path):
    text = "순창군, 건강식품 업체와 투자협약\n\n순창군은 15일 투자협약을 맺었다고 밝혔다.\n"
    for encoding in ("cp949", "euc-kr"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.encode(encoding))
        (article,) = read_file(path)
        assert article.title == "순창군, 건강식품 업체와 투자협약"
        assert "투자협약을 맺었다" in article.text


def test_a_utf8_bom_does_not_reach_the_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + "정부, 새 대책 다음 달 시행\n본문이다.".encode())
    (article,) = read_file(path)
    assert article.text.startswith("정부")
    assert article.title == "정부, 새 대책 다음 달 시행"


# ------------------------------------------------------------------ HTML


def test_an_html_page_gives_its_body_without_navigation_and_with_metadata():
    (article,) = read_file(FIXTURES / "page.html")
    assert article.id == "page"
    assert article.title == "강원 수소산업 박람회 춘천서 개막…기업 80곳 참가"
    assert article.published == dt.date(2024, 6, 12)
    assert article.author == "정다은"
    assert article.publisher == "한빛일보"
    assert article.text.startswith(article.title + "\n")
    assert "/사진=강원특별자치도 제공" in article.text  # the figcaption
    assert "'2024 강원 수소산업 박람회'가 12일 춘천 엔포드호텔에서 개막했다." in article.text
    assert "최문석 경제부지사는" in article.text
    for chrome in ("전체기사", "홈 >", "공유하기", "많이 본 뉴스", "동해안 해수욕장", "무단전재", "dataLayer", "대표전화"):
        assert chrome not in article.text


def test_an_html_page_without_meta_tags_falls_back_to_its_visible_text(tmp_path):
    markup = (FIXTURES / "page.html").read_text(encoding="utf-8")
    bare = "\n".join(line for line in markup.split("\n") if "<meta property" not in line and "<meta name" not in line)
    path = tmp_path / "bare.html"
    path.write_text(bare, encoding="utf-8")
    (article,) = read_file(path)
    assert article.published == dt.date(2024, 6, 12)  # "입력 2024.06.12 10:05"
    assert article.author == "정다은"  # "춘천 정다은 기자"
    assert article.publisher == "한빛일보"  # "ⓒ 한빛일보, 무단전재 …"
    assert "강원 수소산업 박람회" in (article.title or "")


def test_html_is_sniffed_from_content_whatever_the_file_name():
    markup = (FIXTURES / "page.html").read_bytes()
    (article,) = read_bytes(markup, "saved-page.txt")
    assert article.publisher == "한빛일보"
    assert "<p>" not in article.text


def test_a_page_with_no_text_is_an_input_error():
    with pytest.raises(InputError, match="empty.html: no article text"):
        read_bytes(b"<html><body><nav><a href='/'>\xed\x99\x88</a></nav></body></html>", "empty.html")


# ----------------------------------------------------------- JSON Lines


def test_json_lines_with_a_broken_middle_line_gives_the_others_and_one_error():
    errors: list[InputError] = []
    articles = read_file(FIXTURES / "feed.jsonl", on_error=errors.append)
    assert [a.id for a in articles] == ["news-example-co-kr-article-2024-0903-12345-ref-main", "feed-3"]
    first, third = articles
    assert first.url == "https://news.example.co.kr/article/2024/0903/12345?ref=main"
    assert first.title == "연안여객선 운임 지원 확대"  # the record's title wins
    assert first.published == dt.date(2024, 9, 3)
    assert (first.author, first.publisher) == ("박서준", "바다신문")
    assert "저작권자" not in first.text
    assert (third.title, third.published, third.author, third.publisher) == (
        "농촌진흥청, 스마트팜 청년 교육생 모집",
        dt.date(2024, 9, 4),
        "윤하늘",
        "농업경제",
    )
    (error,) = errors
    assert error.source == str(FIXTURES / "feed.jsonl") and error.line == 2
    assert str(error).startswith(f"{FIXTURES / 'feed.jsonl'}:2: not valid JSON")


def test_json_lines_errors_are_raised_by_default():
    with pytest.raises(InputError) as caught:
        read_file(FIXTURES / "feed.jsonl")
    assert caught.value.line == 2


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('["a list"]', "expected a JSON object"),
        ('{"url": "https://e.com/1"}', 'give a non-empty "text"'),
        ('{"text": "   "}', 'give a non-empty "text"'),
        ('{"text": 42}', '"text" must be a string'),
        ('{"text": "공유하기\\n닫기"}', "no article text left"),
    ],
)
def test_each_unusable_record_names_its_line(line, problem):
    data = f'{{"text": "첫 기사의 제목입니다\\n본문이다."}}\n{line}\n'.encode()
    errors: list[InputError] = []
    articles = read_bytes(data, "feed.jsonl", on_error=errors.append)
    assert [a.id for a in articles] == ["feed-1"]
    assert [(e.source, e.line) for e in errors] == [("feed.jsonl", 2)]
    assert problem in errors[0].problem


@pytest.mark.parametrize(
    ("data", "ids"),
    [
        (b'{"text": "\xeb\xb3\xb8\xeb\xac\xb8"}\n', ["notes-1"]),  # one record: JSON Lines
        (b'{\n  "text": "x"\n}\n', ["notes"]),  # pretty-printed JSON: read as text
    ],
)
def test_json_lines_is_sniffed_only_from_a_whole_object_on_the_first_line(data, ids):
    assert [a.id for a in read_bytes(data, "notes.dat")] == ids


def test_a_json_lines_record_may_carry_html():
    markup = (FIXTURES / "page.html").read_text(encoding="utf-8")
    import json

    data = json.dumps({"html": markup, "url": "https://hanbit.example/1"}).encode()
    (article,) = read_bytes(data, "pages.jsonl")
    assert (article.id, article.author, article.publisher) == ("hanbit-example-1", "정다은", "한빛일보")


# ------------------------------------------------------ refused inputs


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\t\n \r\n", "empty file (whitespace only)"),
        (PNG, "binary file (PNG image), not an article"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (JPEG image), not an article"),
        (b"%PDF-1.7\n", "binary file (PDF document), not an article"),
        (b"abc\x00def", "binary file (contains NUL bytes), not an article"),
        ("공유하기\n닫기\n1\n댓글 0\n".encode(), "no article text left"),
    ],
)
def test_unusable_files_are_input_errors_with_a_clear_problem(tmp_path, data, problem):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        read_file(path)
    assert caught.value.source == str(path)
    assert problem in caught.value.problem


def test_a_zip_file_is_refused(tmp_path):
    path = tmp_path / "articles.txt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a.txt", "기사")
    with pytest.raises(InputError, match="binary file \\(ZIP archive\\), not an article"):
        read_file(path)


# -------------------------------------------------------------- batches


def test_a_bad_file_is_reported_and_the_batch_goes_on(tmp_path):
    good = write_article(tmp_path / "good.txt", "정부, 새 대책 다음 달 시행")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    image = tmp_path / "photo.txt"
    image.write_bytes(PNG)
    articles, errors = collect([empty, good, image, tmp_path / "missing.txt"])
    assert [a.source for a in articles] == [str(good)]
    assert [(Path(e.source).name, e.problem.split(",")[0]) for e in errors] == [
        ("empty.txt", "empty file"),
        ("photo.txt", "binary file (PNG image)"),
        ("missing.txt", "no such file or directory (a broken link or a mistyped path)"),
    ]


def test_without_on_error_the_first_bad_file_raises(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt: empty file"):
        list(read_inputs([empty]))


def test_a_directory_is_read_recursively_in_sorted_order(tmp_path):
    write_article(tmp_path / "b.txt", "둘째 파일의 기사 제목이다")
    write_article(tmp_path / "a.txt", "첫째 파일의 기사 제목이다")
    write_article(tmp_path / "sub" / "c.txt", "하위 폴더의 기사 제목이다")
    write_article(tmp_path / "sub" / "deeper" / "d.txt", "더 깊은 폴더의 기사 제목")
    write_article(tmp_path / "z.txt", "마지막 파일의 기사 제목이다")
    write_article(tmp_path / ".hidden.txt", "숨은 파일의 기사 제목이다")
    write_article(tmp_path / ".cache" / "e.txt", "숨은 폴더의 기사 제목이다")
    (tmp_path / "a.json").write_text('{"gold": true}', encoding="utf-8")  # not article files:
    (tmp_path / "GUIDE.md").write_text("# 주석 가이드\n설명 문서이다.", encoding="utf-8")
    (tmp_path / "photo.png").write_bytes(PNG)
    shutil.copy(FIXTURES / "page.html", tmp_path / "sub" / "page.html")
    articles, errors = collect([tmp_path])
    assert errors == []
    assert [Path(a.source).relative_to(tmp_path).as_posix() for a in articles] == [
        "a.txt",
        "b.txt",
        "sub/c.txt",
        "sub/deeper/d.txt",
        "sub/page.html",
        "z.txt",
    ]
    assert articles == collect([tmp_path])[0]  # the same every time


def test_a_symlink_loop_is_reported_not_followed(tmp_path):
    write_article(tmp_path / "a.txt", "첫째 파일의 기사 제목이다")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "self.txt").symlink_to(tmp_path / "self.txt")
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    articles, errors = collect([tmp_path])
    assert [Path(a.source).name for a in articles] == ["a.txt"]
    assert sorted((Path(e.source).name, e.problem) for e in errors) == [
        ("gone.txt", "no such file or directory (a broken link or a mistyped path)"),
        ("self.txt", "symbolic link loop; fix or remove the link"),
        ("up", "symbolic link loop back to a parent directory; skipped"),
    ]


def test_an_unreadable_file_is_reported(tmp_path, monkeypatch):
    locked = write_article(tmp_path / "locked.txt", "잠긴 파일의 기사 제목이다")
    readable = write_article(tmp_path / "open.txt", "열린 파일의 기사 제목이다")
    real_read_bytes = Path.read_bytes

    def read_bytes_unless_locked(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    # Tests may run as root, for whom chmod 000 does not lock anything.
    monkeypatch.setattr(Path, "read_bytes", read_bytes_unless_locked)
    articles, errors = collect([tmp_path])
    assert [a.source for a in articles] == [str(readable)]
    assert [(e.source, e.problem) for e in errors] == [
        (str(locked), "permission denied; make the file readable")
    ]


def test_a_directory_without_article_files_is_reported(tmp_path):
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    articles, errors = collect([tmp_path])
    assert articles == []
    assert [e.problem for e in errors] == ["no article files (.txt, .html, .jsonl) in this directory"]


def test_ids_are_unique_across_a_batch(tmp_path):
    one = write_article(tmp_path / "one" / "news.txt", "첫째 폴더의 기사 제목이다")
    two = write_article(tmp_path / "two" / "news.txt", "둘째 폴더의 기사 제목이다")
    articles, _ = collect([one, two, one])
    assert [a.id for a in articles] == ["news", "news-2", "news-3"]


# ---------------------------------------------------------------- stdin


def fake_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_a_dash_reads_an_article_from_stdin(monkeypatch):
    fake_stdin(monkeypatch, (FIXTURES / "article.txt").read_bytes())
    articles, errors = collect(["-"])
    assert errors == []
    (article,) = articles
    assert (article.id, article.source) == ("stdin", "<stdin>")
    assert article.author == "이도현"


def test_stdin_bytes_are_sniffed_for_cp949_and_json_lines(monkeypatch):
    fake_stdin(monkeypatch, "정부, 새 대책 다음 달 시행\n본문이다.\n".encode("cp949"))
    (article,) = collect(["-"])[0]
    assert article.title == "정부, 새 대책 다음 달 시행"
    fake_stdin(monkeypatch, b'{"text": "\xec\xb2\xab \xea\xb8\xb0\xec\x82\xac"}\n{"text": "\xeb\x91\x98\xec\xa7\xb8"}\n')
    assert [a.id for a in collect(["-"])[0]] == ["stdin-1", "stdin-2"]


def test_empty_stdin_is_an_input_error(monkeypatch):
    fake_stdin(monkeypatch, b"")
    articles, errors = collect(["-"])
    assert articles == []
    assert [(e.source, e.problem) for e in errors] == [("<stdin>", "empty file, nothing to read")]

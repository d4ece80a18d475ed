"""Bytes to text: UTF-8 with or without BOM, and the Korean legacy encodings (kg.read.decode)."""
from __future__ import annotations

import codecs
import unicodedata
import warnings

import pytest

from kg.errors import InputError
from kg.read import ReadWarning
from kg.read.decode import decode

KOREAN = "중소벤처기업부는 14일 울산에서 혁신대전을 열었다.\n오영주 장관이 참석해 축사를 했다.\n"


@pytest.mark.parametrize(
    ("encoding", "data"),
    [
        ("utf-8", KOREAN.encode("utf-8")),
        ("utf-8 with BOM", codecs.BOM_UTF8 + KOREAN.encode("utf-8")),
        ("cp949", KOREAN.encode("cp949")),
        ("euc-kr", KOREAN.encode("euc-kr")),
        ("utf-16 with BOM", KOREAN.encode("utf-16")),
    ],
)
def test_each_encoding_decodes_to_the_same_korean(encoding, data):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a clean file gives no warning
        assert decode(data, encoding) == KOREAN


def test_cp949_only_characters_decode():
    # 똠 and 햏 are outside EUC-KR's 2,350 syllables; CP949 has them.
    text = "똠양꿍 햏 가게가 문을 열었다.\n"
    assert decode(text.encode("cp949"), "x.txt") == text


def test_windows_line_ends_and_decomposed_hangul_are_normalised():
    # macOS tools may save Hangul decomposed into jamo (NFD); ids and matching need NFC.
    data = unicodedata.normalize("NFD", "한글 기사\r\n둘째 줄\r\n").encode("utf-8")
    assert len(data.decode("utf-8")) > len("한글 기사\n둘째 줄\n")
    assert decode(data, "x.txt") == "한글 기사\n둘째 줄\n"


def test_a_truncated_utf8_file_is_read_with_a_warning():
    data = (KOREAN * 10).encode("utf-8")[:-3]  # cut inside the last syllable
    with pytest.warns(ReadWarning, match="truncated.txt"):
        text = decode(data, "truncated.txt")
    assert text.startswith(KOREAN)
    assert text.endswith("\ufffd")


def test_mixed_utf8_and_cp949_lines_are_read_line_by_line_with_a_warning():
    data = "첫 줄은 UTF-8로 저장했다.\n".encode("utf-8") + "둘째 줄은 CP949로 저장했다.\n".encode("cp949")
    with pytest.warns(ReadWarning, match="mixed"):
        text = decode(data, "mixed.txt")
    assert text == "첫 줄은 UTF-8로 저장했다.\n둘째 줄은 CP949로 저장했다.\n"


def test_a_stray_bad_byte_is_replaced_with_a_warning():
    good = (KOREAN * 10).encode("utf-8")
    data = good[:30] + b"\xff" + good[30:]
    with pytest.warns(ReadWarning):
        text = decode(data, "damaged.txt")
    assert text.count("\ufffd") == 1
    assert text.replace("\ufffd", "") == KOREAN * 10


def test_bytes_that_are_no_readable_text_are_refused():
    noise = bytes(range(0x80, 0x100)) * 4
    with pytest.raises(InputError, match="noise.txt: cannot decode") as caught:
        decode(noise, "noise.txt")
    assert "UTF-8" in caught.value.problem

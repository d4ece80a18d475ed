"""Faults and determinism: a failed build leaves the previous outputs whole, and the same
articles give the same bytes whatever order they come in.

``kg build`` serialises graph.ttl, graph.trig and graph.html completely, writes
each to a temporary file beside it and only then renames them into place
(kg.export.write_all_atomic). So a build that fails or is interrupted before
the renames leaves the previous build's three files byte for byte, and no
temporary file stays behind; one killed outright (kill -9) leaves hidden
temporary files that the next build removes.
"""
from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.config import BuildConfig
from kg.errors import ExportError

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = ["graph.html", "graph.trig", "graph.ttl"]

ARTICLES = {
    "expo.txt": "중기부, 혁신대전 개최\n\n오영주 중소벤처기업부 장관은 14일 대전컨벤션센터에서 열린 "
                "2024 중소기업 혁신대전에 참석했다.\n",
    "medal.txt": "한빛정밀 대표 은탑산업훈장\n\n김태완 한빛정밀 대표가 은탑산업훈장을 받았다. "
                 "김 대표는 \"기술이 답입니다\"라고 말했다.\n",
    "mou.txt": "누리소프트, 중기부와 협약\n\n정유진 누리소프트 대표는 중소벤처기업부와 업무협약을 맺었다.\n",
    "kist.txt": "KIST, 새 연구 발표\n\n한국과학기술연구원(KIST)은 새 연구를 발표했다. "
                "김철수 KIST 선임연구원이 참여했다.\n",
}


@pytest.fixture
def articles(tmp_path) -> dict[str, Path]:
    paths = {}
    for name, text in ARTICLES.items():
        paths[name] = tmp_path / "in" / name
        paths[name].parent.mkdir(exist_ok=True)
        paths[name].write_text(text, encoding="utf-8")
    return paths


def snapshot(out: Path) -> dict[str, bytes]:
    """Every file in the build directory, hidden temporary files included."""
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.is_file()}


@pytest.fixture
def previous(tmp_path, articles) -> tuple[Path, dict[str, bytes]]:
    """A first, successful build of one article; the second build adds the others."""
    out = tmp_path / "out"
    kg.build([str(articles["expo.txt"])], out, BuildConfig())
    before = snapshot(out)
    assert sorted(before) == OUTPUTS
    return out, before


def second_build(articles: dict[str, Path], out: Path) -> kg.BuildSummary:
    return kg.build([str(p) for p in articles.values()], out, BuildConfig())


def fail_on_call(n: int, error: BaseException):
    """An os.fsync that raises ``error`` on its n-th call: the n-th temporary file cannot be finished."""
    real, calls = os.fsync, []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == n:
            raise error
        real(fd)

    return fsync


def test_a_renderer_that_fails_leaves_the_previous_outputs_whole(previous, articles, monkeypatch):
    out, before = previous

    def broken(*args, **kwargs):
        raise RuntimeError("the view cannot be drawn")

    monkeypatch.setattr("kg.render.html_page", broken)
    with pytest.raises(RuntimeError, match="cannot be drawn"):
        second_build(articles, out)
    assert snapshot(out) == before


def test_a_serialisation_that_fails_leaves_the_previous_outputs_whole(previous, articles, monkeypatch):
    out, before = previous

    def broken(ds):
        raise RuntimeError("TriG serialiser failed")

    monkeypatch.setattr("kg.export.to_trig", broken)  # after graph.ttl was serialised
    with pytest.raises(RuntimeError, match="TriG serialiser failed"):
        second_build(articles, out)
    assert snapshot(out) == before


def test_a_full_disk_on_the_last_file_leaves_the_previous_outputs_whole(previous, articles, monkeypatch):
    out, before = previous
    monkeypatch.setattr(os, "fsync", fail_on_call(3, OSError(errno.ENOSPC, "No space left on device")))
    with pytest.raises(ExportError, match=r"graph\.html: cannot write \(No space left on device\); choose a writable"):
        second_build(articles, out)
    assert snapshot(out) == before  # graph.ttl and graph.trig were written in full, then thrown away


def test_an_interrupt_while_writing_leaves_the_previous_outputs_whole(previous, articles, monkeypatch):
    out, before = previous
    monkeypatch.setattr(os, "fsync", fail_on_call(2, KeyboardInterrupt()))
    with pytest.raises(KeyboardInterrupt):
        second_build(articles, out)
    assert snapshot(out) == before


def test_an_output_that_cannot_be_replaced_stops_the_build_before_any_rename(tmp_path, articles):
    out = tmp_path / "out"
    kg.build([str(articles["expo.txt"])], out, BuildConfig(html=False))
    before = snapshot(out)
    (out / "graph.html").mkdir()  # the view's name is taken by a directory
    with pytest.raises(ExportError, match=r"graph\.html: cannot write \(is a directory\)"):
        second_build(articles, out)
    assert snapshot(out) == before


KILLED_WHILE_WRITING = """
import os, signal, sys
real, calls = os.fsync, []
def fsync(fd):
    real(fd)
    calls.append(fd)
    if len(calls) == 2:  # graph.ttl and graph.trig are in their temporary files, graph.html not yet
        os.kill(os.getpid(), signal.SIGKILL)
os.fsync = fsync
from kg.cli import main
sys.argv = ["kg", "build", *sys.argv[1:]]
main()
"""


def test_a_build_killed_while_writing_leaves_the_previous_outputs_and_the_next_build_tidies_up(
        previous, articles):
    out, before = previous
    inputs = [str(p) for p in articles.values()]
    proc = subprocess.run([sys.executable, "-c", KILLED_WHILE_WRITING, *inputs, "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert proc.returncode == -9, proc.stderr
    after = snapshot(out)
    assert {k: v for k, v in after.items() if k in OUTPUTS} == before
    leftovers = sorted(k for k in after if k not in OUTPUTS)
    assert [name.split(".")[1:3] for name in leftovers] == [["graph", "trig"], ["graph", "ttl"]]
    assert all(name.startswith(".") and name.endswith(".tmp") for name in leftovers)
    # the next build completes and removes what the killed one left
    second_build(articles, out)
    assert sorted(snapshot(out)) == OUTPUTS


# -- the same inputs, the same bytes ----------------------------------------------------------------


def kg_build(inputs: list[Path], out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", "build", *map(str, inputs), "--out", str(out)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_the_order_of_the_inputs_does_not_change_a_byte(tmp_path, articles):
    names = list(ARTICLES)
    orders = [names, names[::-1], [names[1], names[3], names[0], names[2]]]
    outputs = []
    for n, order in enumerate(orders):
        proc = kg_build([articles[name] for name in order], tmp_path / f"out{n}")
        assert proc.returncode == 0, proc.stderr
        assert proc.stderr.splitlines()[0] == "4 article(s) built, 0 failed"
        outputs.append(snapshot(tmp_path / f"out{n}"))
    first = outputs[0]
    assert "김태완" in first["graph.ttl"].decode("utf-8") and "KIST" in first["graph.trig"].decode("utf-8")
    for other in outputs[1:]:
        assert other["graph.ttl"] == first["graph.ttl"]
        assert other["graph.trig"] == first["graph.trig"]
        assert other["graph.html"] == first["graph.html"]

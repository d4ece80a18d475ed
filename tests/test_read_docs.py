"""The examples in kg.read's docstrings run and hold."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["kg.read.clean", "kg.read.ids", "kg.read.inputs", "kg.read.metadata"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0


def test_there_are_examples_to_run():
    assert sum(doctest.testmod(importlib.import_module(n)).attempted for n in MODULES) >= 3

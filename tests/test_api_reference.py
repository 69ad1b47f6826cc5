"""docs/api.md, the API reference, is what tools/api_reference.py generates from the docstrings of the current code
(`make docs` rewrites it), and the generator stops on docstrings whose :param fields and signatures disagree."""

from __future__ import annotations

import difflib
import functools
import html
import inspect
import os
import pathlib
import re
import subprocess
import sys

import pytest
from conftest import ROOT

import constructs_lib
from tools import api_reference

API_MD = ROOT / "docs" / "api.md"
TOOL = ROOT / "tools" / "api_reference.py"


@functools.cache
def _generated() -> str:
    """The reference generated in memory from the current docstrings, whatever their drift (the drift test below is
    about that)."""
    return api_reference.render(strict=False)


def _section(text: str, name: str) -> str:
    match = re.search(rf"^## {re.escape(name)}\n(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, f"no section ## {name}"
    return match.group(1)


def _cells(row: str) -> list[str]:
    return [cell.strip().replace("\\|", "|") for cell in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def _code(cell: str) -> str:
    match = re.fullmatch(r"(`+) ?(.*?) ?\1", cell)
    assert match, f"not a code span: {cell!r}"
    return match.group(2)


def test_docs_api_md_is_what_make_docs_writes() -> None:
    # GIVEN the reference generated in memory from the current docstrings, and the committed file
    generated = _generated()
    committed = API_MD.read_text(encoding="utf-8") if API_MD.is_file() else ""

    # WHEN / THEN they are the same text
    if committed != generated:
        diff = difflib.unified_diff(committed.splitlines(), generated.splitlines(), "docs/api.md", "generated",
                                    lineterm="", n=1)
        pytest.fail("docs/api.md is stale: run `make docs`\n" + "\n".join(list(diff)[:30]))


def test_every_public_name_has_a_section_and_no_python_block() -> None:
    # GIVEN / WHEN the generated reference
    text = _generated()

    # THEN each name of __all__ has its section, nothing else does (no private name), and no block is Python
    # (tests/test_docs.py runs every ```python block of docs/)
    assert sorted(re.findall(r"^## (\S+)$", text, re.MULTILINE)) == sorted(constructs_lib.__all__)
    assert not re.search(r"^#+ .*\b_[a-z]", text, re.MULTILINE)
    assert "```python" not in text
    assert "tools/api_reference.py" in text.splitlines()[2] and "do not edit" in text.splitlines()[2]


@pytest.mark.parametrize("cls", [constructs_lib.RegistryChart, constructs_lib.Registry], ids=lambda c: c.__name__)
def test_every_constructor_parameter_is_in_the_table_as_the_source_has_it(cls: type) -> None:
    # GIVEN the constructor's signature and its own docstring, read here without the generator
    init = inspect.unwrap(vars(cls)["__init__"])
    doc = inspect.getdoc(init) or ""
    section = _section(_generated(), cls.__name__)
    signature_block = section.split("```text\n", 1)[1].split("```", 1)[0]
    table = section.split("| parameter | type | default | description |\n| --- | --- | --- | --- |\n", 1)[1]
    rows = {_cells(line)[0]: _cells(line) for line in table.split("\n\n", 1)[0].splitlines()}

    for name, parameter in list(inspect.signature(init).parameters.items())[1:]:
        # WHEN / THEN scope and id are in the signature; every other parameter is a row with its annotation as
        # written, its real default (evaluated where the constructor is defined) and its :param description
        if name in ("scope", "id"):
            assert f"    {name}: {parameter.annotation},\n" in signature_block
            continue
        assert f"`{name}`" in rows, f"{cls.__name__}: no row for {name}"
        _, annotation, default, description = rows[f"`{name}`"]
        assert _code(annotation) == parameter.annotation
        if parameter.default is inspect.Parameter.empty:
            assert default == "required"
        else:
            assert eval(_code(default), init.__globals__) == parameter.default, name
        field = re.search(rf"^:param {name}:(.*?)(?=^:|\Z)", doc, re.MULTILINE | re.DOTALL)
        assert field, f"{cls.__name__}.__init__ has no :param {name}"
        shown = html.unescape(" ".join(description.split()))
        # The plain words between the markup (``literals``, :roles:`targets`), each as written, in the cell.
        words = [" ".join(part.split()) for part in re.split(r"(?::\w+:)?`+[^`]*`+", field.group(1))]
        for part in filter(None, words):
            assert part in shown, f"{cls.__name__}.{name}: {part!r} not in {shown!r}"


class Misdocumented:
    """A class whose docstrings have drifted from its signatures."""

    def __init__(self, *, size: int = 1) -> None:
        """
        :param size: how big.
        :param colour: a parameter the signature no longer has.
        """
        self.size = size

    @classmethod
    def sized(cls, size: int, *, label: str = "") -> Misdocumented:
        """A factory.

        :param size: how big.
        """
        return cls(size=size)


class Documented:
    """The same class, documented.

    :param size: how big.
    """

    def __init__(self, *, size: int = 1) -> None:
        self.size = size

    @classmethod
    def sized(cls, size: int, *, label: str = "") -> Documented:
        """A factory.

        :param size: how big.
        :param label: what it is called.
        """
        return cls(size=size)


def test_a_docstring_that_disagrees_with_its_signature_stops_the_generator() -> None:
    # GIVEN a class documenting a parameter its constructor lacks, and a factory with an undocumented parameter
    # WHEN it is rendered strictly (the default), or not
    with pytest.raises(api_reference.DriftError) as raised:
        api_reference.render({"Misdocumented": Misdocumented})
    lenient = api_reference.render({"Misdocumented": Misdocumented}, strict=False)

    # THEN the error names each class, callable and parameter; without strict it renders, the gaps left empty
    assert [str(d) for d in raised.value.drifts] == [
        "Misdocumented.__init__: parameter 'colour' is documented (:param) but not in the signature",
        "Misdocumented.sized: parameter 'label' is in the signature but has no :param field",
    ]
    assert "Misdocumented.sized: parameter 'label'" in str(raised.value)
    assert "| `label` | `str` | `\"\"` |  |" in lenient
    # ... and the same class documented renders strictly, the class docstring documenting the constructor
    documented = api_reference.render({"Documented": Documented})
    assert "| `size` | `int` | `1` | how big. |" in _section(documented, "Documented")
    assert "| `label` | `str` | `\"\"` | what it is called. |" in documented


def test_the_docstrings_drift_no_further_than_known() -> None:
    # GIVEN / WHEN the mismatches of the current code
    drift = api_reference.find_drift()
    found = {(d.where, d.parameter) for d in drift}

    # THEN none is new (make docs would refuse it), and each one tolerated is still found: once its docstring is
    # fixed, it must leave KNOWN_DRIFT
    new = [str(d) for d in drift if (d.where, d.parameter) not in api_reference.KNOWN_DRIFT]
    assert not new, "docstrings and signatures disagree: fix the :param fields\n" + "\n".join(new)
    fixed = sorted(api_reference.KNOWN_DRIFT - found)
    assert not fixed, f"fixed: remove them from KNOWN_DRIFT in tools/api_reference.py: {fixed}"


def test_check_fails_on_a_stale_file_with_a_diff(tmp_path: pathlib.Path) -> None:
    # GIVEN the generated file, and a copy edited by hand
    fresh, stale = tmp_path / "fresh.md", tmp_path / "stale.md"
    fresh.write_text(_generated(), encoding="utf-8")
    stale.write_text(fresh.read_text(encoding="utf-8").replace("## RegistryChart\n", "## RegistryChart (mine)\n"),
                     encoding="utf-8")
    # Another hash seed than this process's: the output must not depend on set or dict order.
    env = {**os.environ, "PYTHONHASHSEED": "4242"}

    # WHEN `--check` compares each with what it generates
    results = [subprocess.run([sys.executable, str(TOOL), "--check", "--no-strict", "--output", str(path)],
                              cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False)
               for path in (fresh, stale)]

    # THEN the fresh one passes, the stale one fails saying so, with the lines that differ (stderr may also hold a
    # warning of jsii's Node.js)
    assert (results[0].returncode, results[0].stdout) == (0, ""), results[0].stderr
    assert "stale" not in results[0].stderr
    assert results[1].returncode == 1, results[1].stderr
    assert f"{stale} is stale: run make docs\n" in results[1].stderr
    assert "\n-## RegistryChart (mine)\n+## RegistryChart\n" in results[1].stderr

"""Run-time type checks of public arguments (constructs_lib/_typecheck.py): check_type, @typechecked, check_arguments
and check_fields.

Plain Python: the annotated classes below stand in for constructs."""

from __future__ import annotations

import dataclasses
import enum
import functools
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from typing import TYPE_CHECKING, Any, Literal, Optional, Union

import pytest

from constructs_lib import _typecheck
from constructs_lib._typecheck import check_arguments, check_fields, check_type, typechecked, unresolved_annotations

if TYPE_CHECKING:  # never imported at run time: annotations naming it do not resolve (as k8s.Toleration may not)
    import fractions


class Scope:
    """A stand-in for a construct scope."""


class LogLevel(enum.Enum):
    INFO = "info"
    DEBUG = "debug"


class Color(enum.Enum):
    RED = "red"


class Widget:
    """A stand-in for a construct: a checked constructor and factories."""

    @typechecked
    def __init__(self, scope: Scope, id: str, *, replicas: int = 1, debug: bool = False,
                 entry_points: Sequence[str] = (), labels: Mapping[str, str] | None = None,
                 level: LogLevel = LogLevel.INFO, image: str | None = None, peer: Peer | None = None,
                 fractions: Sequence[fractions.Fraction] = (), mode: Literal["push", "pull"] = "pull") -> None:
        self.replicas = replicas
        MADE.append(id)

    @classmethod
    @typechecked
    def of(cls, *, name: str, replicas: int = 1) -> Widget:
        return cls(Scope(), name, replicas=replicas)

    @typechecked  # over a classmethod: the other order works too
    @classmethod
    def reversed_of(cls, *, name: str) -> Widget:
        return cls(Scope(), name)

    @staticmethod
    @typechecked
    def double(value: int) -> int:
        return value * 2


class Untyped:
    """A constructor whose scope and id have no annotations."""

    @typechecked
    def __init__(self, scope, id, *, name: str) -> None:  # type: ignore[no-untyped-def]
        self.scope = scope


class Mixin:
    """A mixin whose method annotates self with another class (a protocol's stand-in): self is not checked."""

    @typechecked
    def scaled(self: Scope, *, factor: int) -> int:  # type: ignore[misc]
        return factor * 2


@typechecked
@functools.lru_cache(maxsize=None)  # noqa: UP033  (a wrapper with no __globals__ of this module)
def cached_level(*, level: LogLevel) -> str:
    return level.value


class Peer:
    """Defined after Widget, which names it: resolved at the first call, not when decorated."""


MADE: list[str] = []
CALLS: list[str] = []


def logged(function: Callable[..., Any]) -> Callable[..., Any]:
    """Another decorator that uses functools.wraps."""
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        CALLS.append(function.__name__)
        return function(*args, **kwargs)

    return wrapper


@typechecked
@logged
def checked_over_logged(*, count: int) -> int:
    return count


@logged
@typechecked
def logged_over_checked(*, count: int) -> int:
    return count


@typechecked
def variadic(first: str, /, *values: int, **options: bool) -> int:
    return len(values) + len(options)


@typechecked(localns={"fractions": __import__("fractions")})
def with_localns(*, share: fractions.Fraction) -> None:
    return None


# --- check_type ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "expected"), [
    (3, int), (True, bool), (False, bool), (1.5, float), (2, float), (2, complex), ("x", str), (None, None),
    (None, Optional[int]), (5, int | None), ("a", Union[int, str]),  # noqa: UP007, UP045  (typing's spellings too)
    (["a"], Sequence[str]), (("a", "b"), Sequence[str]),
    ([], list[int]), ({"a": "b"}, Mapping[str, str]), ({}, dict[str, int]), ((1, 2, 3), tuple[int, ...]),
    ((), tuple[int, ...]), ((1, "a"), tuple[int, str]), ("a", Literal["a", "b"]), (LogLevel.INFO, LogLevel),
    (LogLevel.DEBUG, Literal[LogLevel.DEBUG]), (Scope(), Scope), (object(), Any), ("x", object),
    (frozenset({1}), frozenset[int]), ({1}, AbstractSet[int]), (iter(["not", "looked", "into"]), Iterable[int]),
    (bool, type[int]), (len, Callable[[object], int]), (["a", ["b"]], Sequence[str | Sequence[str]]),
    ("x", str | Sequence[str]), ({"a": [1]}, Mapping[str, Sequence[int]]), (3, "Unresolved"),
], ids=lambda item: None)
def test_check_type_accepts_values_of_the_annotation(value: object, expected: object) -> None:
    # GIVEN a value of the annotation / WHEN checked / THEN nothing is raised
    check_type("n", value, expected)


@pytest.mark.parametrize(("value", "expected", "match"), [
    (True, int, r"n: expected int, got bool \(a bool is not taken for an int\)"),
    (1, bool, "n: expected bool, got int"),
    (None, bool, "n: expected bool, got NoneType"),
    (True, float, r"n: expected float, got bool \(a bool is not taken for a float\)"),
    ("3", int, "n: expected int, got str"),
    ("ab", Sequence[str], (r"n: expected Sequence\[str\], got str \(a str is not taken as a sequence of its "
                           r"characters here: give a list or tuple of them\)")),
    ("ab", list[str], r"n: expected list\[str\], got str \(a str is not taken"),
    ("ab", Iterable[str], r"n: expected Iterable\[str\], got str \(a str is not taken"),
    (["a", 1], Sequence[str], r"n\[1\]: expected str, got int"),
    ({"a": 1}, Mapping[str, str], r"n\['a'\]: expected str, got int"),
    ({1: "a"}, Mapping[str, str], r"n \(a key\): expected str, got int"),
    ([("a", "b")], Mapping[str, str], r"n: expected Mapping\[str, str\], got list"),
    (None, int, "n: expected int, got NoneType"),
    (None, Sequence[str], r"n: expected Sequence\[str\], got NoneType"),
    ("x", int | None, r"n: expected int \| None, got str"),
    ("x", Optional[int], r"n: expected int \| None, got str"),  # noqa: UP045
    (["a", 2], Optional[Sequence[str]], r"n\[1\]: expected str, got int"),  # noqa: UP045
    (1.5, Union[int, str], r"n: expected int \| str, got float"),  # noqa: UP007
    ("info", LogLevel, (r"n: expected LogLevel, got str \(give a member of LogLevel, like LogLevel.INFO, not its "
                        r"value\)")),
    (Color.RED, LogLevel, "n: expected LogLevel, got Color"),
    (object(), Scope, "n: expected Scope, got object"),
    ("c", Literal["a", "b"], r"n: expected Literal\['a', 'b'\], got str"),
    (True, Literal[1], r"n: expected Literal\[1\], got bool"),
    ("info", Literal[LogLevel.INFO], r"n: expected Literal\[LogLevel.INFO\], got str"),
    ((1, "a", 2), tuple[int, str], r"n: expected tuple\[int, str\], got tuple of 3 items"),
    ((1, 2), tuple[int, str], r"n\[1\]: expected str, got int"),
    ((1, "a"), tuple[int, ...], r"n\[1\]: expected int, got str"),
    ([1], tuple[int, ...], r"n: expected tuple\[int, \.\.\.\], got list"),
    ({1, "a"}, AbstractSet[int], r"n \(an item\): expected int, got str"),
    (["a", ["b", 2]], Sequence[str | Sequence[str]], r"n\[1\]\[1\]: expected str, got int"),
    ({"a": [1, "x"]}, Mapping[str, Sequence[int]], r"n\['a'\]\[1\]: expected int, got str"),
    (str, type[int], r"n: expected type\[int\], got type"),
    (5, Callable[..., int], "n: expected a callable, got int"),
], ids=lambda item: None)
def test_fails_value_not_of_the_annotation(value: object, expected: object, match: str) -> None:
    # GIVEN a value not of the annotation
    # WHEN checked / THEN a TypeError names the parameter or its element at fault, what was expected and the type given
    with pytest.raises(TypeError, match=f"^{match}"):
        check_type("n", value, expected)


def test_fails_without_showing_the_value() -> None:
    # GIVEN a secret passed where a count is expected, and inside a mapping
    # WHEN checked / THEN neither message shows the secret
    for expected, value in ((int, "hunter2-secret"), (Mapping[str, int], {"password": "hunter2-secret"})):
        with pytest.raises(TypeError) as error:
            check_type("n", value, expected)
        assert "hunter2" not in str(error.value)


def test_fails_unsupported_annotation() -> None:
    # GIVEN an annotation no value can be checked against / WHEN used / THEN the error says so
    with pytest.raises(TypeError, match=r"cannot check a value against the annotation typing\.NoReturn"):
        check_type("n", 1, typing.NoReturn)


# --- @typechecked ----------------------------------------------------------------------------------------------------


def test_typechecked_constructor_takes_good_arguments() -> None:
    # GIVEN good arguments for every parameter, an unresolved annotation taking anything of the right shape
    # WHEN the constructor is called
    widget = Widget(Scope(), "registry", replicas=2, debug=True, entry_points=["a", "b"], labels={"a": "b"},
                    level=LogLevel.DEBUG, image=None, peer=Peer(), mode="push",
                    fractions=[object()])  # type: ignore[list-item]

    # THEN the body ran
    assert widget.replicas == 2
    assert MADE[-1] == "registry"


@pytest.mark.parametrize(("args", "kwargs", "match"), [
    ((Scope(), 5), {}, "^id: expected str, got int$"),
    ((object(), "w"), {}, "^scope: expected Scope, got object$"),
    ((Scope(), "w"), {"replicas": True}, r"^replicas: expected int, got bool \(a bool is not taken for an int\)$"),
    ((Scope(), "w"), {"replicas": "2"}, "^replicas: expected int, got str$"),
    ((Scope(), "w"), {"debug": 1}, "^debug: expected bool, got int$"),
    ((Scope(), "w"), {"entry_points": "serve"}, r"^entry_points: expected Sequence\[str\], got str \(a str is not"),
    ((Scope(), "w"), {"entry_points": ["serve", 1]}, r"^entry_points\[1\]: expected str, got int$"),
    ((Scope(), "w"), {"labels": {"tier": 1}}, r"^labels\['tier'\]: expected str, got int$"),
    ((Scope(), "w"), {"level": "debug"}, r"^level: expected LogLevel, got str \(give a member of LogLevel"),
    ((Scope(), "w"), {"level": Color.RED}, "^level: expected LogLevel, got Color$"),
    ((Scope(), "w"), {"image": 5}, r"^image: expected str \| None, got int$"),
    ((Scope(), "w"), {"replicas": None}, "^replicas: expected int, got NoneType$"),
    ((Scope(), "w"), {"peer": Scope()}, r"^peer: expected Peer \| None, got Scope$"),
    ((Scope(), "w"), {"fractions": "1/2"}, r"^fractions: expected Sequence\[fractions.Fraction\], got str"),
    ((Scope(), "w"), {"mode": "delete"}, r"^mode: expected Literal\['push', 'pull'\], got str$"),
], ids=["id", "scope", "bool-replicas", "str-replicas", "int-debug", "str-entry-points", "int-entry-point",
        "label-value", "str-level", "other-enum", "int-image", "none-replicas", "wrong-class", "unresolved-but-str",
        "literal"])
def test_fails_typechecked_constructor_bad_argument(args: tuple[object, ...], kwargs: dict[str, object],
                                                    match: str) -> None:
    # GIVEN one bad argument to a checked constructor
    made = len(MADE)

    # WHEN the constructor is called / THEN a TypeError names the parameter before the body runs
    with pytest.raises(TypeError, match=match):
        Widget(*args, **kwargs)  # type: ignore[arg-type]
    assert len(MADE) == made


def test_typechecked_skips_self_and_checks_an_unannotated_id_as_str() -> None:
    # GIVEN a constructor whose scope and id have no annotation
    # WHEN called with any scope / THEN it is taken
    assert Untyped(None, "ok", name="x").scope is None
    # AND an id that is not a str is refused
    with pytest.raises(TypeError, match=r"^id: expected str, got int$"):
        Untyped(None, 1, name="x")


def test_typechecked_classmethod_and_staticmethod_in_both_orders() -> None:
    # GIVEN factories under @classmethod (outermost, and the other way round) and a @staticmethod
    # WHEN called with good arguments / THEN they work
    assert Widget.of(name="a", replicas=3).replicas == 3
    assert isinstance(Widget.reversed_of(name="b"), Widget)
    assert Widget.double(2) == 4
    # AND with bad ones, each is refused naming the parameter (cls not being checked)
    with pytest.raises(TypeError, match=r"^name: expected str, got int$"):
        Widget.of(name=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^name: expected str, got NoneType$"):
        Widget.reversed_of(name=None)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^value: expected int, got str$"):
        Widget.double("2")  # type: ignore[arg-type]


def test_typechecked_stacks_with_functools_wraps_decorators() -> None:
    # GIVEN checked functions under and over another functools.wraps decorator
    CALLS.clear()

    # WHEN called with good arguments / THEN both the other decorator and the function run
    assert checked_over_logged(count=1) == 1
    assert logged_over_checked(count=2) == 2
    assert CALLS == ["checked_over_logged", "logged_over_checked"]
    # AND a bad argument is refused in both orders (by the innermost function's annotations)
    for function in (checked_over_logged, logged_over_checked):
        with pytest.raises(TypeError, match=r"^count: expected int, got str$"):
            function(count="1")
    # AND the wrappers keep the function's name, docstring and __wrapped__
    assert checked_over_logged.__name__ == "checked_over_logged"
    assert Widget.__init__.__wrapped__.__name__ == "__init__"  # type: ignore[attr-defined]


def test_typechecked_skips_an_annotated_self() -> None:
    # GIVEN a method annotating self with a class the instance is not of
    # WHEN called / THEN self is not checked, the other arguments are
    assert Mixin().scaled(factor=2) == 4  # type: ignore[misc]
    with pytest.raises(TypeError, match=r"^factor: expected int, got str$"):
        Mixin().scaled(factor="2")  # type: ignore[misc, arg-type]


def test_typechecked_resolves_through_a_wrapper_of_other_globals() -> None:
    # GIVEN a checked function under functools.lru_cache (a wrapper whose globals are not this module's)
    # WHEN called / THEN the annotation resolves in the wrapped function's module and is checked
    assert cached_level(level=LogLevel.DEBUG) == "debug"
    assert unresolved_annotations(cached_level) == {}
    with pytest.raises(TypeError, match=r"^level: expected LogLevel, got str"):
        cached_level(level="debug")


def test_typechecked_checks_positional_only_var_positional_and_var_keyword() -> None:
    # GIVEN a function of a positional-only, *values: int and **options: bool
    # WHEN called with good arguments / THEN it runs
    assert variadic("a", 1, 2, fast=True) == 3
    # AND bad ones are named by parameter and position
    with pytest.raises(TypeError, match=r"^first: expected str, got int$"):
        variadic(1)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^values\[1\]: expected int, got str$"):
        variadic("a", 1, "2")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^fast: expected bool, got int$"):
        variadic("a", fast=1)  # type: ignore[arg-type]


def test_typechecked_leaves_defaults_and_call_errors_to_python() -> None:
    # GIVEN a checked constructor
    # WHEN called without the optional keywords / THEN the defaults are not checked
    Widget(Scope(), "defaults")
    # AND an unknown keyword is Python's own error
    with pytest.raises(TypeError, match="unexpected keyword argument 'colour'"):
        Widget(Scope(), "w", colour="red")  # type: ignore[call-arg]


def test_typechecked_resolves_annotations_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # GIVEN a fresh checked function, and the resolution counted
    resolved: list[object] = []
    real = _typecheck._resolve_hints

    def counting(function: Callable[..., object], localns: Mapping[str, object]) -> dict[str, object]:
        resolved.append(function)
        return real(function, localns)

    monkeypatch.setattr(_typecheck, "_resolve_hints", counting)

    @typechecked
    def fresh(*, count: int) -> int:
        return count

    # WHEN called three times
    for count in range(3):
        fresh(count=count)

    # THEN its annotations were resolved once, at the first call
    assert len(resolved) == 1


def test_unresolved_annotations_accept_anything_in_their_place() -> None:
    # GIVEN a parameter annotated Sequence[fractions.Fraction], the module imported only under TYPE_CHECKING
    # WHEN its unresolved names are asked for / THEN that is the only one
    assert unresolved_annotations(Widget.__init__) == {"fractions": ("fractions.Fraction",)}
    # AND the shape around it is still checked, anything inside taken
    Widget(Scope(), "w", fractions=[1, "x"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^fractions: expected Sequence\[fractions.Fraction\], got int$"):
        Widget(Scope(), "w", fractions=1)  # type: ignore[arg-type]


def test_localns_resolves_names_the_module_lacks() -> None:
    # GIVEN the missing module given to @typechecked(localns=...)
    from fractions import Fraction

    # WHEN called / THEN the annotation is checked in full
    with_localns(share=Fraction(1, 2))
    assert unresolved_annotations(with_localns) == {}
    with pytest.raises(TypeError, match=r"^share: expected Fraction, got float$"):
        with_localns(share=0.5)  # type: ignore[arg-type]


# --- check_arguments -------------------------------------------------------------------------------------------------


def configure(*, replicas: int, hosts: Sequence[str] = (), level: LogLevel | None = None) -> None:
    """A function whose arguments are checked by name."""


def options(name: str, **extra: int) -> None:
    """A function taking annotated **kwargs."""


def test_check_arguments_takes_good_arguments() -> None:
    # GIVEN good arguments by name / WHEN checked / THEN nothing is raised
    check_arguments(configure, {"replicas": 2, "hosts": ["a.example.com"], "level": None})
    check_arguments(options, {"name": "x", "anything": 3})


@pytest.mark.parametrize(("function", "arguments", "match"), [
    (configure, {"replicas": "2"}, "^replicas: expected int, got str$"),
    (configure, {"replicas": False}, r"^replicas: expected int, got bool \(a bool"),
    (configure, {"hosts": "a.example.com"}, r"^hosts: expected Sequence\[str\], got str \(a str is not taken"),
    (configure, {"hosts": ["a", None]}, r"^hosts\[1\]: expected str, got NoneType$"),
    (configure, {"level": "info"}, r"^level: expected LogLevel \| None, got str$"),
    (configure, {"replica": 2}, r"^configure\(\) has no parameter 'replica'$"),
    (options, {"anything": "3"}, "^anything: expected int, got str$"),
], ids=["str-for-int", "bool-for-int", "str-for-sequence", "none-element", "str-for-enum", "unknown-name",
        "var-keyword"])
def test_fails_check_arguments_bad_argument(function: Callable[..., object], arguments: dict[str, object],
                                            match: str) -> None:
    # GIVEN a bad or unknown argument by name / WHEN checked / THEN a TypeError names it
    with pytest.raises(TypeError, match=match):
        check_arguments(function, arguments)


# --- check_fields ----------------------------------------------------------------------------------------------------


@dataclasses.dataclass(frozen=True, kw_only=True)
class BaseOptions:
    """A dataclass whose fields are checked in __post_init__; a subclass adds more."""

    name: str
    replicas: int = 1

    def __post_init__(self) -> None:
        check_fields(self)


@dataclasses.dataclass(frozen=True, kw_only=True)
class Options(BaseOptions):
    hosts: Sequence[str] = ()
    level: LogLevel | None = None
    share: fractions.Fraction | None = None
    derived: str = dataclasses.field(init=False)


def test_check_fields_takes_good_fields_and_skips_unset_ones() -> None:
    # GIVEN good fields, an unresolved annotation and a field set only later (init=False)
    # WHEN the dataclass is made / THEN its fields pass
    options = Options(name="a", replicas=2, hosts=["h"], level=LogLevel.INFO, share=object())  # type: ignore[arg-type]
    assert options.replicas == 2


@pytest.mark.parametrize(("fields", "match"), [
    ({"name": 1}, r"^name: expected str, got int$"),
    ({"name": "a", "replicas": True}, r"^replicas: expected int, got bool \(a bool"),
    ({"name": "a", "hosts": "h"}, r"^hosts: expected Sequence\[str\], got str \(a str is not taken"),
    ({"name": "a", "hosts": ["h", 2]}, r"^hosts\[1\]: expected str, got int$"),
    ({"name": "a", "level": "info"}, r"^level: expected LogLevel \| None, got str$"),
], ids=["inherited-field", "bool-for-int", "str-for-sequence", "element", "str-for-enum"])
def test_fails_check_fields_bad_field(fields: dict[str, object], match: str) -> None:
    # GIVEN a dataclass field of the wrong type / WHEN made / THEN a TypeError names the field
    with pytest.raises(TypeError, match=match):
        Options(**fields)  # type: ignore[arg-type]


def test_fails_check_fields_of_no_dataclass() -> None:
    # GIVEN something that is no dataclass instance / WHEN its fields are checked / THEN that is the error
    with pytest.raises(TypeError, match=r"^check_fields: expected a dataclass instance, got type$"):
        check_fields(Options)

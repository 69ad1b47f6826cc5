"""Run-time type checks of public arguments, against the functions' own annotations.

Each failed check raises ``TypeError("<parameter>: expected <type>, got <type of the value>")``. The value itself is
never shown: it may be a secret passed in the wrong place. An element names its place: ``entry_points[1]``, a mapping
value ``labels['app']``, a mapping key ``labels (a key)``.

The rules, where Python's own ``isinstance`` would be too lenient or too strict:

* ``int`` refuses a ``bool`` (a bool is not a count), ``bool`` takes only ``True``/``False``; ``float`` takes an
  ``int`` too, and ``complex`` an ``int`` or ``float`` (PEP 484's numeric tower), never a ``bool``.
* A ``str`` is refused where a sequence or any other iterable is expected (``Sequence[str]``, ``Iterable[str]``,
  ``list[str]``...): it is the most common slip, and a str is a sequence of its characters.
* Iterables that are not collections (a generator) are not looked into: that would consume them.
* ``Any`` and ``object`` take anything; a Protocol that is not ``runtime_checkable`` too (isinstance cannot tell).

Unresolvable annotations. Modules use ``from __future__ import annotations``, so annotations are strings, resolved
once per function (at its first checked call, so classes defined later in the module resolve) with
``typing.get_type_hints(function, globalns=<the module's globals>, localns=...)``. The local names come from the
``localns`` given to :func:`typechecked` first, then the module's globals, then builtins. A name found in none of
them (one imported only under ``if TYPE_CHECKING:``, or a jsii module the library does not import at run time) is an
*unresolved name*, and the rule is: **the value in its place is accepted as it is, and everything around it is still
checked**. ``Sequence[k8s.Toleration]`` with ``k8s`` unresolved still refuses a str or an int and accepts any
sequence; ``k8s.Toleration | None`` accepts anything (one arm of the union accepts anything). Where even that fails
(a resolved module lacks the attribute), the whole annotation of that parameter is unresolved. A forward reference
given to :func:`check_type` directly (a str or ``typing.ForwardRef``) is unresolved too. :func:`unresolved_annotations`
lists them, so a test can pin that nothing else is left unchecked; give ``typechecked(localns={...})`` the names to
check them.
"""

from __future__ import annotations

import builtins
import collections
import collections.abc
import dataclasses
import enum
import functools
import inspect
import sys
import types
import typing
import weakref
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, ParamSpec, TypeVar, overload

__all__ = ["check_arguments", "check_fields", "check_type", "typechecked", "unresolved_annotations"]

P = ParamSpec("P")
R = TypeVar("R")

_Check = Callable[[str, object], None]
_Accepts = Callable[[object], bool]


class _Checker:
    """A compiled annotation. `valid(value)` is the whole test, fast and without building any message; `explain(path,
    value)` raises the TypeError for a value that is not valid, naming the element at fault; `accepts(value)` is the
    shallow test a union chooses its arm by; `text` is how the annotation reads in messages; `unresolved` the names
    in it that did not resolve."""

    __slots__ = ("accepts", "exact", "explain", "text", "unresolved", "valid")

    def __init__(self, valid: _Accepts, explain: _Check, text: str, accepts: _Accepts | None = None,
                 unresolved: tuple[str, ...] = (), exact: type | None = None) -> None:
        self.valid = valid
        self.exact = exact  # a type whose instances are valid: tested first, as `type(value) is exact`
        self.explain = explain
        self.text = text
        self.accepts = valid if accepts is None else accepts
        self.unresolved = unresolved

    def check(self, path: str, value: object) -> None:
        if not self.valid(value):
            self.explain(path, value)


def _error(path: str, text: str, value: object, hint: str = "") -> TypeError:
    return TypeError(f"{path}: expected {text}, got {type(value).__name__}{hint}")


def _accept_all(value: object) -> bool:
    return True


def _check_nothing(path: str, value: object) -> None:
    return None


def _refuse(text: str, hint: Callable[[object], str] | None = None) -> _Check:
    """The explain of a checker that has no elements: the error for the value as a whole."""
    def explain(path: str, value: object) -> None:
        raise _error(path, text, value, hint(value) if hint else "")

    return explain


_ANY = _Checker(_accept_all, _check_nothing, "Any")


# --- names that do not resolve ---------------------------------------------------------------------------------------


class _UnresolvedMeta(type):
    """The class of the stand-ins for names that do not resolve: `k8s.Toleration` and `Foo[int]` still evaluate, to
    further stand-ins, so the annotation around them keeps its shape."""

    def __getattr__(cls, name: str) -> type:
        if name.startswith("__"):
            raise AttributeError(name)
        return _unresolved(f"{cls.__name__}.{name}")

    def __getitem__(cls, item: object) -> type:
        return cls


def _unresolved(name: str) -> type:
    return _UnresolvedMeta(name, (), {"__module__": "<unresolved>"})


class _Names(Mapping[str, object]):
    """The local namespace annotations are evaluated in: the given names, the module's globals, builtins, and a
    stand-in for any other name."""

    def __init__(self, localns: Mapping[str, object], globalns: Mapping[str, object]) -> None:
        self._localns = localns
        self._globalns = globalns

    def __getitem__(self, name: str) -> object:
        for namespace in (self._localns, self._globalns):
            if name in namespace:
                return namespace[name]
        if hasattr(builtins, name):
            return getattr(builtins, name)
        return _unresolved(name)

    def __iter__(self) -> Iterator[str]:
        return iter(self._localns)

    def __len__(self) -> int:
        return len(self._localns)


def _resolve_hints(function: Callable[..., object], localns: Mapping[str, object]) -> dict[str, object]:
    """The parameter annotations of `function` (the innermost of its wrappers), resolved by the module docstring's
    rule."""
    globalns: dict[str, Any] = getattr(function, "__globals__", {})
    names = _Names(localns, globalns)
    try:
        hints = typing.get_type_hints(function, globalns=globalns, localns=names)
    except Exception:  # noqa: BLE001  (an attribute missing from a resolved module, a malformed annotation...)
        hints = {}
        for name, annotation in getattr(function, "__annotations__", {}).items():
            try:
                hints[name] = typing.get_type_hints(_Holder(annotation), globalns=globalns, localns=names)["x"]
            except Exception:  # noqa: BLE001
                hints[name] = _unresolved(annotation if isinstance(annotation, str) else repr(annotation))
    hints.pop("return", None)
    return hints


class _Holder:
    """An object with one annotation, for resolving annotations one by one when the function's fail together."""

    def __init__(self, annotation: object) -> None:
        self.__annotations__ = {"x": annotation}


# --- compiling annotations -------------------------------------------------------------------------------------------

_compiled: dict[object, _Checker] = {}

_SEQUENCES = {collections.abc.Sequence, collections.abc.MutableSequence, list, collections.deque,
              collections.abc.Collection, collections.abc.Iterable, collections.abc.Reversible}
_SETS = {collections.abc.Set, collections.abc.MutableSet, set, frozenset}
_MAPPINGS = {collections.abc.Mapping, collections.abc.MutableMapping, dict, collections.OrderedDict,
             collections.defaultdict, collections.Counter, collections.ChainMap}
_CALLABLE: object = collections.abc.Callable
_STR_HINT = " (a str is not taken as a sequence of its characters here: give a list or tuple of them)"


def _compile(expected: object) -> _Checker:
    try:
        return _compiled[expected]
    except KeyError:
        pass
    except TypeError:  # unhashable (a Literal of a list...): compile every time
        return _build(expected)
    checker = _compiled[expected] = _build(expected)
    return checker


def _class_text(cls: type) -> str:
    return cls.__name__ if cls.__module__ in ("builtins", "collections.abc", "typing", "collections") \
        else cls.__qualname__


def _literal_text(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__qualname__}.{value.name}"
    return repr(value)


def _build(expected: object) -> _Checker:
    if expected is Any:
        return _ANY
    if expected is object:
        return _Checker(_accept_all, _check_nothing, "object")
    if expected is None or expected is type(None):
        return _exact_none()
    if isinstance(expected, (str, typing.ForwardRef)):
        name = expected if isinstance(expected, str) else expected.__forward_arg__
        return _Checker(_accept_all, _check_nothing, name, unresolved=(name,))
    if isinstance(expected, _UnresolvedMeta):
        return _Checker(_accept_all, _check_nothing, expected.__name__, unresolved=(expected.__name__,))
    if isinstance(expected, TypeVar):
        if expected.__bound__ is not None:
            return _compile(expected.__bound__)
        if expected.__constraints__:
            return _union(expected.__constraints__)
        return _ANY
    supertype = getattr(expected, "__supertype__", None)
    if supertype is not None:  # typing.NewType
        return _compile(supertype)

    origin = typing.get_origin(expected)
    args = typing.get_args(expected)
    if origin is typing.Annotated:
        return _compile(args[0])
    if origin is typing.Union or origin is types.UnionType:
        return _union(args)
    if origin is typing.Literal:
        return _literal(args)
    if origin in (typing.ClassVar, typing.Final):
        return _compile(args[0])
    if origin is tuple:
        return _tuple(args)
    if origin in _MAPPINGS:
        return _mapping(origin, args)
    if origin in _SEQUENCES or origin in _SETS:
        return _iterable(origin, args[0] if args else Any)
    if origin is type:
        return _subclass(args[0] if args else Any)
    if origin is collections.abc.Callable:
        return _callable(expected)
    if isinstance(origin, type):  # a user's generic class, Foo[int]: only the class is checked
        return _instance(origin, f"{_class_text(origin)}[{', '.join(_compile(a).text for a in args)}]")

    if isinstance(expected, type):
        if expected is bool:
            return _exact_bool()
        if expected in (int, float, complex):
            return _number(expected)
        if expected is tuple:
            return _tuple((Any, ...))
        if expected in _MAPPINGS:
            return _mapping(expected, ())
        if expected in _SEQUENCES or expected in _SETS:
            return _iterable(expected, Any)
        if expected is _CALLABLE:
            return _callable(expected)
        if typing.is_typeddict(expected):
            return _instance(dict, expected.__qualname__)
        if getattr(expected, "_is_protocol", False) and not getattr(expected, "_is_runtime_protocol", False):
            return _Checker(_accept_all, _check_nothing, expected.__qualname__)
        return _instance(expected, _class_text(expected))
    raise TypeError(f"cannot check a value against the annotation {expected!r}")


def _exact_none() -> _Checker:
    return _Checker(lambda value: value is None, _refuse("None"), "None")


def _exact_bool() -> _Checker:
    return _Checker(lambda value: value is True or value is False, _refuse("bool"), "bool", exact=bool)


def _number(kind: type) -> _Checker:
    accepted: tuple[type, ...] = {int: (int,), float: (int, float), complex: (int, float, complex)}[kind]
    text = kind.__name__
    article = "an" if kind is int else "a"

    def valid(value: object) -> bool:
        return type(value) is kind or (isinstance(value, accepted) and value is not True and value is not False)

    def hint(value: object) -> str:
        return f" (a bool is not taken for {article} {text})" if isinstance(value, bool) else ""

    return _Checker(valid, _refuse(text, hint), text, exact=kind)


def _instance(cls: type, text: str) -> _Checker:
    enum_hint = ""
    if isinstance(cls, enum.EnumMeta) and len(cls) > 0:
        first: enum.Enum = next(iter(cls))
        enum_hint = f" (give a member of {cls.__qualname__}, like {cls.__qualname__}.{first.name}, not its value)"

    def hint(value: object) -> str:
        return enum_hint if isinstance(value, (str, int)) else ""

    # The metaclass's __instancecheck__, bound: isinstance(value, cls) as one C call.
    valid: _Accepts = cls.__instancecheck__
    return _Checker(valid, _refuse(text, hint), text, exact=cls)


def _union(arms: tuple[object, ...]) -> _Checker:
    checkers = [_compile(arm) for arm in arms]
    unresolved = tuple(name for checker in checkers for name in checker.unresolved)
    text = " | ".join(checker.text for checker in checkers)
    if any(checker.valid is _accept_all for checker in checkers):
        return _Checker(_accept_all, _check_nothing, text, unresolved=unresolved)
    others = [checker for checker in checkers if checker.text != "None"]
    if len(others) == 1 and len(checkers) == 2:  # X | None: the common case, kept fast
        inner = others[0]
        inner_valid, inner_accepts = inner.valid, inner.accepts

        def valid_optional(value: object) -> bool:
            return value is None or inner_valid(value)

        def explain_optional(path: str, value: object) -> None:
            if not inner_accepts(value):
                raise _error(path, text, value)
            inner.explain(path, value)

        return _Checker(valid_optional, explain_optional, text, lambda value: value is None or inner_accepts(value),
                        unresolved)

    def valid(value: object) -> bool:
        return any(checker.valid(value) for checker in checkers)

    def accepts(value: object) -> bool:
        return any(checker.accepts(value) for checker in checkers)

    def explain(path: str, value: object) -> None:
        # No arm is valid: blame the first arm of the value's shape (its element at fault), else the whole union.
        for checker in checkers:
            if checker.accepts(value):
                checker.explain(path, value)
        raise _error(path, text, value)

    return _Checker(valid, explain, text, accepts, unresolved)


def _literal(values: tuple[object, ...]) -> _Checker:
    text = f"Literal[{', '.join(_literal_text(value) for value in values)}]"
    allowed = [(type(value), value) for value in values]

    def valid(value: object) -> bool:
        return any(type(value) is kind and value == allowed_value for kind, allowed_value in allowed)

    return _Checker(valid, _refuse(text), text)


def _iterable(origin: type, element: object) -> _Checker:
    item = _compile(element)
    name = _class_text(origin)
    text = name if item is _ANY else f"{name}[{item.text}]"
    indexed = origin not in _SETS
    item_valid = None if item.valid is _accept_all else item.valid
    exact = item.exact
    is_origin: _Accepts = origin.__instancecheck__
    # The built-in collections of this kind, known without an ABC's isinstance.
    builtin = frozenset(kind for kind in (list, tuple, set, frozenset, dict) if issubclass(kind, origin))

    def accepts(value: object) -> bool:
        return is_origin(value) and not isinstance(value, str)

    def valid(value: object) -> bool:
        if type(value) not in builtin:
            if not is_origin(value) or isinstance(value, str):
                return False
            if not isinstance(value, collections.abc.Collection):
                return True  # not looked into: an iterator would be consumed
        if item_valid is not None:
            for entry in typing.cast(Iterable[object], value):
                if type(entry) is not exact and not item_valid(entry):
                    return False
        return True

    def explain(path: str, value: object) -> None:
        if isinstance(value, str):
            raise _error(path, text, value, _STR_HINT)
        if not is_origin(value):
            raise _error(path, text, value)
        for index, entry in enumerate(typing.cast(collections.abc.Collection[object], value)):
            item.check(f"{path}[{index}]" if indexed else f"{path} (an item)", entry)

    return _Checker(valid, explain, text, accepts, item.unresolved)


def _tuple(args: tuple[object, ...]) -> _Checker:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _compile(args[0])
        text = "tuple" if item is _ANY else f"tuple[{item.text}, ...]"
        item_valid = None if item.valid is _accept_all else item.valid

        def valid_variadic(value: object) -> bool:
            return isinstance(value, tuple) and (item_valid is None or all(map(item_valid, value)))

        def explain_variadic(path: str, value: object) -> None:
            if not isinstance(value, tuple):
                raise _error(path, text, value)
            for index, entry in enumerate(value):
                item.check(f"{path}[{index}]", entry)

        return _Checker(valid_variadic, explain_variadic, text, lambda value: isinstance(value, tuple),
                        item.unresolved)

    items = [] if args == ((),) else [_compile(arg) for arg in args]
    text = f"tuple[{', '.join(item.text for item in items) or '()'}]"

    def accepts(value: object) -> bool:
        return isinstance(value, tuple) and len(value) == len(items)

    def valid(value: object) -> bool:
        return accepts(value) and all(item.valid(entry) for item, entry in zip(items, typing.cast(tuple[object, ...],
                                                                                                  value), strict=True))

    def explain(path: str, value: object) -> None:
        if not isinstance(value, tuple):
            raise _error(path, text, value)
        if len(value) != len(items):
            raise TypeError(f"{path}: expected {text}, got tuple of {len(value)} items")
        for index, (item, entry) in enumerate(zip(items, value, strict=True)):
            item.check(f"{path}[{index}]", entry)

    return _Checker(valid, explain, text, accepts, tuple(name for item in items for name in item.unresolved))


def _mapping(origin: type, args: tuple[object, ...]) -> _Checker:
    key, value_checker = (_compile(args[0]), _compile(args[1])) if args else (_ANY, _ANY)
    name = _class_text(origin)
    text = f"{name}[{key.text}, {value_checker.text}]" if args else name
    key_valid = None if key.valid is _accept_all else key.valid
    value_valid = None if value_checker.valid is _accept_all else value_checker.valid
    key_exact, value_exact = key.exact, value_checker.exact
    is_origin: _Accepts = origin.__instancecheck__
    builtin = dict if issubclass(dict, origin) else None

    def valid(value: object) -> bool:
        if type(value) is not builtin and not is_origin(value):
            return False
        mapping = typing.cast(Mapping[object, object], value)
        if key_valid is None and value_valid is None:
            return True
        for entry_key, entry_value in mapping.items():
            if type(entry_key) is not key_exact and key_valid is not None and not key_valid(entry_key):
                return False
            if type(entry_value) is not value_exact and value_valid is not None and not value_valid(entry_value):
                return False
        return True

    def explain(path: str, value: object) -> None:
        if not is_origin(value):
            raise _error(path, text, value)
        for entry_key, entry_value in typing.cast(Mapping[object, object], value).items():
            key.check(f"{path} (a key)", entry_key)
            value_checker.check(f"{path}[{entry_key!r}]", entry_value)

    return _Checker(valid, explain, text, is_origin, key.unresolved + value_checker.unresolved)


def _subclass(bound: object) -> _Checker:
    inner = _compile(bound)
    text = f"type[{inner.text}]"
    classes = tuple(arm for arm in (typing.get_args(bound) or (bound,)) if isinstance(arm, type))

    def valid(value: object) -> bool:
        return isinstance(value, type) and (inner is _ANY or not classes or issubclass(value, classes))

    return _Checker(valid, _refuse(text), text, unresolved=inner.unresolved)


def _callable(expected: object) -> _Checker:
    return _Checker(callable, _refuse("a callable"), "a callable")


# --- public API ------------------------------------------------------------------------------------------------------


def check_type(parameter: str, value: object, expected: object) -> None:
    """Raise ``TypeError("<parameter>: expected <type>, got <type of value>")`` unless `value` is of the annotation
    `expected` (a class, ``X | None``, ``Optional``, ``Union``, ``Sequence[X]``, ``Mapping[K, V]``, ``tuple[X, ...]``,
    ``Literal[...]``, an enum, ``Any``...; the module docstring has the rules)."""
    checker = _compile(expected)
    if not checker.valid(value):
        checker.explain(parameter, value)


# A parameter's test and the error it raises when the test fails; None: not checked.
_Entry = tuple[_Accepts, _Check] | None


class _Plan:
    """The checks of one function's parameters, built once (at the first call): the positional parameters in order,
    the keyword ones by name, so a call is bound without inspect.signature."""

    __slots__ = ("by_name", "function", "has_var_keyword", "keyword", "localns", "positional", "ready", "unresolved",
                 "var_keyword", "var_positional", "var_positional_name")

    def __init__(self, function: Callable[..., object], localns: Mapping[str, object]) -> None:
        self.function = function
        self.localns = localns
        self.ready = False
        self.positional: tuple[tuple[str, _Entry], ...] = ()
        self.keyword: dict[str, _Entry] = {}
        self.by_name: dict[str, _Entry] = {}
        self.var_positional: _Entry = None
        self.var_positional_name = ""
        self.var_keyword: _Entry = None
        self.has_var_keyword = False
        self.unresolved: dict[str, tuple[str, ...]] = {}

    def build(self) -> _Plan:
        inner = inspect.unwrap(self.function)
        hints = _resolve_hints(inner, self.localns)
        positional: list[tuple[str, _Entry]] = []
        for index, parameter in enumerate(inspect.signature(inner).parameters.values()):
            name, kind = parameter.name, parameter.kind
            checker: _Checker | None = None
            if index == 0 and name in ("self", "cls") and kind in (parameter.POSITIONAL_ONLY,
                                                                     parameter.POSITIONAL_OR_KEYWORD):
                checker = None
            elif name in hints:
                checker = _compile(hints[name])
            if name == "id" and (checker is None or checker.unresolved):  # a construct id is always a str
                checker = _compile(str)
            if checker is not None and checker.unresolved:
                self.unresolved[name] = checker.unresolved
            entry = None if checker is None or checker.valid is _accept_all else (checker.valid, checker.explain)
            if kind in (parameter.POSITIONAL_ONLY, parameter.POSITIONAL_OR_KEYWORD):
                positional.append((name, entry))
            if kind in (parameter.POSITIONAL_OR_KEYWORD, parameter.KEYWORD_ONLY):
                self.keyword[name] = entry
            if kind is parameter.VAR_POSITIONAL:
                self.var_positional, self.var_positional_name = entry, name
            elif kind is parameter.VAR_KEYWORD:
                self.var_keyword, self.has_var_keyword = entry, True
            else:
                self.by_name[name] = entry
        self.positional = tuple(positional)
        self.ready = True
        return self

    def run(self, args: tuple[object, ...], kwargs: Mapping[str, object]) -> None:
        """Check the arguments of one call."""
        if not self.ready:
            self.build()
        for (name, entry), value in zip(self.positional, args, strict=False):  # more args than these: *args
            if entry is not None and not entry[0](value):
                entry[1](name, value)
        if len(args) > len(self.positional) and self.var_positional is not None:
            valid, explain = self.var_positional
            for index, value in enumerate(args[len(self.positional):]):
                if not valid(value):
                    explain(f"{self.var_positional_name}[{index}]", value)
        if kwargs:
            keyword, default = self.keyword, self.var_keyword
            for name, value in kwargs.items():
                entry = keyword.get(name, default)
                if entry is not None and not entry[0](value):
                    entry[1](name, value)


_plans: weakref.WeakKeyDictionary[Callable[..., object], _Plan] = weakref.WeakKeyDictionary()


def _plan_of(function: Callable[..., object]) -> _Plan:
    function = getattr(function, "__func__", function)  # a bound method: a new object at each attribute access
    plan: _Plan | None = getattr(function, "__typechecked_plan__", None) or _plans.get(function)
    if plan is None:
        plan = _plans[function] = _Plan(function, {})
    return plan if plan.ready else plan.build()


def check_arguments(function: Callable[..., object], arguments: Mapping[str, object]) -> None:
    """Check each of `arguments` (parameter name to value) against `function`'s annotation of that parameter.

    The annotations are resolved once per function and cached. A name that is no parameter of `function` is a
    TypeError, unless it takes ``**kwargs`` (then checked against their annotation)."""
    plan = _plan_of(function)
    for name, value in arguments.items():
        if name in plan.by_name:
            check = plan.by_name[name]
        elif plan.has_var_keyword:
            check = plan.var_keyword
        else:
            raise TypeError(f"{getattr(function, '__qualname__', function)}() has no parameter {name!r}")
        if check is not None and not check[0](value):
            check[1](name, value)


_FieldPlan = tuple[tuple[str, tuple[_Accepts, _Check]], ...]
_field_plans: weakref.WeakKeyDictionary[type, _FieldPlan] = weakref.WeakKeyDictionary()
_UNSET = object()


def _fields_plan(cls: type) -> _FieldPlan:
    """The checks of a dataclass's fields: each annotation resolved in the namespace of the class that declares it
    (its body, then its module), by the same rule for names that do not resolve."""
    plan = _field_plans.get(cls)
    if plan is not None:
        return plan
    hints: dict[str, object] = {}
    for base in reversed(cls.__mro__):
        module = sys.modules.get(base.__module__)
        names = _Names(dict(vars(base)), getattr(module, "__dict__", {}))
        for name, annotation in inspect.get_annotations(base).items():
            try:
                hints[name] = typing.get_type_hints(_Holder(annotation), globalns=getattr(module, "__dict__", {}),
                                                    localns=names)["x"]
            except Exception:  # noqa: BLE001  (as for functions: the whole annotation unresolved)
                hints[name] = _unresolved(annotation if isinstance(annotation, str) else repr(annotation))
    entries: list[tuple[str, tuple[_Accepts, _Check]]] = []
    for field in dataclasses.fields(cls):
        checker = _compile(hints[field.name]) if field.name in hints else None
        if checker is not None and checker.valid is not _accept_all:
            entries.append((field.name, (checker.valid, checker.explain)))
    plan = _field_plans[cls] = tuple(entries)
    return plan


def check_fields(instance: object) -> None:
    """Check every field of the dataclass `instance` against its annotation (for ``__post_init__``), naming the
    field. Resolved once per class; a field not set yet (``init=False``, set later) is skipped."""
    if not dataclasses.is_dataclass(instance) or isinstance(instance, type):
        raise TypeError(f"check_fields: expected a dataclass instance, got {type(instance).__name__}")
    for name, (valid, explain) in _fields_plan(type(instance)):
        value = getattr(instance, name, _UNSET)
        if value is not _UNSET and not valid(value):
            explain(name, value)


def unresolved_annotations(function: Callable[..., object]) -> dict[str, tuple[str, ...]]:
    """The parameters of `function` whose annotations hold names that did not resolve (so are not checked there):
    parameter name to those names, like ``{"tolerations": ("k8s.Toleration",)}``."""
    return dict(_plan_of(function).unresolved)


@overload
def typechecked(function: Callable[P, R], /) -> Callable[P, R]: ...


@overload
def typechecked(*, localns: Mapping[str, object] | None = None) -> Callable[[Callable[P, R]], Callable[P, R]]: ...


def typechecked(function: Callable[P, R] | None = None, /, *,
                localns: Mapping[str, object] | None = None) -> Any:
    """Check every argument of each call against the parameter's annotation before the body runs.

    For constructors (``def __init__(self, scope, id, *, ...)``) and factories. ``self`` / ``cls`` (a first parameter
    of that name) is skipped; ``scope`` is checked only when its annotation resolves; ``id`` is checked as a ``str``
    even when unannotated. Only the arguments given are checked, not the defaults.

    Order: ``@typechecked`` goes under ``@classmethod`` / ``@staticmethod`` (those outermost)::

        @classmethod
        @typechecked
        def of(cls, *, namespace: str) -> PodPeer: ...

    (over a classmethod object it unwraps and re-wraps it, so the other order works too). It may be stacked with
    decorators that use ``functools.wraps``: the innermost function's signature and annotations are used, found by
    following ``__wrapped__``.

    :param localns: names to resolve annotations with before the module's globals (a name imported only under
        ``TYPE_CHECKING``); see the module docstring for names that do not resolve.
    """
    if function is None:
        return functools.partial(_decorate, localns=localns or {})
    return _decorate(function, localns=localns or {})


def _decorate(function: Any, *, localns: Mapping[str, object]) -> Any:
    if isinstance(function, (classmethod, staticmethod)):
        return type(function)(_decorate(function.__func__, localns=localns))
    plan = _Plan(function, localns)

    run = plan.run

    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        run(args, kwargs)
        return function(*args, **kwargs)

    wrapper.__typechecked_plan__ = plan  # type: ignore[attr-defined]
    return wrapper

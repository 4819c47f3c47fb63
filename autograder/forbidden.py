"""Finding library shortcuts in a from-scratch answer, by reading its source.

Why static as well as traced: the runtime trace (`ops._CallRecorder`) sees what a call
reached even through helpers, but only on the inputs the check used; the static scan sees
every line of the answer, including branches the inputs never took. An answer is flagged
if either finds a forbidden name. Names count whatever they are imported as (`from
torch.nn.functional import softmax as sm` makes `sm(...)` a use) and with leading
underscores (`torch._softmax` is `softmax`).

Why `unverifiable`: both can be dodged by code that hides what it calls: an attribute
name computed at run time (`getattr(torch, "soft" + "max")`), `eval`/`exec`/`__import__`,
torch's internals (`torch._C`, the torch-function mode stack the trace lives on,
`torch.ops`), or introspection (`sys._getframe`, `gc`, `ctypes`). In an item written "by
hand" such code costs the gate, since the kit cannot verify the claim; the scan covers the
answer and every cell whose definitions it uses, so a dodge moved into a helper cell is
found too. Honest code uses none of it.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

__all__ = ["static_uses", "unverifiable"]

_LIBRARIES = ("torch", "numpy", "scipy")
# calls whose target is computed, or that run code the scan cannot read
_HIDING_CALLS = {"eval", "exec", "compile", "__import__", "globals", "locals", "vars",
                 "setattr", "delattr", "attrgetter", "methodcaller"}
# modules that reach past what the trace and the scan can see
_HIDING_MODULES = {"importlib", "builtins", "ctypes", "gc", "inspect", "torch._C",
                   "torch.overrides", "torch.ops", "torch._dynamo"}
# attributes that open a namespace by name, frames, or the torch-function mode stack
_HIDING_ATTRIBUTES = {"__dict__", "__getattribute__", "__getattr__", "__globals__",
                      "__builtins__", "__code__", "f_globals", "f_locals", "f_back",
                      "_pop_torch_function_stack", "_push_on_torch_function_stack",
                      "_len_torch_function_stack", "DisableTorchFunction",
                      "DisableTorchFunctionSubclass", "TorchFunctionMode"}
# ... and those that do so only on these modules (`self.ops` or `net.modules()` are fine)
_HIDING_ON = {"torch": {"_C", "ops", "overrides", "_VF", "_dynamo"},
              "sys": {"_getframe", "setprofile", "settrace", "modules"}}


def _parse(source: str) -> ast.Module | None:
    try:
        return ast.parse(source)
    except SyntaxError:
        return None


def _imports(sources: Iterable[str]) -> dict[str, str]:
    """Local name -> the dotted path it was imported from, over all given cells."""
    aliases: dict[str, str] = {}
    for source in sources:
        tree = _parse(source)
        for node in ast.walk(tree) if tree else ():
            if isinstance(node, ast.Import):
                for alias in node.names:
                    aliases[alias.asname or alias.name.split(".")[0]] = alias.name
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def _named(name: str, forbidden: set[str]) -> bool:
    """`softmax`, `_softmax` and `__softmax` all name the forbidden `softmax`."""
    return name in forbidden or name.lstrip("_") in forbidden


def static_uses(answer: str, forbidden: Iterable[str],
                other_cells: Iterable[str] = ()) -> list[str]:
    """Forbidden names the answer's source refers to, as `"F.softmax (line 3)"`."""
    forbidden = set(forbidden)
    tree = _parse(answer)
    if tree is None:
        return []
    aliases = _imports([*other_cells, answer])
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _named(node.attr, forbidden):
            found.setdefault(ast.unparse(node), node.lineno)
        elif isinstance(node, ast.Call) and _constant_getattr(node) and \
                _named(node.args[1].value, forbidden):
            found.setdefault(ast.unparse(node), node.lineno)
        elif isinstance(node, ast.Name) and node.id in aliases:
            origin = aliases[node.id]
            if origin.startswith(_LIBRARIES) and any(_named(part, forbidden)
                                                     for part in origin.split(".")):
                found.setdefault(f"{node.id} (= {origin})", node.lineno)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if any(_named(part, forbidden) for n in names for part in n.split(".")):
                found.setdefault(ast.unparse(node), node.lineno)
    return [f"{name} (line {line})" for name, line in sorted(found.items(), key=lambda x: x[1])]


def _constant_getattr(node: ast.Call) -> bool:
    """`getattr(obj, "name")` or `getattr(obj, "name", default)`: a name that can be read."""
    return (isinstance(node.func, ast.Name) and node.func.id in ("getattr", "hasattr")
            and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str))


def _defined_at_top(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names |= {t.id for target in targets for t in ast.walk(target)
                      if isinstance(t, ast.Name)}
    return names


def _used(tree: ast.Module) -> set[str]:
    return {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}


def _reachable(answer: ast.Module, cells: Iterable[str]) -> list[tuple[int, ast.Module]]:
    """The cells (by position) whose top-level definitions the answer uses, transitively."""
    parsed = [(i, tree) for i, tree in enumerate(map(_parse, cells)) if tree is not None]
    definers: dict[str, tuple[int, ast.Module]] = {}
    for i, tree in parsed:  # the last definition of a name is the one that runs
        for name in _defined_at_top(tree):
            definers[name] = (i, tree)
    seen: dict[int, ast.Module] = {}
    wanted = list(_used(answer))
    while wanted:
        name = wanted.pop()
        if name in definers and definers[name][0] not in seen:
            i, tree = definers[name]
            seen[i] = tree
            wanted += _used(tree)
    return sorted(seen.items(), key=lambda kv: kv[0])


def _hiding(tree: ast.Module, aliases: dict[str, str]) -> list[tuple[str, int]]:
    """What in this code hides what it calls: (the construct, its line)."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            callee = node.func.id if isinstance(node.func, ast.Name) else \
                node.func.attr if isinstance(node.func, ast.Attribute) else ""
            if callee in _HIDING_CALLS:
                found.append((f"{callee}(...)", node.lineno))
            elif callee in ("getattr", "hasattr") and not _constant_getattr(node):
                found.append((f"{callee} with a computed name", node.lineno))
        elif isinstance(node, ast.Attribute) and (
                node.attr in _HIDING_ATTRIBUTES
                or node.attr in _HIDING_ON.get(_module_of(node.value, aliases), ())):
            found.append((ast.unparse(node), node.lineno))
        elif isinstance(node, ast.Name) and node.id in aliases and any(
                aliases[node.id] == m or aliases[node.id].startswith(m + ".")
                for m in _HIDING_MODULES):
            found.append((f"{node.id} (= {aliases[node.id]})", node.lineno))
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            modules = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or "", *(f"{node.module}.{a.name}" for a in node.names)]
            if any(m == h or m.startswith(h + ".") for m in modules for h in _HIDING_MODULES):
                found.append((ast.unparse(node), node.lineno))
    return found


def _module_of(node: ast.expr, aliases: dict[str, str]) -> str:
    """The module a name stands for (`torch`, `sys`), as far as the imports say."""
    if isinstance(node, ast.Name):
        return aliases.get(node.id, node.id)
    return ""


def unverifiable(answer: str, other_cells: Iterable[str] = ()) -> list[str]:
    """Code in the answer, or in the cells it draws on, that hides what it calls.

    As `"getattr with a computed name (line 4)"`, or `"... (line 2 of the cell defining
    helper)"` when it is in another cell.
    """
    tree = _parse(answer)
    if tree is None:
        return []
    cells = list(other_cells)
    aliases = _imports([*cells, answer])
    found = [f"{what} (line {line})" for what, line in _hiding(tree, aliases)]
    for _, helper in _reachable(tree, [c for c in cells if c.strip() != answer.strip()]):
        names = ", ".join(sorted(_defined_at_top(helper)))
        found += [f"{what} (line {line} of the cell defining {names})"
                  for what, line in _hiding(helper, aliases)]
    return list(dict.fromkeys(found))

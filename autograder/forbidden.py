"""Finding library shortcuts in a from-scratch answer, by reading its source.

Why static as well as traced: the runtime trace (`ops._CallRecorder`) sees what a call
reached even through helpers and `getattr` tricks, but only on the inputs the check used;
the static scan sees every line of the answer, including branches the inputs never took.
An answer is flagged if either finds a forbidden name. Names count whatever they are
imported as: `from torch.nn.functional import softmax as sm` makes `sm(...)` a use.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

__all__ = ["static_uses"]


def _imports(sources: Iterable[str]) -> dict[str, str]:
    """Local name -> the dotted path it was imported from, over all given cells."""
    aliases: dict[str, str] = {}
    for source in sources:
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    aliases[alias.asname or alias.name.split(".")[0]] = alias.name
            elif isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return aliases


def static_uses(answer: str, forbidden: Iterable[str],
                other_cells: Iterable[str] = ()) -> list[str]:
    """Forbidden names the answer's source refers to, as `"F.softmax (line 3)"`."""
    forbidden = set(forbidden)
    try:
        tree = ast.parse(answer)
    except SyntaxError:
        return []
    aliases = _imports([*other_cells, answer])
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in forbidden:
            found.setdefault(ast.unparse(node), node.lineno)
        elif isinstance(node, ast.Name) and node.id in aliases:
            origin = aliases[node.id]
            if origin.startswith(("torch", "numpy", "scipy")) and \
                    forbidden.intersection(origin.split(".")):
                found.setdefault(f"{node.id} (= {origin})", node.lineno)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
            if any(forbidden.intersection(n.split(".")) for n in names):
                found.setdefault(ast.unparse(node), node.lineno)
    return [f"{name} (line {line})" for name, line in sorted(found.items(), key=lambda x: x[1])]

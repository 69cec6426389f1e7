"""The architecture's own contract type for import-linter (pyproject.toml, `make lint`).

`deferred_imports`: a first-party import placed inside a function hides a dependency from the reader and from
the other contracts' point of view, until it breaks start-up once hoisted. They are allowed only where Django
wants them deferred: an app's `ready()` (apps.py) and management commands.
"""

import ast
from pathlib import Path

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck


def _function_imports(source: str) -> list[tuple[int, str, int]]:
    """(line, imported module, relative level) of every import statement inside a function or method."""
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if in_function and isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name, 0) for alias in child.names)
            elif in_function and isinstance(child, ast.ImportFrom):
                found.append((child.lineno, child.module or "", child.level))
            visit(child, inside)

    visit(ast.parse(source), False)
    return found


class DeferredImportsContract(Contract):
    """No first-party import inside a function, except in the modules matched by `allowed_in` (fnmatch-free:
    a module is allowed when one of its dotted parts is listed, e.g. "apps" or "commands")."""

    type_name = "deferred_imports"

    packages = fields.ListField(subfield=fields.StringField())
    allowed_in = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        packages = set(self.packages)
        allowed = set(self.allowed_in or [])
        offences = []
        for module in sorted(graph.modules):
            if module.split(".")[0] not in packages or allowed & set(module.split(".")[1:]):
                continue
            # Found by path, not imported: the portal's modules need settings to be imported.
            path = Path(*module.split("."))
            is_package = (path / "__init__.py").is_file()
            path = path / "__init__.py" if is_package else path.with_suffix(".py")
            if not path.is_file():
                continue
            imports = _function_imports(path.read_text(encoding="utf-8"))
            for line, name, level in imports:
                if level:
                    base = module.split(".") if is_package else module.split(".")[:-1]
                    name = ".".join(base[: len(base) - level + 1] + ([name] if name else []))
                if name.split(".")[0] in packages:
                    offences.append(f"{module} (l.{line}) imports {name} inside a function")
        return ContractCheck(kept=not offences, metadata={"offences": offences})

    def render_broken_contract(self, check: ContractCheck) -> None:
        for offence in check.metadata["offences"]:
            output.print_error(offence, bold=False)
        output.new_line()

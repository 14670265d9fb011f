"""The layers of docs/architecture.md, enforced: each module imports only the layers below its
own (read from the source with ast, function-level imports included), no screen imports another
screen or the app, and the story and the player run without pygame."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from max247.scenes import SCENES

ROOT = Path(__file__).resolve().parent.parent / "max247"

# Every module's layer, by its dotted name (the longest prefix wins). A new top-level module
# must be given one here, and docs/architecture.md says why.
LAYERS: dict[str, str] = {
    "max247": "base",  # the package itself: its version
    "max247.paths": "base",
    "max247.reflow": "base",  # teacher notes as paragraphs: the screens and the proof page
    "max247.story": "story",
    "max247.authoring": "authoring",
    "max247.player": "player",
    "max247.session": "services",
    "max247.store": "services",
    "max247.helpdir": "services",
    "max247.i18n": "services",
    "max247.catalogs": "services",
    "max247.settings": "services",
    "max247.stand": "services",
    "max247.firststart": "services",
    "max247.opening": "services",  # a story opened in the game: checked, added to the library
    "max247.spreadsheet": "services",  # a story's translations as a spreadsheet and back
    "max247.checklist": "services",  # the content checklist, as the game shows it
    "max247.speech": "services",  # read aloud: a speaker behind the platform's voices
    "max247.input": "input",
    "max247.devices": "input",
    "max247.ui": "ui",
    "max247.printouts": "printouts",
    "max247.scenes": "scenes",
    "max247.app": "app",
    "max247.pilot": "front",
    "max247.screenshots": "front",
    "max247.autoplay": "app",  # the scripted class the app starts for the crash test
    "max247.teacherwindow": "app",  # the teacher's own window, beside the class's
    "max247.soak": "front",
    "max247.textplay": "front",
    "max247.crash": "front",
    "max247.build": "front",
    "max247.cli": "front",
    "max247.cli_sessions": "front",
    "max247.validation_report": "front",  # how `max247 validate` orders what it prints
    "max247.launch": "front",
    "max247.keytable": "front",
    "max247.__main__": "front",
}

# What each layer may import besides itself (docs/architecture.md draws it).
MAY_IMPORT: dict[str, set[str]] = {
    "base": set(),
    "story": {"base"},
    "authoring": {"base", "story"},
    "player": {"base", "story", "services"},
    "services": {"base", "story", "player", "ui"},  # settings: the text scales, the vote modes
    "input": {"base"},
    "ui": {"base", "story", "services"},
    "printouts": {"base", "story", "player", "services", "ui"},
    "scenes": {"base", "story", "player", "services", "input", "ui", "printouts"},
    "app": {"base", "story", "player", "services", "input", "ui", "scenes"},
    "front": {
        "base",
        "story",
        "authoring",
        "player",
        "services",
        "input",
        "ui",
        "printouts",
        "scenes",
        "app",
        "front",
    },
}

# The scenes package holds the screens (named in SCENES) and what they share, which is no screen.
SHARED_SCENE_MODULES = {
    "max247.scenes",
    "max247.scenes.scene",
    "max247.scenes.base",
    "max247.scenes.lessons",
    "max247.scenes.teacherview",  # what the teacher's screens show, as data
    "max247.scenes.teacherscreen",  # the teacher's own screen, drawn on any surface
}
SCREEN_MODULES = {target.partition(":")[0] for target in SCENES.values()}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    """The layer of `module`: its longest prefix in LAYERS ("max247" itself only exactly);
    a ValueError for a module no layer claims."""
    claims = [p for p in LAYERS if module == p or (p != "max247" and module.startswith(p + "."))]
    return LAYERS[max(claims, key=len)]


def imports(path: Path) -> list[tuple[int, str]]:
    """Every max247 module `path` imports at run time (a type-only import under
    `if TYPE_CHECKING:` is no dependency), with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    type_only: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for inner in node.body:
                type_only.update(id(n) for n in ast.walk(inner))
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if id(node) in type_only:
            continue
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            # `from max247 import paths` imports the module max247.paths
            names += [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            continue
        found += [(node.lineno, n) for n in names if n == "max247" or n.startswith("max247.")]
    return found


def known(module: str) -> bool:
    path = ROOT.parent / Path(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


SOURCES = sorted(ROOT.rglob("*.py"))


def test_every_module_has_a_layer():
    assert SOURCES
    for path in SOURCES:
        layer(module_name(path))  # raises for a module no layer claims


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT.parent)))
def test_each_module_imports_only_the_layers_below_it(path):
    own = layer(module_name(path))
    wrong = [
        f"{path.relative_to(ROOT.parent)}:{line}: {own} imports {target} ({layer(target)})"
        for line, target in imports(path)
        if known(target) and layer(target) != own and layer(target) not in MAY_IMPORT[own]
    ]
    assert not wrong, "\n".join(wrong)


def test_no_screen_imports_another_screen_or_the_app():
    assert len(SCREEN_MODULES) > 10
    wrong = []
    for path in (ROOT / "scenes").glob("*.py"):
        me = module_name(path)
        for line, target in imports(path):
            target_module = target if known(target) else target.rpartition(".")[0]
            if target_module == me:
                continue
            if target_module in SCREEN_MODULES or layer(target_module) in ("app", "front"):
                wrong.append(f"{path.name}:{line}: {me} imports {target_module}")
    assert not wrong, "\n".join(wrong)


def test_shared_scene_modules_hold_no_screen():
    for module in SHARED_SCENE_MODULES:
        assert module not in SCREEN_MODULES, module


def test_the_checker_sees_function_level_imports(tmp_path):
    """A test that cannot fail is a defect: the reader finds an import inside a function and
    leaves a type-only one out."""
    source = tmp_path / "x.py"
    source.write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from max247.app import App\n"
        "def f():\n    from max247.scenes.board import BoardScene\n"
    )
    assert imports(source) == [
        (5, "max247.scenes.board"),
        (5, "max247.scenes.board.BoardScene"),
    ]

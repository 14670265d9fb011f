"""A scenario as a graph of passages, choices and endings, for Mermaid or Graphviz.

The graph follows the file (every goto, every option), conditions written on the edges. Whether
help was found on the way to an ending is not in the file: it depends on the path, so it is
found by the explorer (max247.story.explore), the same that the validator's proof uses.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from max247.story import conditions
from max247.story.explore import EndingReach, explore
from max247.story.findings import N_, Translator, render_text
from max247.story.model import Beat, Choice, Ending, Goto, If, Scenario, Text

Translate = Callable[[Scenario, Text, str], str]

SHORT = 40  # characters of a prompt or option text shown on the graph


# --- the graph itself ---------------------------------------------------------------------------


@dataclass
class Node:
    id: str
    kind: str  # passage, choice, ending
    lines: list[str]
    css: str = ""  # ending: help or nohelp, for the colour


@dataclass
class Edge:
    src: str
    dst: str
    label: tuple[str, ...]  # the option, then any conditions: one line each


@dataclass
class Graph:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    note: str = ""


def condition_text(cond: conditions.Condition, parent: str = "") -> str:
    """A condition written back the way an author writes it, with only the parentheses needed."""
    if isinstance(cond, conditions.Flag):
        return cond.name
    if isinstance(cond, conditions.Compare):
        value = cond.value
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        return f"{cond.flag} {cond.op} {shown}"
    if isinstance(cond, conditions.Not):
        inner = condition_text(cond.operand, "not")
        return f"not {inner}"
    text = f"{condition_text(cond.left, cond.op)} {cond.op} {condition_text(cond.right, cond.op)}"
    # `not` binds tightest, then `and`: an `or` inside an `and` (or anything under not) needs ()
    needs = parent == "not" or (parent == "and" and cond.op == "or")
    return f"({text})" if needs else text


def shorten(text: str, limit: int = SHORT) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:  # end on a whole word when one ends near the limit
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


def mood_text(ending: Ending, reach: EndingReach, words: Translator | None = None) -> str:
    if ending.mood is not None:
        return render_text(N_("mood {mood}", mood=ending.mood), words)
    if not reach.moods:
        return render_text(N_("mood unknown"), words)  # no explored play reached it
    low, high = min(reach.moods), max(reach.moods)
    mood = str(low) if low == high else f"{low}-{high}"
    return render_text(N_("mood {mood}", mood=mood), words)


def status_text(status: str, words: Translator | None) -> str:
    """How an ending was reached (EndingReach.status), in the interface's language."""
    said = {
        "not reached": N_("not reached"),
        "help found": N_("help found"),
        "no help yet": N_("no help yet"),
        "not always": N_("not always"),
    }
    return render_text(said.get(status, status), words)


Open = list[tuple[str, tuple[str, ...]]]  # loose ends of the flow: (node, edge label parts)


def when(parts: tuple[str, ...], cond: str) -> tuple[str, ...]:
    """An edge label with one more condition; an `if` inside an `else` reads as `else if`."""
    if parts and parts[-1] == "else":
        return parts if cond == "else" else (*parts[:-1], f"else {cond}")
    return (*parts, cond)


def build(
    scenario: Scenario, translate: Translate, language: str, words: Translator | None = None
) -> Graph:
    """The graph; `words` says its own labels (moods, help) in the interface's language."""
    graph = Graph()
    found = explore(scenario)
    pid = {p: f"p{i}" for i, p in enumerate(scenario.passages)}
    counter = {"choice": 0, "ending": 0}
    seen_edges: set[tuple[str, str, tuple[str, ...]]] = set()

    def tr(text: Text) -> str:
        return translate(scenario, text, language)

    def edge(src: str, dst: str, parts: tuple[str, ...]) -> None:
        if (src, dst, parts) not in seen_edges:
            seen_edges.add((src, dst, parts))
            graph.edges.append(Edge(src, dst, parts))

    def connect(ends: Open, dst: str) -> None:
        for src, parts in ends:
            edge(src, dst, parts)

    def flow(beats: tuple[Beat, ...], ends: Open) -> Open:
        """Draw the edges of a beat list; return the loose ends that carry on after it."""
        for beat in beats:
            if not ends:
                break  # the rest cannot be reached; the validator says so
            if isinstance(beat, Goto):
                connect(ends, pid.get(beat.target, beat.target))
                ends = []
            elif isinstance(beat, Ending):
                reach = found.reach(beat)
                node = f"e{counter['ending']}"
                counter["ending"] += 1
                said = f"{mood_text(beat, reach, words)} · {status_text(reach.status, words)}"
                lines = [tr(beat.title), said]
                css = {"help found": "help", "not reached": "unreached"}.get(reach.status, "nohelp")
                graph.nodes.append(Node(node, "ending", lines, css))
                connect(ends, node)
                ends = []
            elif isinstance(beat, Choice):
                node = f"c{counter['choice']}"
                counter["choice"] += 1
                graph.nodes.append(Node(node, "choice", [shorten(tr(beat.prompt))]))
                connect(ends, node)
                ends = []
                for n, option in enumerate(beat.options, 1):
                    # numbered in file order: which options show depends on the flags
                    parts: tuple[str, ...] = (f"{n}. {shorten(tr(option.text), 36)}",)
                    if option.condition is not None:
                        parts += (f"if {condition_text(option.condition)}",)
                    out = [(node, parts)]
                    if option.then is not None:
                        out = flow(option.then, out)
                    if option.goto is not None:
                        connect(out, pid.get(option.goto, option.goto))
                    else:
                        ends += out
            elif isinstance(beat, If):
                cond = f"if {condition_text(beat.condition)}"
                yes = flow(beat.then, [(n, when(p, cond)) for n, p in ends])
                no_in = [(n, when(p, "else")) for n, p in ends]
                no = flow(beat.else_, no_in) if beat.else_ is not None else no_in
                # a branch that only tells something joins the flow again: one edge, not two
                merged: Open = []
                for node, path in ends:
                    if (node, when(path, cond)) in yes and (node, when(path, "else")) in no:
                        yes.remove((node, when(path, cond)))
                        no.remove((node, when(path, "else")))
                        merged.append((node, path))
                ends = merged + yes + no
        return ends

    for passage_id in scenario.passages:
        css = "start" if passage_id == scenario.start else ""
        graph.nodes.append(Node(pid[passage_id], "passage", [passage_id], css))
    for passage_id, passage in scenario.passages.items():
        flow(passage.beats, [(pid[passage_id], ())])
    if not found.complete:
        note = N_(
            "help on the way: explored {states} states, not every path "
            "(too many: validate names the flags)",
            states=found.states,
        )
        graph.note = render_text(note, words)
    return graph


# --- Mermaid ------------------------------------------------------------------------------------


def mermaid_escape(text: str) -> str:
    """Text for inside a quoted Mermaid label: Mermaid reads #name; as an entity, so # is one.
    A line break (an ending's title written as a YAML block) would end the node's line: the
    label's lines are given apart, so breaks inside one become spaces."""
    out = []
    for ch in " ".join(text.split()):
        if ch in '"#<>&|`\\{}[]':
            out.append(f"#{ord(ch)};")
        else:
            out.append(ch)
    return "".join(out)


def to_mermaid(
    scenario: Scenario, translate: Translate, language: str, words: Translator | None = None
) -> str:
    graph = build(scenario, translate, language, words)
    title = " ".join(translate(scenario, scenario.title, language).split())
    # the front matter is YAML, where a JSON string is a valid double-quoted scalar
    out = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", "flowchart TD"]
    if graph.note:
        out.append(f"    %% {graph.note}")
    shapes = {"passage": ('["', '"]'), "choice": ('{{"', '"}}'), "ending": ('(["', '"])')}
    for node in graph.nodes:
        left, right = shapes[node.kind]
        label = "<br/>".join(mermaid_escape(line) for line in node.lines)
        out.append(f"    {node.id}{left}{label}{right}")
    for e in graph.edges:
        label = "<br/>".join(mermaid_escape(part) for part in e.label)
        arrow = f' -->|"{label}"| ' if e.label else " --> "
        out.append(f"    {e.src}{arrow}{e.dst}")
    out += [
        "    classDef mxPassage fill:#eef3fb,stroke:#3b5b8c,color:#111",
        "    classDef mxStart fill:#dbe7fb,stroke:#1d3f7a,stroke-width:3px,color:#111",
        "    classDef mxChoice fill:#fff7e0,stroke:#a67c00,color:#111",
        "    classDef mxHelp fill:#e3f4e1,stroke:#2e7d32,stroke-width:3px,color:#111",
        "    classDef mxNohelp fill:#fde7e4,stroke:#b3261e,stroke-width:3px,color:#111",
        "    classDef mxUnreached fill:#eeeeee,stroke:#555,stroke-dasharray:4,color:#111",
    ]
    for node in graph.nodes:
        out.append(f"    class {node.id} mx{(node.css or node.kind).capitalize()}")
    return "\n".join(out) + "\n"


# --- Graphviz -----------------------------------------------------------------------------------


def dot_escape(text: str) -> str:
    """Text for inside a quoted DOT string: backslash starts escapes there (\\n, \\N, \\G...)."""
    text = " ".join(text.split())
    return text.replace("\\", "\\\\").replace('"', '\\"')


DOT_STYLE = {
    "passage": 'shape=box, style="filled", fillcolor="#eef3fb", color="#3b5b8c"',
    "start": 'shape=box, style="filled,bold", fillcolor="#dbe7fb", color="#1d3f7a", penwidth=2',
    "choice": 'shape=hexagon, style="filled", fillcolor="#fff7e0", color="#a67c00"',
    "help": 'shape=box, style="rounded,filled", peripheries=2, fillcolor="#e3f4e1", '
    'color="#2e7d32"',
    "nohelp": 'shape=box, style="rounded,filled", peripheries=2, fillcolor="#fde7e4", '
    'color="#b3261e"',
    "unreached": 'shape=box, style="rounded,filled,dashed", peripheries=2, '
    'fillcolor="#eeeeee", color="#555555"',
}


def to_dot(
    scenario: Scenario, translate: Translate, language: str, words: Translator | None = None
) -> str:
    graph = build(scenario, translate, language, words)
    title = translate(scenario, scenario.title, language)
    if graph.note:
        title += f"\n({graph.note})"
    label = "\\n".join(dot_escape(line) for line in title.split("\n"))
    out = [
        "digraph scenario {",
        f'    label="{label}"; labelloc=t; fontsize=18; fontname="sans-serif";',
        "    rankdir=TB; nodesep=0.35; ranksep=0.45;",
        '    node [fontname="sans-serif", fontsize=11, margin="0.15,0.08"];',
        '    edge [fontname="sans-serif", fontsize=9, color="#555555", fontcolor="#333333"];',
    ]
    for node in graph.nodes:
        text = "\\n".join(dot_escape(line) for line in node.lines)
        out.append(f'    {node.id} [label="{text}", {DOT_STYLE[node.css or node.kind]}];')
    for e in graph.edges:
        label = "\\n".join(dot_escape(part) for part in e.label)
        attrs = f' [label="{label}"]' if e.label else ""
        out.append(f"    {e.src} -> {e.dst}{attrs};")
    out.append("}")
    return "\n".join(out) + "\n"


def to_png(dot_text: str, out: Path) -> None:
    """Render DOT text to a PNG file with Graphviz's `dot`."""
    exe = shutil.which("dot")
    if exe is None:
        raise RuntimeError("Graphviz is not installed: apt-get install graphviz")
    done = subprocess.run(
        [exe, "-Tpng", "-Gdpi=110", "-o", str(out)],
        input=dot_text.encode("utf-8"),
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"Graphviz could not draw the graph: {message}")

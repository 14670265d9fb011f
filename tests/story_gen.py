"""Small random stories for property tests: flags, adds of both signs, conditions and loops.

`stories()` is a hypothesis strategy for scenario texts in the format educators write. The stories
are built so that the loader has nothing to say about their shape (every passage ends with a goto,
a choice or an ending; every flag read is set first): what is left to find is the explorer's work,
a path without help, a loop without a choice, a counter that runs long.
"""

from __future__ import annotations

from hypothesis import strategies as st

from tests.scenario_text import HEAD

FLAGS = ("a", "b", "n")  # a and b: true/false or numbers; n: a counter
NUMBERS = (-1, 0, 1, 2, 3)


@st.composite
def conditions(draw) -> str:
    flag = draw(st.sampled_from(FLAGS))
    kind = draw(st.sampled_from(("flag", "not", "cmp", "and", "or")))
    if kind == "flag":
        return flag
    if kind == "not":
        return f"not {flag}"
    if kind == "cmp":
        op = draw(st.sampled_from(("==", "!=", "<", "<=", ">", ">=")))
        return f"{flag} {op} {draw(st.sampled_from(NUMBERS))}"
    other = draw(st.sampled_from(FLAGS))
    return f"{flag} {kind} {other} >= {draw(st.sampled_from(NUMBERS))}"


@st.composite
def simple_beat(draw, indent: str) -> str:
    kind = draw(st.sampled_from(("narrate", "set", "add", "tell", "tell-not", "help", "mood")))
    if kind == "narrate":
        return f"{indent}- narrate: Kai thinks.\n"
    if kind == "mood":
        delta = draw(st.sampled_from((-3, -2, -1, 1, 2, 3)))
        return f"{indent}- narrate: Kai feels it.\n{indent}  mood: {delta:+d}\n"
    if kind == "set":
        flag = draw(st.sampled_from(FLAGS))
        value = draw(st.sampled_from(("true", "false", *map(str, NUMBERS))))
        return f"{indent}- set: {{{flag}: {value}}}\n"
    if kind == "add":
        flag = draw(st.sampled_from(FLAGS))
        amount = draw(st.sampled_from((-2, -1, 1, 2)))
        return f"{indent}- add: {{{flag}: {amount}}}\n"
    if kind == "tell":
        return f"{indent}- tell: mum\n"
    if kind == "tell-not":
        return f"{indent}- tell: {{who: mum, listens: false}}\n"
    return f"{indent}- help: talk\n"


@st.composite
def beats(draw, passages: int) -> str:
    """A passage's beats: a few beats, maybe an `if` (maybe going back), then a way on."""
    out = ""
    for _ in range(draw(st.integers(0, 3))):
        if draw(st.booleans()):
            out += draw(simple_beat("    "))
        else:
            cond = draw(conditions())
            body = "".join(draw(simple_beat("        ")) for _ in range(draw(st.integers(1, 2))))
            if draw(st.booleans()):  # a conditional goto: a loop, or a way out of one
                body += f"        - goto: p{draw(st.integers(0, passages - 1))}\n"
            out += f"    - if: {cond}\n      then:\n{body}"
    way = draw(st.sampled_from(("choice", "choice", "goto", "ending")))
    if way == "goto":
        out += f"    - goto: p{draw(st.integers(0, passages - 1))}\n"
    elif way == "ending":
        out += f"    - ending: {{title: E{draw(st.integers(0, 9))}, message: M}}\n"
    else:
        out += "    - choice:\n        prompt: P\n        options:\n"
        count = draw(st.integers(2, 3))
        for i in range(count):
            line = f"          - text: O{i}\n            goto: p{draw(st.integers(0, passages))}\n"
            if i == 2 and draw(st.booleans()):
                line += f"            if: {draw(conditions())}\n"
            if draw(st.booleans()):
                flag = draw(st.sampled_from(FLAGS))
                line += f"            add: {{{flag}: {draw(st.sampled_from((-1, 1, 2)))}}}\n"
            if draw(st.booleans()):
                line += f"            mood: {draw(st.sampled_from((-2, -1, 1, 2))):+d}\n"
            out += line
    return out


@st.composite
def stories(draw) -> str:
    """A scenario text: passages p0..pN-1 and a last passage that always ends."""
    count = draw(st.integers(1, 4))
    start = "    - set: {a: false, b: 0, n: 0}\n"
    text = HEAD.replace("start: one", "start: p0")
    for i in range(count):
        text += f"  p{i}:\n" + (start if i == 0 else "") + draw(beats(count))
    helped = draw(st.sampled_from(("    - tell: mum\n", "    - narrate: Bye.\n")))
    text += f"  p{count}:\n{helped}    - ending: {{title: Last, message: M}}\n"
    return text

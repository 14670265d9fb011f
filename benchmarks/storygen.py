"""Generated stories for the benchmarks: a library that grows, and a story with many flags.

Each story is valid (every path finds help), written as an educator would: narration, lines
of dialogue, a choice per passage, a Max who listens, an ending.
"""

from __future__ import annotations

from pathlib import Path

HEAD = """format: 1
id: {id}
language: en
title: Story {n}
theme: trusted-adult
ages: 10-12
minutes: 10
problem: A message from someone Sam does not know
character: sam
mood: 2
content_warning: Someone unknown sends a child messages.
goals:
  - Telling a trusted adult helps, and it is never your fault.
characters:
  sam:
    name: Sam
  stranger:
    name: Star_Player
  lina:
    name: Lina
    friend: true
  dad:
    name: Dad
    max: true
start: p0
passages:
"""

ENDING = """  help:
    - view: in-person
    - tell: dad
    - dad: Thank you for telling me. It is not your fault. Let's block and report this account.
      mood: +1
    - help: talk
    - ending:
        id: found-max
        title: Sam found a Max
        message: Telling a trusted adult helps. It is never too late to tell someone.
        mood: 4
"""


def library_story(n: int, passages: int = 50) -> str:
    """A story of `passages` passages, each a few lines and a choice of two ways on."""
    out = [HEAD.format(id=f"gen-{n:04d}", n=n)]
    for k in range(passages):
        nxt = f"p{k + 1}" if k + 1 < passages else "help"
        other = f"p{k + 2}" if k + 2 < passages else "help"
        out.append(
            f"  p{k}:\n"
            f"    - narrate: Sam looks at the phone again, in the evening of day {k + 1}.\n"
            f"    - stranger: hi Sam, are you there? this is message {k + 1}.\n"
            f"    - sam: I am not sure what to say.\n"
            f"    - choice:\n"
            f"        prompt: What does Sam do now?\n"
            f"        options:\n"
            f"          - text: Wait and think about it.\n"
            f"            goto: {nxt}\n"
            f"          - text: Show the message to Dad.\n"
            f"            goto: {other if k % 2 else 'help'}\n"
        )
    out.append(ENDING)
    return "".join(out)


def write_library(folder: Path, stories: int, passages: int = 50) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(stories):
        (folder / f"gen-{n:04d}.yaml").write_text(library_story(n, passages), encoding="utf-8")
    return folder


def flags_story(flags: int = 25, narration: int = 500) -> str:
    """`flags` choices in a row, each setting a flag of its own or not, with `narration` lines
    of narration between two choices, and an ending that depends on every flag: the story of
    issue 19 (20 flags and 500 lines a passage took 63 s to prove)."""
    out = [HEAD.format(id="many-flags", n=0)]
    lines = "".join(
        f"    - narrate: Sam thinks about it for a while, line after line ({_word(i)}).\n"
        for i in range(narration)
    )
    for k in range(flags):
        nxt = f"p{k + 1}" if k + 1 < flags else "end"
        out.append(
            f"  p{k}:\n{lines}"
            f"    - choice:\n"
            f"        prompt: Decision {k + 1}. What does Sam do?\n"
            f"        options:\n"
            f"          - text: Tell Lina about message {k + 1}.\n"
            f"            set: {{f{k}: true}}\n"
            f"            goto: {nxt}\n"
            f"          - text: Keep message {k + 1} to herself for now.\n"
            f"            goto: {nxt}\n"
        )
    every = " and ".join(f"f{k}" for k in range(flags))
    out.append(
        "  end:\n"
        f"    - if: {every}\n"
        "      then:\n"
        "        - lina: You told me everything. Let's go to your dad together.\n"
        "      else:\n"
        "        - lina: Whatever happened, let's go to your dad together.\n"
        "    - goto: help\n"
    )
    out.append(ENDING)
    return "".join(out)


def _word(i: int) -> str:
    """A different word for each line, without digits (a number there looks like a phone)."""
    return chr(97 + i % 26) + chr(97 + i // 26 % 26) + chr(97 + i // 676 % 26)

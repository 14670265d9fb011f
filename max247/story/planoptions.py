"""`offered` and `hidden` in a test plan: which options the class sees at the choice a play
stops at.

A story hides an option with `if:` (no "ask Lina" once Lina is angry); a plan proves it by
naming options by their text (or part of it, in the play's language or the file's) or by their
key, the name a choice log gives them.
"""

from __future__ import annotations

from collections.abc import Callable

from max247.story.findings import N_, Msg
from max247.story.model import Option, Scenario, Text
from max247.story.runtime import Story


def _norm(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").lower().split())


def _matches(name: str, option: Option, shown: str) -> bool:
    want = _norm(name)
    return want == option.key or want in _norm(shown) or want in _norm(option.text.source)


def check_options(
    key: str,
    want: object,
    story: Story,
    scenario: Scenario,
    lang: str,
    translate: Callable[[Scenario, Text, str], str],
    where: str,
) -> Msg | None:
    """The problem with an `offered` or `hidden` expectation, or None when it holds."""
    waiting = story.waiting
    if waiting is None:
        return N_(
            "expected a choice with {key} options, but the play stopped {where}.",
            key=key,
            where=where,
        )
    on_offer = {o.option.key for o in waiting.options}
    names = want if isinstance(want, list) else [want]
    wrong = []
    for name in map(str, names):
        found = [
            o
            for o in waiting.choice.options
            if _matches(name, o, translate(scenario, o.text, lang))
        ]
        if not found:
            wrong.append(N_("no option of this choice is '{name}'", name=name))
        elif key == "offered" and not any(o.key in on_offer for o in found):
            wrong.append(N_("'{name}' is hidden", name=name))
        elif key == "hidden" and any(o.key in on_offer for o in found):
            wrong.append(N_("'{name}' is offered", name=name))
    if not wrong:
        return None
    return N_("{problems} ({where}).", problems=Msg.joined("; ", wrong), where=where)

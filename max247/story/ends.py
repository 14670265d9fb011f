"""Whether a list of beats leaves, and what that says about each passage on its own.

A beat list leaves when it reaches a goto or an ending, an 'if' whose both branches leave, or a
choice whose every option leaves (format page, "Choices and flow"). This is the one definition:
the loader reports loose ends (E301), beats no path reaches (E306) and gotos after a 'then' that
already leaves (E305) with it, and the proof page says where an option's story goes on with it.
The checks over the whole story (reachability, the proof that help is found) are in flow.py.
"""

from __future__ import annotations

from collections.abc import Iterable

from max247.story.findings import N_, Finding, Loc, finding
from max247.story.model import Beat, Choice, Ending, Goto, If, Passage


def leaves(beats: tuple[Beat, ...]) -> bool:
    """Whether a beat list always leaves: it reaches a goto or an ending, an 'if' whose both
    branches leave, or a choice whose every option leaves (format page, "Choices and flow")."""
    return _Ends(None).beats(beats, "", top=False)


def check_ends(passages: Iterable[Passage]) -> list[Finding]:
    """Loose ends (E301), beats no path reaches (E306) and gotos after a 'then' that already
    leaves (E305), passage by passage."""
    ends = _Ends([])
    for p in passages:
        ends.beats(p.beats, N_("passage '{id}'", id=p.id), top=True)
    return ends.out or []


class _Ends:
    """Walks beat lists to tell whether they leave; reports what it finds when `out` is a list."""

    def __init__(self, out: list[Finding] | None) -> None:
        self.out = out

    def add(self, code: str, loc: Loc, message: str, hint: str = "") -> None:
        if self.out is not None:
            self.out.append(finding(code, loc, message, hint))

    def beats(self, beats: tuple[Beat, ...], what: str, top: bool) -> bool:
        left = False
        for i, beat in enumerate(beats):
            if left:
                self.add(
                    "E306",
                    beat.loc,
                    N_(
                        "no path reaches this beat: the beats before it always leave "
                        "(goto, ending or a choice whose options all leave)."
                    ),
                    N_("Move it before the goto, or into a passage of its own."),
                )
                break
            left = self.beat(beat)
            if i == len(beats) - 1 and not left and top:
                self.add(
                    "E301",
                    beat.loc,
                    N_("{what} runs out here: the story would stop without an ending.", what=what),
                    N_(
                        "End the passage with 'goto: PASSAGE', an 'ending', or a choice whose "
                        "options all have goto."
                    ),
                )
        return left

    def beat(self, beat: Beat) -> bool:
        if isinstance(beat, (Goto, Ending)):
            return True
        if isinstance(beat, If):
            then = self.beats(beat.then, "then", top=False)
            other = beat.else_ is not None and self.beats(beat.else_, "else", top=False)
            return then and other
        if isinstance(beat, Choice):
            every = True
            for o in beat.options:
                then_leaves = o.then is not None and self.beats(o.then, "then", top=False)
                if then_leaves and o.goto is not None:
                    self.add(
                        "E305",
                        o.goto_loc or o.loc,
                        N_("this goto can never be reached: the option's 'then' already leaves."),
                        N_("Remove the goto, or the goto/ending at the end of 'then'."),
                    )
                every = every and (then_leaves or o.goto is not None)
            return every
        return False

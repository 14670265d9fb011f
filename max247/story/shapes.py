"""Characters or passages written as a list: said once, in a teacher's words, and read as meant.

`- lotte: {name: Lotte}` under `characters:` is the commonest shape mistake: lists are what
writers know from Word. Refusing the list gave one error for the list and one for every
character or passage the story then used; reading the list as the mapping it was meant to be
gives the one message that names the cause ("remove the dashes") and no knock-on errors.
"""

from __future__ import annotations

from max247.story.findings import N_, Finding, finding
from max247.story.yamlread import Mapping, Node, Scalar, Sequence

NAMED = ("characters", "passages")  # mappings of names the format asks for


def as_mapping(node: Node, what: str) -> tuple[Mapping, Finding] | None:
    """The mapping a list of `- name: ...` items means, and the error that says so; None when
    the list is something else."""
    if what not in NAMED or not isinstance(node, Sequence) or not node.items:
        return None
    out = Mapping(node.loc)
    for item in node.items:
        if not isinstance(item, Mapping) or not item.items:
            return None
        key, value = item.items[0]
        if len(item.items) > 1:
            # `- lotte:` with `name: Lotte` under it, lined up: the details follow the name
            if not (isinstance(value, Scalar) and value.is_null):
                return None
            value = Mapping(item.items[1][0].loc, list(item.items[1:]))
        out.items.append((key, value))
    first = out.items[0][0].value
    message = N_(
        "{what} is written as a list: remove the dashes (-) in front of the names. {what} "
        "is not a list but names, each followed by a colon, with what belongs to it indented "
        "under it.",
        what=what,
    )
    hint = N_(
        "Write '{name}:' where it says '- {name}:', and the same for every name under {what}.",
        name=first,
        what=what,
    )
    return out, finding("E103", node.loc, message, hint)

# ruff: noqa: E501  (each rule is one line of docs/content-checklist.md, word for word)
"""The content checklist (docs/content-checklist.md), as the game shows it: a teacher ticks it
for a story they added before it is marked reviewed. The rules are the document's, word for word
(a test holds them together), each said in the teacher's language."""

from __future__ import annotations

from max247.story.findings import N_, Msg

# (section, [rules]) in the document's order
CHECKLIST: list[tuple[Msg, list[Msg]]] = [
    (
        N_("Tone"),
        [
            N_(
                'No fear or scare tactics: no horror, no "you\'ll be sorry", no worst case for effect.'
            ),
            N_(
                "No shaming of the character, a friend or a bystander, in lines, feedback or endings."
            ),
            N_(
                'No "wrong!" moments: feedback explains why a choice helps or not, it never grades.'
            ),
            N_("No scores, points or lives; mood moves, nothing is lost."),
            N_(
                "A poor choice has a believable, non-horrific consequence, and the story still offers a way back to help."
            ),
        ],
    ),
    (
        N_("Who is responsible"),
        [
            N_(
                "The victim is never blamed: not for a gift taken, a photo sent, a password lent, a lie, a hit back."
            ),
            N_(
                "The person who grooms, pressures or blackmails is named as responsible, in the story itself (a line, not only the teacher notes)."
            ),
            N_(
                '"It is not your fault" is said by someone in the story on every path where something happened.'
            ),
            N_(
                '"It is never too late to tell someone" is said, especially on the late-telling paths.'
            ),
            N_("Someone says out loud that telling will not get you into trouble."),
        ],
    ),
    (
        N_("Help"),
        [
            N_(
                "Every path reaches help: friends (circle 1), a trusted adult who listens (circle 2), and where it fits a help card (circle 3)."
            ),
            N_(
                "A Max is chosen by the child, from their own circle (parent, grandparent, sibling, coach, teacher, neighbour...), never someone met online."
            ),
            N_(
                "The story shows or says that a child may have several Maxes, and that if one does not listen, you tell another."
            ),
            N_(
                "Friends help by noticing, believing, not laughing and going along to an adult; a friend alone is not the end of the path."
            ),
            N_(
                "Professional help is a `help:` beat, never a phone number, URL or service name in the text."
            ),
            N_("The help card fits what happened (e.g. `remove-image` only for a nude image)."),
        ],
    ),
    (
        N_("Realism and images"),
        [
            N_(
                "Realistic, never graphic: nothing sexual described; a photo is a neutral `photo:` beat whose `alt` describes a clothed, ordinary picture or says nothing of its content."
            ),
            N_(
                "Adults in the story never look at, copy or forward a nude of a child; they screenshot messages, usernames and profiles, never the image."
            ),
            N_(
                "Sextortion advice exactly as services give it: stop replying, do not pay, do not send more, keep the evidence (screenshots of messages, usernames, profile, never of the image), tell a trusted adult, report, get the image removed."
            ),
            N_(
                "Statements about the law are accurate, and come at the right moment (a threat is a crime; not every request is)."
            ),
            N_(
                'Who someone really is, is said in the story before feedback or lines rely on it (e.g. "Jay is an adult").'
            ),
        ],
    ),
    (
        N_("Distance and the teacher"),
        [
            N_(
                'Characters are fictional; prompts and discussion questions ask about the character, never "have you ever...".'
            ),
            N_(
                "Teacher notes say what to do on a disclosure: listen calmly, thank, do not investigate or ask for details, never promise secrecy, steer away from the class (protective interrupting), follow the school's procedure."
            ),
            N_("A content warning names what happens and says pupils may stop or step out."),
            N_("Teacher notes agree ground rules and say there are no wrong answers."),
        ],
    ),
    (
        N_("Words and people"),
        [
            N_(
                "Age-appropriate words for 10-12 (or 12-15), short sentences; chat style only in chat messages."
            ),
            N_(
                'Neutral, international English (no regional words like "jumper", "mum\'s the word"); a spaced hyphen " - " is not used as a dash.'
            ),
            N_(
                "Diverse characters: names, families (foster, single parent, grandparent), genders, across the library."
            ),
            N_(
                'Consistent story logic: the same facts on every path (what was sent, who knows what, who has what), no timeline slips ("tomorrow" on a school day, events in order), nobody told twice as if for the first time.'
            ),
            N_("Feedback reacts to the choice only; it does not give away what happens next."),
            N_(
                "Lines and endings match every path that reaches them (an ending reached from several paths is true on each)."
            ),
            N_(
                "The `problem` line: first person, in a child's words, never the theme word (grooming, sexting...), starting with a capital and ending with a full stop or question mark."
            ),
        ],
    ),
    (
        N_("Translations"),
        [
            N_(
                'Every change is made in English and in both catalogs at once (Flemish Dutch with "je", Belgian French with "tu" and a non-breaking space before ? ! : ;), with no fuzzy entries left.'
            ),
            N_("Test plans follow the story (endings, `says`, flags)."),
        ],
    ),
]


def rules() -> list[Msg]:
    return [rule for _section, section_rules in CHECKLIST for rule in section_rules]

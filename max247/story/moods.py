"""Moods that say the right thing: where a story starts, and the words a text uses for a mood.

The board of a lesson starts red and turns green as the class helps, so a character with a
problem starts feeling bad or so-so (1 or 2): W101 warns at 3 or more. And a text that names the
character's mood in so many words ("Fatou feels awful") must agree with the meter the class
sees beside it: W605. Only what can be told reliably is checked:

- the story's own character, by name, as the subject of a mood phrase from a short list per
  language (below), in narration, prompts, feedback and endings; a negation ("doesn't feel",
  "ne se sent pas") or a comparison ("feels better") never matches, so it is never reported;
- against every mood the character can have when that text is shown, found by playing every
  path with the runtime (an ending's text is shown at the ending's mood).

A phrase said by someone else ("I feel awful"), a pronoun ("she feels awful") or a feeling with
no word on the list ("her stomach hurts") is not checked: those are for the reader.
"""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from max247.story.findings import N_, Finding, Loc, finding
from max247.story.model import Scenario, Text
from max247.story.runtime import ChoiceOffered, Ended, FeedbackShown, Line, Story, StoryError

MAX_STATES = 20_000  # choice points explored; beyond, only what was seen is checked
# CPU seconds for the walk, by default: a story with many flags and long stretches between its
# choices (issue 19: 25 flags, 500 lines) would otherwise take minutes; beyond, as for states
MAX_SECONDS = 2.0
EVENTS_PER_STEP = 2_000  # events between two choices: more is a loop with no choice in it

# The words the board shows for each mood (max247/ui/widgets.py), said here to name them.
LABELS = ("feels very bad", "feels bad", "feels so-so", "feels OK", "feels good")
FEELS_OK = LABELS.index("feels OK")  # from this mood on the board shows a character as fine


def feels_ok(mood: int) -> bool:
    """Whether a character at `mood` feels OK: the board shows them fine, an ending is a good
    one, and a story that starts there gives the class no problem to help with (W101)."""
    return mood >= FEELS_OK


@dataclass(frozen=True)
class Phrase:
    words: str  # a regular expression for the words after the verb
    moods: frozenset[int]  # the moods these words agree with


def _p(words: str, *moods: int) -> Phrase:
    return Phrase(words, frozenset(moods))


BAD = (0, 1)
GOOD = (3, 4)
# Per language: the verb (the subject is the character's name) and the words after it, longest
# first. A label of the board is held to its own mood where it would contradict a neighbour
# ("se sent très mal" is 0, not the 1 the board calls "se sent mal").
VERBS = {
    "en": r"(?:(?:still|really|now|suddenly|just|finally|already)\s+)?feels\s+",
    "nl": r"voelt\s+zich\s+(?:(?:nog|nu|echt|weer|plots|al)\s+)?",
    "fr": r"se\s+sent\s+(?:(?:vraiment|encore|maintenant|déjà|enfin)\s+)?",
}
# the Dutch inversion, "Nu voelt Fatou zich rot": the name stands between verb and 'zich'
INVERTED = {"nl": r"voelt\s+{name}\s+zich\s+(?:(?:nog|nu|echt|weer|plots|al)\s+)?"}
PHRASES: dict[str, tuple[Phrase, ...]] = {
    "en": (
        _p(r"very bad", 0),
        _p(r"(?:really |so )?(?:awful|terrible|horrible|miserable|dreadful)", *BAD),
        _p(r"(?:really |so )?bad(?! (?:that|about|for)\b)", *BAD),
        _p(r"a bit bad", 1, 2),
        _p(r"so-so", 2),
        _p(r"(?:OK|okay|fine|alright|all right)", *GOOD),
        _p(r"(?:really |so )?(?:good|great|happy|wonderful)", *GOOD),
    ),
    "nl": (
        _p(r"heel slecht", 0),
        _p(r"(?:vreselijk|verschrikkelijk|ellendig|rot|afschuwelijk|ongelukkig)", *BAD),
        _p(r"slecht", *BAD),
        _p(r"zozo", 2),
        _p(r"(?:oké|ok|prima)", *GOOD),
        _p(r"(?:goed|blij|gelukkig|fantastisch|geweldig)", *GOOD),
    ),
    "fr": (
        _p(r"mal à l'aise", 0, 1, 2),
        _p(r"(?:très|horriblement|affreusement|terriblement) mal", 0),
        _p(r"(?:mal|nulle?|malheureux|malheureuse)(?! pour\b)", *BAD),
        _p(r"moyen(?:ne)?", 2),
        _p(r"(?:très bien|super bien|heureux|heureuse)", *GOOD),
        _p(r"bien", *GOOD),
    ),
}
# texts the class reads about the character; a character's own message is theirs to say
CONTEXTS = ("narrate", "prompt", "feedback", "ending_title", "ending_message")


def check_start(scenario: Scenario) -> list[Finding]:
    """W101: the character starts at 3 or more, so the board would start green."""
    if not feels_ok(scenario.mood):
        return []
    loc = scenario.extra.get("mood", scenario.loc)
    return [
        finding(
            "W101",
            Loc(loc.file, loc.line, loc.col),
            N_(
                "the story's character starts at mood {mood}, which the board shows as "
                "'{label}': the class would see no problem to help with.",
                mood=scenario.mood,
                label=N_(LABELS[scenario.mood]),
            ),
            N_(
                "A character with a problem starts at 1 (feels bad) or 2 (feels so-so); the "
                "board then turns green as the class helps. Write mood: 1 or mood: 2."
            ),
        )
    ]


def moods_shown(
    scenario: Scenario, max_states: int = MAX_STATES, max_seconds: float = MAX_SECONDS
) -> dict[int, set[int]]:
    """For each text the class reads about the character (by id), every mood the meter can
    show while it is on screen: after its own beat's change, an ending's text at the ending's
    mood, feedback after its option's change. After `max_states` choice points or
    `max_seconds` of CPU, what was seen so far."""
    deadline = time.process_time() + max_seconds
    shown: dict[int, set[int]] = {}
    first = Story(scenario)
    queue: deque[Story] = deque([first])
    seen: set[tuple[object, ...]] = set()
    while queue:
        story = queue.popleft()
        try:
            for _ in range(EVENTS_PER_STEP):
                if story.waiting is not None or story.ended:
                    break
                event = story.next()
                for text in _texts_of(event):
                    shown.setdefault(id(text), set()).add(story.state.mood)
        except StoryError:
            continue
        if story.ended or story.waiting is None:
            continue  # the end, or a loop with no choice in it (E307 says so)
        waiting = story.waiting
        assert waiting is not None
        shown.setdefault(id(waiting.choice.prompt), set()).add(story.state.mood)
        # numbers are capped in the key: a counter in a loop must not make the states endless
        flags = tuple(
            sorted(
                (k, max(-9, min(9, v)) if type(v) is int else v)
                for k, v in story.state.flags.items()
            )
        )
        key = (story.position(), flags, story.state.mood, len(story.state.helped) > 0)
        if key in seen:
            continue
        seen.add(key)
        # the CPU clock is asked every 32 states: on some machines asking costs a millisecond
        if len(seen) > max_states or (len(seen) % 32 == 0 and time.process_time() > deadline):
            break
        for offered in waiting.options:
            branch = story.fork()
            branch.choose(offered.number)
            queue.append(branch)
    return shown


def _texts_of(event: object) -> list[Text]:
    if isinstance(event, Line) and event.speaker is None:
        return [event.text]
    if isinstance(event, FeedbackShown):
        return [event.text]
    if isinstance(event, Ended) and event.ending is not None:
        return [event.ending.title, event.ending.message]
    if isinstance(event, ChoiceOffered):
        return [event.choice.prompt]
    return []


def mood_words(text: str, name: str, language: str) -> list[tuple[str, frozenset[int]]]:
    """The mood phrases of `text` whose subject is `name`: (the words, the moods they fit)."""
    out: list[tuple[str, frozenset[int]]] = []
    if language not in PHRASES or not name:
        return out
    subject = re.escape(name)
    leads = [rf"\b{subject}\s+{VERBS[language]}"]
    if language in INVERTED:
        leads.append(r"\b" + INVERTED[language].replace("{name}", subject))
    for lead in leads:
        for phrase in PHRASES[language]:
            pattern = rf"{lead}(?:{phrase.words})(?![\w-])"
            for m in re.finditer(pattern, text, re.IGNORECASE):
                if not any(m.group(0) in found for found, _ in out):
                    out.append((m.group(0), phrase.moods))
    return out


def check_words(
    scenario: Scenario,
    translations: Callable[[Text], dict[str, str]] | None = None,
    shown: dict[int, set[int]] | None = None,
    max_seconds: float = MAX_SECONDS,
) -> list[Finding]:
    """W605: a text names the character's mood in words the meter contradicts.

    Without `translations`, the file's own texts (and inline translations); with it (text ->
    {language: translation}), those translations alone, as `check_texts` does.
    """
    if shown is None:
        shown = moods_shown(scenario, max_seconds=max_seconds)
    who = scenario.characters.get(scenario.character)
    if who is None:
        return []
    names = _versions(who.name, scenario, translations)
    out: list[Finding] = []
    for text in _texts(scenario):
        moods = shown.get(id(text))
        if not moods:
            continue
        for language, value in _versions(text, scenario, translations).items():
            name = names.get(language, who.name.source)
            for words, fits in mood_words(value, name, language):
                wrong = sorted(moods - fits)
                if not wrong:
                    continue
                out.append(
                    finding(
                        "W605",
                        text.loc,
                        N_(
                            "'{words}' ({language}) names a mood, but the meter shows "
                            "{moods} here (0 feels very bad, 4 feels good).",
                            words=words,
                            language=language,
                            moods=", ".join(str(m) for m in sorted(moods)),
                        ),
                        N_(
                            "Make the words and the meter agree: change the mood before this "
                            "text (or the ending's mood), or the words."
                        ),
                    )
                )
                break  # one finding per text and language is enough to go and look
    return out


def _texts(scenario: Scenario) -> Iterator[Text]:
    from max247.story.model import texts

    for _, text in texts(scenario):
        if text.context in CONTEXTS:
            yield text


def _versions(
    text: Text, scenario: Scenario, translations: Callable[[Text], dict[str, str]] | None
) -> dict[str, str]:
    if translations is None:
        return {scenario.language: text.source, **dict(text.inline)}
    return translations(text)


def check_moods(
    scenario: Scenario, errors: bool = False, max_seconds: float = MAX_SECONDS
) -> list[Finding]:
    """Both checks on the file's own texts: what the loader adds to its findings. With `errors`
    (the flow checks found some), the story cannot be played through, so W605 waits."""
    words = [] if errors else check_words(scenario, max_seconds=max_seconds)
    return check_start(scenario) + words

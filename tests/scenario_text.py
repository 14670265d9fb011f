"""Build small scenarios for tests: a valid head, and passages written by the test."""

HEAD = """\
format: 1
id: test-story
language: en
title: A test
theme: grooming
ages: 10-12
minutes: 5
character: kai
mood: 2
content_warning: None.
goals: [Test.]
characters:
  kai: {name: Kai}
  mum: {name: Mum, max: true}
  sam: {name: Sam, friend: true}
  stranger: {name: Stranger}
start: one
passages:
"""


def scenario(passages: str, head: str = HEAD) -> str:
    """A scenario whose passages are `passages`, indented by the caller as under 'passages:'."""
    return head + passages


def line_of(text: str, needle: str) -> int:
    """The 1-based line of the first line holding `needle`."""
    for i, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return i
    raise AssertionError(needle)


# A number the class can raise and lower as often as it likes: too many states to explore (W401).
UNBOUNDED = """\
  one:
    - choice:
        prompt: P
        options:
          - {text: Up, add: {trust: 1}, goto: one}
          - {text: Down, add: {trust: -1}, goto: one}
          - {text: On, add: {other: 1}, goto: two}
  two:
    - if: trust >= 2 and other > 0
      then: [tell: mum]
    - help: talk
    - ending: {title: E, message: M}
"""


# A Dutch story that cannot be played: its last goto names a passage that does not exist
# (E202 at line 18), for the tests that show a broken story in the teacher's language.
BROKEN_NL = (
    "format: 1\nid: kapot\nlanguage: nl\ntitle: Kapot\ntheme: grooming\nages: 10-12\n"
    "minutes: 5\ncharacter: kai\nmood: 2\ncontent_warning: Geen.\ngoals: [Test.]\n"
    "characters:\n  kai: {name: Kai}\nstart: begin\npassages:\n  begin:\n"
    "    - narrate: Kai speelt.\n    - goto: nergens\n"
)

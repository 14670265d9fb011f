"""A teacher opens a story in the game, without a terminal: dropped on the window or chosen in
the game's file browser; the findings screen says what to fix, in the teacher's language, at the
line; a story without errors joins their stories and plays at once."""

from __future__ import annotations

from pathlib import Path

from max247.input import Action
from max247.pilot import Pilot
from max247.scenes.title import TitleScene
from tests.test_hot_reload import STORY


def drawn(pilot: Pilot) -> list[str]:
    return [d.text for d in pilot.drawn]


def test_a_file_dropped_on_the_window_shows_its_findings_at_the_line(tmp_path):
    story = tmp_path / "kapot.yaml"
    story.write_text(STORY.replace("goto: lina", "goto: lena"), encoding="utf-8")
    pilot = Pilot((1024, 768), "nl")
    pilot.start(TitleScene(pilot.app))
    pilot.drop(story)
    assert pilot.top.screen == "findings"
    texts = drawn(pilot)
    line = STORY.splitlines().index("            goto: lina") + 1
    assert f"Fout · kapot.yaml, regel {line} · E202" in texts
    assert "Er is geen passage 'lena'." in texts
    assert any(t.strip("\u00a0") == "goto: lena" for t in texts), "the line as written"
    assert "Bedoelde je 'lina'?" in texts  # the fix
    assert "1 fout om op te lossen voor het verhaal gespeeld kan worden" in texts
    assert "sam-reload" not in pilot.app.library.scenarios  # not added: it cannot be played
    # the teacher fixes it in their editor and saves: the screen checks it again by itself
    story.write_text(STORY, encoding="utf-8")
    pilot.top.stamps = {}
    pilot.step()
    assert "sam-reload" in pilot.app.library.scenarios
    assert any("kan gespeeld worden" in t for t in drawn(pilot))


def test_errors_come_before_warnings(tmp_path):
    story = tmp_path / "twee.yaml"
    text = STORY.replace("goto: lina", "goto: lena").replace(
        "    - help: talk\n", "    - help: talk\n    - set: {nooit_gelezen: true}\n"
    )
    story.write_text(text, encoding="utf-8")
    pilot = Pilot((1024, 768), "en")
    pilot.start(TitleScene(pilot.app))
    pilot.drop(story)
    codes = [c.heading.split(" · ")[-1] for c in pilot.top.cards]
    assert codes[0] == "E202" and "W501" in codes
    assert codes.index("W501") > codes.index("E202")


def test_a_dropped_folder_is_checked_and_its_stories_added(tmp_path):
    folder = tmp_path / "mijn verhalen"
    folder.mkdir()
    (folder / "sam.yaml").write_text(STORY, encoding="utf-8")
    pilot = Pilot((1024, 768), "fr")
    pilot.start(TitleScene(pilot.app))
    pilot.drop(folder)
    assert pilot.top.screen == "findings" and pilot.top.checked.playable
    assert "sam-reload" in pilot.app.library.scenarios
    assert pilot.app.mine.paths() == [folder.resolve()]
    assert not pilot.app.mine.reviewed(folder / "sam.yaml")  # until the checklist is ticked


def test_the_open_screen_works_with_the_four_clicker_keys(tmp_path):
    (tmp_path / "verhalen").mkdir()
    (tmp_path / "verhalen" / "sam.yaml").write_text(STORY, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a story", encoding="utf-8")
    pilot = Pilot((1024, 768), "nl")
    pilot.start(TitleScene(pilot.app))
    title = pilot.top
    labels = [item.label() for item in title.items]
    title.index = labels.index("Een verhaal openen")
    pilot.press(Action.CONFIRM)  # F5 on the clicker
    assert pilot.top.screen == "open"
    pilot.top.folder = tmp_path
    pilot.top.build()
    pilot.step()
    assert [p.name for p in pilot.top.paths] == ["verhalen"]  # folders and stories only
    pilot.press(Action.CONFIRM)  # into the folder
    assert pilot.top.folder == tmp_path / "verhalen"
    assert "sam.yaml" in drawn(pilot)
    pilot.press(Action.CONFIRM)  # open the story
    assert pilot.top.screen == "findings"
    assert pilot.top.checked.playable
    assert pilot.app.mine.folder == str(tmp_path / "verhalen")  # the browser opens there next
    # PageDown to "Play it now" (rung first: no findings), F5: the story plays
    assert pilot.top.items[pilot.top.index].label() == "Nu spelen"
    pilot.press(Action.CONFIRM)
    assert pilot.top.screen == "story"
    pilot.press(Action.PAUSE)  # Escape: the pause menu, as on every screen
    assert pilot.top.screen == "pause"


def test_the_open_screen_works_with_clicks(tmp_path):
    (tmp_path / "sam.yaml").write_text(STORY, encoding="utf-8")
    pilot = Pilot((1024, 768), "fr")
    pilot.app.mine.folder = str(tmp_path)
    pilot.start(TitleScene(pilot.app))
    pilot.app.push("open")
    pilot.step()
    row = pilot.top.items[0]
    assert row.label() == "sam.yaml"
    pilot.click(row.rect.center)  # a tap on a whiteboard
    assert pilot.top.screen == "findings"
    back = next(i for i in pilot.top.items if i.label() == "Retour")
    pilot.click(back.rect.center)
    assert pilot.top.screen == "open"


def test_a_story_opened_in_the_game_is_remembered(tmp_path):
    from max247.opening import MyStories

    story = tmp_path / "sam.yaml"
    story.write_text(STORY, encoding="utf-8")
    mine = MyStories.load(tmp_path / "data")
    mine.add(story)
    again = MyStories.load(tmp_path / "data")
    assert again.paths() == [story.resolve()] and not again.reviewed(story)
    again.review(story)
    assert MyStories.load(tmp_path / "data").reviewed(story)
    (tmp_path / "data" / "my-stories.json").write_text("{not json", encoding="utf-8")
    assert MyStories.load(tmp_path / "data").stories == []  # a damaged list starts empty


def test_a_stand_opens_nothing_dropped_on_it(tmp_path):
    story = tmp_path / "sam.yaml"
    story.write_text(STORY, encoding="utf-8")
    pilot = Pilot((1024, 768), "nl", kiosk=True)
    pilot.app.push("stand")
    pilot.step()
    pilot.drop(story)
    assert pilot.top.screen == "stand"


def test_a_drop_without_begin_still_opens(tmp_path):
    import pygame

    story = tmp_path / "sam.yaml"
    story.write_text(STORY, encoding="utf-8")
    pilot = Pilot((1024, 768), "en")
    pilot.start(TitleScene(pilot.app))
    pilot.app.event(pygame.event.Event(pygame.DROPFILE, file=str(story)))
    pilot.step()
    assert pilot.top.screen == "findings"
    assert Path(pilot.top.path) == story


def test_the_content_checklist_is_the_documents_word_for_word():
    from max247.checklist import CHECKLIST

    doc = (Path(__file__).parent.parent / "docs" / "content-checklist.md").read_text("utf-8")
    sections, rules = [], []
    for line in doc.splitlines():
        if line.startswith("## "):
            sections.append(line[3:])
        elif line.startswith("- [ ] "):
            rules.append(line[6:].split(" *", 1)[0])
    assert [str(s) for s, _ in CHECKLIST] == sections
    assert [str(r) for _, rs in CHECKLIST for r in rs] == rules


def test_a_story_added_in_the_game_is_not_reviewed_until_its_checklist_is_ticked(tmp_path):
    story = tmp_path / "sam.yaml"
    story.write_text(STORY, encoding="utf-8")
    pilot = Pilot((1024, 768), "nl")
    pilot.start(TitleScene(pilot.app))
    pilot.drop(story)
    pilot.app.push("setup")
    pilot.step()
    assert any("niet nagekeken" in t for t in drawn(pilot))
    pilot.app.pop()
    findings = pilot.top
    findings.index = [i.label() for i in findings.items].index("Inhoudelijke checklist")
    pilot.press(Action.CONFIRM)
    checklist = pilot.top
    assert checklist.screen == "checklist"
    assert "Geen angst of schrikeffecten" in " ".join(drawn(pilot))  # in the teacher's language
    done = [i.label() for i in checklist.items].index("Nagekeken: elke regel klopt")
    checklist.index = done
    pilot.press(Action.CONFIRM)  # not every rule ticked: the ring goes to the first one left
    assert pilot.top is checklist and checklist.index == 0
    for _rule in checklist.rules:
        pilot.press(Action.CONFIRM, Action.DOWN)  # F5 ticks, PageDown moves on
    checklist.index = done
    pilot.press(Action.CONFIRM)
    assert pilot.top.screen == "findings"
    assert pilot.app.mine.reviewed(story)
    pilot.app.push("setup")
    pilot.step()
    assert not any("niet nagekeken" in t for t in drawn(pilot))

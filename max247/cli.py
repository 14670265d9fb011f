"""The `max247` command: play, validate, test, and the teacher's libraries.

Commands that only read scenarios never import pygame, so `max247 validate` prints nothing but
its findings.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections.abc import Sequence
from pathlib import Path

from max247 import paths
from max247.settings import load_settings, save_settings

SCREENS = (
    "title",
    "lessons",
    "setup",
    "name",
    "board",
    "briefing",
    "story",
    "choice",
    "vote",
    "vote-reveal",
    "vote-devices",
    "cards",
    "deciding",
    "feedback",
    "help",
    "ending",
    "closing",
    "pause",
    "blank",
    "teacher",
    "decisions",
    "keys",
    "goodbye",
    "welcome",
    "welcome-region",
    "displays",
    "access",
    "stand",
    "stand-setup",
    "stand-next-group",
    "tables",
    "open",
    "findings",
    "translate",
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="max247",
        description="Max 24/7: a class helps characters find a trusted adult.",
    )
    sub = parser.add_subparsers(dest="command")

    p = sub.add_parser("play", help="play one scenario, reloading it whenever it is saved")
    p.add_argument("scenario", nargs="?", help="a scenario file or id")
    p.add_argument("--from", dest="start", metavar="PASSAGE", help="start at this passage")
    p.add_argument("--lang", choices=("nl", "fr", "en"), help="the class's language")
    p.add_argument("--text", action="store_true", help="in the terminal, without a window")

    g = sub.add_parser("game", help="start the game (what `max247` alone does)")
    g.add_argument("--size", type=_size, help="window size, e.g. 1280x720")
    g.add_argument("--kiosk", action="store_true", help="the stand at an event (= max247 kiosk)")
    # scripted play, for the crash test (tests/test_crash.py): not for classes
    g.add_argument("--autoplay", type=int, metavar="SEED", help=argparse.SUPPRESS)
    # draw the first frame, show it and stop: start-up as scripts/bench measures it
    g.add_argument("--first-frame", action="store_true", help=argparse.SUPPRESS)

    k = sub.add_parser(
        "kiosk",
        help="the stand at an event: full screen, children cannot leave, Ctrl+Shift+O for the "
        "organiser's menu",
    )
    k.add_argument(
        "--idle", type=float, metavar="SECONDS", help="reset after this long untouched (a test's)"
    )

    n = sub.add_parser("new", help="write a commented starting scenario that validates as it is")
    n.add_argument("id", help="the new scenario's id: lower-case letters, digits and '-'")
    n.add_argument("--folder", type=Path, default=Path("."), help="where (default: here)")
    n.add_argument(
        "--language",
        choices=("nl", "fr", "en"),
        default="en",
        help="the language the story is written in: the template's texts and notes",
    )

    sc = sub.add_parser(
        "schema", help="write the editors' JSON Schema again from the format's grammar"
    )
    sc.add_argument("--check", action="store_true", help="only say whether it is current")

    gr = sub.add_parser("graph", help="the passages and choices of a scenario as a graph")
    gr.add_argument("scenario", help="a scenario file or id")
    gr.add_argument("--format", choices=("mermaid", "dot", "png"), default="mermaid")
    gr.add_argument("--lang", choices=("nl", "fr", "en"))
    gr.add_argument("-o", "--output", type=Path, help="the file to write (png: required)")

    pr = sub.add_parser("print", help="the whole scenario as one HTML page, to read before class")
    pr.add_argument("scenario", help="a scenario file or id")
    pr.add_argument("--lang", choices=("nl", "fr", "en"))
    pr.add_argument("--region", choices=("be", "nl", "uk", "intl"))
    pr.add_argument(
        "-o", "--output", type=Path, help="the file to write (default: standard output)"
    )

    sh = sub.add_parser("screenshot", help="render a screen to PNG, without a window")
    sh.add_argument("screen", choices=SCREENS)
    sh.add_argument("--scenario", help="scenario id or file (default: the first shipped)")
    sh.add_argument(
        "--choose", type=_choices, default=[], help="choices to make first (1 to 4), e.g. 1,2"
    )
    sh.add_argument("--next", type=int, default=0, help="presses of next on the story screen")
    sh.add_argument("--lang", choices=("nl", "fr", "en"), default="en")
    sh.add_argument("--region", choices=("be", "nl", "uk", "intl"), default="be")
    sh.add_argument("--size", type=_size, default=(1920, 1080), help="e.g. 1024x768")
    sh.add_argument("--scale", type=float, default=1.0, help="text scale: 1, 1.25, 1.5, 1.75 or 2")
    sh.add_argument("--high-contrast", action="store_true", help="the high contrast colours")
    sh.add_argument(
        "--reading-font", action="store_true", help="the reading font, with extra spacing"
    )
    sh.add_argument("-o", "--output", type=Path, default=Path("screenshot.png"))
    sh.add_argument(
        "--teacher-screen",
        action="store_true",
        help="the teacher's own screen at that moment (as with two displays), not the projector's",
    )

    v = sub.add_parser("validate", help="check scenarios and the help directory")
    v.add_argument("paths", nargs="*", type=Path, help="files or folders (default: every library)")
    v.add_argument("--strict", action="store_true", help="warnings fail too")
    v.add_argument(
        "--all",
        dest="every",
        action="store_true",
        help="list every missing translation and every knock-on error (default: one line each)",
    )
    v.add_argument("--lang", choices=("nl", "fr", "en"), default="en", help=MESSAGES_LANGUAGE)

    t = sub.add_parser("test", help="run test plans (*.plan.yaml)")
    t.add_argument(
        "plans", nargs="*", type=Path, help="plans or folders (default: the shipped ones)"
    )
    t.add_argument("--lang", choices=("nl", "fr", "en"), default="en", help=MESSAGES_LANGUAGE)

    i18n = sub.add_parser("i18n", help="translation catalogs: extract, update, compile, status")
    i18n.add_argument("action", choices=("extract", "update", "compile", "status"))
    i18n.add_argument(
        "library", nargs="?", type=Path, help="a scenario folder (default: the shipped one)"
    )
    i18n.add_argument("--lang", choices=("nl", "fr", "en"), default="en", help=MESSAGES_LANGUAGE)

    lib = sub.add_parser("library", help="the teacher's own scenario folders")
    lib.add_argument("action", choices=("list", "add", "remove"))
    lib.add_argument("folder", nargs="?", type=Path)

    from max247 import cli_sessions

    cli_sessions.add_parsers(sub)

    ks = sub.add_parser("keys", help="the input map as a Markdown table (for docs/keys.md)")
    ks.add_argument("-o", "--output", type=Path, help="write it here instead of printing it")

    b = sub.add_parser("build", help="make the ready folder for this platform (PyInstaller)")
    b.add_argument("--dist", type=Path, default=Path("dist"), help="where (default: dist)")
    b.add_argument("--work", type=Path, default=Path("build", "pyinstaller"), help="its cache")
    b.add_argument("--zip", action="store_true", help="also a zip to download")

    args = parser.parse_args(argv)
    if args.command in ("sessions", "summary", "cards"):
        return cli_sessions.run(args)
    if args.command == "validate":
        return cmd_validate(args.paths, args.strict, args.lang, args.every)
    if args.command == "test":
        return cmd_test(args.plans, args.lang)
    if args.command == "i18n":
        return cmd_i18n(args.action, args.library, args.lang)
    if args.command == "library":
        return cmd_library(args.action, args.folder)
    if args.command == "new":
        return cmd_new(args.id, args.folder, args.language)
    if args.command == "schema":
        return cmd_schema(args.check)
    if args.command == "build":
        from max247.build import cmd_build

        return cmd_build(args.dist, args.work, args.zip)
    if args.command in ("graph", "print"):
        return cmd_document(args)
    if args.command == "keys":
        from max247.keytable import table

        if args.output is None:
            print(table(), end="")
        else:
            args.output.write_text(table(), encoding="utf-8")
        return 0
    if args.command == "screenshot":
        from max247.screenshots import screenshot

        return screenshot(args)
    if args.command == "play" and args.text:
        from max247.textplay import play_in_terminal

        return play_in_terminal(library_roots(), args.scenario, args.start, args.lang)
    if args.command == "play":
        from max247.app import preview

        return preview(args.scenario, args.start, args.lang)
    from max247.app import start

    if args.command == "game":
        return start(args.size, args.kiosk, args.autoplay, first_frame=args.first_frame)
    if args.command == "kiosk":
        return start(kiosk=True, idle=args.idle)
    return start()


MESSAGES_LANGUAGE = (
    "the language of the messages and hints (default: en, whatever the system's language; "
    "the interface catalog locales/LANG/LC_MESSAGES/max247.po translates them, and what it "
    "does not translate stays English); codes, files and lines are the same in every language"
)


def messages_translator(language: str | None):
    """The translator for a command's messages: None (English) for en, else the interface's."""
    if language in (None, "en"):
        return None
    from max247.i18n import Interface

    return Interface(language)


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError("a size is written WIDTHxHEIGHT, e.g. 1280x720") from None
    return w, h


def _choices(text: str) -> list[int]:
    """`--choose 1,2`: option numbers as the class sees them, 1 to 4."""
    parts = [x.strip() for x in text.split(",") if x.strip()]
    if not all(p in ("1", "2", "3", "4") for p in parts):
        raise argparse.ArgumentTypeError(
            f"'{text}': choices are option numbers from 1 to 4, separated by commas, e.g. 1,2"
        )
    return [int(p) for p in parts]


def library_roots() -> list[Path]:
    settings, _ = load_settings()
    return [paths.SCENARIOS, *(Path(p) for p in settings.libraries if Path(p).is_dir())]


def help_needs() -> tuple[str, ...]:
    from max247.helpdir import load_directory
    from max247.story.findings import ScenarioError
    from max247.story.loader import DEFAULT_NEEDS

    try:
        directory = load_directory(paths.HELP_DIRECTORY)
    except ScenarioError:
        return DEFAULT_NEEDS
    return tuple(sorted(n for n in directory.needs if n != "adult-advice")) or DEFAULT_NEEDS


def cmd_validate(
    targets: list[Path], strict: bool, language: str = "en", every: bool = False
) -> int:
    from max247.helpdir import load_directory
    from max247.story.findings import N_, ScenarioError, render_text
    from max247.story.library import is_plan, load_library
    from max247.story.plans import read_plan
    from max247.validation_report import report, translation_totals

    tr = messages_translator(language)
    findings = []
    if not targets:
        targets = library_roots()
        try:
            directory = load_directory(
                paths.HELP_DIRECTORY, paths.user_data() / "help-directory.yaml"
            )
            findings += directory.findings
        except ScenarioError as exc:
            findings += exc.findings
    missing = [t for t in targets if not t.exists()]
    for t in missing:
        print(render_text(N_("{path}: no such file or folder", path=str(t)), tr), file=sys.stderr)
    # A test plan named on its own is checked as a plan, not as a broken scenario: educators
    # tab-complete `noor.plan.yaml` as often as `noor.yaml`.
    plans = [t for t in targets if t.is_file() and is_plan(t)]
    for plan in plans:
        try:
            read_plan(plan)
        except ScenarioError as exc:
            findings += exc.findings
    if plans:
        print(render_text(N_("test plans are played with `max247 test PLAN`"), tr), file=sys.stderr)
    targets = [t for t in targets if t.exists() and t not in plans]
    library = load_library(targets, help_needs()) if targets or not plans else None
    unproven = 0  # help not proven in a shipped story: an error there, as help is claimed
    for path, fs in library.findings.items() if library else ():
        findings += fs
        if path.resolve().is_relative_to(paths.SCENARIOS.resolve()):
            unproven += sum(f.code == "W401" for f in fs)
    totals = {}
    if library is not None:
        findings += translation_checks(library)
        totals = translation_totals(library.scenarios.values())
    for line in report(findings, totals, tr, every):
        print(line)
    errors = sum(f.is_error for f in findings) + unproven
    warnings = len(findings) - errors
    if library is None:  # only test plans were named
        summary = N_("{plans} test plan(s): {errors} error(s)", plans=len(plans), errors=errors)
    else:
        summary = N_(
            "{files} scenario file(s): {errors} error(s), {warnings} warning(s)",
            files=len(library.findings),
            errors=errors,
            warnings=warnings,
        )
    sys.stdout.flush()
    print(render_text(summary, tr), file=sys.stderr)
    return 1 if errors or missing or (strict and warnings) else 0


def translation_checks(library) -> list:
    """Missing, stale and orphan translations, and translated texts too long to read."""
    from max247.catalogs import targets, translation_findings
    from max247.i18n import ScenarioTranslator
    from max247.story.flow import check_texts
    from max247.story.moods import check_words

    out = []
    translator = ScenarioTranslator()
    for s in library.scenarios.values():
        out += translation_findings(
            s, library.locales_for(s), translator, library.root_of.get(s.id)
        )

        def translated(text, s=s):
            return {
                lang: translator(s, text, lang)
                for lang in targets(s)
                if text.inline_for(lang) is None and translator.is_translated(s, text, lang)
            }

        out += check_texts(s, translated)
        out += check_words(s, translated)
        out += glyph_checks(s, translator)
    return out


def glyph_checks(scenario, translator) -> list:
    """Characters that no shipped font can draw, in any language the scenario is played in
    (read from the fonts' character maps: validating opens no window and needs no pygame)."""
    from max247.story.findings import N_, finding
    from max247.story.model import LANGUAGES, texts
    from max247.ui.glyphs import missing as undrawable

    out = []
    for _, text in texts(scenario):
        versions = {lang: translator(scenario, text, lang) for lang in LANGUAGES}
        for lang, value in versions.items():
            missing = undrawable(value)
            if missing:
                shown = " ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in sorted(missing))
                out.append(
                    finding(
                        "W604",
                        text.loc,
                        N_(
                            "no font of the game can draw {characters} in '{language}'.",
                            characters=shown,
                            language=lang,
                        ),
                        N_("Use another character, or remove it."),
                    )
                )
                break
    return out


def cmd_test(targets: list[Path], language: str = "en") -> int:
    from max247.i18n import ScenarioTranslator
    from max247.story.findings import N_, render_text
    from max247.story.library import display_path, load_library, plan_files
    from max247.story.plans import PlayResult, run_plan

    tr = messages_translator(language)

    def say(message: str) -> None:
        print(render_text(message, tr))

    roots = library_roots()
    shipped = load_library(roots, help_needs()).scenarios
    plans = [p for t in (targets or [paths.SCENARIOS]) for p in plan_files(t)]
    translate = ScenarioTranslator()
    passed = failed = 0
    for plan in plans:
        results = run_plan(plan, shipped, translate)
        for r in results:
            if not isinstance(r, PlayResult):
                print(r.render(tr))
                failed += r.is_error  # a warning (W901) lets the plays run
                continue
            if r.ok:
                passed += 1
                continue
            failed += 1
            for loc, problem in r.problems:
                say(
                    N_(
                        "{place}: play '{name}': {problem}",
                        place=str(loc),
                        name=r.play.name,
                        problem=problem,
                    )
                )
        if not results:
            say(N_("{path}: the plan has no plays", path=display_path(plan)))
    if not plans:
        say(N_("no test plans found (files ending in .plan.yaml)"))
    say(N_("{passed} passed, {failed} failed", passed=passed, failed=failed))
    return 1 if failed or not plans else 0


def cmd_i18n(action: str, folder: Path | None, language: str = "en") -> int:
    from max247 import catalogs
    from max247.story.findings import N_, ScenarioError, render_text
    from max247.story.library import display_path, load_library

    tr = messages_translator(language)

    root = folder or paths.SCENARIOS
    library = load_library([root], help_needs())
    interface = folder is None  # the shipped library goes with the interface's own catalogs
    unreadable = False
    try:
        if interface and action in ("extract", "update"):
            for p in catalogs.update_interface(paths.LOCALES):
                print(display_path(p))
    except ScenarioError as exc:  # never written over: the translator's work is in it
        for f in exc.findings:
            print(f.render(tr), file=sys.stderr)
        unreadable = True
    for path in library.broken:
        left_out = N_("{path}: has errors, left out (see max247 validate)", path=display_path(path))
        print(render_text(left_out, tr), file=sys.stderr)
    incomplete = False
    rows = []
    for s in sorted(library.scenarios.values(), key=lambda s: s.id):
        locales = library.locales_for(s) or root.resolve().parent / "locales"
        try:
            if action == "extract":
                print(display_path(catalogs.extract(s, locales)))
            elif action == "update":
                for p in catalogs.update(s, locales):
                    print(display_path(p))
            elif action == "compile":
                for p in catalogs.compile_catalogs(s, locales):
                    print(display_path(p))
            else:
                for st in catalogs.status(s, locales):
                    rows.append(st)
                    incomplete = incomplete or not st.complete
        except ScenarioError as exc:
            for f in exc.findings:
                print(f.render(tr), file=sys.stderr)
            unreadable = True
    if action == "status":
        if interface:
            rows += catalogs.interface_status(paths.LOCALES, "game")
            rows += catalogs.interface_status(paths.LOCALES, "validator")
            incomplete = incomplete or not all(st.complete for st in rows)
        said = set()
        for st in rows:  # catalogs that cannot be read, translations that are not shown
            for f in st.problems:
                if str(f) not in said:
                    said.add(str(f))
                    print(f.render(tr), file=sys.stderr)
        sys.stderr.flush()
        print(f"{'scenario':28} lang  translated  missing  stale  orphan  refused")
        for st in rows:
            print(
                f"{st.scenario:28} {st.language:4} {st.translated:11} {st.missing:8} "
                f"{st.stale:6} {st.orphan:7} {st.refused:8}"
            )
        return 1 if incomplete or library.broken or unreadable else 0
    return 1 if library.broken or unreadable else 0


def cmd_new(scenario_id: str, folder: Path, language: str = "en") -> int:
    from max247.authoring.new import new_scenario

    try:
        path = new_scenario(scenario_id, folder, language)
    except ValueError as exc:
        print(f"max247 new: {exc}", file=sys.stderr)
        return 1
    print(path)
    print(path.with_name(f"{scenario_id}.plan.yaml"))
    return 0


def cmd_schema(check: bool) -> int:
    """Write scenario.schema.json from max247/story/grammar.py (or, with --check, only say
    whether the shipped one is what the grammar generates)."""
    from max247.authoring import schema

    current = schema.SCHEMA.is_file() and schema.SCHEMA.read_text(encoding="utf-8") == (
        schema.text()
    )
    if check:
        print(f"{schema.SCHEMA}: {'current' if current else 'NOT current: run max247 schema'}")
        return 0 if current else 1
    schema.write()
    print(f"{schema.SCHEMA}: {'unchanged' if current else 'written'}")
    return 0


def find_scenario(which: str):
    """A scenario by file or id; prints why not and returns None when it cannot be loaded."""
    from max247.story.library import display_path, load_library
    from max247.story.loader import read_scenario

    path = Path(which)
    if path.is_file():
        loaded = read_scenario(path, help_needs(), display_path(path))
        for f in loaded.errors:
            print(f, file=sys.stderr)
        return loaded.scenario
    library = load_library(library_roots(), help_needs())
    if which not in library.scenarios:
        print(f"no scenario file or id '{which}'", file=sys.stderr)
        return None
    return library.scenarios[which]


def cmd_document(args) -> int:
    from max247.i18n import ScenarioTranslator
    from max247.story.findings import render_text

    scenario = find_scenario(args.scenario)
    if scenario is None:
        return 1
    settings, _ = load_settings()
    lang = args.lang or scenario.language
    translate = ScenarioTranslator()
    if args.command == "graph":
        from max247.authoring import graph

        words = messages_translator(lang)  # the labels in the language of the texts
        if args.format == "mermaid":
            text = graph.to_mermaid(scenario, translate, lang, words)
        else:
            text = graph.to_dot(scenario, translate, lang, words)
        if args.format == "png":
            if args.output is None:
                print("max247 graph --format png needs -o FILE.png", file=sys.stderr)
                return 2
            try:
                graph.to_png(text, args.output)
            except RuntimeError as exc:
                print(f"max247 graph: {exc}", file=sys.stderr)
                return 1
            print(args.output)
            return 0
    else:
        from max247.authoring.proof import to_html
        from max247.helpdir import load_directory
        from max247.story.findings import ScenarioError

        region = args.region or settings.region
        try:
            directory = load_directory(paths.HELP_DIRECTORY)
        except ScenarioError:
            directory = None

        def lookup(need: str) -> str | None:
            # every service the class would see for the need (Child Focus, then Take It Down)
            cards = directory.shown(need, region, lang) if directory else []
            if not cards:
                return None
            return "; ".join(
                card.text("name", lang) + (f" - {card.phone}" if card.phone else "")
                for card in cards
            )

        from max247.i18n import Interface

        text = to_html(scenario, translate, lang, lookup, Interface(lang).gettext)
        said = untranslated_note(scenario, translate, lang)
        if said:
            print(render_text(said, messages_translator(lang)), file=sys.stderr)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(args.output)
    return 0


def untranslated_note(scenario, translate, language: str) -> str:
    """For `print --lang`: how many texts have no translation, and are shown in the story's own
    language instead ("" when all are translated)."""
    from max247.story.findings import N_, ngettext
    from max247.story.model import texts

    if language == scenario.language:
        return ""
    every = [t for _, t in texts(scenario)]
    missing = sum(
        1
        for t in every
        if t.inline_for(language) is None and not translate.is_translated(scenario, t, language)
    )
    if not missing:
        return ""
    return N_(
        "{language}: {count} (shown in '{own}', the story's own language instead)",
        language=language,
        count=ngettext(
            "{missing} of {total} text is not translated",
            "{missing} of {total} texts are not translated",
            missing,
            missing=missing,
            total=len(every),
        ),
        own=scenario.language,
    )


def cmd_library(action: str, folder: Path | None) -> int:
    settings, note = load_settings()
    if note:
        print(note, file=sys.stderr)
    if action == "list":
        print(f"{paths.SCENARIOS} (shipped)")
        for lib in settings.libraries:
            print(lib + ("" if Path(lib).is_dir() else "  (not found)"))
        return 0
    if folder is None:
        print(f"max247 library {action}: name a folder", file=sys.stderr)
        return 2
    where = str(folder.resolve())
    if action == "add":
        if not folder.is_dir():
            print(f"{folder}: not a folder", file=sys.stderr)
            return 1
        if where not in settings.libraries:
            settings.libraries.append(where)
        report_library(folder, settings.language)
    elif where in settings.libraries:
        settings.libraries.remove(where)
    try:
        save_settings(settings)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        where = exc.filename or paths.user_data()
        print(f"{where}: cannot be written ({reason}); nothing changed", file=sys.stderr)
        return 1
    return 0


def report_library(folder: Path, language: str) -> None:
    """What `library add` found: how many stories can be played, and each one that cannot,
    with its first error, in the teacher's language; a broken story never disappears silently."""
    from max247.story.library import load_library

    tr = messages_translator(language)
    library = load_library([folder], help_needs())
    _ = tr.gettext if tr is not None else (lambda m: m)
    n = len(library.scenarios)
    if tr is None:  # English
        said = (
            "{n} story can be played from {folder}"
            if n == 1
            else "{n} stories can be played from {folder}"
        )
    else:
        said = tr.ngettext(
            "{n} story can be played from {folder}", "{n} stories can be played from {folder}", n
        )
    print(said.format(n=n, folder=folder))
    for path in library.broken:
        errors = [f for f in library.findings[path] if f.is_error]
        print(_("{file}: cannot be played").format(file=path.name))
        if errors:
            print("  " + errors[0].render(tr))


def run() -> int:
    """The console entry point: `max247 validate | head` ends quietly when the reader goes, and
    every command stops on Ctrl+C (SIGINT) and on SIGTERM, with the shell's usual exit codes.
    """
    signal.signal(signal.SIGTERM, _terminated)
    try:
        return main()
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 128 + signal.SIGINT


def _terminated(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    raise SystemExit(run())

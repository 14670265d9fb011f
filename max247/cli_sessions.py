"""`max247 sessions`, `max247 summary` and `max247 cards`: the teacher's saved lessons and the
pages to print, from a terminal. Messages are in the teacher's language (their settings).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from max247 import paths
from max247.settings import load_settings

REGIONS = ("be", "nl", "uk", "intl")


def add_parsers(sub) -> None:
    s = sub.add_parser("sessions", help="saved lessons: list, show, rename, delete, export, import")
    ss = s.add_subparsers(dest="action")
    ss.add_parser("list", help="every saved lesson, the most recent first")
    sh = ss.add_parser("show", help="one lesson: its characters and decisions")
    sh.add_argument("name")
    rn = ss.add_parser("rename", help="give a lesson another name (never a child's name)")
    rn.add_argument("name")
    rn.add_argument("new_name")
    de = ss.add_parser("delete", help="delete a lesson")
    de.add_argument("name")
    ex = ss.add_parser("export", help="write a lesson to a file, to carry on on another PC")
    ex.add_argument("name")
    ex.add_argument("-o", "--output", type=Path, required=True, help="the file to write")
    im = ss.add_parser("import", help="read a lesson from a file written by export")
    im.add_argument("file", type=Path)

    su = sub.add_parser(
        "summary", help="a lesson's summary to print (HTML) and its decisions (CSV)"
    )
    su.add_argument("name", help="the lesson's name (see `max247 sessions list`)")
    su.add_argument("-o", "--output", type=Path, help="the HTML file (the CSV goes beside it)")

    ca = sub.add_parser("cards", help="a sheet of Max cards to print, eight to an A4 page")
    ca.add_argument("name", nargs="?", help="a lesson: its language and region (default: yours)")
    ca.add_argument("--lang", choices=("nl", "fr", "en"))
    ca.add_argument("--region", choices=REGIONS)
    ca.add_argument("--children", type=int, default=8, help="how many cards (default: 8)")
    ca.add_argument("-o", "--output", type=Path, help="the HTML file to write")


def run(args: argparse.Namespace) -> int:
    from max247.i18n import Interface
    from max247.store import Refused, Store

    settings, note = load_settings()
    _ = Interface(settings.language).gettext
    if note:
        print(note, file=sys.stderr)
    store = Store.open(paths.user_data(), _)
    for n in store.notes:
        print(n, file=sys.stderr)
    try:
        if args.command == "sessions":
            return sessions(store, args, _)
        if args.command == "summary":
            return summary(store, args, _)
        return cards(store, args, settings, _)
    except Refused as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        store.close()


def sessions(store, args, _) -> int:
    from max247.store import read_portable

    action = args.action or "list"
    if action == "list":
        every = store.sessions()
        if not every:
            print(_("No saved lessons yet."))
        for x in every:
            state = _("finished") if x.finished else _("unfinished")
            print(
                f"{x.name}\t{x.created[:16].replace('T', ' ')}\t{x.language}\t{x.region}\t"
                f"{state}\t{', '.join(x.characters)}\t{x.decisions}"
            )
        return 0
    if action == "show":
        listed = store.named(args.name, _)
        session = store.load(listed.id)
        print(json.dumps(_shown(session), indent=2, ensure_ascii=False))
        return 0
    if action == "rename":
        new = store.rename(args.name, args.new_name, _)
        print(_("Renamed to “{name}”.").format(name=new))
        return 0
    if action == "delete":
        store.delete(args.name, _)
        print(_("Deleted “{name}”.").format(name=args.name))
        return 0
    if action == "export":
        data = store.export(args.name, _)
        text = json.dumps(data, indent=1, ensure_ascii=False) + "\n"
        from max247.settings import write_atomic

        write_atomic(args.output, text)
        print(args.output)
        return 0
    read_portable(args.file, _)  # refused before anything is written
    session = store.import_file(args.file, _)
    print(_("Imported as “{name}”.").format(name=session.name))
    return 0


def _shown(session) -> dict:
    from max247.store import to_portable

    return to_portable(session)["session"]


def _library_and_directory():
    """The teacher's libraries and help directory, as the game reads them."""
    from max247.cli import library_roots
    from max247.helpdir import Directory, load_directory
    from max247.story.findings import ScenarioError
    from max247.story.library import load_library

    try:
        directory = load_directory(paths.HELP_DIRECTORY, paths.user_data() / "help-directory.yaml")
    except ScenarioError as exc:
        for f in exc.findings:
            print(f, file=sys.stderr)
        directory = Directory([])
    return load_library(library_roots()), directory


def summary(store, args, _) -> int:
    from max247.printouts import folder, safe_file_name
    from max247.printouts.summary import write

    listed = store.named(args.name, _)
    session = store.load(listed.id)
    library, directory = _library_and_directory()
    out = args.output or folder() / f"{safe_file_name(session.name)}.html"
    for path in write(session, library, directory, out):
        print(path)
    return 0


def cards(store, args, settings, _) -> int:
    from max247.printouts import folder
    from max247.printouts.maxcards import sheet

    language, region = settings.language, settings.region
    if args.name:
        listed = store.named(args.name, _)
        language, region = listed.language, listed.region
    language = args.lang or language
    region = args.region or region
    if args.children < 1:
        print(_("How many cards? At least 1."), file=sys.stderr)
        return 2
    _library, directory = _library_and_directory()
    out = args.output or folder() / f"max-cards-{language}-{region}.html"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(sheet(directory, language, region, args.children), encoding="utf-8")
    print(out)
    return 0

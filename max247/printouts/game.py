"""The game's print buttons: write the page into the teacher's Documents, open it in the
browser (from where it prints on A4), and say where it is."""

from __future__ import annotations

import webbrowser
from pathlib import Path

from max247.printouts import folder, safe_file_name


def _done(app, written: list[Path]) -> None:
    message = app._(
        "Saved as {file}. It opens in your browser: print it from there, on A4."
    ).format(file=written[0])
    if len(written) > 1:
        message += "\n" + app._("The decisions are also in {file}, for a spreadsheet.").format(
            file=written[1]
        )
    if not app.headless:
        webbrowser.open(written[0].resolve().as_uri())
    app.push("session-notice", message=message)


def _failed(app, exc: OSError) -> None:
    app.push(
        "session-notice",
        message=app._("The page could not be written ({error}).").format(error=exc),
    )


def print_summary(app) -> None:
    from max247.printouts.summary import write

    if app.session is None:
        return
    app.save_session()
    out = app.print_folder or folder()
    try:
        written = write(
            app.session,
            app.library,
            app.directory,
            out / f"{safe_file_name(app.session.name)}.html",
        )
    except OSError as exc:
        _failed(app, exc)
        return
    _done(app, written)


def print_cards(app) -> None:
    from max247.printouts.maxcards import sheet

    language, region = app.settings.language, app.settings.region
    out = (app.print_folder or folder()) / f"max-cards-{language}-{region}.html"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(sheet(app.directory, language, region), encoding="utf-8")
    except OSError as exc:
        _failed(app, exc)
        return
    _done(app, [out])


def print_table_cards(app) -> None:
    """A4 cards for every table: options 1 to 4, with their number, shape and colour."""
    from max247.printouts.tablecards import sheet

    language = app.settings.language
    out = (app.print_folder or folder()) / f"table-cards-{language}.html"
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(sheet(language, app.settings.tables), encoding="utf-8")
    except OSError as exc:
        _failed(app, exc)
        return
    _done(app, [out])

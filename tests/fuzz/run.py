#!/usr/bin/env python3
"""One fuzz target under atheris (libFuzzer): `python tests/fuzz/run.py TARGET [FLAGS...]`.

scripts/fuzz is the command people use: it runs every target for a given time and keeps what it
finds. Only our own modules and PyYAML's pure-Python composer are instrumented for coverage.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parent))

with atheris.instrument_imports(include=["max247", "yaml", "babel.messages", "targets"]):
    import babel.messages.pofile  # noqa: F401
    import targets
    import yaml  # noqa: F401

    import max247.catalogs
    import max247.i18n
    import max247.settings
    import max247.story.loader
    import max247.story.plans  # noqa: F401


def main() -> None:
    # libFuzzer starts this script again (to merge) with its own flags only: the target's name
    # travels in the environment
    name = os.environ.get("MAX247_FUZZ_TARGET") or sys.argv.pop(1)
    os.environ["MAX247_FUZZ_TARGET"] = name
    target = targets.TARGETS[name]
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()

"""Read aloud: a small speaker that says lines through the platform's own speech, never blocking.

`Speaker.say` only queues: a worker thread speaks one line at a time through a `Backend`, so the
frame loop never waits for a voice. A new screen replaces what was still to be said (a class
that presses next does not wait for the last screen's options). Backends: espeak-ng on Linux
(a subprocess), `say` on macOS, SAPI on Windows (through comtypes, imported only there), and a
fake for tests. A language without a voice is skipped in silence: a French Windows often has no
Dutch voice, and the game goes on.
"""

from __future__ import annotations

import contextlib
import queue
import re
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

LANGUAGE_NAMES = ("nl", "fr", "en")


@dataclass(frozen=True)
class Utterance:
    """One line to say, in the language its words are in."""

    text: str
    language: str


def in_languages(line: str, shown_in: dict[str, str], language: str) -> list[Utterance]:
    """A line cut where it quotes a story's text shown in another language than the class's
    (`shown_in`: text -> its language; a story not translated yet is shown in its own), so each
    part is said by the voice of its words: "Option 1:" in French, the untranslated option in
    Dutch. A single word (a character's name) keeps the voice of the line around it."""
    quoted = sorted(
        (t for t, lang in shown_in.items() if lang != language and " " in t.strip()),
        key=len,
        reverse=True,
    )
    parts: list[Utterance] = []
    rest = line
    while rest:
        found = [(rest.find(t), t) for t in quoted if t in rest]
        if not found:
            parts.append(Utterance(rest, language))
            break
        at, text = min(found, key=lambda f: (f[0], -len(f[1])))
        parts += [Utterance(rest[:at], language), Utterance(text, shown_in[text])]
        rest = rest[at + len(text) :]
    # nothing to say in a part without a letter or digit (the ": " between two voices)
    return [p for p in parts if any(ch.isalnum() for ch in p.text)]


class Backend(Protocol):
    """The platform's speech: which of our languages it has a voice for, and saying a line."""

    def voices(self) -> list[str]: ...

    def speak(self, text: str, language: str) -> None:
        """Say `text` and return when it is said (called on the speaker's worker thread)."""

    def stop(self) -> None:
        """Cut the line being said short (called from the frame loop)."""


# --- the speaker ------------------------------------------------------------------------------


class Speaker:
    """Queues lines and says them on a worker thread, one at a time."""

    def __init__(self, backend: Backend | None) -> None:
        self.backend = backend
        self._voices: list[str] | None = None
        self._queue: queue.Queue[_Queued | _Marker | None] = queue.Queue()
        self._busy = threading.Event()
        self._thread: threading.Thread | None = None
        self._generation = 0  # lines queued before the last `say` are skipped

    def voices(self) -> list[str]:
        """Our languages this computer has a voice for (asked once)."""
        if self._voices is None:
            try:
                self._voices = self.backend.voices() if self.backend else []
            except Exception:  # a speech service that fails to answer: read aloud stays silent
                self._voices = []
        return self._voices

    def say(self, lines: list[Utterance], interrupt: bool = True) -> None:
        """Say these lines, after cutting short what is being said (unless `interrupt` is
        False); lines in a language without a voice are left out. Never blocks."""
        if self.backend is None:
            return
        if interrupt:
            self._generation += 1
            self._drain()
            if self._busy.is_set():
                with contextlib.suppress(Exception):
                    self.backend.stop()
        voices = self.voices()
        for line in lines:
            if line.language in voices and line.text.strip():
                self._queue.put(_Queued(line, self._generation))
        self._start()

    def idle(self) -> bool:
        """True when nothing is being said nor waits to be."""
        return self._queue.empty() and not self._busy.is_set()

    def wait(self, timeout: float = 30.0) -> bool:
        """Wait until everything queued is said (tests); False on timeout."""
        done = threading.Event()
        self._queue.put(_Marker(done))
        self._start()
        return done.wait(timeout)

    def close(self) -> None:
        self._drain()
        if self._thread is not None:
            self._queue.put(None)
        if self._busy.is_set() and self.backend is not None:
            with contextlib.suppress(Exception):
                self.backend.stop()

    def _drain(self) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, _Marker):  # someone waits for it: it must still come
                item.done.set()

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="speaker", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if isinstance(item, _Marker):
                item.done.set()
                continue
            if item.generation != self._generation or self.backend is None:
                continue
            self._busy.set()
            try:
                self.backend.speak(item.line.text, item.line.language)
            except Exception:  # a voice that fails says nothing; the game goes on
                pass
            finally:
                self._busy.clear()


@dataclass(frozen=True)
class _Queued:
    line: Utterance
    generation: int


@dataclass(frozen=True)
class _Marker:
    done: threading.Event


# --- backends ---------------------------------------------------------------------------------


class ProcessBackend:
    """A speech program run once per line (espeak-ng, `say`): `stop` ends the one running."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        self._lock = threading.Lock()

    def command(self, text: str, language: str) -> list[str]:
        raise NotImplementedError

    def speak(self, text: str, language: str) -> None:
        with self._lock:
            self._process = subprocess.Popen(
                self.command(text, language),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        self._process.wait()

    def stop(self) -> None:
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                self._process.terminate()


# espeak-ng's voices for our languages, best first: Flemish Dutch is 'nl' (espeak has no nl-BE),
# Belgian French speaks as 'fr-be' where the voice exists.
ESPEAK_VOICES = {"nl": ("nl",), "fr": ("fr-be", "fr", "fr-fr"), "en": ("en-gb", "en", "en-us")}


class EspeakBackend(ProcessBackend):
    """espeak-ng (or espeak) on Linux; with `wav_folder`, each line goes to a WAV file there
    instead of the speakers (the tests listen that way), named by its number and voice."""

    def __init__(self, program: str = "espeak-ng", wav_folder: Path | None = None) -> None:
        super().__init__()
        self.program = program
        self.wav_folder = wav_folder
        self.written: list[tuple[str, str, Path]] = []  # (text, voice, file) with a wav_folder
        self._voice: dict[str, str] = {}

    def voices(self) -> list[str]:
        out = subprocess.run(
            [self.program, "--voices"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
        have = {parts[1].lower() for line in out.splitlines()[1:] if len(parts := line.split()) > 1}
        for lang, names in ESPEAK_VOICES.items():
            voice = next((n for n in names if n in have), None)
            if voice is not None:
                self._voice[lang] = voice
        return [lang for lang in LANGUAGE_NAMES if lang in self._voice]

    def voice(self, language: str) -> str:
        return self._voice.get(language, ESPEAK_VOICES[language][-1])

    def command(self, text: str, language: str) -> list[str]:
        cmd = [self.program, "-v", self.voice(language)]
        if self.wav_folder is not None:
            path = self.wav_folder / f"{len(self.written):04d}-{self.voice(language)}.wav"
            self.written.append((text, self.voice(language), path))
            cmd += ["-w", str(path)]
        return [*cmd, "--", text]


class SayBackend(ProcessBackend):
    """macOS's `say`, with a voice of the language's own (`say -v '?'` lists them)."""

    def __init__(self) -> None:
        super().__init__()
        self._voice: dict[str, str] = {}

    def voices(self) -> list[str]:
        out = subprocess.run(
            ["say", "-v", "?"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
        # "Xander              nl_NL    # Hallo, mijn naam is Xander."
        for line in out.splitlines():
            m = re.match(r"(.+?)\s+([a-z]{2})[_-]([A-Z]{2})\s+#", line)
            if m is None:
                continue
            name, lang, region = m.group(1).strip(), m.group(2), m.group(3)
            if lang in LANGUAGE_NAMES and (lang not in self._voice or region == "BE"):
                self._voice[lang] = name  # a Belgian voice wins
        return [lang for lang in LANGUAGE_NAMES if lang in self._voice]

    def command(self, text: str, language: str) -> list[str]:
        return ["say", "-v", self._voice[language], "--", text]


# SAPI names a voice's language by its Windows language id (hexadecimal), several per language.
SAPI_LANGUAGES = {
    "nl": ("813", "413"),  # Belgium first, then the Netherlands
    "fr": ("80c", "40c", "c0c", "100c"),
    "en": ("809", "409", "c09", "1009", "1809"),
}


class SapiBackend:
    """Windows' SAPI 5 voices through comtypes (an optional dependency, imported only here)."""

    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}  # language -> the voice's id
        self._voice: Any = None  # the SpVoice object, made on the worker thread that speaks

    @staticmethod
    def _client():
        import comtypes.client  # only on Windows, only when read aloud is on

        return comtypes.client

    def voices(self) -> list[str]:
        voice = self._client().CreateObject("SAPI.SpVoice")
        found: dict[str, tuple[int, str]] = {}
        tokens = voice.GetVoices()
        for i in range(tokens.Count):
            token = tokens.Item(i)
            ids = token.GetAttribute("Language").lower().split(";")
            for lang, wanted in SAPI_LANGUAGES.items():
                rank = min((wanted.index(x) for x in ids if x in wanted), default=None)
                if rank is not None and (lang not in found or rank < found[lang][0]):
                    found[lang] = (rank, token.Id)
        self._tokens = {lang: token_id for lang, (_, token_id) in found.items()}
        return [lang for lang in LANGUAGE_NAMES if lang in self._tokens]

    def speak(self, text: str, language: str) -> None:
        if self._voice is None:
            import comtypes

            comtypes.CoInitialize()  # COM on the worker thread
            self._voice = self._client().CreateObject("SAPI.SpVoice")
        tokens = self._voice.GetVoices()
        for i in range(tokens.Count):
            if tokens.Item(i).Id == self._tokens.get(language):
                self._voice.Voice = tokens.Item(i)
        self._voice.Speak(text, 0)  # synchronous: this is the worker thread

    def stop(self) -> None:
        if self._voice is not None:
            with contextlib.suppress(Exception):
                self._voice.Speak("", 2)  # SVSFPurgeBeforeSpeak: cut the line short


@dataclass
class FakeBackend:
    """For tests: remembers what it was asked to say, in which language, without a sound."""

    languages: list[str] = field(default_factory=lambda: list(LANGUAGE_NAMES))
    said: list[Utterance] = field(default_factory=list)

    def voices(self) -> list[str]:
        return list(self.languages)

    def speak(self, text: str, language: str) -> None:
        self.said.append(Utterance(text, language))

    def stop(self) -> None:
        pass


def platform_backend() -> Backend | None:
    """This computer's speech, or None where it has none (the game then stays silent)."""
    if sys.platform.startswith("win"):
        try:
            import comtypes.client  # noqa: F401
        except ImportError:
            return None
        return SapiBackend()
    if sys.platform == "darwin" and shutil.which("say"):
        return SayBackend()
    for program in ("espeak-ng", "espeak"):
        if shutil.which(program):
            return EspeakBackend(program)
    return None

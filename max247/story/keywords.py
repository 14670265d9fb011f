"""The Dutch and French words writers type for the format's keys, to say which key they meant.

The keys of a story file are English words (`text`, `characters`); a writer who thinks in Dutch
or French types `tekst` or `personnages`. Spelling-based suggestions cannot find `characters`
from `personages` (they suggest `passages`), so the words are listed here, lower case.
"""

from __future__ import annotations

WORDS: dict[str, str] = {
    # Dutch (Flemish)
    "tekst": "text",
    "titel": "title",
    "personages": "characters",
    "personage": "character",
    "karakters": "characters",
    "naam": "name",
    "vraag": "prompt",
    "opties": "options",
    "keuzes": "options",
    "keuze": "choice",
    "verteller": "narrate",
    "vertel": "tell",
    "vertellen": "tell",
    "hulp": "help",
    "einde": "ending",
    "stemming": "mood",
    "gevoel": "mood",
    "ga_naar": "goto",
    "doelen": "goals",
    "doel": "goals",
    "thema": "theme",
    "taal": "language",
    "leeftijd": "ages",
    "minuten": "minutes",
    "probleem": "problem",
    "bericht": "message",
    "vriend": "friend",
    "vriendin": "friend",
    "als": "if",
    "dan": "then",
    "anders": "else",
    "zet": "set",
    "foto": "photo",
    "beeld": "view",
    "bespreek": "discuss",
    "leerkracht": "teacher",
    "opmerking": "feedback",
    # French (Belgian)
    "texte": "text",
    "titre": "title",
    "personnages": "characters",
    "personnage": "character",
    "nom": "name",
    "question": "prompt",
    "choix": "choice",
    "raconte": "narrate",
    "narration": "narrate",
    "confie": "tell",
    "aide": "help",
    "fin": "ending",
    "humeur": "mood",
    "aller": "goto",
    "objectifs": "goals",
    "buts": "goals",
    "thème": "theme",
    "langue": "language",
    "âges": "ages",
    "problème": "problem",
    "ami": "friend",
    "amie": "friend",
    "si": "if",
    "alors": "then",
    "sinon": "else",
    "début": "start",
    "vue": "view",
    "minuterie": "timer",
    "chrono": "timer",
    "enseignant": "teacher",
    "retour": "feedback",
}


def english_key(word: str) -> str | None:
    """The key a Dutch or French word stands for, or None."""
    return WORDS.get(word.strip().lower())

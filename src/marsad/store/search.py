"""Full-text documents and queries for the article index.

The FTS5 table holds the *normalised* title and text followed by the
clitic-stripped stems of its words, so that a search for «إدلب» also finds
«بإدلب» and «وإدلب». Queries go through the same normalise-and-stem functions,
which is what makes the two sides meet.

Both sides are words of word characters alone, folded here (:func:`fold`), so the
table's tokenizer is FTS5's ``ascii``: it splits at spaces and lowers ASCII letters
only, at two thirds of the CPU of ``unicode61``, which classifies and folds every
non-ASCII character of the Arabic text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache, partial

from marsad.memo import lookup_many

_WORD = re.compile(r"\w+")
# A raw word: letters/digits plus the marks, tatweel and invisible characters that
# normalisation removes from inside words (the characters that join into one word).
_RAW_CHAR = r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f]"
_RAW_WORD = re.compile(_RAW_CHAR + "+")
# Conservative clitics: conjunction/preposition + optional article on the left,
# pronoun suffixes on the right; a stem keeps at least three letters.
_PREFIX = re.compile(r"^(?:[وف]?(?:[بكل]|لل)?(?:ال)?)(?=\w{3})")
_SUFFIXES = ("هما", "هم", "هن", "كما", "كم", "كن", "ها", "نا", "ه", "ك", "ي")
_SUFFIX = re.compile(rf"(?<=\w{{3}})(?:{'|'.join(_SUFFIXES)})$")
#: A character beyond ASCII and the Arabic block: a word holding one may have case or accents.
_FOLDABLE = re.compile(r"[^\x00-\x7f\u0600-\u06ff]")
#: The first letters of every non-empty _PREFIX match: other words have none to strip.
_PREFIX_STARTS = ("و", "ف", "ب", "ك", "ل", "ا")


@lru_cache(maxsize=1)
def _split_form() -> Callable[[str], str]:
    """Normalisation for splitting a text into words, made on first use.

    As :func:`marsad.arabic.normalize.normalize`, except that a character outside
    :data:`_RAW_WORD` becomes a space where normalisation drops it (bidi controls, U+061C,
    U+FEFF) or makes letters of it (﷼): a text's words are then the word runs of its raw
    words, each normalised alone, as when documents normalised word by word.
    """
    from marsad.arabic.normalize import replace_chars, replacements, table

    in_word = re.compile(_RAW_CHAR)
    split = table()
    for cp, mapped in split.items():
        if in_word.match(chr(cp)) is None and (not mapped or _WORD.search(mapped)):
            split[cp] = " "
    changed, changes = replacements(split)
    return partial(replace_chars, changed=changed, changes=changes)


def stem(word: str) -> str:
    """Strip one layer of proclitics/article and a pronoun suffix (already-normalised word).

    Uncached: it runs on a miss of :data:`_STEMS` (a new word) and on query words. The
    regexes run only on a word that starts with a clitic letter or ends with a suffix
    (every other word, the same answer for ~1 µs less).
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.startswith(_PREFIX_STARTS):
        word = _PREFIX.sub("", word, count=1)
    return _SUFFIX.sub("", word, count=1) if word.endswith(_SUFFIXES) else word


def fold(word: str) -> str:
    """``word`` lowered and stripped of accents where it has letters beyond ASCII and Arabic.

    The ``ascii`` tokenizer folds ASCII letters alone; ``unicode61 remove_diacritics 2``
    also lowered and unaccented the rest, character by character (the Latin of a French or
    Turkish name: «Café» is indexed and sought as «cafe»), and left the Arabic block as it
    is. Each word of documents and queries passes here alone, so either tokenizer (a store
    made before 1 Dec 2026 keeps ``unicode61``) gives the same matches.
    """
    if word.isascii() or _FOLDABLE.search(word) is None:  # nearly every word
        return word
    return _FOLDABLE.sub(_bare, word.lower())


def _bare(letter: re.Match[str]) -> str:
    """One letter without its accents (none, for an accent alone)."""
    parts = unicodedata.normalize("NFD", letter.group())
    return unicodedata.normalize("NFC", "".join(c for c in parts if not unicodedata.combining(c)))


#: The new stem of each word seen (:func:`_new_stem`), a bounded memo (:mod:`marsad.memo`).
_STEMS: dict[str, str] = {}
_STEMS_LIMIT = 1 << 16


def _new_stem(word: str) -> str:
    """The stem of a normalised, folded word, or "" where it is the word itself."""
    new = stem(word)
    return "" if new == word else new


def fts_document(title: str, text: str) -> str:
    """The text indexed for one article: normalised words of title and text, then new stems.

    Normalisation replaces characters one by one, so the whole text is normalised at once
    and split into words, and each distinct word is stemmed (remembered: news reuses its words).
    """
    words = _WORD.findall(_split_form()(f"{title}\n{text}"))
    joined = " ".join(words)
    if _FOLDABLE.search(joined) is not None:  # a word with Latin beyond ASCII (22 in 36,136)
        words = list(map(fold, words))
        joined = " ".join(words)
    stems = set(lookup_many(_STEMS, list(set(words)), _new_stem, _STEMS_LIMIT))
    stems.discard("")
    return joined + "\n" + " ".join(sorted(stems))


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression: every word of ``text`` (as its stem), each quoted. The
    words are split as a document's are (:func:`_split_form`): a bidi control parts them."""
    words = list(map(fold, _WORD.findall(_split_form()(text))))
    if not words:
        return None
    return " ".join('"' + stem(w).replace('"', '""') + '"' for w in words)

"""Full-text documents and queries for the article index.

The FTS5 table holds the *normalised* title and text followed by the
clitic-stripped stems of its words, so that a search for «إدلب» also finds
«بإدلب» and «وإدلب». Queries go through the same normalise-and-stem functions,
which is what makes the two sides meet.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from itertools import compress
from operator import ne

from marsad.memo import lookup_many

_WORD = re.compile(r"\w+")
# A raw word: letters/digits plus the marks, tatweel and invisible characters
# that normalisation removes from inside words.
_RAW_WORD = re.compile(r"[\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200b-\u200f]+")
# Conservative clitics: conjunction/preposition + optional article on the left,
# pronoun suffixes on the right; a stem keeps at least three letters.
_PREFIX = re.compile(r"^(?:[وف]?(?:[بكل]|لل)?(?:ال)?)(?=\w{3})")
_SUFFIXES = ("هما", "هم", "هن", "كما", "كم", "كن", "ها", "نا", "ه", "ك", "ي")
_SUFFIX = re.compile(rf"(?<=\w{{3}})(?:{'|'.join(_SUFFIXES)})$")
#: The first letters of every non-empty _PREFIX match: other words have none to strip.
_PREFIX_STARTS = ("و", "ف", "ب", "ك", "ل", "ا")


@lru_cache(maxsize=1)
def normalizer() -> Callable[[str], str]:
    """``marsad.arabic.normalize``, imported on first use."""
    from marsad.arabic.normalize import normalize

    return normalize


def stem(word: str) -> str:
    """Strip one layer of proclitics/article and a pronoun suffix (already-normalised word).

    Uncached: documents remember it per word (:data:`_STEMS`); queries are short. The
    regexes run only on a word that starts with a clitic letter or ends with a suffix
    (every other word, the same answer for ~1 µs less).
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.startswith(_PREFIX_STARTS):
        word = _PREFIX.sub("", word, count=1)
    return _SUFFIX.sub("", word, count=1) if word.endswith(_SUFFIXES) else word


@lru_cache(maxsize=1 << 12)
def _word_forms(raw: str) -> tuple[str, str]:
    """(normalised form, its new stems) of one raw word (:func:`_document_by_word`'s unit)."""
    norm = normalizer()(raw)
    # \w is exactly str.isalnum() or "_": a word of such characters alone is one part
    parts = [norm] if norm.isalnum() else _WORD.findall(norm)
    return " ".join(parts), " ".join(s for s in map(stem, parts) if s not in parts)


def _document_by_word(text: str) -> str:
    r"""The definition of the indexed text: each raw word normalised, split into its
    ``\w`` parts, then the parts' stems that are not parts themselves."""
    forms = list(map(_word_forms, _RAW_WORD.findall(text)))
    if not forms:
        return "\n"
    words, new_stems = zip(*forms, strict=True)
    stems = set(new_stems)
    stems.discard("")
    return " ".join(words) + "\n" + " ".join(sorted(stems))


#: Every character ``normalize`` changes lies in these blocks (Arabic, its supplements and
#: presentation forms, general punctuation's invisible and bidi controls).
_NORMALISED = (
    *range(0x0600, 0x0700), *range(0x0750, 0x0780), *range(0x08A0, 0x0900),
    *range(0x2000, 0x2070), *range(0xFB50, 0xFF00),
)  # fmt: skip


@lru_cache(maxsize=1)
def _odd_characters() -> re.Pattern[str]:
    r"""Characters after which a raw word's normal form may not be its one document word.

    ``normalize`` maps character by character, so a raw word's normal form is one ``\w``
    run unless the word holds a character mapped to a non-word one (it would be two
    parts), and the words of the text are the raw words unless a character outside them
    is mapped to nothing or to word characters (it could join two, or make one).
    """
    normalize = normalizer()
    odd = []
    for char in map(chr, _NORMALISED):
        out = normalize(char)
        inside = _RAW_WORD.fullmatch(char) is not None
        if (inside and out and not _WORD.fullmatch(out)) or (
            not inside and out != char and (not out or _WORD.search(out))
        ):
            odd.append(char)
    return re.compile(f"[{''.join(map(re.escape, odd))}]")


def _shared_normal(raw: str) -> str:
    norm = normalizer()(raw)
    return raw if norm == raw else norm  # remembered: share equal strings


#: raw word -> normal form; normal form -> stem (each emptied when full, ~10 MB)
_NORMS: dict[str, str] = {}
_STEMS: dict[str, str] = {}
_LIMIT = 1 << 16


def fts_document(title: str, text: str) -> str:
    """The text indexed for one article: normalised words of title and text, then new stems.

    Each raw word's normal form is its one document word (checked: odd characters or a
    word made of marks alone go to :func:`_document_by_word`, which defines the document),
    so the forms and the stems of distinct forms are read from two memos in C-level
    passes (0.32 instead of 0.39 ms/article of CPU on ant2018_all and ant2018_syria).
    """
    full = f"{title}\n{text}"
    if _odd_characters().search(full):
        return _document_by_word(full)
    words = lookup_many(_NORMS, _RAW_WORD.findall(full), _shared_normal, _LIMIT)
    if "" in words:  # a raw word of marks alone: an empty entry (two spaces) in the document
        return _document_by_word(full)
    distinct = list(set(words))
    stems = lookup_many(_STEMS, distinct, stem, _LIMIT)
    new_stems = sorted(set(compress(stems, map(ne, stems, distinct))))
    return " ".join(words) + "\n" + " ".join(new_stems)


def fts_query(text: str) -> str | None:
    """An FTS5 MATCH expression: every word of ``text`` (as its stem), each quoted."""
    words = _WORD.findall(normalizer()(text))
    if not words:
        return None
    return " ".join('"' + stem(w).replace('"', '""') + '"' for w in words)

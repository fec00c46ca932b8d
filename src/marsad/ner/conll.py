"""Read CoNLL-style NER files (``token label`` per line, blank line between sentences).

Two corpora are supported: ANERcorp (labels PERS/LOC/ORG/MISC) and AQMAR (PER/LOC/ORG,
MIS0-3 and a few typo labels). AQMAR is mapped onto marsad's label set so the same
scorer applies: PER->PERS, every MIS* and unknown label -> O.
"""

from __future__ import annotations

from pathlib import Path

Sentence = tuple[list[str], list[str]]

LABELS = ("PERS", "LOC", "ORG", "MISC")
_AQMAR_TYPES = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG"}


def _aqmar_label(label: str) -> str:
    """Map one AQMAR label to BIO over PERS/LOC/ORG; everything else becomes O."""
    prefix, _, kind = label.partition("-")
    kind = kind.lstrip("-")
    if prefix in ("B", "I") and kind in _AQMAR_TYPES:
        return f"{prefix}-{_AQMAR_TYPES[kind]}"
    return "O"


def _anercorp_label(label: str) -> str:
    prefix, _, kind = label.partition("-")
    if prefix in ("B", "I") and kind in LABELS:
        return label
    return "O"


def detect_format(lines: list[str]) -> str:
    """``aqmar`` when the labels use AQMAR's PER/MIS names, else ``anercorp``."""
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and (parts[-1].endswith("-PER") or "-MIS" in parts[-1]):
            if not parts[-1].endswith("-MISC"):
                return "aqmar"
    return "anercorp"


def parse_conll(lines: list[str], fmt: str = "auto") -> list[Sentence]:
    """Sentences from CoNLL lines; ``fmt`` is ``anercorp``, ``aqmar`` or ``auto``."""
    if fmt == "auto":
        fmt = detect_format(lines)
    if fmt not in ("anercorp", "aqmar"):
        raise ValueError(f"unknown NER data format {fmt!r} (anercorp, aqmar, auto)")
    mapper = _aqmar_label if fmt == "aqmar" else _anercorp_label
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in lines:
        parts = line.split()
        if len(parts) < 2:
            if words:
                sentences.append((words, tags))
                words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(mapper(parts[-1]))
    if words:
        sentences.append((words, tags))
    return sentences


def _files(path: str | Path) -> list[Path]:
    p = Path(path)
    files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
    if not files:
        raise FileNotFoundError(f"no *.txt NER files in {p}")
    return files


def sniff_format(path: str | Path) -> str:
    """The format of a file or folder, from its first file's labels."""
    return detect_format(_files(path)[0].read_text(encoding="utf-8").splitlines())


def read_conll(path: str | Path, fmt: str = "auto") -> list[Sentence]:
    """Sentences of one file, or of every ``*.txt`` file of a directory (sorted)."""
    files = _files(path)
    out: list[Sentence] = []
    for f in files:
        out.extend(parse_conll(f.read_text(encoding="utf-8").splitlines(), fmt))
    return out

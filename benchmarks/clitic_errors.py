"""Clitic-segmentation error rates on ANERcorp entity tokens.

Usage: python benchmarks/clitic_errors.py [anercorp_dir] [--show N]

Every token labelled B-/I-PERS, LOC, ORG or MISC in ANERcorp (train + test) that
is an Arabic word is checked. Its reference bare form is derived from ANERcorp
itself, independently of marsad's lexicon: among the ways of writing the
normalised token as an optional proclitic chain (و ف, then ب ل ك; or لل for
ل + ال) followed by a remainder of at least 3 letters, the shortest remainder
that occurs on its own as an entity token in ANERcorp at least as often as the
whole token does (or, after a proclitic chain of و ب ل, any remainder that
starts with the article ال and has 3 more letters: وال, بال, لل); the whole token when none does. So ولبنان -> لبنان (لبنان is a
commoner entity token), لبنان -> لبنان (بنان is not), بوتين -> بوتين, and
بكين -> بكين (كين occurs, but less often than بكين). This is a silver reference:
a common noun inside an organisation name (للتعليم) whose bare form never occurs
as an entity token is taken as whole, so ORG/MISC rates are upper bounds.

- over-segmented: the stem no longer contains the reference name (article ال
  aside), i.e. it lost letters that belong to the name (لبنان -> بنان, حماه -> حما);
- under-segmented: the reference says the token carries a proclitic (ولبنان) and
  the stem is longer than the reference bare form, i.e. it kept a clitic letter.

Rates: over-segmented / all entity tokens; under-segmented / clitic-bearing tokens.
The last line is ``clitic error rate: X`` (over + under, over all entity tokens).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from marsad.arabic import normalize, tokenize
from marsad.arabic.tokenize import ARABIC_WORD

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/data/ner/anercorp"
_CHAINS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك")


def read_entity_tokens(folder: Path) -> list[tuple[str, str]]:
    """(word, entity type) for every Arabic-word entity token of train and test."""
    words: list[tuple[str, str]] = []
    for name in ("train.txt", "test.txt"):
        for line in (folder / name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) == 2 and parts[1] != "O" and ARABIC_WORD.fullmatch(parts[0]):
                words.append((parts[0], parts[1][2:]))
    return words


def reference(norm: str, attested: Counter[str]) -> tuple[str, str]:
    """(proclitic chain, bare form): the shortest remainder at least as common an entity token."""
    best = ("", norm)
    floor = max(attested[norm], 1)
    for chain in _CHAINS:
        rest = norm[len(chain) :]
        if not norm.startswith(chain) or len(rest) < 3:
            continue
        if chain.endswith("ل") and rest.startswith("ل"):  # لل = ل + ال
            options = ["ا" + rest, "ال" + rest, rest]
        else:
            options = [rest]
        for option in options:
            certain = option.startswith("ال") and len(option) >= 5 and set(chain) <= {"و", "ب", "ل"}
            if (certain or attested[option] >= floor) and len(option) < len(best[1]) + (
                option[0] == "ا"
            ):
                best = (chain, option)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DEFAULT))
    parser.add_argument(
        "--show", type=int, default=0, help="print the N commonest errors of each kind"
    )
    args = parser.parse_args()
    words = read_entity_tokens(Path(args.folder))
    attested = Counter(normalize(w) for w, _ in words)
    over: Counter[str] = Counter()
    under: Counter[str] = Counter()
    by_label: dict[str, Counter[str]] = {}
    for word, label in words:
        token = tokenize(word)[0]
        chain, bare = reference(token.norm, attested)
        name = bare[2:] if bare.startswith("ال") and len(bare) > 4 else bare
        tally = by_label.setdefault(label, Counter())
        tally["tokens"] += 1
        if name not in token.stem:
            over[f"{word} -> {token.stem} (ref {bare})"] += 1
            tally["over"] += 1
        if chain:
            tally["clitic"] += 1
            if len(token.stem) > len(bare):
                under[f"{word} -> {token.stem} (ref {bare})"] += 1
                tally["under"] += 1
    n_over, n_under = sum(over.values()), sum(under.values())
    clitic_bearing = sum(t["clitic"] for t in by_label.values())
    print(f"entity tokens: {len(words)}  clitic-bearing (by reference): {clitic_bearing}")
    for label, t in sorted(by_label.items()):
        print(
            f"  {label:5s} tokens {t['tokens']:6d}  over {t['over'] / t['tokens']:.2%}"
            f"  under {t['under'] / max(t['clitic'], 1):.2%} of {t['clitic']}"
        )
    print(f"over-segmented: {n_over} ({n_over / len(words):.2%} of entity tokens)")
    print(
        f"under-segmented: {n_under} ({n_under / max(clitic_bearing, 1):.2%} of clitic-bearing tokens)"
    )
    for title, errors in (("over", over), ("under", under)):
        for item, count in errors.most_common(args.show):
            print(f"  {title}: {count:4d}  {item}")
    print(f"clitic error rate: {(n_over + n_under) / len(words):.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

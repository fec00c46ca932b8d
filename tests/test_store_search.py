"""The FTS document's per-word forms: the one-part shortcut gives the general answer."""

from __future__ import annotations

import random
import sqlite3

from marsad.arabic.normalize import normalize
from marsad.model import Article
from marsad.store import Store, search

#: Letters, clitic-laden words, marks and tatweel, invisible and bidi controls, digits of
#: three scripts, presentation forms (a ligature, an isolated fatha that normalises to
#: nothing), Latin and the underscore.
_PIECES = (
    "قصف", "بإدلب", "والرقة", "لل", "للقوات", "مدينتهم", "الله", "ب", "ا", "ـ", "\u064e", "\u0651",
    "\u200c", "\u200f", "٣", "۴", "7", "\ufefb", "\ufe70", "\ufdfa", "ک", "ی", "News", "_", "x_y",
    "Café", "ۓ",
)  # fmt: skip


def _general(raw: str) -> tuple[str, str]:
    """Every part of the normalised word, then the parts' stems that are not parts."""
    parts = [search.fold(p) for p in search._WORD.findall(normalize(raw))]
    return " ".join(parts), " ".join(s for s in map(search.stem, parts) if s not in parts)


def test_a_raw_words_forms_are_its_parts_and_their_new_stems() -> None:
    rng = random.Random(8)
    raws = {"".join(rng.choices(_PIECES, k=rng.randint(1, 6))) for _ in range(3000)}
    words = {w for raw in raws for w in search._RAW_WORD.findall(raw)}
    one_part = [w for w in words if normalize(w).isalnum()]
    assert len(one_part) > 500 and len(words) - len(one_part) > 50  # both paths run
    for word in words:
        assert search._word_forms.__wrapped__(word) == _general(word), ascii(word)
    assert search._word_forms("بإدلب") == ("بادلب", "ادلب")


def _terms(tokenizer: str, docs: list[str]) -> list[tuple[str, int, int]]:
    """Every (term, document, position) an FTS5 table with ``tokenizer`` indexes in ``docs``."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(doc, tokenize = '{tokenizer}')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    conn.executemany("INSERT INTO t (rowid, doc) VALUES (?, ?)", enumerate(docs, 1))
    return sorted(conn.execute("SELECT term, doc, offset FROM v"))


def test_folded_documents_index_under_ascii_as_under_unicode61() -> None:
    """The store's ``ascii`` tokenizer reads the folded document into the terms that
    ``unicode61 remove_diacritics 2`` read from it unfolded (Latin case and accents)."""
    rng = random.Random(9)
    latin = ("Café", "CAFÉ", "László", "Ülkü", "Dépêche", "Straße", "Día", "français", "Éden", "NEWS")
    pieces = (*_PIECES, *latin, " ", " ", "، ", "-")
    texts = ["".join(rng.choices(pieces, k=rng.randint(1, 30))) for _ in range(300)]
    unfolded = [" ".join(search._WORD.findall(normalize(t))) for t in texts]
    folded = [search.fts_document("", t).split("\n")[0] for t in texts]  # the words, not the stems
    assert sum(f != u for f, u in zip(folded, unfolded, strict=True)) > 100  # words were folded
    assert _terms("ascii", folded) == _terms("unicode61 remove_diacritics 2", unfolded)
    assert search.fold("Dépêche") == "depeche" and search.fold("بإدلب") == "بإدلب"


def test_arabic_letters_are_never_folded_beside_latin_ones() -> None:
    """Folding leaves the Arabic block alone, even in a query or word with Latin it folds:
    NFD would split «ۓ» (yeh barree with hamza, which normalisation keeps) in two."""
    store = Store()
    store.upsert(Article(id="u1", text="زار بۓار مقهى Café الليلة."))
    assert search.fts_query("Café بۓار") == '"cafe" "ۓار"'
    assert [r["id"] for r in store.search_articles("CAFE بۓار")] == ["u1"]
    assert search.fold("Caféۓ") == "cafeۓ"


def test_a_store_made_with_unicode61_still_finds_folded_words(tmp_path) -> None:
    """Stores made before the ``ascii`` tokenizer keep ``unicode61``: folded documents and
    queries still meet there."""
    path = str(tmp_path / "old.db")
    with Store(path) as store:
        store._conn.executescript(
            "DROP TABLE article_fts; CREATE VIRTUAL TABLE article_fts USING fts5("
            "doc, tokenize = 'unicode61 remove_diacritics 2');"
        )
    with Store(path) as old:
        table = old._conn.execute("SELECT sql FROM sqlite_master WHERE name = 'article_fts'").fetchone()
        assert "unicode61" in table[0]
        old.upsert(Article(id="o1", text="افتتح مقهى Café Éden في بإدلب."))
        for query in ("café", "CAFE", "eden", "ادلب", "Éden إدلب"):
            assert [r["id"] for r in old.search_articles(query)] == ["o1"], query

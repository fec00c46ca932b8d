"""The FTS documents: their words, stems and folding, and the terms they index."""

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


def test_a_documents_words_are_its_raw_words_normalised_alone() -> None:
    """Normalising the whole text at once splits it as normalising each raw word alone:
    invisible controls outside raw words (bidi, U+061C, U+FEFF) and ﷼ still part words."""
    rng = random.Random(8)
    pieces = (*_PIECES, " ", "، ", "\u202b", "\u2067", "\u061c", "\ufeff", "\ufdfc", "٫", "-")
    texts = ["".join(rng.choices(pieces, k=rng.randint(1, 12))) for _ in range(3000)]
    assert sum(any(c in t for c in "\u202b\u061c\ufeff\ufdfc") for t in texts) > 500
    for text in texts:
        words, new_stems = search.fts_document("", text).split("\n")
        expected = [search.fold(p) for raw in search._RAW_WORD.findall(text) for p in search._WORD.findall(normalize(raw))]
        assert words.split() == expected, ascii(text)
        assert new_stems.split() == sorted({search.stem(w) for w in expected if search.stem(w) != w}), ascii(text)
    assert search.fts_document("عنوان", "بإدلب وإدلب") == "عنوان بادلب وادلب\nادلب"


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


def test_a_query_splits_its_words_where_documents_do() -> None:
    """A bidi control between two letters parts a document's word (it is no raw-word
    character), so it parts a query's too: otherwise the query would seek the joined word."""
    text = "قصف\u202bمدينه"
    words = search.fts_document("", text).split("\n")[0].split()
    assert words == ["قصف", "مدينه"]
    assert search.fts_query(text) == " ".join(f'"{search.stem(w)}"' for w in words)  # not "قصفمدين"
    with Store() as store:
        store.upsert(Article.create(f"خبر عن {text} اليوم", id="a"))
        assert [r["id"] for r in store.search_articles(text)] == ["a"]

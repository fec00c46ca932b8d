"""Who said what: direct quotes («وقال بوتين: "…"») and reported speech («أكد أردوغان أن …»).

The speaker is the noun phrase after the speech verb (VSO order), else the
sentence's opening noun phrase (SVO, «الرئيس الروسي وصف … بـ"…"»); a verb with
no speaker («وأضاف:», «لافتاً إلى أن») continues the previous speaker. The speaker
is linked to the actor knowledge base when it names an actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from marsad.actors.linker import link_text
from marsad.actors.text import norm
from marsad.model import Article, Quote

_QUOTED = re.compile(r"[“”\"«]([^“”\"«»\n]{3,}?)[”\"»]")
_CUE = (
    "قال|قالت|وقال|وقالت|فقال|اضاف|واضاف|اضافت|واضافت|تابع|وتابع|تابعت|وتابعت|اكد|واكد|اكدت|واكدت|"
    "اوضح|واوضح|اوضحت|واوضحت|صرح|وصرح|صرحت|شدد|وشدد|شددت|وشددت|ذكر|وذكر|ذكرت|وذكرت|"
    "اشار|واشار|اشارت|واشارت|اعتبر|واعتبر|اعتبرت|واعتبرت|اعلن|واعلن|اعلنت|واعلنت|وصف|ووصف|وصفت|"
    "لافتا|لافته|مشيرا|مشيره|مشددا|مشدده|مضيفا|مضيفه|معتبرا|معتبره|مؤكدا|موكدا|موكده|قوله|قولها|"
    "بالتاكيد|التاكيد|بيان|حذر|وحذر|حذرت|وحذرت|نفي|ونفي|نفت|ونفت|اتهم|واتهم|اتهمت|واتهمت"
)
_FLAT = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def _cue_pattern(cues: list[str]) -> str:
    """The cues as one prefix tree over raw letters: each flat letter becomes the class of
    the letters :data:`_FLAT` folds into it, so the text needs no folding (a whole-article
    ``translate`` cost more than the search) and the tree is searched 2-3 times faster than
    a flat alternation. Folding keeps length and letters, so matches sit where they did in
    the folded text; a cue with a letter the folding removes (ؤ) could never match there."""
    raw: dict[str, str] = {}
    for code, flat in _FLAT.items():
        raw[flat] = raw.get(flat, flat) + chr(code)
    trie: dict[str, dict] = {}
    for cue in cues:
        if any(ord(c) in _FLAT for c in cue):
            continue
        node = trie
        for ch in cue:
            node = node.setdefault(ch, {})
        node[""] = {}

    def alternation(node: dict[str, dict]) -> str:
        alts = [(f"[{raw[ch]}]" if ch in raw else re.escape(ch)) + alternation(sub)
                for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return alternation(trie)


#: A cue word: a whole run of word characters (so a cue's matches do not depend on the
#: order it is tried in), matched in the raw text as if folded by :data:`_FLAT`.
_CUE_RE = re.compile(rf"(?<!\w)({_cue_pattern(_CUE.split('|'))})(?!\w)")
_INHERIT = frozenset(
    {"اضاف", "واضاف", "اضافت", "واضافت", "تابع", "وتابع", "تابعت", "وتابعت", "لافتا", "لافته",
     "مشيرا", "مشيره", "مشددا", "مشدده", "مضيفا", "مضيفه", "معتبرا", "معتبره", "مؤكدا", "موكدا", "موكده"}
)
_STOP = frozenset(
    {"ان", "انه", "انها", "بان", "علي", "ضروره", "في", "الي", "خلال", "امس", "اليوم", "عن", "من",
     "لـ", "انهم", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد", "عبر",
     "ايضا", "كذلك", "بدوره", "بدورها", "للصحفيين", "لوكاله", "لقناه", "لصحيفه", "عقب", "بعد", "قبل", "اثناء", "بحث", "حول"}
)
_WORD = re.compile(r"\S+")
_SENT_END = re.compile(r"[.!?؟\n]")


def _bare(word: str) -> str:
    return norm(word.strip("،,:;؛()[]“”\"«»."))


def _speaker_after(text: str, pos: int, limit: int) -> tuple[int, int]:
    """Noun phrase from ``pos`` up to a stop word, punctuation or ``limit`` (max 6 words);
    a quoted name after an organisation noun belongs to it («صحيفة "الغارديان"»)."""
    start = end = -1
    for m in _WORD.finditer(text, pos, limit):
        word = m.group()
        if any(c in word[:1] for c in "“”\"«") and start >= 0 and _bare(text[start:end].split()[-1]) in _ORG_NOUNS:
            close = re.search(r"[”\"»]", text[m.start() + 1 : limit])
            if close:
                return start, m.start() + 2 + close.start()
        if _bare(word) in _STOP or any(c in word[:1] for c in "“”\"«"):
            break
        if start < 0:
            start = m.start()
        end = m.start() + len(word.rstrip("،,:;؛."))
        if word[-1:] in "،,:;؛." or (end - start) > 60:
            break
    return start, end


_INTRO = frozenset({"ان", "بان", "انه", "انها", "علي", "الي", "ضروره"})
_OPENERS = frozenset({"وكانت", "وكان", "كانت", "كان", "و", "من", "جهته", "جهتها", "بدوره", "بدورها", "في", "حين",
                      "فقد", "وقد", "قد", "لكن", "ولكن", "كما", "بينما", "فيما"})
_ORG_NOUNS = frozenset({"صحيفه", "وكاله", "قناه", "موقع", "شبكه", "حركه", "مجلس", "منظمه", "جبهه", "هيئه", "فصيل",
                        "تنظيم", "حزب", "جماعه", "اذاعه", "تلفزيون", "مجموعه", "جيش", "لواء"})


def _sentence_start(text: str, pos: int) -> int:
    """Just after the last sentence end (:data:`_SENT_END`) before ``pos``, else 0. The rare
    marks are looked for only after the last full stop or line break: not found, each would
    read the whole text before ``pos`` for every cue."""
    last = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos))
    return max([last] + [text.rfind(c, last + 1, pos) for c in "!?؟"]) + 1


def _speaker_before(text: str, start: int, cue_start: int) -> tuple[int, int]:
    """The sentence-initial noun phrase («وكانت وزارة الخارجية الروسية … بالتأكيد»)."""
    words = list(_WORD.finditer(text, start, cue_start))
    while words and _bare(words[0].group()) in _OPENERS:
        words = words[1:]
    if not words:
        return -1, -1
    phrase = [words[0]]
    named = _bare(words[0].group()) in _ORG_NOUNS
    for m in words[1:]:
        if phrase[-1].group()[-1:] in "،,":
            break
        if not _bare(m.group()).startswith("ال"):
            if not named:
                break
            named = False  # «صحيفة ليبراسيون»: one name word after an organisation noun
        phrase.append(m)
    return phrase[0].start(), phrase[-1].end() - (1 if phrase[-1].group()[-1:] in "،," else 0)


class _State:
    """The running speaker and what is already quoted."""

    def __init__(self) -> None:
        self.speaker: tuple[int, int] = (-1, -1)
        self.mark = 0  # end of the last cue or quote


def _find_speaker(text: str, cue: re.Match[str], state: _State) -> tuple[int, int]:
    word = cue.group(1).translate(_FLAT)
    sent = _sentence_start(text, cue.start())
    start = max(sent, state.mark)
    if word in ("قوله", "قولها"):
        about = [m for m in _WORD.finditer(text, sent, cue.start()) if _bare(m.group()) == "عن"]
        if about:
            return _speaker_after(text, about[-1].end(), cue.start())
    if word in _INHERIT:
        return state.speaker
    if start == sent and len(list(_WORD.finditer(text, sent, cue.start()))) <= 8 and any(
        _bare(m.group()) not in _OPENERS for m in _WORD.finditer(text, start, cue.start())
    ):
        return _speaker_before(text, sent, cue.start())
    limit = _SENT_END.search(text, cue.end())
    after = _speaker_after(text, cue.end(), limit.start() if limit else len(text))
    return after if after[0] >= 0 else state.speaker


def _reported_span(text: str, pos: int, stop: int) -> tuple[int, int] | None:
    """After the introducer (أن، إن، على، إلى) within three words, to ``stop``."""
    for k, m in enumerate(_WORD.finditer(text, pos, stop)):
        if k > 4:
            return None
        bare = _bare(m.group())
        if bare in _INTRO or (len(bare) > 3 and bare[0] in "بل" and bare[1:] in _INTRO):
            begin = m.start() if bare == "ضروره" else m.end()
            body = re.sub(r"^\s*[أاإ]ن\s+", "", text[begin:stop]).strip(" ،,:")
            if len(body.split()) < 3:
                return None
            first = text.index(body, begin)
            return first, first + len(body)
    return None


def extract_quotes(article: Article) -> Article:
    """Set ``article.quotes``: direct quotes by their marks, reported speech by its verbs."""
    text = article.text
    cues = list(_CUE_RE.finditer(text))
    if not cues:
        return replace(article, quotes=())
    quoted = [m for m in _QUOTED.finditer(text) if len(m.group(1).split()) >= 3]
    starts = [q.start() for q in quoted]
    state = _State()
    out: list[Quote] = []
    for k, cue in enumerate(cues):
        if cue.start() < state.mark:
            continue
        speaker = _find_speaker(text, cue, state)
        if speaker[0] < 0:
            continue
        nxt = _SENT_END.search(text, cue.end())
        stop = min([nxt.start() if nxt else len(text)] + ([cues[k + 1].start()] if k + 1 < len(cues) else []))
        direct = _direct_after(text, cue.end(), quoted, starts)
        if direct is not None:
            out.append(_quote(text, (direct.start(1), direct.end(1)), speaker, "direct", cue))
            state.mark = direct.end()
        else:
            span = _reported_span(text, cue.end(), max(stop, cue.end()))
            if span is None:
                continue
            out.append(_quote(text, span, speaker, "reported", cue))
            state.mark = cue.end()
        state.speaker = speaker
    return replace(article, quotes=tuple(out))


def _direct_after(text: str, pos: int, quoted: list[re.Match[str]], starts: list[int]) -> re.Match[str] | None:
    """The first quotation opening within 120 characters after ``pos`` in the same sentence.
    The quotations come in text order, so the search starts at ``pos`` by bisect and ends past
    120 characters, rather than reading every quotation of the article for every cue."""
    for i in range(bisect_left(starts, pos), len(quoted)):
        q = quoted[i]
        if q.start() - pos > 120:
            return None
        if not _SENT_END.search(text, pos, q.start()):
            return q
    return None


def _quote(text: str, span: tuple[int, int], speaker: tuple[int, int], kind: str, cue: re.Match[str]) -> Quote:
    who = text[speaker[0] : speaker[1]]
    return Quote(
        start=span[0],
        end=span[1],
        text=text[span[0] : span[1]],
        speaker=who,
        kind=kind,
        speaker_start=speaker[0],
        speaker_end=speaker[1],
        actor=_actor_name(who),
        cue=text[cue.start() : cue.end()],
    )


@lru_cache(maxsize=8192)
def _actor_name(speaker: str) -> str:
    """The knowledge base's name for the first actor a speaker phrase names, else "". Cached:
    linking was half of this step's time, and speakers recur (~60% of quotes in a corpus);
    the knowledge base is loaded once per process, so the answer never changes."""
    linked = link_text(speaker)
    return linked[0].name if linked else ""

"""What a cue quotes (docs/quotes-guideline.md, sections 2-3): a quotation in marks near the
cue (direct) or the clause after its introducer أن، إن، بأن … (reported). The walk over an
article's cues and the speakers are in :mod:`marsad.events.quotes`; this module only finds
spans, given the article's quotations in text order and their starts (for bisect)."""

from __future__ import annotations

import re
from bisect import bisect_left

from marsad.events import quote_speaker as sp
from marsad.events.quote_cues import VERB_SET

#: A quotation in marks, its words in group 1.
QUOTED = re.compile(r"[“”\"«]([^“”\"«»\n]{3,}?)[”\"»]")
_EDGE = " ،,:\"“”«»"
_SENT_END = re.compile(r"[.!?؟\n]")
_OPEN = re.compile(r"[“\"«]")
#: Words after which أن is no quote's introducer («بعد أن»، «إلا أن»).
_BLOCK = frozenset({"بعد", "قبل", "منذ", "رغم", "الا", "حتي", "كي", "لكي", "بمجرد", "ريثما", "دون", "بدون",
                    "يجب", "ينبغي", "يمكن", "بد", "بدلا", "لدرجه"})
#: أن، إن، بأن with a suffix («إنه»، «بأنها»، «أنّهم»), as a whole word.
_INTRO_RE = re.compile(r"(?<!\w)ب?[أإا]نّ?(?:ه|ها|هم|هما|هن|نا|ني|ي)?(?!\w)")
_FAR = 30  # words, when the introducer follows a comma
_REACH = 12  # words between the cue and its introducer: speaker, time, place («… الخميس، إن»)
#: Words between a quotation and the verb that attributes it («"…"، حسبما قال …»).
_AS = re.compile(r"[\s،,]*(?:(?:حسبما|كما|وفق ما|وفقا لما|وفقاً لما|بحسب ما|على حد ما|بحسب|حسب)\s+)?")

Found = tuple[str, tuple[int, int], int]  # (kind, span, mark: where the quote ends or its clause starts)


def clause_end(text: str, begin: int, stop: int, quoted: list[re.Match[str]], starts: list[int]) -> int:
    """The sentence end after ``begin`` (else ``stop``), past full stops inside quotations."""
    end = _SENT_END.search(text, begin, stop)
    e = end.start() if end else stop
    i = bisect_left(starts, begin)
    while i < len(quoted) and quoted[i].start() < e:
        if quoted[i].end() > e:
            end = _SENT_END.search(text, quoted[i].end(), stop)
            e = end.start() if end else stop
        i += 1
    return e


def quote_after(text: str, pos: int, stop: int, quoted: list[re.Match[str]], starts: list[int]) -> Found | None:
    """``(kind, span, mark)`` of what the cue ending at ``pos`` quotes: a quotation before any
    introducer, a clause all in marks after it (direct), else the clause (reported). A short
    quotation before the introducer is a name («وكالة "سانا" عن مصدر أن …»)."""
    begin = _introducer(text, pos, stop)
    q = _direct_after(text, pos, stop, quoted, starts)
    if q is not None and (begin < 0 or q.start() < begin):
        if _words_at_least(q.group(1), 3):
            return "direct", (q.start(1), q.end(1)), q.end()
        if begin < 0 or q.end() > begin:
            return None  # a term in marks («وصفهم بـ"الإرهابيين"»); before an introducer, a name
    if begin < 0:
        return _unclosed(text, pos) if q is None else None
    opening = begin
    while text[opening : opening + 1] in (" ", ":"):
        opening += 1
    i = bisect_left(starts, opening)
    if i < len(quoted) and starts[i] == opening and _words_at_least(quoted[i].group(1), 3):
        return "direct", (quoted[i].start(1), quoted[i].end(1)), quoted[i].end()
    span = _reported(text, begin, stop)
    return ("reported", span, begin) if span else None


def quote_before(
    text: str, cue: re.Match[str], word: str, quoted: list[re.Match[str]], mark: int
) -> re.Match[str] | None:
    """A quotation that the cue attributes after it («"…"، تقول مريم»، «"…"، حسبما قال المسؤول»،
    «"…"، بحسب قوله»): it ends just before the cue, after ``mark`` (the last quote), and has
    three words."""
    if word not in VERB_SET and word not in ("قوله", "قولها"):
        return None
    i = bisect_left(quoted, cue.start(), key=lambda q: q.end()) - 1
    if i < 0:
        return None
    q = quoted[i]
    gap = _AS.match(text, q.end(), cue.start())
    if gap is None or gap.end() != cue.start() or q.start() < mark:
        return None
    if "،" not in text[q.end() : cue.start()] and "," not in text[q.end() : cue.start()]:
        return None
    if text[sp.sentence_start(text, q.start()) : q.start()].strip():
        return None  # a fragment inside the article's own sentence («… و"أنشطته …"، حسبما أعلنت»)
    return q if _words_at_least(q.group(1), 3) and not _named(text, q.start()) else None


def _introducer(text: str, pos: int, stop: int) -> int:
    """Where the clause after the first أن/إن/بأن … within :data:`_REACH` words starts, else -1;
    none after «بعد»، «إلا» … . One search, not a fold of every word."""
    m = _INTRO_RE.search(text, pos, stop)
    if m is None:
        return -1
    gap = text.count(" ", pos, m.start())
    if gap > _REACH + 1 and (gap > _FAR + 1 or not _after_comma(text, m.start())):
        return -1  # far, an introducer after a comma closing an aside («… في تغريدة على تويتر، أن»)
    prev = text.rfind(" ", pos, m.start() - 1)
    if sp.bare(text[max(prev, pos) : m.start()].strip()) in _BLOCK:
        return -1
    return m.end()


def _after_comma(text: str, pos: int, also: str = "") -> bool:
    """Whether a comma (or a character of ``also``) ends the text before ``pos``, spaces aside:
    an aside closed before an introducer or a quotation far from its verb."""
    last = text[max(0, pos - 3) : pos].rstrip()[-1:]
    return last != "" and last in "،," + also


def _reported(text: str, begin: int, end: int) -> tuple[int, int] | None:
    """The clause's words, without edge punctuation and marks; none under three words."""
    piece = text[begin:end]
    body = piece.lstrip(_EDGE)
    first = begin + len(piece) - len(body)
    body = body.rstrip(_EDGE)
    return (first, first + len(body)) if _words_at_least(body, 3) else None


def _words_at_least(text: str, n: int) -> bool:
    """Whether ``text`` has ``n`` words, without splitting all of it."""
    return len(text.split(None, n - 1)) >= n


def _unclosed(text: str, pos: int) -> Found | None:
    """A quotation opened within 120 characters after the cue, in its sentence, that no mark
    closes before the line ends («وذكرت البعثة في تغريدة "المملكة المتحدة … في سوريا.»): it runs
    to the end of the line."""
    m = _OPEN.search(text, pos, min(len(text), pos + 120))
    if m is None or text[m.start() - 1] not in " :" or _SENT_END.search(text, pos, m.start()) or _named(text, m.start()):
        return None  # a mark after a letter closes («بـ"رد قوي" موجهة»)
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    if _OPEN.search(text, m.end(), end) or any(c in text[m.end() : end] for c in "”»"):
        return None
    span = _reported(text, m.end(), m.end() + len(text[m.end() : end].rstrip(" .،,")))
    return ("direct", span, end) if span and _words_at_least(text[span[0] : span[1]], 4) else None


def _named(text: str, pos: int) -> bool:
    """A quotation right after an organisation noun is its name («صحيفة "لو جورنال دو …"»،
    «وإذاعة "…"»)."""
    prev = sp.bare(text[text.rfind(" ", 0, pos - 1) + 1 : pos].strip())
    return prev in sp.ORG_NOUNS or prev[:1] == "و" and prev[1:] in sp.ORG_NOUNS


def _direct_after(
    text: str, pos: int, stop: int, quoted: list[re.Match[str]], starts: list[int]
) -> re.Match[str] | None:
    """The first quotation opening within 120 characters after ``pos`` in the same sentence,
    past names in marks («قالت منظمة "هيومن رايتس ووتش" إن …»). The quotations come in text
    order, so the search starts at ``pos`` by bisect and ends past 120 characters, rather than
    reading every quotation of the article for every cue."""
    for i in range(bisect_left(starts, pos), len(quoted)):
        q = quoted[i]
        far = q.start() - pos > 120
        if far and (q.start() - pos > 300 or q.start() > stop or i > bisect_left(starts, pos)
                    or not _after_comma(text, q.start(), ":")):
            return None  # past 120 characters, only the first quotation, before the next cue, after a comma or colon
        if _SENT_END.search(text, pos, q.start()):
            return None
        if not _named(text, q.start()):
            return q
    return None

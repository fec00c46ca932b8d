"""Who said what: direct quotes («وقال بوتين: "…"») and reported speech («أكد أردوغان أن …»).

A cue (a word of saying, docs/quotes-guideline.md section 2) quotes what follows it: the
clause after its introducer (أن، إن، بأن …, after the speaker and a few words of
circumstance), direct when that clause is all in quotation marks («لفت إلى أن "…"»); else a
quotation opening soon after the cue. The speaker is found by :mod:`marsad.events.quote_speaker`
and linked to the actor knowledge base when it names an actor.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from marsad.actors.linker import link_text
from marsad.events import quote_speaker as sp
from marsad.model import Article, Quote

_QUOTED = re.compile(r"[“”\"«]([^“”\"«»\n]{3,}?)[”\"»]")
#: Words of saying (folded by :data:`_FLAT`): verbs, also with و or ف; participles, which
#: continue the sentence's speaker; nouns («قوله»، «في بيان الوزارة»، «بالتأكيد على أن»).
_VERBS = (
    "قال قالت اضاف اضافت تابع تابعت اكد اكدت اوضح اوضحت صرح صرحت شدد شددت ذكر ذكرت اشار اشارت "
    "اعتبر اعتبرت اعلن اعلنت وصف وصفت حذر حذرت نفي نفت اتهم اتهمت افاد افادت كشف كشفت راي رات "
    "لفت لفتت نوه نوهت رد ردت ابلغ ابلغت كتب كتبت اردف اردفت ختم ختمت هدد هددت رجح رجحت نقل نقلت "
    "يقول تقول يري تري يوكد توكد يضيف يشير تشير"
).split()
_VERB_SET = frozenset(_VERBS)
_PARTICIPLES = frozenset(
    "مضيفا مضيفه مشيرا مشيره موكدا موكده لافتا لافته معتبرا معتبره مشددا مشدده موضحا موضحه قايلا قايله "
    "محذرا محذره معلنا معلنه نافيا نافيه متهما متهمه كاشفا كاشفه منوها منوهه".split()
)
_NOUNS = frozenset({"قوله", "قولها", "بيان", "بالتاكيد", "التاكيد"})
#: Verbs often written with their shadda («حذّر»), which the folding keeps.
_SHADDA = "حذّر حذّرت شدّد شدّدت نوّه نوّهت ردّ ردّت اكّد اكّدت صرّح صرّحت هدّد هدّدت رجّح رجّحت".split()
_CUE = "|".join(
    [p + v for v in _VERBS + _SHADDA for p in ("", "و", "ف")] + sorted(_PARTICIPLES | _NOUNS) + ["وقايلا", "وقايله"]
)
_SAY = re.compile(r"[وف]?(?:قال|قالت|يقول|تقول)")
_EDGE = " ،,:\"“”«»"
_FACT = (" مما ", "وهو ما ", "وهي ما ", " هو ما ", " هي ما ")
_IN = ("في ", "فيه ", "فيها ", "فيهما ")
_ON = ("عليه ", "عليها ", "عليهم ", "عليه:", "عليها:", 'عليها "', 'عليه "')
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
_SENT_END = re.compile(r"[.!?؟\n]")
#: Words after which أن is no quote's introducer («بعد أن»، «إلا أن»).
_BLOCK = frozenset({"بعد", "قبل", "منذ", "رغم", "الا", "حتي", "كي", "لكي", "بمجرد", "ريثما", "دون", "بدون",
                    "يجب", "ينبغي", "يمكن", "بد", "بدلا", "لدرجه"})
#: أن، إن، بأن with a suffix («إنه»، «بأنها»، «أنّهم»), as a whole word.
_INTRO_RE = re.compile(r"(?<!\w)ب?[أإا]نّ?(?:ه|ها|هم|هما|هن|نا|ني|ي)?(?!\w)")
_FAR = 30  # words, when the introducer follows a comma
_REACH = 12  # words between the cue and its introducer: speaker, time, place («… الخميس، إن»)


class _State:
    """The running speaker and what is already quoted."""

    def __init__(self) -> None:
        self.speaker: sp.Span = sp.NONE
        self.mark = 0  # end of the last cue's quotation, or the start of its reported clause
        self.silent: tuple[re.Match[str], str] | None = None  # the last verb cue that quoted nothing


#: Verbs that go on with the last speaker: a bare title after them is that speaker («وتابع الجنرال»).
_GO_ON = frozenset("واضاف واضافت وتابع وتابعت واردف واردفت وختم وختمت".split())


def _find_speaker(text: str, cue: re.Match[str], word: str, state: _State, limit: int) -> sp.Span:
    """The cue's speaker (see :mod:`marsad.events.quote_speaker`), refined."""
    sent = sp.sentence_start(text, cue.start())
    found = sp.NONE
    if word in ("قوله", "قولها"):
        found = sp.chain(text, sent, cue.start(), limit, backwards=True)
    elif word.endswith(("نقل", "نقلت")):
        found = sp.chain(text, sent, cue.end(), limit, backwards=False)
    if found[0] < 0 and word in _PARTICIPLES:
        return _participle_speaker(text, sent, state, limit)
    if found[0] < 0 and word in _VERB_SET and state.speaker[0] >= 0 and sp.pronoun_subject(text, cue.start()):
        return state.speaker  # «لكنه أشار»، «قال إنه أبلغ الكونغرس …»
    coordinated = word[:1] == "و" and word[1:] in _VERB_SET  # «يخرج ويقول»: no subject before «و»
    if found[0] < 0 and word != "بيان" and state.mark <= sent and not coordinated:
        found = sp.before(text, sent, cue.start())
    if found[0] < 0:
        found = sp.after(text, cue.end(), limit)
    if found[0] < 0:
        return state.speaker
    found = sp.refine(text, found, state.speaker)
    if word in _GO_ON and sp.title_only(text, found) and sp.person(text, state.speaker):
        return state.speaker  # «وتابع الجنرال الفرنسي»: the general who was speaking
    return found


def _participle_speaker(text: str, sent: int, state: _State, limit: int) -> sp.Span:
    """A participle goes on with its sentence's verb of saying: the last speaker, unless a verb
    earlier in the sentence quoted nothing itself («وردت الخارجية اللبنانية معتبرة أن»)."""
    if state.silent is None:
        return state.speaker
    cue, word = state.silent
    if cue.start() < max(sent, state.mark):
        return state.speaker
    return sp.subject(text, _find_speaker(text, cue, word, state, limit))


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


def _clause_end(text: str, begin: int, stop: int, quoted: list[re.Match[str]], starts: list[int]) -> int:
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


def extract_quotes(article: Article) -> Article:
    """Set ``article.quotes``: direct quotes by their marks, reported speech by its verbs."""
    text = article.text
    cues = list(_CUE_RE.finditer(text))
    if not cues:
        return replace(article, quotes=())
    quoted = list(_QUOTED.finditer(text))
    starts = [q.start() for q in quoted]
    words = [c.group(1).translate(_FLAT) for c in cues]
    verbs = [c.start() for c, w in zip(cues, words, strict=True) if w not in _NOUNS]
    state = _State()
    out: list[Quote] = []
    for cue, word in zip(cues, words, strict=True):
        if cue.start() < state.mark:
            continue
        sent_end = _clause_end(text, cue.end(), len(text), quoted, starts)
        later = bisect_left(verbs, cue.end())
        stop = min(sent_end, verbs[later]) if later < len(verbs) else sent_end
        found = None if _not_saying(text, cue) else _quote_after(text, cue.end(), stop, quoted, starts)
        before = _quote_before(text, cue, word, quoted, state) if found is None else None
        if before is not None:
            found = "direct", (before.start(1), before.end(1)), before.end()
        elif found is None:
            if word[:1] in "وف" and word[1:] in _VERB_SET or word in _VERB_SET and sp.sentence_start(text, cue.start()) == cue.start():
                state.silent = (cue, word)  # «وردت الخارجية …»: a verb opening its clause
            continue
        kind, span, mark = found
        speaker = _post_speaker(text, cue, state, sent_end) if before else _find_speaker(text, cue, word, state, sent_end)
        if kind == "direct":
            speaker = _tongue(text, mark, sent_end, speaker)
        if kind == "direct" and word in _GO_ON and speaker == state.speaker:
            speaker = _according_to(text, mark, sent_end, speaker)
        if speaker[0] < 0:
            continue
        out.append(_quote(text, span, speaker, kind, cue))
        state.mark, state.speaker = mark, speaker
    return replace(article, quotes=tuple(out))


_TO_ME = frozenset({"لي", "لنا", "له", "لها", "لهم"})
#: Words between a quotation and the verb that attributes it («"…"، حسبما قال …»).
_AS = re.compile(r"[\s،,]*(?:(?:حسبما|كما|وفق ما|وفقا لما|وفقاً لما|بحسب ما|على حد ما|بحسب|حسب)\s+)?")


def _quote_before(
    text: str, cue: re.Match[str], word: str, quoted: list[re.Match[str]], state: _State
) -> re.Match[str] | None:
    """A quotation that the cue attributes after it («"…"، تقول مريم»، «"…"، حسبما قال المسؤول»،
    «"…"، بحسب قوله»): it ends just before the cue, after the last quote, and has three words."""
    if word not in _VERB_SET and word not in ("قوله", "قولها"):
        return None
    i = bisect_left(quoted, cue.start(), key=lambda q: q.end()) - 1
    if i < 0:
        return None
    q = quoted[i]
    gap = _AS.match(text, q.end(), cue.start())
    if gap is None or gap.end() != cue.start() or q.start() < state.mark:
        return None
    if "،" not in text[q.end() : cue.start()] and "," not in text[q.end() : cue.start()]:
        return None
    if text[sp.sentence_start(text, q.start()) : q.start()].strip():
        return None  # a fragment inside the article's own sentence («… و"أنشطته …"، حسبما أعلنت»)
    return q if _words_at_least(q.group(1), 3) and not _named(text, q.start()) else None


_ACCORDING = re.compile(r"\s*[،,]\s*(?:وفقا|وفقاً|بحسب|حسب|وفق)\s+(?=\S)")


def _according_to(text: str, pos: int, limit: int, speaker: sp.Span) -> sp.Span:
    """A quotation carried over from the last speaker («وأضاف "…"») but attributed after its mark
    to a title («، وفقا للمتحدث الرسمي»): that one, with its «لل» as written. Not «وفق ما ذكرت
    الوكالة» (who reported it) nor «حسب تعبيره»."""
    m = _ACCORDING.match(text, pos, limit)
    word = sp.WORD.match(text, m.end()) if m else None
    if word is None:
        return speaker
    raw = word.group()
    if not sp.is_title("ال" + raw[2:] if raw.startswith("لل") else raw):
        return speaker
    rest = sp.after(text, word.end(), limit)
    found = (word.start(), rest[1] if rest[0] == word.end() + 1 else word.end())
    return sp.refine(text, found, speaker)


_CARRIED = re.compile(r"[\s،,]*(?:وفق|وفقا|وفقاً|حسب|بحسب|حسبما|كما|نقلا|نقلاً)(?!\w)")


def _tongue(text: str, pos: int, limit: int, speaker: sp.Span) -> sp.Span:
    """«"…"، وفقاً لما نقله موقع … على لسان رئيس الكتلة عرفات كرم»: the words are whose tongue
    says them (section 4, the last link); «على لسانه» is the speaker already found."""
    at = text.find("على لسان ", pos, limit)
    if at < 0 or at - pos > 120 or not _CARRIED.match(text, pos, at):
        return speaker  # «في إشارة إلى تصريحات … على لسان …»: someone else's words
    found = sp.after(text, at + 9, limit)
    return sp.refine(text, found, speaker) if found[0] >= 0 else speaker


def _post_speaker(text: str, cue: re.Match[str], state: _State, limit: int) -> sp.Span:
    """Who a verb after its quotation names («تقول مريم»), else the last speaker («بحسب قوله»)."""
    if cue.group(1).translate(_FLAT) in ("قوله", "قولها"):
        return state.speaker if state.speaker[0] >= 0 else sp.NONE
    found = sp.after(text, cue.end(), limit)
    if found[0] < 0 or sp.bare(text[found[0] : found[1]]) in _TO_ME:
        return state.speaker  # «"…"، قال لي»: the one being quoted
    return sp.refine(text, found, state.speaker)


def _not_saying(text: str, cue: re.Match[str]) -> bool:
    """A cue that says nothing: «مما يشير إلى أن»، «وهو ما يؤكد أن» (a fact confirms; «وفق ما
    أوضح» and «ما قال إنه» still say), «كتب عليها» (written on), «لافتة» without «إلى» (a banner). Raw-text tests: this runs for
    every cue."""
    if text.startswith(_ON, cue.end() + 1) and cue.group(1).endswith(("كتب", "كتبت")):
        return True
    if cue.group(1).endswith("لافتة") and not text.startswith(("إلى", "الى"), cue.end() + 1):
        return True  # «لافتة» is also a banner
    if cue.group(1) in ("ورد", "وردت") and text.startswith(_IN, cue.end() + 1):
        return True  # «ورد في التقرير أن»: appeared, not replied
    if cue.group(1) == "رد" and text[max(0, cue.start() - 4) : cue.start()].endswith(("في ", "على ", "بـ", '"', "«")):
        return True  # «وفي رد آخر، قال …»، «بـ"رد قوي"»: a reply, the noun
    return text[max(0, cue.start() - 8) : cue.start()].endswith(_FACT) and _SAY.fullmatch(cue.group(1)) is None


def _quote_after(
    text: str, pos: int, stop: int, quoted: list[re.Match[str]], starts: list[int]
) -> tuple[str, tuple[int, int], int] | None:
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


_OPEN = re.compile(r"[“\"«]")


def _unclosed(text: str, pos: int) -> tuple[str, tuple[int, int], int] | None:
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

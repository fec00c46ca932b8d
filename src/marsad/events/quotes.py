"""Who said what: direct quotes («وقال بوتين: "…"») and reported speech («أكد أردوغان أن …»).

A cue (a word of saying, docs/quotes-guideline.md section 2; :mod:`marsad.events.quote_cues`)
quotes what follows it: the clause after its introducer (أن، إن، بأن …, after the speaker and
a few words of circumstance), direct when that clause is all in quotation marks («لفت إلى أن
"…"»); else a quotation opening soon after the cue (:mod:`marsad.events.quote_spans`). This
module walks an article's cues and gives each quote its speaker, found by
:mod:`marsad.events.quote_speaker`, and its actor in the knowledge base when it names one.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from marsad.actors.linker import link_text
from marsad.events import quote_speaker as sp
from marsad.events.quote_clause import clause_subject, last_named
from marsad.events.quote_cues import (
    CUE_RE,
    FLAT,
    GO_ON,
    NOUNS,
    PARTICIPLES,
    VERB_SET,
    find_cues,
    not_saying,
)
from marsad.events.quote_names import refine
from marsad.events.quote_spans import QUOTED, clause_end, quote_after, quote_before
from marsad.model import Article, Quote


class _State:
    """The running speaker and what is already quoted."""

    def __init__(self) -> None:
        self.speaker: sp.Span = sp.NONE
        self.mark = 0  # end of the last cue's quotation, or the start of its reported clause
        self.silent: tuple[re.Match[str], str] | None = None  # the last verb cue that quoted nothing


def _find_speaker(text: str, cue: re.Match[str], word: str, state: _State, limit: int) -> sp.Span:
    """The cue's speaker (see :mod:`marsad.events.quote_speaker`), refined."""
    sent = sp.sentence_start(text, cue.start())
    found = sp.NONE
    if word in ("قوله", "قولها"):
        found = sp.chain(text, sent, cue.start(), limit, backwards=True)
    elif word.endswith(("نقل", "نقلت")):
        found = sp.chain(text, sent, cue.end(), limit, backwards=False)
    if found[0] < 0 and word in PARTICIPLES:
        return _participle_speaker(text, sent, cue, state, limit)
    if found[0] < 0 and word in VERB_SET and state.speaker[0] >= 0 and sp.pronoun_subject(text, cue.start()):
        return state.speaker  # «لكنه أشار»، «قال إنه أبلغ الكونغرس …»
    coordinated = word[:1] == "و" and word[1:] in VERB_SET  # «يخرج ويقول»: no subject before «و»
    if found[0] < 0 and word != "بيان" and state.mark <= sent and not coordinated:
        found = sp.before(text, sent, cue.start())
    if found[0] < 0:
        found = sp.after(text, cue.end(), limit)
    if found[0] < 0:
        return state.speaker
    found = refine(text, found, state.speaker)
    if word in GO_ON and sp.title_only(text, found) and sp.person(text, state.speaker):
        return state.speaker  # «وتابع الجنرال الفرنسي»: the general who was speaking
    return found


def _participle_speaker(text: str, sent: int, cue: re.Match[str], state: _State, limit: int) -> sp.Span:
    """A participle goes on with its sentence's verb of saying: the last speaker, unless a verb
    earlier in the sentence quoted nothing itself («وردت الخارجية اللبنانية معتبرة أن»), or
    the sentence has no verb of saying: then the subject of its verb («والتقى الوزير نظيره،
    مؤكداً أن …») when it has one, else the last speaker («وأضاف: "…". وختم قائلاً»). A
    participle that opens its sentence goes on with the one before («… تأسيس منتدى. مضيفاً»)."""
    if sent > 0 and not text[sent : cue.start()].strip():
        sent = sp.sentence_start(text, sent - 1)
    if state.silent is not None and state.silent[0].start() >= max(sent, state.mark):
        verb, said = state.silent
        return sp.subject(text, _find_speaker(text, verb, said, state, limit))
    if state.mark > sent or CUE_RE.search(text, sent, cue.start()) is not None:
        return state.speaker  # still in the last quotation's sentence, or a verb of saying's
    found = clause_subject(text, sent, cue.start(), cue.group(1).translate(FLAT).endswith("ه"))
    if found[0] < 0:
        return state.speaker
    return refine(text, last_named(text, found, state.speaker), state.speaker)


def extract_quotes(article: Article) -> Article:
    """Set ``article.quotes``: direct quotes by their marks, reported speech by its verbs."""
    text = article.text
    cues = find_cues(text)
    if not cues:
        return article.evolve(quotes=())
    quoted = list(QUOTED.finditer(text))
    starts = [q.start() for q in quoted]
    words = [c.group(1).translate(FLAT) for c in cues]
    verbs = [c.start() for c, w in zip(cues, words, strict=True) if w not in NOUNS]
    state = _State()
    out: list[Quote] = []
    for cue, word in zip(cues, words, strict=True):
        if cue.start() < state.mark:
            continue
        sent_end = clause_end(text, cue.end(), len(text), quoted, starts)
        later = bisect_left(verbs, cue.end())
        stop = min(sent_end, verbs[later]) if later < len(verbs) else sent_end
        found = None if not_saying(text, cue) else quote_after(text, cue.end(), stop, quoted, starts)
        before = quote_before(text, cue, word, quoted, state.mark) if found is None else None
        if before is not None:
            found = "direct", (before.start(1), before.end(1)), before.end()
        elif found is None:
            if word[:1] in "وف" and word[1:] in VERB_SET or word in VERB_SET and sp.sentence_start(text, cue.start()) == cue.start():
                state.silent = (cue, word)  # «وردت الخارجية …»: a verb opening its clause
            continue
        kind, span, mark = found
        speaker = _post_speaker(text, cue, state, sent_end) if before else _find_speaker(text, cue, word, state, sent_end)
        if kind == "direct":
            speaker = _tongue(text, mark, sent_end, speaker)
        if kind == "direct" and word in GO_ON and speaker == state.speaker:
            speaker = _according_to(text, mark, sent_end, speaker)
        if speaker[0] < 0:
            continue
        out.append(_quote(text, span, speaker, kind, cue))
        state.mark, state.speaker = mark, speaker
    return article.evolve(quotes=tuple(out))


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
    return refine(text, found, speaker)


_CARRIED = re.compile(r"[\s،,]*(?:وفق|وفقا|وفقاً|حسب|بحسب|حسبما|كما|نقلا|نقلاً)(?!\w)")


def _tongue(text: str, pos: int, limit: int, speaker: sp.Span) -> sp.Span:
    """«"…"، وفقاً لما نقله موقع … على لسان رئيس الكتلة عرفات كرم»: the words are whose tongue
    says them (section 4, the last link); «على لسانه» is the speaker already found."""
    at = text.find("على لسان ", pos, limit)
    if at < 0 or at - pos > 120 or not _CARRIED.match(text, pos, at):
        return speaker  # «في إشارة إلى تصريحات … على لسان …»: someone else's words
    found = sp.after(text, at + 9, limit)
    return refine(text, found, speaker) if found[0] >= 0 else speaker


_TO_ME = frozenset({"لي", "لنا", "له", "لها", "لهم"})


def _post_speaker(text: str, cue: re.Match[str], state: _State, limit: int) -> sp.Span:
    """Who a verb after its quotation names («تقول مريم»), else the last speaker («بحسب قوله»)."""
    if cue.group(1).translate(FLAT) in ("قوله", "قولها"):
        return state.speaker if state.speaker[0] >= 0 else sp.NONE
    found = sp.after(text, cue.end(), limit)
    if found[0] < 0 or sp.bare(text[found[0] : found[1]]) in _TO_ME:
        return state.speaker  # «"…"، قال لي»: the one being quoted
    return refine(text, found, state.speaker)


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

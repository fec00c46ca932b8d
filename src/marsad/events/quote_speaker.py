"""Who a quote's words are: the speaker phrase of one cue (docs/quotes-guideline.md, section 4).

In order: the last link of a chain («نقلت الوكالة عن مصدر … قوله/أن»); a participle
(«مضيفاً») continues the sentence's speaker, or speaks for the subject of the sentence's verb
when no verb of saying came before it (:mod:`marsad.events.quote_clause`); the noun phrase after the verb (VSO,
«وقال بوتين»); the subject before it in its clause (SVO, «لكن المرصد قال إن»); else the
previous speaker («وأضاف:»). This module finds the phrase and holds the word lists;
:mod:`marsad.events.quote_names` refines it (a statement to its issuer, a title to a name).
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.actors.text import norm

Span = tuple[int, int]
NONE: Span = (-1, -1)

WORD = re.compile(r"\S+")
#: Marks that open a quotation (a quoted word is no speaker phrase).
MARKS = "“”\"«"
#: أن، إن، بأن and their suffixed forms («إنه»، «بأنها»، «أنهم»), folded.
INTRO = re.compile(r"ب?ان(?:ه|ها|هم|هما|هن|نا|ني|ي)?")
#: A relative pronoun opens a clause about the speaker («تيلرسون الذي زار …»), not the speaker.
_RELATIVE = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين", "اللذان", "اللتان", "اللواتي", "اللاتي"})
#: «قال X لموقع …»: the medium spoken to («لوكالة»، «لرويترز» …, also «لـ"…"», «لCNN»: :func:`stops`).
_TO_MEDIUM = frozenset({"لوكاله", "لقناه", "لصحيفه", "لموقع", "لشبكه", "لاذاعه", "لمجله", "لتلفزيون", "لوكالات",
                        "لرويترز", "لفرانس", "لفرانس24", "لسكاي", "لبي", "لسي", "لفوكس", "لاسوشيتد", "لاسوشييتد"})
#: When it was said, after the speaker («وحذرت إسرائيل مراراً»، «وقالت الأمم المتحدة الشهر الماضي»).
_WHEN = frozenset({"مرارا", "الشهر", "الاسبوع", "الماضي", "لاحقا", "سابقا", "موخرا", "حاليا", "ليل", "فجر", "منذ"})
_STOP = frozenset(
    {"في", "الي", "خلال", "امس", "اليوم", "عن", "من", "لـ", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس",
     "الجمعه", "السبت", "الاحد", "عبر", "ايضا", "كذلك", "بدوره", "بدورها", "للصحفيين", "عقب", "بعد", "قبل",
     "اثناء", "بحث", "حول", "امام", "مع", "ذلك", "هذا", "هذه", "تلك", "له",
     "لها", "لهم", "انذاك", "حينها", "مجددا", "صباح", "مساء", "يوم", "الليله", "قايلا", "قايله", "بالقول", "قوله", "قولها", "قولهم", "القول"}
    | _RELATIVE | _TO_MEDIUM | _WHEN
)
_OPENERS = frozenset({"وكانت", "وكان", "كانت", "كان", "و", "من", "جهته", "جهتها", "بدوره", "بدورها", "في", "حين",
                      "فقد", "وقد", "قد", "لكن", "ولكن", "كما", "بينما", "فيما", "حيث", "اذ", "وبينما", "وفيما",
                      "ثم", "الذي", "التي", "الذين", "والذي", "والتي", "جانبه", "جانبها", "ناحيته", "ناحيتها",
                      "وفق", "وفقا", "ووفق", "ووفقا", "حسب", "بحسب", "وبحسب", "ما", "حسبما", "وحسبما", "ومن",
                      "ومضي", "مضي", "عندما", "وعندما", "حينما"})
#: «(بيان) صادر عن …»: who issued it follows.
ISSUED = re.compile(r"\s*(?:ال)?صادر[ةه]?\s+عن(?=\s)")
#: A pronoun object between a verb and its subject.
_OBJECT = frozenset({"عليه", "عليها", "عليهم", "اليه", "اليها", "اليهم", "فيه", "فيها", "فيهما", "به", "بها"})
#: Words after a title that are no name («الرئيس الأميركي كان …»).
NOT_NAMES = _OPENERS | frozenset({"قد", "لقد", "لم", "لن", "لا", "يكون", "تكون", "وكان", "اكد", "قال", "يبدو", "لدي",
                                  "غير"})
#: «لكن» with a pronoun: the clause's subject is the last speaker.
_PRONOUN_OPENERS = frozenset({"لكنه", "لكنها", "ولكنه", "ولكنها", "لكنهم", "ولكنهم"})
#: Prepositions opening a clause with its circumstance («وفي موسكو قال …»، «وفي عام 2014 قالت …»).
_CIRCUMSTANCE = frozenset({"في", "وفي", "من", "ومن", "خلال", "وخلال", "بعد", "وبعد", "عقب",
                           "وعقب", "امام", "وامام", "لدي", "ولدي", "عن", "وعن"})
#: «ومن جهته»، «في حين»: openers, the subject still comes before the verb.
_SIDE = frozenset({"جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "حين"})
#: Words between a subject and its verb («وكان الرئيس قد قال»).
_AUX = frozenset({"قد", "لقد", "فقد"})
#: Words that open a clause inside a sentence: the subject of a verb is after the last one.
_CLAUSE = frozenset({"لكن", "ولكن", "بينما", "وبينما", "فيما", "وفيما", "حيث", "اذ", "كما", "حين", "بل"})
ORG_NOUNS = frozenset({"صحيفه", "وكاله", "قناه", "موقع", "شبكه", "حركه", "مجلس", "منظمه", "جبهه", "هيئه", "فصيل",
                       "تنظيم", "حزب", "جماعه", "اذاعه", "تلفزيون", "مجموعه", "جيش", "لواء", "دائره", "بعثه"})
#: Folded, as :func:`bare` gives them («الرئيس» → «الرييس»).
TITLES = frozenset({"رييس", "وزير", "الرييس", "الوزير", "المتحدث", "الناطق", "المرشد", "الملك", "الامين",
                    "قايد", "القايد", "السفير", "المبعوث", "مندوب", "المندوب", "زعيم", "الزعيم", "المتحدثه",
                    "الناطقه", "الجنرال", "العميد", "العقيد", "المقدم", "الرايد", "النقيب", "الاميرال",
                    "الكولونيل", "المستشار", "مدير", "المدير", "نايب", "النايب", "ممثل", "الممثل", "المنسق",
                    "محافظ", "المحافظ", "سفير", "المفوض", "مفوض", "السفيره", "الوزيره", "وزيره", "رييسه",
                    "الرييسه", "المستشاره", "المندوبه", "مندوبه", "نايبه", "النايبه", "مديره", "المديره"})
#: Words inside a title that are no name («الناطق باسم المفوضية»، «رئيس حزب القوات»).
IN_TITLE = ORG_NOUNS | frozenset({"باسم", "عام"})


@lru_cache(maxsize=16384)
def bare(word: str) -> str:
    """A word's folded form without edge punctuation. Cached: speaker and introducer scans
    fold the same few hundred words (the, verbs, prepositions) over and over."""
    return norm(word.strip("،,:;؛()[]“”\"«»."))


def is_ala(word: str) -> bool:
    """The preposition على as written (folded, it is also the name علي)."""
    return word.rstrip("ًٌٍَُِّْ").endswith("ى") and norm(word) == "علي"


@lru_cache(maxsize=16384)
def stops(word: str) -> bool:
    """A word no speaker phrase runs into: a preposition, a time, an introducer, a quote, a
    relative clause, the medium spoken to («للصحفيين»، «لـ"…"»، «لCNN»)."""
    b = bare(word)
    return (b in _STOP or bool(INTRO.fullmatch(b)) or is_ala(word) or word[:1] in MARKS
            or b.startswith("لل") or word[:1] == "ل" and _foreign_or_marked(word[1:2]))


def _foreign_or_marked(ch: str) -> bool:
    """A letter after «ل» that no Arabic name starts with: a tatweel, a mark, a Latin letter."""
    return ch in "ـ" + MARKS or "a" <= ch.lower() <= "z"


def sentence_start(text: str, pos: int) -> int:
    """Just after the last sentence end before ``pos``, else 0. The rare marks are looked for
    only after the last full stop or line break: not found, each would read the whole text
    before ``pos`` for every cue."""
    last = max(text.rfind(".", 0, pos), text.rfind("\n", 0, pos))
    return max([last] + [text.rfind(c, last + 1, pos) for c in "!?؟"]) + 1


def after(text: str, pos: int, limit: int) -> Span:
    """Noun phrase from ``pos`` up to a stop word, punctuation or ``limit`` (max 60 characters);
    a quoted name after an organisation noun belongs to it («صحيفة "الغارديان"»)."""
    start = end = -1
    issued = ISSUED.match(text, pos, limit)
    for m in WORD.finditer(text, issued.end() if issued else pos, limit):
        word = m.group()
        if start < 0 and bare(word) in _OBJECT:
            continue  # «ورد عليه نظيره التركي»: the verb's object before its subject
        if word[:1] in MARKS and start >= 0 and bare(text[start:end].split()[-1]) in ORG_NOUNS:
            close = re.search(r"[”\"»]", text[m.start() + 1 : limit])
            if close:
                return start, m.start() + 2 + close.start()
        if stops(word) or not bare(word):
            break
        if start < 0:
            start = m.start()
        end = m.start() + len(word.rstrip("،,:;؛."))
        if word[-1:] in "،,:;؛." or (end - start) > 60:
            break
    return start, end


def before(text: str, sent: int, cue_start: int) -> Span:
    """The subject at the start of the cue's clause («وكانت وزارة الخارجية الروسية … أعلنت»,
    «… لكن المرصد السوري لحقوق الإنسان قال»): after the last comma or clause opener, at most
    8 words, and at most two words (or «قد») between it and the verb. Only the last 200
    characters, after the last comma, are read: a clause longer has more than 8 words anyway."""
    lo = max(sent, cue_start - 200)
    cut = max(text.rfind("،", lo, cue_start), text.rfind(",", lo, cue_start))
    if cut >= 0 and text[cut + 1 : cut + 2].isspace():
        lo = cut + 1
    words = _clause_words(list(WORD.finditer(text, lo, cue_start)))
    if not words or len(words) > 8 or words[0].group()[:1] in MARKS:
        return NONE
    phrase = [words[0]]
    named = bare(words[0].group()) in ORG_NOUNS
    for m in words[1:]:
        if not bare(m.group()).startswith("ال"):
            if not named:
                break
            named = False  # «صحيفة ليبراسيون»: one name word after an organisation noun
        phrase.append(m)
    gap = [bare(m.group()) for m in words[len(phrase) :]]
    while gap and gap[-1] in _AUX:
        gap.pop()
    if 0 < len(gap) <= 3 and bare(phrase[0].group()) in TITLES and not any(w in NOT_NAMES for w in gap):
        phrase = words[: len(phrase) + len(gap)]  # the title's name, before the verb
        gap = []
    if len(gap) > 2:
        return NONE
    return phrase[0].start(), phrase[-1].end() - (1 if phrase[-1].group()[-1:] in "،," else 0)


def pronoun_subject(text: str, cue_start: int) -> bool:
    """Whether a pronoun is the verb's subject: «لكنه قال»، «إلا أنها أضافت»، «قال إنه أبلغ …»
    (the last speaker, not the object after the verb)."""
    lo = max(0, cue_start - 20)
    words = [bare(w) for w in text[lo:cue_start].split()[-2:]]
    while words and words[-1] in _AUX:
        words.pop()
    return bool(words) and (words[-1] in _PRONOUN_OPENERS or INTRO.fullmatch(words[-1]) is not None
                            and words[-1] not in ("ان", "بان"))


def circumstance(word: str) -> bool:
    """A preposition that opens a clause with its circumstance («وفي موسكو»، «وعلى صعيد آخر»):
    «على» by its spelling, as folded it is also the name «علي» («علي لاريجاني قال»)."""
    return bare(word) in _CIRCUMSTANCE or is_ala(word) or word[:1] == "و" and is_ala(word[1:])


def _clause_words(words: list[re.Match[str]]) -> list[re.Match[str]]:
    """The words of the verb's clause: after the last comma, dash, clause opener or introducer
    («إلا أن ترامب قال»), openers aside; none when a pronoun is the subject («لكنه قال»، «إلا
    أنها قالت»: the last speaker) or a circumstance opens the clause («وفي موسكو قال …»: the
    subject follows the verb)."""
    for i in range(len(words) - 1, -1, -1):
        w = words[i].group()
        b = bare(w)
        intro = INTRO.fullmatch(b) is not None
        if w[-1:] in "،,:-)—–" or b in _CLAUSE or b in _PRONOUN_OPENERS or intro:
            if b in _PRONOUN_OPENERS or intro and b not in ("ان", "بان"):
                return []
            words = words[i + 1 :]
            break
    if len(words) > 1 and circumstance(words[0].group()) and bare(words[1].group()) not in _SIDE:
        return []
    while words and (bare(words[0].group()) in _OPENERS or not bare(words[0].group())):
        words = words[1:]  # an opener, or a dash («(CNN) – اتهم»)
    return words


def chain(text: str, sent: int, pos: int, limit: int, backwards: bool) -> Span:
    """The last link of «نقل … عن X»: the phrase after the last «عن» before ``pos``
    (``backwards``, for «قوله») or the first after it (for «نقلت»), else none."""
    if backwards:
        about = [m for m in WORD.finditer(text, sent, pos) if bare(m.group()) == "عن"]
        return after(text, about[-1].end(), pos) if about else NONE
    for k, m in enumerate(WORD.finditer(text, pos, limit)):
        if bare(m.group()) == "عن":
            return after(text, m.end(), limit)
        if k > 8:
            break
    return NONE


def title_only(text: str, span: Span) -> bool:
    """A phrase of title and qualifiers without a name («الرئيس التركي», «وزير الدفاع الأميركي»)."""
    first = WORD.match(text, span[0])
    if first is None or bare(first.group()) not in TITLES:
        return False
    words = [bare(w) for w in text[first.end() : span[1]].split()]
    return all(w.startswith(("ال", "لل")) or w in TITLES or w in IN_TITLE for w in words)


def person(text: str, span: Span) -> bool:
    """A phrase that ends in a name (no «ال» in its last word and no title alone): a person
    («الجنرال باريزو»), not a body or a state («الإمارات العربية المتحدة»)."""
    if span[0] < 0 or title_only(text, span):
        return False
    last = text[span[0] : span[1]].split()[-1:]
    return bool(last) and not bare(last[0]).startswith("ال") and bare(last[0]) not in ORG_NOUNS


def subject(text: str, span: Span) -> Span:
    """A verb's subject without its object («أعلن العراق قصف …» → «العراق», «ونوه الباحث
    بالجهود» → «الباحث»): the phrase up to the first word without «ال» after one with it."""
    if span[0] < 0:
        return span
    end, seen = span[1], False
    for m in WORD.finditer(text, span[0], span[1]):
        has = bare(m.group()).startswith("ال")
        if seen and not has:
            return span[0], end
        seen = seen or has
        end = m.end()
    return span


def is_title(word: str) -> bool:
    """A title word («المتحدث»، «الوزير»)."""
    return bare(word) in TITLES

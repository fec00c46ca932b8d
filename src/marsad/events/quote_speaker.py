"""Who a quote's words are: the speaker phrase of one cue (docs/quotes-guideline.md, section 4).

In order: the last link of a chain («نقلت الوكالة عن مصدر … قوله/أن»); a participle
(«مضيفاً») continues the sentence's speaker; the noun phrase after the verb (VSO,
«وقال بوتين»); the subject before it in its clause (SVO, «لكن المرصد قال إن»); else the
previous speaker («وأضاف:»). The phrase is then refined: a «بيان» is its issuer's, a title
in apposition gives way to the name («رئيس الحزب، سمير سالم،»), and a bare title takes the
name it carried earlier in the article («الرئيس التركي» → «رجب طيب أردوغان»).
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.actors.text import norm

Span = tuple[int, int]
NONE: Span = (-1, -1)

WORD = re.compile(r"\S+")
_MARKS = "“”\"«"
#: أن، إن، بأن and their suffixed forms («إنه»، «بأنها»، «أنهم»), folded.
INTRO = re.compile(r"ب?ان(?:ه|ها|هم|هما|هن|نا|ني|ي)?")
_STOP = frozenset(
    {"في", "الي", "خلال", "امس", "اليوم", "عن", "من", "لـ", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس",
     "الجمعه", "السبت", "الاحد", "عبر", "ايضا", "كذلك", "بدوره", "بدورها", "للصحفيين", "لوكاله", "لقناه",
     "لصحيفه", "عقب", "بعد", "قبل", "اثناء", "بحث", "حول", "امام", "مع", "ذلك", "هذا", "هذه", "تلك", "له",
     "لها", "لهم", "انذاك", "حينها", "مجددا", "صباح", "مساء", "يوم", "الليله", "قايلا", "قايله", "بالقول", "قوله", "قولها", "قولهم", "القول"}
)
_OPENERS = frozenset({"وكانت", "وكان", "كانت", "كان", "و", "من", "جهته", "جهتها", "بدوره", "بدورها", "في", "حين",
                      "فقد", "وقد", "قد", "لكن", "ولكن", "كما", "بينما", "فيما", "حيث", "اذ", "وبينما", "وفيما",
                      "ثم", "الذي", "التي", "الذين", "والذي", "والتي", "جانبه", "جانبها", "ناحيته", "ناحيتها",
                      "وفق", "وفقا", "ووفق", "ووفقا", "حسب", "بحسب", "وبحسب", "ما", "حسبما", "وحسبما", "ومن",
                      "ومضي", "مضي", "عندما", "وعندما", "حينما"})
#: «(بيان) صادر عن …»: who issued it follows.
_ISSUED = re.compile(r"\s*(?:ال)?صادر[ةه]?\s+عن(?=\s)")
#: A pronoun object between a verb and its subject.
_OBJECT = frozenset({"عليه", "عليها", "عليهم", "اليه", "اليها", "اليهم", "فيه", "فيها", "فيهما", "به", "بها"})
#: Words after a title that are no name («الرئيس الأميركي كان …»).
_NOT_NAMES = _OPENERS | frozenset({"قد", "لقد", "لم", "لن", "لا", "يكون", "تكون", "وكان", "اكد", "قال", "يبدو"})
#: «لكن» with a pronoun: the clause's subject is the last speaker.
_PRONOUN_OPENERS = frozenset({"لكنه", "لكنها", "ولكنه", "ولكنها", "لكنهم", "ولكنهم"})
#: Prepositions opening a clause with its circumstance («وفي موسكو قال …»، «وفي عام 2014 قالت …»).
_CIRCUMSTANCE = frozenset({"في", "وفي", "من", "ومن", "على", "وعلى", "خلال", "وخلال", "بعد", "وبعد", "عقب",
                           "وعقب", "امام", "وامام", "لدي", "ولدي", "عن", "وعن"})
#: «ومن جهته»، «في حين»: openers, the subject still comes before the verb.
_SIDE = frozenset({"جهته", "جهتها", "جانبه", "جانبها", "ناحيته", "ناحيتها", "حين"})
#: Words between a subject and its verb («وكان الرئيس قد قال»).
_AUX = frozenset({"قد", "لقد", "فقد"})
#: Words that open a clause inside a sentence: the subject of a verb is after the last one.
_CLAUSE = frozenset({"لكن", "ولكن", "بينما", "وبينما", "فيما", "وفيما", "حيث", "اذ", "كما", "حين", "بل"})
ORG_NOUNS = frozenset({"صحيفه", "وكاله", "قناه", "موقع", "شبكه", "حركه", "مجلس", "منظمه", "جبهه", "هيئه", "فصيل",
                       "تنظيم", "حزب", "جماعه", "اذاعه", "تلفزيون", "مجموعه", "جيش", "لواء", "دائره", "بعثه"})
_STATEMENT = frozenset({"بيان", "البيان", "بيانها", "بيانه"})
#: Folded, as :func:`bare` gives them («الرئيس» → «الرييس»).
_TITLES = frozenset({"رييس", "وزير", "الرييس", "الوزير", "المتحدث", "الناطق", "المرشد", "الملك", "الامين",
                     "قايد", "القايد", "السفير", "المبعوث", "مندوب", "المندوب", "زعيم", "الزعيم", "المتحدثه",
                     "الناطقه", "الجنرال", "العميد", "العقيد", "المقدم", "الرايد", "النقيب", "الاميرال",
                     "الكولونيل", "المستشار", "مدير", "المدير", "نايب", "النايب", "ممثل", "الممثل", "المنسق",
                     "محافظ", "المحافظ", "سفير", "المفوض", "مفوض"})
#: Words inside a title that are no name («الناطق باسم المفوضية»، «رئيس حزب القوات»).
_IN_TITLE = ORG_NOUNS | frozenset({"باسم", "عام"})
#: Definite nouns that point back at the last indefinite mention («مصدر عسكري … وأضاف المصدر»).
_BACK = {"المصدر": "مصدر", "المصادر": "مصادر", "الموقع": "موقع", "الصحيفه": "صحيفه", "الوكاله": "وكاله",
         "القناه": "قناه", "المنظمه": "منظمه", "الشبكه": "شبكه"}
#: «الأخير» is the latter: the last person named with a title before it.
_LATTER = frozenset({"الاخير", "الاخيره"})


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
    """A word no speaker phrase runs into: a preposition, a time, an introducer, a quote."""
    b = bare(word)
    return (b in _STOP or bool(INTRO.fullmatch(b)) or is_ala(word) or word[:1] in _MARKS
            or b.startswith("لل"))


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
    issued = _ISSUED.match(text, pos, limit)
    for m in WORD.finditer(text, issued.end() if issued else pos, limit):
        word = m.group()
        if start < 0 and bare(word) in _OBJECT:
            continue  # «ورد عليه نظيره التركي»: the verb's object before its subject
        if word[:1] in _MARKS and start >= 0 and bare(text[start:end].split()[-1]) in ORG_NOUNS:
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
    if not words or len(words) > 8 or words[0].group()[:1] in _MARKS:
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
    if 0 < len(gap) <= 3 and bare(phrase[0].group()) in _TITLES and not any(w in _NOT_NAMES for w in gap):
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
    if len(words) > 1 and bare(words[0].group()) in _CIRCUMSTANCE and bare(words[1].group()) not in _SIDE:
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


def refine(text: str, span: Span, previous: Span) -> Span:
    """A «بيان» speaks for its issuer; a title gives way to the person's name."""
    if span[0] < 0:
        return span
    first = WORD.match(text, span[0])
    if first and bare(first.group()) in _STATEMENT:
        issued = _ISSUED.match(text, first.end())  # «بيان صادر عن مكتب …»: past the phrase's «عن»
        limit = issued.end() + 60 if issued else span[1]
        rest = after(text, first.end(), limit) if first.end() < limit else NONE
        return rest if rest[0] >= 0 else (previous if previous[0] >= 0 else _issuer(text, span[0]))
    back = _antecedent(text, span)
    if back[0] >= 0:
        return back
    named = _apposition(text, span)
    if named[0] >= 0:
        return named
    if not title_only(text, span):
        return span
    named = _name_past_place(text, span[1])
    return named if named[0] >= 0 else _earlier_name(text, span)


def _antecedent(text: str, span: Span) -> Span:
    """What a one-word reference points back to: «المصدر» the last «مصدر …», «الموقع» the last
    «موقع "…"» (section 4: the description nearest the quote), «الأخير» the last person named
    after a title; none when the word is no such reference or has no antecedent."""
    word = text[span[0] : span[1]]
    if " " in word:
        return NONE
    b = bare(word)
    if b in _LATTER:
        return _last_titled_name(text, span[0])
    noun = _BACK.get(b)
    if noun is None:
        return NONE
    for m in reversed(list(WORD.finditer(text, 0, span[0]))):
        w = bare(m.group())
        if w == noun or w[1:] == noun and w[0] in "وبلف":
            found = _name_phrase(text, after(text, m.start() + len(w) - len(noun), min(len(text), m.end() + 80)))
            if found[0] >= 0 and found[1] > m.end():
                return found  # a bare «مصدر» is no antecedent
    return NONE


def _name_phrase(text: str, span: Span) -> Span:
    """The noun and its name in a phrase :func:`after` ran on («وكالة الأنباء السورية (سانا) بدء
    خروج» → up to «(سانا)»): up to three name words right after the noun («صحيفة وول ستريت
    جورنال»), a name in marks or brackets, then words with «ال»."""
    if span[0] < 0:
        return span
    end, names, inside = span[1], 0, False
    for k, m in enumerate(WORD.finditer(text, span[0], span[1])):
        w = m.group()
        if k and not inside and w[:1] not in _MARKS + "(":
            if bare(w).startswith("ال"):
                names = 4
            elif names >= 3:
                break
            else:
                names += 1
        inside = (inside or w[:1] in _MARKS + "(") and w[-1:] not in ")\"»”"
        end = m.end()
    return span[0], min(end, span[1])


def _last_titled_name(text: str, pos: int) -> Span:
    """The last name after a title in the 300 characters before ``pos`` («بالرئيس الفرنسي،
    إيمانويل ماكرون،»)."""
    lo = max(0, pos - 300)
    best = NONE
    for m in WORD.finditer(text, lo, pos):
        w = bare(m.group())
        if w not in _TITLES and not (w[:1] in "وبل" and w[1:] in _TITLES):
            continue
        end = m.end()
        for nxt in WORD.finditer(text, m.end(), pos):
            if not bare(nxt.group()).startswith("ال") or nxt.group()[-1:] in "،,":
                if nxt.group()[-1:] in "،," and bare(nxt.group()).startswith("ال"):
                    end = nxt.end() - 1
                break
            end = nxt.end()
        name = _name_after(text, end)
        if name[0] >= 0 and name[1] <= pos:
            best = name
    return best


def _name_past_place(text: str, pos: int) -> Span:
    """A name after a title and a place («المتحدث باسم الوكالة في فيينا جون سميث أن»):
    «في» and one word, then two or three name words ending before an introducer or a mark."""
    words = list(WORD.finditer(text, pos, min(len(text), pos + 80)))[:6]
    if len(words) < 4 or bare(words[0].group()) != "في" or stops(words[1].group()):
        return NONE
    name = _name_after(text, words[2].start())
    if name[0] < 0 or text.count(" ", name[0], name[1]) not in (1, 2):
        return NONE
    nxt = WORD.search(text, name[1])
    said = nxt is not None and (INTRO.fullmatch(bare(nxt.group())) is not None or nxt.group()[:1] in _MARKS)
    return name if said or text[name[1] : name[1] + 1] in ("،", ",", ":") else NONE


def _name_after(text: str, pos: int) -> Span:
    """One to four name words at ``pos`` (after an optional comma) ending at a boundary."""
    m = re.compile(r"\s*[،,]?\s*").match(text, pos)
    start = m.end() if m else pos
    words = []
    for w in WORD.finditer(text, start, min(len(text), start + 60)):
        word = w.group()
        b = bare(word)
        if (not b or stops(word) or b.startswith("ال") or word[:1] in "(" or not b[0].isalpha() or b in _NOT_NAMES
                or b in _IN_TITLE):
            break
        words.append(w)
        if word[-1:] in "،,:;؛." or len(words) == 4:
            break
    if not words:
        return NONE
    end = words[-1].start() + len(words[-1].group().rstrip("،,:;؛."))
    return words[0].start(), end


def _apposition(text: str, span: Span) -> Span:
    """«رئيس الحزب الوطني، سمير سالم، أن»: the name set off by commas after a title."""
    if not text.startswith(("،", ","), span[1]) or not title_only(text, span):
        return NONE
    name = _name_after(text, span[1])
    if name[0] < 0:
        return NONE
    if text[name[1] : name[1] + 1] in ("،", ",", ":"):
        return name
    nxt = WORD.search(text, name[1])
    if nxt and INTRO.fullmatch(bare(nxt.group())):
        return name
    return _name_to_comma(text, name)


def _name_to_comma(text: str, name: Span) -> Span:
    """A name whose last words carry «ال» up to the closing comma («بشار الأسد،»، «الملك عبد
    الله الثاني،»): at most two more words, none a stop word or a word that is no name."""
    words = list(WORD.finditer(text, name[1], min(len(text), name[1] + 40)))[:2]
    for m in words:
        w = m.group()
        if stops(w) or bare(w) in _NOT_NAMES or not bare(w).startswith("ال"):
            return NONE
        if w[-1:] in "،,":
            return name[0], m.end() - 1
    return NONE


def title_only(text: str, span: Span) -> bool:
    """A phrase of title and qualifiers without a name («الرئيس التركي», «وزير الدفاع الأميركي»)."""
    first = WORD.match(text, span[0])
    if first is None or bare(first.group()) not in _TITLES:
        return False
    words = [bare(w) for w in text[first.end() : span[1]].split()]
    return all(w.startswith(("ال", "لل")) or w in _TITLES or w in _IN_TITLE for w in words)


def _earlier_name(text: str, span: Span) -> Span:
    """The name a title carried at an earlier mention («اتهم الرئيس التركي رجب طيب أردوغان»)."""
    title = text[span[0] : span[1]]
    at = text.find(title, 0, span[0])
    while at >= 0:
        whole = not text[at + len(title) : at + len(title) + 1].isalnum()  # «الممثل» in «الممثلين»
        name = _name_after(text, at + len(title)) if whole else NONE
        if name[0] >= 0:
            return name
        at = text.find(title, at + len(title), span[0])
    return span


def _issuer(text: str, pos: int) -> Span:
    """Who issued «البيان»: the phrase after the nearest earlier «بيان» («وفقا لبيان لدائرة …»)."""
    at = text.rfind("بيان", 0, pos)
    if at < 0:
        return NONE
    nxt = WORD.search(text, at + 4)
    if not nxt or nxt.start() - at > 6:
        return NONE
    skip = 1 if nxt.group()[:1] == "ل" and not nxt.group().startswith("لل") else 0
    return after(text, nxt.start() + skip, min(len(text), nxt.start() + 80))


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
    return bare(word) in _TITLES

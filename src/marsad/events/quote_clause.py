"""Who a participle of saying speaks for when no verb of saying came before it in its sentence
(docs/quotes-guideline.md, section 4): «والتقى الوزير نظيره، مؤكداً أن …» is the minister's,
«ودعت فرنسا إلى …، مشددةً على أن …» France's. The clause's first verb is found past a dateline,
a circumstance and particles; its subject is the noun phrase after it (VSO) or between «وكان»
and «قد», cut before its object, and must agree with the participle's gender. Apart from
:mod:`marsad.events.quote_speaker`, which finds the phrase after or before a verb of saying.
"""

from __future__ import annotations

import re

from marsad.events.quote_speaker import (
    IN_TITLE,
    NONE,
    NOT_NAMES,
    ORG_NOUNS,
    TITLES,
    WORD,
    Span,
    after,
    bare,
    circumstance,
    stops,
    subject,
)

#: Words before a clause's verb that leave it the clause's verb («كما حض»، «ثم التقى»، «حينها سأل»).
_LEADS = frozenset({"و", "كما", "ثم", "حينها", "وحينها", "قد", "وقد", "فقد", "لقد", "ولقد", "بعدها", "وبعدها", "لم",
                    "ولم", "لا", "ولا", "لن", "ولن", "فيما", "وفيما", "بينما", "وبينما"})
#: «وفيما يتعلق بـ…»، «فيما يخص …»: a circumstance, not a clause.
_ABOUT = frozenset({"يتعلق", "تتعلق", "يخص", "تخص"})
#: Adverbs that open a sentence before its verb («وتبعاً لما نشرته …، فإن»).
_ADVERBS = frozenset({"تبعا", "وتبعا", "وفقا", "ووفقا", "ايضا", "وايضا", "كذلك", "وكذلك", "بسبب", "وبسبب", "رغم",
                      "ورغم", "مع", "ومع", "اثر", "واثر", "اثناء", "واثناء", "نتيجه", "ونتيجه"})
#: How or where, not who, after a verb's subject («انتقد الرئيس بشدة»، «وتمنت مهى لو …»، «لدى»).
_MANNER = frozenset({"لو", "لدي", "بشده", "بقوه", "بحراره", "مطولا", "رسميا", "ضمنا", "صراحه"})
#: Words before a name that are no office («تحدث الدكتور محمد البرادعي»).
_HONORIFICS = frozenset({"الدكتور", "الدكتوره", "الشيخ", "الامير", "اللواء", "العماد", "الفريق", "السيد", "السيده"})
#: Verbs that begin like a noun with «ال» (folded).
_AL_VERBS = frozenset({"التقي", "التقت", "التزم", "التزمت", "التمس", "التمست", "التفت"})
#: «وكان X قد التقى»: the subject comes between «كان» and the verb.
_WAS = frozenset({"كان", "وكان", "كانت", "وكانت"})
#: First words that are no verb of a clause: pointers and pronouns («وهذا ما …»، «وهو …»).
_NO_VERB = frozenset({"هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "وهذا", "وهذه", "وذلك", "وهو", "وهي", "وهم",
                      "ما", "لما", "مما", "وما"})


def clause_subject(text: str, sent: int, cue_start: int, feminine: bool) -> Span:
    """Who a participle of saying hangs on when its sentence has no verb of saying («والتقى
    الوزير نظيره، مؤكداً أن …»): the subject after the sentence's first verb (VSO), or between
    «وكان» and «قد»; none when that verb's gender is not the participle's («كما طُرحت أسئلة،
    مشيراً»: a passive), or what follows it is no subject (its object «وقدمت شكرها»، «ذلك»;
    a feminine noun after a masculine verb: «فيما انتقد الطريقة …»)."""
    words = list(WORD.finditer(text, sent, cue_start))
    k = _clause_verb(words)
    if k >= len(words) - 1 or _inside_quotation(text, sent, cue_start):
        return NONE  # a sentence begun inside a quotation goes on with its speaker
    verb, limit = bare(words[k].group()), cue_start
    if verb in _WAS:
        aux = [m for m in words[k + 1 :] if bare(m.group()) == "قد"]
        limit = aux[0].start() if aux else cue_start
        if _accusative(words[k + 1].group()):
            return NONE  # «وكان واضحا أن …»: no subject, a predicate
    elif not _verb_like(verb, feminine) or words[k].group().endswith(("له", "ها", "هم")):
        return NONE  # «ومثله يفعل …»
    found = _subject_phrase(text, after(text, words[k].end(), limit))
    first = WORD.match(text, found[0]) if found[0] >= 0 else None
    stem = verb[1:] if verb[:1] in "وف" and len(verb) > 3 else verb
    if first and first.group().startswith("ال") and first.group().endswith("ة") and not stem.endswith("ت") \
            and not stem.startswith("ت") and verb not in _WAS:
        return NONE
    return found


def last_named(text: str, found: Span, previous: Span) -> Span:
    """The previous speaker's last name at the head of a longer phrase is that speaker, and what
    follows is the verb's object («دعا مخلوف الدول الغربية» after «قال مخلوف» → «مخلوف»)."""
    first = WORD.match(text, found[0])
    if previous[0] < 0 or first is None or first.end() >= found[1] or bare(first.group()).startswith("ال"):
        return found
    last = text[previous[0] : previous[1]].split()[-1]
    return (found[0], first.end()) if bare(last) == bare(first.group()) else found


def _clause_verb(words: list[re.Match[str]]) -> int:
    """The index of the sentence's first verb: after a dateline («دبي، الإمارات (CNN)— أصدرت»),
    a circumstance up to its comma («وعن باراك أوباما، اعترف»، «وفيما يتعلق بـ…، رفض») and
    words that leave the verb first («كما»، «ولم»، «وفيما»)."""
    dash = [i for i, m in enumerate(words[:8]) if "—" in m.group() or "--" in m.group() or m.group() in ("-", "–")]
    k = dash[-1] + 1 if dash else 0
    first = bare(words[k].group()) if k < len(words) else ""
    about = k + 1 < len(words) and first in ("فيما", "وفيما") and bare(words[k + 1].group()) in _ABOUT
    if k < len(words) and circumstance(words[k].group()) or first in _ADVERBS or about:
        k = next((i + 1 for i, m in enumerate(words) if i >= k and m.group()[-1:] in "،,"), len(words))
    while k < len(words) and bare(words[k].group()) in _LEADS:
        k += 1
    return k


def _inside_quotation(text: str, sent: int, pos: int) -> bool:
    """Whether a sentence starts inside a quotation («… منه. برنامج أماد انتهى …"، مضيفاً»):
    an odd number of straight marks the first of which closes (no letter after it), or a closing
    mark before any opening one."""
    part = text[sent:pos]
    closing = min((i for i in (part.find("”"), part.find("»")) if i >= 0), default=-1)
    opening = min((i for i in (part.find("“"), part.find("«")) if i >= 0), default=len(part))
    first = part.find('"')
    return 0 <= closing < opening or first >= 0 and part.count('"') % 2 == 1 and not part[first + 1 : first + 2].isalpha()


def _subject_phrase(text: str, phrase: Span) -> Span:
    """The subject at the head of a verb's phrase: up to its object («مالك مصدوماً»، «قرقاش
    تغريدته»، «قرقاش بالدور»; :func:`subject` for «الوزارة انتقادات»), a title with its name."""
    words = list(WORD.finditer(text, phrase[0], phrase[1])) if phrase[0] >= 0 else []
    if not words or _no_subject(words[0].group()):
        return NONE
    end = len(words)
    for i in range(1, len(words)):
        w, prev = words[i].group(), bare(words[i - 1].group())
        accusative = _accusative(w) and not (
            prev.endswith("ه") or prev.startswith("ال") or _titled(prev) or prev in ORG_NOUNS)  # «ووجه سلامي تحذيراً»
        if _no_subject(w) or bare(w).startswith(("بال", "لل", "كال")) or bare(w) in _MANNER or accusative:
            end = i
            break
    head = phrase[0], words[end - 1].end() - (1 if words[end - 1].group()[-1:] in "،," else 0)
    if not _titled(bare(words[0].group())):
        return subject(text, head)
    title = 1  # «المتحدث باسم المقاومة الوطنية»: the title runs over «باسم» and nouns with «ال»
    while title < end and _in_title(bare(words[title].group()), bare(words[title - 1].group())):
        title += 1
    found = phrase[0], min(head[1], words[title - 1].end())
    rest = text[found[1] : head[1]].split()
    if 0 < len(rest) <= 3 and not bare(rest[0]).startswith("ال") and not any(
            bare(w) in NOT_NAMES or stops(w) or w[:1] == "و" for w in rest) and not _accusative(rest[-1]):
        return head  # «وبررت رئيسة الوزراء البريطانية تيريزا ماي»: the title's name too
    return found


def _accusative(word: str) -> bool:
    """An indefinite object or adverb («تحذيراً»، «قرارا»), not a name in «ـيا، ـكا …» («بريطانيا»)."""
    return word.endswith("اً") or word.endswith("ا") and not word.endswith(("يا", "كا", "سا"))


def _in_title(word: str, prev: str) -> bool:
    """A folded word that goes on a title: a noun with «ال», «باسم», a title, or the genitive of
    an indefinite head («وزيرة خارجية النمسا»، «رئيسة وزراء بريطانيا»)."""
    head = not prev.startswith("ال") and (prev.endswith("ه") or _titled(prev) or prev in IN_TITLE)
    return word.startswith("ال") or word in IN_TITLE or _titled(word) or head


def _titled(word: str) -> bool:
    """A folded title word, also in the feminine («رئيسة»، «وزيرة»)."""
    return word in TITLES or word in _HONORIFICS or word.endswith("ه") and word[:-1] in TITLES


def _verb_like(word: str, feminine: bool) -> bool:
    """A folded first word that may be a verb agreeing with a participle of that gender: no
    noun with «ال», title, organisation, pointer or particle; a past verb in «ـت» is feminine,
    one in neither «ت…» nor «…ت» masculine."""
    stem = word[1:] if word[:1] in "وف" and len(word) > 3 else word
    if (len(stem) < 2 or stem.startswith("ال") and stem not in _AL_VERBS or stem.startswith(("بال", "لل", "كال")) or not stem.isalpha() or word in _NO_VERB
            or stops(word) or stops(stem) or word in NOT_NAMES or word == "بل" or stem in TITLES
            or stem in ORG_NOUNS):
        return False
    if stem.endswith("ت"):
        return feminine
    return feminine == stem.startswith("ت") or stem.startswith("ت")


def _no_subject(word: str) -> bool:
    """A first word that is the verb's object or no noun: a noun with a pronoun («شكرها»،
    «موقفه»; not «عبدالله»), a pointer, a number."""
    w = word.strip("،,:;؛()[]“”\"«».")
    return (bare(w) in _NO_VERB or not w[:1].isalpha()
            or w.endswith(("ها", "هم", "هما", "ه")) and not w.endswith(("الله", "وجه")) and len(w) > 2)

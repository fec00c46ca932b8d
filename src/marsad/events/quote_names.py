"""The speaker phrase refined (docs/quotes-guideline.md, section 4): a «بيان» is its issuer's,
a one-word reference («المصدر»، «الأخير») points back to its antecedent, a title in apposition
gives way to the name («رئيس الحزب، سمير سالم،»), and a bare title takes the name it carried
earlier in the article («الرئيس التركي» → «رجب طيب أردوغان»). Apart from
:mod:`marsad.events.quote_speaker`, which finds the phrase: these rules read the rest of
the article, not the cue's clause.
"""

from __future__ import annotations

import re

from marsad.events.quote_speaker import (
    IN_TITLE,
    INTRO,
    ISSUED,
    MARKS,
    NONE,
    NOT_NAMES,
    TITLES,
    WORD,
    Span,
    after,
    bare,
    stops,
    title_only,
)

_STATEMENT = frozenset({"بيان", "البيان", "بيانها", "بيانه"})
#: Definite nouns that point back at the last indefinite mention («مصدر عسكري … وأضاف المصدر»).
_BACK = {"المصدر": "مصدر", "المصادر": "مصادر", "الموقع": "موقع", "الصحيفه": "صحيفه", "الوكاله": "وكاله",
         "القناه": "قناه", "المنظمه": "منظمه", "الشبكه": "شبكه"}
#: «الأخير» is the latter: the last person named with a title before it.
_LATTER = frozenset({"الاخير", "الاخيره"})


def refine(text: str, span: Span, previous: Span) -> Span:
    """A «بيان» speaks for its issuer; a title gives way to the person's name."""
    if span[0] < 0:
        return span
    first = WORD.match(text, span[0])
    if first and bare(first.group()) in _STATEMENT:
        issued = ISSUED.match(text, first.end())  # «بيان صادر عن مكتب …»: past the phrase's «عن»
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
        if k and not inside and w[:1] not in MARKS + "(":
            if bare(w).startswith("ال"):
                names = 4
            elif names >= 3:
                break
            else:
                names += 1
        inside = (inside or w[:1] in MARKS + "(") and w[-1:] not in ")\"»”"
        end = m.end()
    return span[0], min(end, span[1])


def _last_titled_name(text: str, pos: int) -> Span:
    """The last name after a title in the 300 characters before ``pos`` («بالرئيس الفرنسي،
    إيمانويل ماكرون،»)."""
    lo = max(0, pos - 300)
    best = NONE
    for m in WORD.finditer(text, lo, pos):
        w = bare(m.group())
        if w not in TITLES and not (w[:1] in "وبل" and w[1:] in TITLES):
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
    said = nxt is not None and (INTRO.fullmatch(bare(nxt.group())) is not None or nxt.group()[:1] in MARKS)
    return name if said or text[name[1] : name[1] + 1] in ("،", ",", ":") else NONE


def _name_after(text: str, pos: int) -> Span:
    """One to four name words at ``pos`` (after an optional comma) ending at a boundary."""
    m = re.compile(r"\s*[،,]?\s*").match(text, pos)
    start = m.end() if m else pos
    words = []
    for w in WORD.finditer(text, start, min(len(text), start + 60)):
        word = w.group()
        b = bare(word)
        if (not b or stops(word) or b.startswith("ال") or word[:1] in "(" or not b[0].isalpha() or b in NOT_NAMES
                or b in IN_TITLE):
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
        if stops(w) or bare(w) in NOT_NAMES or not bare(w).startswith("ال"):
            return NONE
        if w[-1:] in "،,":
            return name[0], m.end() - 1
    return NONE


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

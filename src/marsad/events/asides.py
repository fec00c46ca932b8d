"""What a sentence shows, names or recalls without reporting it as an event of its day.

Split from ``events.context`` (the clause-level filters): scenes a picture or video shows and
captions, habits and strikes counted («دورياً»، «مرتين»), operation names, words said «then»
(«حينها»), present states («تشهد المدينة»), and the tactics that accompany a fight («رافقت
الهجوم»). Each reads only the trigger's own sentence.
"""

from __future__ import annotations

import re

from marsad.actors.text import variants

Words = list[tuple[int, int, str]]

#: «قال حينها إن …»: the words of an earlier moment the article recalls, not today's report.
_THEN = frozenset({"حينها", "حينذاك", "انذاك", "وقتها", "وقتذاك", "يومها", "يومذاك"})


_OPERATION = frozenset({"عمليه", "معركه", "حمله", "اسم", "باسم"})


def operation_name(text: str, toks: Words, first: int) -> bool:
    """«إطلاق عملية "قطع رأس الأفعى"»: a trigger that opens a quoted operation name names it."""
    start = toks[first][0]
    if start == 0 or text[start - 1] not in "\"«“'":
        return False
    return first > 0 and bool(variants(toks[first - 1][2]) & _OPERATION)


def recalled_then(toks: Words, lo: int, first: int, hi: int) -> bool:
    """«قال المتحدث حينها إن قوات … أطلقت»، «وكان آنذاك …»: «then» in the trigger's clause
    points back to an earlier moment already told; the sentence recalls it, it is no news.
    So do «في ذلك اليوم» in the clause and an era earlier in the sentence («ويعود هجوم حلبجة إلى
    حقبة الحرب …، حيث سيطرت …»، «إبان»): ant2018_syria, 5 event sentences of these, all recaps."""
    if any(variants(w) & _THEN for _, _, w in toks[lo:first]) or any(variants(w) & _ERA for _, _, w in toks[:first]):
        return True
    return any(that_time(toks, k) for k in range(0, hi))  # «واستولت … في ذلك اليوم على سيناء … كما انتزعت»


#: «عندما سيطرت القوات على المدينة فر المسلحون»: an act named as the moment of another is a reference point.
_WHEN = frozenset({"عندما", "حينما", "وعندما", "وحينما"})
#: «وسيطر التنظيم على البلدة أربع سنوات»: how long a state lasted (plural or dual years, months, decades).
_SPANS = ("سنوات", "اعوام", "اشهر", "شهور", "عقود", "عامين", "سنتين", "شهرين", "عقدين")
_COUNTS = ("ثلاث", "اربع", "خمس", "ست", "سبع", "ثمان", "تسع", "عشر", "بضع", "عده", "لمده", "طيله", "طوال", "مده")


def when_or_how_long(toks: Words, lo: int, first: int, last: int, hi: int) -> bool:
    """«عندما سيطرت القوات على المدينة، فر المسلحون …»، «سيطر التنظيم على البلدة أربع سنوات»:
    an act that opens its clause to date another («when») or a state that lasted years or months
    («for three years») is the story's history, not an event of these days (callers apply it to
    undated clauses). A span after «منذ/قبل/بعد/خلال» is a reference or a period, read elsewhere."""
    if any(variants(w) & _WHEN for _, _, w in toks[lo : min(first, lo + 2)]):
        return True  # (but «قتل المسعف عندما أصاب القصف منزله»: the circumstance of the news)
    for k in range(last + 1, min(hi, last + 8)):
        forms = variants(toks[k][2])
        if not any(f.startswith(_SPANS) for f in forms):
            continue
        prev = toks[k - 1][2]
        counted = prev.isdigit() or prev.startswith(_COUNTS) or toks[k][2].endswith(("ين", "ان"))
        if counted and not any(variants(w) & {"منذ", "قبل", "بعد", "خلال"} for _, _, w in toks[max(lo, k - 3) : k]):
            return True
    return False


def that_time(toks: Words, k: int) -> bool:
    """Word ``k`` ends «في ذلك اليوم/الوقت/الحين/العام» (whose «اليوم» is no date of today)."""
    return k >= 2 and bool(variants(toks[k][2]) & _THAT_TIME) and "ذلك" in variants(toks[k - 1][2]) \
        and "في" in variants(toks[k - 2][2])


#: «حقبة الحرب العراقية الإيرانية»، «إبان الحرب»: an era, not a day.
_ERA = frozenset({"حقبه", "ابان"})
#: «في ذلك اليوم/الوقت/الحين/العام»: the moment of an earlier story.
_THAT_TIME = frozenset({"اليوم", "الوقت", "الحين", "العام"})


_ACCOMPANY = ("رافق", "ترافق", "صاحب", "تخلل", "يتخلل", "تتخلل")
_FIGHTS = ("الهجوم", "الهجمات", "الاشتباكات", "المعارك", "القتال", "المواجهات", "الاقتحام")


def accompanies_fight(toks: Words, last: int, hi: int) -> bool:
    """«تبادل للقصف وتفجيرات ضخمة رافقت الهجوم»: blasts or shelling that accompanied the attack
    or the fighting are its tactics, coded with that battle, not events of their own."""
    for k in range(last + 1, min(hi, last + 8) - 1):
        if toks[k][2].removeprefix("و").startswith(_ACCOMPANY):
            return any(f.startswith(_FIGHTS) for f in variants(toks[k + 1][2]))
    return False


def under_cover(toks: Words, first: int) -> bool:
    """«تتقدم باتجاه المدينة تحت غطاء من قصف مكثف»: the strikes an advance or a battle moved
    under are its tactics (ant2018_syria: 5 hits read, 5 the cover of a ground advance)."""
    before = [w for _, _, w in toks[max(0, first - 3) : first]]
    return "غطاء" in before[-2:] and "تحت" in before


_STATE_VERBS = frozenset({"تشهد", "يشهد", "وتشهد", "ويشهد", "تتعرض", "يتعرض", "وتتعرض", "ويتعرض", "تعيش", "يعيش",
                          "تعاني", "يعاني", "يجري", "تجري", "تستمر", "يستمر", "استمرار", "تتواصل", "يتواصل", "يواصل", "تواصل", "يظهر", "تظهر", "اظهر", "يصور", "تصور"})


_PICTURES = frozenset({"فيديو", "الفيديو", "مقطع", "لقطات", "مشاهد", "تسجيل", "شريط", "صوره", "الصوره"})
_SHOWS = frozenset({"اظهر", "يظهر", "تظهر", "اظهرت", "يصور", "تصور", "يعرض", "عرض"})


def depicted(toks: Words, lo: int, first: int) -> bool:
    """«وأظهر الفيديو … قصفاً عنيفاً»: a scene a video shows, not a dated report."""
    window = [variants(w) for _, _, w in toks[lo:first]]
    return any(f & _SHOWS for f in window) and any(f & _PICTURES for f in window)


_CAPTIONS = frozenset({"صوره", "لقطه"})
_TIMES = frozenset({"مرتين", "مرات", "مرارا", "تكرارا"})
_HABITUAL = frozenset({"دوريا", "يوميا", "اسبوعيا", "باستمرار", "عاده", "متكرره"})
#: Two-word habitual adverbs: «بين الحين والآخر»، «بين حين وآخر»، «بشكل يومي»، «بصورة يومية».
_HABITUAL_PAIRS = frozenset({("الحين", "والاخر"), ("حين", "واخر"), ("بشكل", "يومي"), ("بصوره", "يوميه")})


def caption_or_repeat(toks: Words, lo: int, last: int, hi: int) -> bool:
    """«صورة طفلين … بعد استشهادهما أثناء القصف» (a sentence or clause that opens with it): a
    picture's caption; «قصفت مرتين»، «عدة مرات»: several strikes counted; «تذكر سانا دورياً مقتل …»،
    «هجمات متكررة»، «بين الحين والآخر»: what happens habitually. No one event of its own day (callers apply it to undated clauses)."""
    if variants(toks[0][2]) & _CAPTIONS or variants(toks[lo][2]) & _CAPTIONS:
        return True
    if any(variants(w) & _HABITUAL for _, _, w in toks[lo:hi]):
        return True
    if any((a[2], b[2]) in _HABITUAL_PAIRS for a, b in zip(toks[lo:hi], toks[lo + 1 : hi], strict=False)):
        return True  # «يشن التنظيم بين الحين والآخر هجمات»، «يطلقون 80 قذيفة بشكل يومي» (ant2018_syria: 5 read, 5 habitual)
    return any(variants(w) & _TIMES for _, _, w in toks[last + 1 : min(hi, last + 4)])


def present_state(toks: Words, lo: int, first: int) -> bool:
    """«بينما تشهد المدينة تظاهرات»، «التي تتعرض لقصف مستمر»، «فيديو يظهر القصف»: a present-tense
    verb (or a picture) describes a state or a scene, not a dated event."""
    return any(variants(w) & _STATE_VERBS for _, _, w in toks[max(lo, first - 6) : first])


#: «كثف النظام غاراته»، «صعدت من هجماتها»: a side intensified its strikes (a verb of degree).
_INTENSIFY = frozenset({"كثف", "كثفت", "كثفوا", "يكثف", "تكثف", "صعد", "صعدت", "صعدوا", "يصعد", "تصعد"})


def intensified(toks: Words, lo: int, first: int) -> bool:
    """«فقد كثف النظام غاراته وقصفه المدفعي على الأحياء …»: strikes said to grow over a period
    are a trend, not one strike (callers apply it to clauses with no day of their own)."""
    return any(variants(w) & _INTENSIFY for _, _, w in toks[max(lo, first - 4) : first])


#: «منفذ/منفذي/مدبري/قادة الهجوم»: the people behind an attack (the noun names their deed).
_PERPETRATORS = ("منفذ", "مدبر", "مرتكب", "مخطط", "قاده")


def perpetrators(word: str) -> bool:
    """«منفذي»، «لمنفذ»، «بقادة» right before a trigger noun: who did the attack, which the story
    tells elsewhere (or not at all); the noun is no report of its own."""
    return any(f.removeprefix("و").removeprefix("ل").removeprefix("ب").removeprefix("ال").startswith(_PERPETRATORS)
               for f in variants(word))



#: «ويقول/وتقول X إن …»: «says» in the present tense, opening the sentence.
_SAYS_NOW = frozenset({"يقول", "تقول", "يقولون"})


def says_now(toks: Words, first: int) -> bool:
    """«وتقول جماعات حقوقية إن القوات دمرت قرى … أثناء اشتباكها»، «ويقول تقرير إن التنظيم يشن هجمات»:
    what a source keeps saying, with no date in the sentence, is a claim about the story's
    background, not the report of an event of its day (callers apply it to undated sentences;
    a dated one, «ويقول مسعفون إن عشرات لقوا حتفهم … الاثنين», reports). Round ten's draw: 4 of 4 read wrong."""
    return any(w.removeprefix("و") in _SAYS_NOW for _, _, w in toks[: min(first, 2)])


#: «خلال/أثناء/إثر مواجهات»: the confrontations as the time of another act.
_DURING = frozenset({"خلال", "اثناء", "اثر", "عقب", "ابان"})


def shot_during(toks: Words, first: int) -> bool:
    """«أعلنت الوزارة مقتل 6 فلسطينيين … برصاص الجيش …، خلال مواجهات على الحدود»: confrontations named
    as the moment people were shot (earlier in the sentence) are the setting of that shooting, which
    the guideline codes as an attack on civilians (dev6 and dev8 gold), not an armed clash of their own."""
    if first == 0 or toks[first - 1][2].removeprefix("و") not in _DURING:
        return False
    return any(w.removeprefix("و") == "برصاص" for _, _, w in toks[:first])


#: «سوريا: إسرائيل قصفت قاعدة …»، «ناشطون: مقتل 23 …»: a label of one to three words and a colon.
_LABELLED = re.compile(r"[^\s:]+(?:\s[^\s:]+){0,2}:\s")


def teaser_line(text: str, start: int, end: int) -> bool:
    """A line of the body after its first, of at most twelve words with no end punctuation, opened by a
    label and a colon («سوريا: قصف جوي يدمر مدرستين في حماة»): the headline of a related story
    linked inside the page (page furniture, guideline section 2), not news of this one
    (ant2018_syria, round ten: 6 such event lines read, 6 teasers of other days' stories or explainers)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end - 1)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    if line_start == 0 or not line or line[-1] in ".!?؟\"»”)" or len(line.split()) > 12:
        return False
    return text[start:end].strip() == line and _LABELLED.match(line) is not None

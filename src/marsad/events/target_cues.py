"""Whether an actor named in an event's segment is the one hit (the target) rather than the
attacker: the verbs around it first (agent of a passive, defender, the one struck, who mourns),
then the phrase it stands in (victims of, members of, sites of, after a target preposition).
Split from :mod:`marsad.events.roles`, which orders the sides."""

from __future__ import annotations

from marsad.actors.states import ADJ_SKIP
from marsad.events.placing import starts_from as _starts_from
from marsad.events.placing import words_before as _words_before
from marsad.model import Actor

Words = list[tuple[int, int, str]]

_TARGET_BEFORE = frozenset(
    {"علي", "ضد", "صفوف", "مواقع", "موقع", "تابعه", "نقاط", "نقطه", "مقرات", "مقر", "رتل", "رتلا",
     "تجمع", "تجمعات", "من", "معاقل", "مناطق", "اهداف", "عناصر", "مسلحي", "مقاتلي"}
)

_LEADERS = ("قايد", "قياد", "مسوول", "عنصر", "مقاتل", "عضو", "امير", "زعيم")
_MOURN = frozenset({"نعي", "ونعي", "نعت", "ونعت", "ينعي", "تنعي", "نعاه", "نعته"})

OWN_ACTS = ("نفذ", "شن", "اطلق", "قصف", "هاجم", "استهدف", "اسقط", "دمر", "ضرب")


_TRIGGER_HEADS = ("غار", "قصف", "ضرب", "هجوم", "هجمات", "قذاي", "صواريخ", "عمليه", "عمليات", "جوي", "مدفعي",
                  "صاروخي", "مقاتلات", "طاير", "طيران")


#: «قال الجيش إن مسلحين فتحوا النار»: the accusative after إن/أن is the clause's subject.
_INNA = frozenset({"ان", "بان", "لان", "وان"})


def is_target(actor: Actor, toks: Words) -> bool:
    """Whether ``actor`` is the one hit rather than the attacker: the verb cues around it
    first (agent of a passive, defender, the one struck), then the phrase it stands in."""
    verdict = _verb_cue(actor, toks)
    return _phrase_cue(actor, toks) if verdict is None else verdict


def _verb_cue(actor: Actor, toks: Words) -> bool | None:
    """Target (True) or attacker (False) by the verbs next to ``actor``; None if none says."""
    before3 = _words_before(toks, actor.start, 3)
    near = before3[-2:]
    if len(near) == 2 and "من" in near[0] and "قبل" in near[1]:
        return False  # «إطلاق صاروخ من قبل الميليشيا الحوثية»: the passive's agent
    if len(near) == 2 and "مع" in near[1] and any(f.startswith(("اشتباك", "مواجه", "صدام", "اشتبك")) for f in near[0]):
        return True  # «خلال اشتباكات مع الشرطة»: the other side of the clash
    if any(f & _MOURN for f in before3):
        return True  # «نعى الناشطون الحوثيون مقتل القيادي … في غارة»: who mourns lost its man, the one hit
    if any(f & {"ايدي", "يد", "بايدي"} for f in before3[-1:]):
        return False  # «عمليات نهب على أيدي مسلحين مدعومين من تركيا»، «قتل على يد مسلحين»: the doer
    if before3 and before3[-1] & {"قتلت", "وقتلت"} and actor.actor_type in ("state", "rebel", "political militia", "external"):
        return False  # «قتلت الشرطة السعودية ثلاثة مسلحين»: an armed force after the active verb kills
    if any(f & {"تصدي", "لتصدي", "بتصدي"} for f in near):
        return True  # «تصدي الدفاعات الجوية السورية لصواريخ»: the defender
    if any(any(f.startswith(("تلقت", "تلقي", "تلقوا", "تعرضت", "تعرض")) for f in forms)
           for forms in near):
        return True  # «تلقت مليشيات الحوثي سلسلة ضربات»، «تعرضت قوات النظام لهجوم»: the one hit
    k = _starts_from(toks, actor.end)
    after = [w for _, _, w in toks[k : k + 2]]
    if any(w.startswith(("تصد", "يتصد", "تتصد", "واجه", "تواجه")) for w in after):
        return True  # «الدفاعات الجوية السورية تصدت لهجوم …»: the defender is the target
    prev = [forms for forms in _words_before(toks, actor.start, 4)
            if not any(f.removeprefix("ال") in ADJ_SKIP for f in forms)][-1:]
    if prev and any(f.startswith(_TRIGGER_HEADS) for f in prev[-1]):
        return False  # «غارات لطيران النظام»، «القصف الصاروخي والجوي المكثف لقوات النظام»: the attacker
    if actor.text.startswith(("ل", "لل")) and not actor.text.startswith(("لاجئ",)):
        first = actor.text.split()[0]
        if first.startswith("لل") or (first.startswith("ل") and first[1:2] != "ا" and len(first) > 3):
            return True
    return None


def _phrase_cue(actor: Actor, toks: Words) -> bool:
    """Target by the phrase ``actor`` stands in: civilians, an object plural, victims of,
    members of, sites of, or after a target preposition."""
    if actor.actor_type == "civilians":
        return True
    first_word = actor.text.split()[0]
    before6 = _words_before(toks, actor.start, 6)  # the nearer windows are its tails
    after_inna = any(forms & _INNA for forms in before6[-1:])
    if first_word.endswith("ين") and first_word.startswith(("مقاتل", "مسلح", "عناصر", "جنود", "مدني")) and not after_inna:
        return True  # accusative plural after the verb: the object, not the subject («إن مسلحين فتحوا»: the subject)
    if _victim_of(before6[-3:]):
        return True
    men = before6[-5:]
    if men and men[-1] & {"رجال", "افراد", "منتسبي"} and any(
            any(f.startswith(_VICTIM_OF) for f in forms) for forms in men[:-1]):
        return True  # «قتل ثمانية من رجال الشرطة»: the men of X among the dead
    if any(f & {"القضاء", "قضاء", "تصفيه"} for f in before6):
        return True  # «القضاء على أعداد كبيرة من مسلحي التنظيم»
    if any(f & _SITES_OF for f in before6[-4:]):
        return True  # «ضربات استهدفت موقعا لقيادة عصابات داعش»: the site's owner is hit
    near, near3 = before6[-2:], before6[-3:]
    if len(near3) == 3 and "في" in near3[-1] and any(f.removeprefix("ال").startswith(_LEADERS) for f in near3[0] | near3[1]) \
            and _victim_of(before6):
        return True  # «قتل قائد عسكري في حركة أحرار الشام»: a commander of X among the dead
    if len(near) == 2 and "في" in near[-1] and any(f.startswith(_PEOPLE_HEADS) for f in near[0]):
        return True  # «مقتل 7 أشخاص، اثنان منهم عناصر في الحشد العشائري»: members of X, the victims
    if not near or not near[-1] & _TARGET_BEFORE:
        return False
    if "من" in near[-1] and len(near) == 2:
        # «مقتل 5 من قوات النظام» (victims) but «قوات من الحرس الجمهوري» (a part of the agent)
        head = near[0]
        if any(f.endswith("ون") for f in head):
            return False  # «شنه مقاتلون من الهيئة»: a nominative plural is the subject
        before3 = near3
        k = _starts_from(toks, actor.end)
        after = [w for _, _, w in toks[k : k + 4]]
        if len(before3) == 3 and before3[0] & _INNA and not any(w.startswith(_VICTIM_OF + ("لقوا", "سقطوا")) for w in after):
            return False  # «أن مقاتلين من المعارضة وافقوا»: the subject after «أن» (not «… قتلوا»)
        if len(before3) == 3 and any(f.startswith(OWN_ACTS + ("اقتحم",)) for f in before3[0]):
            return False  # «هاجم عناصر من تنظيم داعش مواقع»: the people right after the attack verb attack
        # «21 على الأقل من المقاتلين الموالين … قتلوا»: a count, like the digits
        return any(f.isdigit() or f == "الاقل" or f.startswith(_VICTIM_OF + _PEOPLE_HEADS) for f in head)
    return True


#: Words that open the clause of a cause: the killing verb before one has other subjects
#: («قتل العشرات بعدما ألقت طائرات الحكومة السورية قنابل»: the aircraft drop, they are not killed).
_CAUSE_OPENERS = frozenset({"بعد", "بعدما", "اثر", "جراء", "عندما", "حين", "حينما", "عقب", "لدي"})


def _victim_of(before: list[frozenset[str]]) -> bool:
    """A killing or wounding word in ``before`` with no cause opener after it."""
    for k in range(len(before) - 1, -1, -1):
        if before[k] & _CAUSE_OPENERS:
            return False
        if any(f.startswith(_VICTIM_OF) for f in before[k]):
            return True
    return False


_SITES_OF = frozenset({"موقع", "موقعا", "مواقع", "مقر", "مقرا", "مقرات", "معاقل", "تجمعات", "تحصينات", "مستودع"})
_VICTIM_OF = ("قتل", "مقتل", "اصابه", "اصيب", "مصرع", "جرح")
_PEOPLE_HEADS = ("عناصر", "عنصرا", "جنود", "جنديا", "مقاتل", "افراد", "اشخاص", "شخصا", "عشرات", "مئات", "عدد", "اخرين")

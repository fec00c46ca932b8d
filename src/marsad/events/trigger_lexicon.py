"""The trigger lexicon: Arabic cue phrases for each ACLED sub-event type.

A pattern is a sequence of normalised words; a word ending in ``*`` matches any
clitic variant that starts with it. ``strength`` 2 = a trigger of its own, 1 = weak
(dropped when a strong trigger is in the same sentence: a killing that is the toll
of a raid, a blast that is the raid's effect). ``verbal`` triggers are finite verbs,
so a definite-article check (background reference) does not apply to them. Kept apart
from the search (:mod:`marsad.events.triggers`): the lexicon changes with the guideline,
the search with speed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from marsad.actors.text import norm

#: Sub-types decided from context by the coder.
SHELL_OR_AIR = "?remote"  # قصف/استهدف: air if an air cue is near, else shelling
TERRITORY = "?territory"  # سيطر/استعاد: government regains vs non-state overtakes

_RAW: tuple[tuple[str, str, int, bool], ...] = (
    # (pattern, sub_event_type, strength, verbal)
    ("اشتباك*", "Armed clash", 2, False),
    ("اشتبك*", "Armed clash", 2, True),
    ("معارك", "Armed clash", 2, False),
    ("معركه", "Armed clash", 1, False),
    ("مواجهات", "Armed clash", 2, False),
    ("كمين", "Armed clash", 2, False),
    ("هاجم", "Armed clash", 2, True),
    ("هاجمت", "Armed clash", 2, True),
    ("هاجموا", "Armed clash", 2, True),
    ("هجوم", "Armed clash", 1, False),
    ("هجوما", "Armed clash", 1, False),
    ("هجمات", "Armed clash", 1, False),
    ("تصدت", "Armed clash", 1, True),
    ("اقتحم*", "Armed clash", 2, True),
    ("سيطرت", TERRITORY, 2, True),
    ("سيطر", TERRITORY, 2, True),
    ("سيطروا", TERRITORY, 2, True),
    ("استعادت", TERRITORY, 2, True),
    ("استعاد", TERRITORY, 2, True),
    ("استعادوا", TERRITORY, 2, True),
    ("استولت", TERRITORY, 2, True),
    ("استولي", TERRITORY, 2, True),
    ("انتزعت", TERRITORY, 2, True),
    ("اجتاح*", TERRITORY, 2, True),
    ("بسطت", TERRITORY, 2, True),
    ("احكمت", TERRITORY, 2, True),
    ("احكام السيطره", TERRITORY, 2, True),
    ("التقدم والسيطره", TERRITORY, 2, True),
    ("حررت", TERRITORY, 2, True),
    ("حرر", TERRITORY, 2, True),
    ("حرروا", TERRITORY, 2, True),
    # «أعلن الجيش، السبت، السيطرة الكاملة على مدينة …»: a capture told by a
    # noun, an event only after «أعلن» announces it (announced_capture)
    ("سيطره", TERRITORY, 1, False),
    ("سيطرته", TERRITORY, 1, False),
    ("سيطرتها", TERRITORY, 1, False),
    ("سيطرتهم", TERRITORY, 1, False),
    ("استعاده", TERRITORY, 1, False),
    ("تحرير", TERRITORY, 1, False),

    ("النار علي", "Attack", 2, True),  # «أطلق مسلحون النار على حافلة»: fire at (subtypes: who is hit)
    ("اطلاق النار", "Armed clash", 1, False),
    ("اطلاق نار", "Armed clash", 1, False),
    ("هجوم كيماوي", "Chemical weapon", 2, False),
    ("هجوم كيميايي", "Chemical weapon", 2, False),
    ("هجمات كيماويه", "Chemical weapon", 2, False),
    ("هجمات كيمياييه", "Chemical weapon", 2, False),
    ("هجمات جويه كيماويه", "Chemical weapon", 2, False),
    ("هجمات جويه كيمياييه", "Chemical weapon", 2, False),
    ("هجوما كيماويا", "Chemical weapon", 2, False),
    ("هجوما كيميائيا", "Chemical weapon", 2, False),
    ("كيماوي*", "Chemical weapon", 1, False),
    ("غاز الكلور", "Chemical weapon", 2, False),
    ("غازات سامه", "Chemical weapon", 2, False),
    ("غاره", "Air/drone strike", 2, False),
    ("غارات*", "Air/drone strike", 2, False),  # «غاراته»، «غاراتها»: with a possessive pronoun
    ("قصف جوي", "Air/drone strike", 2, False),
    ("ضربه جويه", "Air/drone strike", 2, False),
    ("ضربات جويه", "Air/drone strike", 2, False),
    ("ضربه", "Air/drone strike", 1, False),
    ("ضربات", "Air/drone strike", 1, False),
    ("براميل متفجره", "Air/drone strike", 2, False),
    ("طايره مسيره", "Air/drone strike", 1, False),
    ("هجوم انتحاري", "Suicide bomb", 2, False),
    ("انتحاري*", "Suicide bomb", 2, False),
    ("فجر نفسه", "Suicide bomb", 2, True),
    ("فجرت نفسها", "Suicide bomb", 2, True),
    ("فجروا انفسهم", "Suicide bomb", 2, True),  # «فجروا أنفسهم في إحدى الكنائس»
    ("فجرا نفسيهما", "Suicide bomb", 2, True),
    ("حزام ناسف", "Suicide bomb", 2, False),
    ("حزاما ناسفا", "Suicide bomb", 2, False),
    ("قصف مدفعي", "Shelling/artillery/missile attack", 2, False),
    ("ضربات صاروخيه", "Shelling/artillery/missile attack", 2, False),
    ("ضربه صاروخيه", "Shelling/artillery/missile attack", 2, False),
    ("هجمات صاروخيه", "Shelling/artillery/missile attack", 2, False),
    ("قصف صاروخي", "Shelling/artillery/missile attack", 2, False),
    ("هجمات مدفعيه", "Shelling/artillery/missile attack", 2, False),
    ("هجوم صاروخي", "Shelling/artillery/missile attack", 2, False),
    ("قذايف", "Shelling/artillery/missile attack", 2, False),
    ("قذيفه", "Shelling/artillery/missile attack", 2, False),
    ("هاون", "Shelling/artillery/missile attack", 2, False),
    ("صواريخ", "Shelling/artillery/missile attack", 1, False),
    ("صاروخ", "Shelling/artillery/missile attack", 1, False),
    ("راجمات", "Shelling/artillery/missile attack", 2, False),
    ("قصف", SHELL_OR_AIR, 2, False),
    ("قصفا", SHELL_OR_AIR, 2, False),
    ("غارتين", "Air/drone strike", 2, False),
    ("قصفت", SHELL_OR_AIR, 2, True),
    ("تزال تقصف", SHELL_OR_AIR, 2, True),
    ("يزال يقصف", SHELL_OR_AIR, 2, True),
    ("كانت تقصف", SHELL_OR_AIR, 2, True),
    ("كان يقصف", SHELL_OR_AIR, 2, True),
    ("قصف*", SHELL_OR_AIR, 1, True),
    ("استهدفت", SHELL_OR_AIR, 1, True),
    ("استهداف", SHELL_OR_AIR, 1, False),
    ("استهدف", SHELL_OR_AIR, 1, True),
    ("سياره مفخخه", "Remote explosive/landmine/IED", 2, False),
    ("مفخخ*", "Remote explosive/landmine/IED", 2, False),
    ("عبوه ناسفه", "Remote explosive/landmine/IED", 2, False),
    ("عبوات ناسفه", "Remote explosive/landmine/IED", 2, False),
    ("لغم", "Remote explosive/landmine/IED", 2, False),
    ("الغام", "Remote explosive/landmine/IED", 1, False),
    ("انفجار", "Remote explosive/landmine/IED", 1, False),
    ("انفجرت", "Remote explosive/landmine/IED", 2, True),
    ("انفجر", "Remote explosive/landmine/IED", 2, True),
    ("تفجير", "Remote explosive/landmine/IED", 2, False),
    ("تفجيرات", "Remote explosive/landmine/IED", 2, False),
    ("قنبله يدويه", "Grenade", 2, False),
    ("قنابل يدويه", "Grenade", 2, False),
    ("اغتصاب", "Sexual violence", 2, False),
    ("اغتيال", "Attack", 2, False),
    ("اغتال*", "Attack", 2, True),
    ("اعدم*", "Attack", 2, True),
    ("اعدام", "Attack", 1, False),
    ("ذبح*", "Attack", 1, True),
    ("قطع راس", "Attack", 2, False),  # «قطع المسلحون رأس رهينة»: a beheading
    ("قطع رووس", "Attack", 2, False),
    ("برصاص", "Attack", 1, False),
    ("قنص", "Attack", 1, False),
    ("قتل", "Attack", 1, True),
    ("مقتل", "Attack", 1, False),
    ("خطف", "Abduction/forced disappearance", 2, False),
    ("اختطف*", "Abduction/forced disappearance", 2, True),
    ("اختطاف", "Abduction/forced disappearance", 2, False),
    ("خطفت", "Abduction/forced disappearance", 2, True),
    ("خطفوا", "Abduction/forced disappearance", 2, True),  # «20 مدنيا خطفوا الثلاثاء»
    ("تظاهر*", "Peaceful protest", 2, False),
    ("مظاهره", "Peaceful protest", 2, False),
    ("مظاهرات", "Peaceful protest", 2, False),
    ("تظاهره", "Peaceful protest", 2, False),
    ("احتجاجات", "Peaceful protest", 2, False),
    ("وقفه احتجاجيه", "Peaceful protest", 2, False),
    ("اعتصام", "Peaceful protest", 2, False),
    ("اعمال عنف", "Mob violence", 1, False),  # needs a toll or an attack verb
    ("اضرموا النار", "Looting/property destruction", 2, True),
    ("اضرم* النار", "Looting/property destruction", 2, True),
    ("احرق*", "Looting/property destruction", 1, True),
    ("اعتقل*", "Arrests", 2, True),
    ("اعتقال", "Arrests", 2, False),
    ("حمله اعتقالات", "Arrests", 2, False),
    ("القت القبض", "Arrests", 2, True),
    ("القبض علي", "Arrests", 2, False),  # «تم القبض على اثنين»، «والقبض على …» (not a warrant: subtypes)
    ("القي القبض", "Arrests", 2, True),
    ("احتجز*", "Arrests", 2, True),
    ("توقيف", "Arrests", 2, False),
    ("اوقفت الشرطه", "Arrests", 2, True),
    ("اوقفت السلطات", "Arrests", 2, True),
    ("اوقفت قوات", "Arrests", 2, True),
    ("القت الشرطه", "Arrests", 2, True),
    ("القت السلطات", "Arrests", 2, True),
    ("القت قوات", "Arrests", 2, True),
    ("اسقط*", "Disrupted weapons use", 2, True),
    ("اعترض*", "Disrupted weapons use", 2, True),
    ("تصدت الدفاعات", "Disrupted weapons use", 2, True),
    ("تصدت لصواريخ", "Shelling/artillery/missile attack", 2, True),
    ("تصدت لصاروخ*", "Shelling/artillery/missile attack", 2, True),
    ("تصدت لغارات", "Air/drone strike", 2, True),
    ("تصدت لعدد من صواريخ", "Shelling/artillery/missile attack", 2, True),  # «تصدت لعدد من الصواريخ»
    ("تصدت لعدوان", "Disrupted weapons use", 2, True),
    ("تتصدي لعدوان", "Disrupted weapons use", 2, True),
    ("اسقاط", "Disrupted weapons use", 2, False),
    ("فككت", "Disrupted weapons use", 2, True),
    ("تفكيك", "Disrupted weapons use", 1, False),
    ("نهب", "Looting/property destruction", 2, False),
    ("نهبوا", "Looting/property destruction", 2, True),
    ("هدم", "Looting/property destruction", 1, False),
    ("دمروا", "Looting/property destruction", 1, True),
    ("فجروا", "Looting/property destruction", 1, True),
    ("اتفاق اجلاء", "Agreement", 2, False),
    ("توصل* الي اتفاق", "Agreement", 2, True),
    ("توصل* لاتفاق", "Agreement", 2, True),
    ("التوصل الي اتفاق", "Agreement", 2, False),
    ("التوصل لاتفاق", "Agreement", 2, False),
    ("اتفاق تسويه", "Agreement", 2, False),
    ("اتفاق مصالحه", "Agreement", 2, False),
    ("اتفاق", "Agreement", 1, False),  # only with a verb that concludes it (subtypes)
    ("اتفاقا", "Agreement", 1, False),
    ("اتفاق* لوقف اطلاق النار", "Agreement", 1, False),  # one cue: the ceasefire is the deal's term
    ("اتفاق* وقف اطلاق النار", "Agreement", 1, False),
    ("وافق*", "Agreement", 2, True),  # «وافق المقاتلون، الأحد، على إلقاء سلاحهم»: only with a deal's term (consented)
    ("سلمت", "Non-violent transfer of territory", 1, True),  # only with a town as its object (subtypes)
    ("سلموا", "Non-violent transfer of territory", 1, True),
    ("تسلمت", "Non-violent transfer of territory", 1, True),  # «تسلمت قوات النظام مدينة …»: the taker
    ("الدفعه الاولي", "Non-violent transfer of territory", 1, False),  # «خرجت الدفعة الأولى من مقاتلي …»
    ("الدفعه الثانيه", "Non-violent transfer of territory", 1, False),
    ("دفعه جديده", "Non-violent transfer of territory", 1, False),
    ("خروج اخر", "Non-violent transfer of territory", 2, False),
    ("خروج مسلح*", "Non-violent transfer of territory", 2, False),
    ("خروج مقاتل*", "Non-violent transfer of territory", 2, False),
    ("خروج المسلحين", "Non-violent transfer of territory", 2, False),
    ("مغادره", "Non-violent transfer of territory", 1, False),
    # «بدأت مساء الأحد عملية إجلاء مسلحين من …»، «انتهت فجر الخميس عملية إجلاء سكان بلدتي …»: only after
    # a verb that starts, ends or resumes it (trigger_filters.evacuation_under_way)
    ("عمليه اجلاء", "Non-violent transfer of territory", 2, False),
    ("عمليات اجلاء", "Non-violent transfer of territory", 2, False),
    ("عمليه الاجلاء", "Non-violent transfer of territory", 2, False),
    ("عمليات الاجلاء", "Non-violent transfer of territory", 2, False),
    ("انسحاب*", "Non-violent transfer of territory", 2, False),  # «أتموا الأحد انسحابهم من مدينة منبج» (same veto)
    # «غادرت/خرجت دفعة|مجموعة|حافلات|أول …»: fighters leaving under a deal (7 hits in ant2018_syria, 7/7 coded right)
    ("غادر* دفعه", "Non-violent transfer of territory", 2, True),
    ("غادر* مجموعه", "Non-violent transfer of territory", 2, True),
    ("غادر* حافلات", "Non-violent transfer of territory", 2, True),
    ("غادر* اول", "Non-violent transfer of territory", 2, True),
    ("خرج* دفعه", "Non-violent transfer of territory", 2, True),
    ("خرج* مجموعه", "Non-violent transfer of territory", 2, True),
    ("خرج* حافلات", "Non-violent transfer of territory", 2, True),
    ("خرج* اول", "Non-violent transfer of territory", 2, True),
    ("غادر*", "Non-violent transfer of territory", 2, True),  # «وغادر مسلحو المعارضة بلدة عربين»: fighters
    ("خرج*", "Non-violent transfer of territory", 2, True),  # leaving, named within four words (fighters_leave)
    ("سحب السلاح*", "Change to group/activity", 2, False),
    ("سحب سلاح*", "Change to group/activity", 2, False),
    ("سحب اسلح*", "Change to group/activity", 2, False),
    ("تسليم السلاح*", "Change to group/activity", 2, False),
    ("تسليم اسلح*", "Change to group/activity", 2, False),
    ("صاروخا", "Shelling/artillery/missile attack", 1, False),
    ("انسحبت", "Non-violent transfer of territory", 1, True),
    ("انسحب", "Non-violent transfer of territory", 1, True),
    ("اقامت قاعده", "Headquarters or base established", 2, True),
    ("نقطه مراقبه", "Headquarters or base established", 1, False),
)


@dataclass(frozen=True, slots=True)
class TriggerDef:
    words: tuple[str, ...]
    sub_event_type: str
    strength: int
    verbal: bool


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[TriggerDef]]:
    """First pattern word (``*`` kept) -> definitions, longest first."""
    index: dict[str, list[TriggerDef]] = {}
    for pattern, sub, strength, verbal in _RAW:
        ws = tuple(w if w.endswith("*") else norm(w) for w in pattern.split())
        index.setdefault(ws[0], []).append(TriggerDef(ws, sub, strength, verbal))
    for defs in index.values():
        defs.sort(key=lambda d: -len(d.words))
    return index

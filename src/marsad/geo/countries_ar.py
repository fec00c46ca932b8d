"""Arabic names of countries (GeoNames' country table has none), written for marsad.

One entry per ISO 3166 alpha-2 code: the usual Arabic name first, then the variants
met in news. Hamza, alef, ta marbuta and alef maqsura variants need not be listed:
lookup keys are normalised.
"""

from __future__ import annotations

from functools import lru_cache

COUNTRY_NAMES_AR: dict[str, tuple[str, ...]] = {
    code: tuple(names.split("|"))
    for code, names in (
        line.split(":", 1)
        for line in """
AE:الإمارات|الإمارات العربية المتحدة|دولة الإمارات
AF:أفغانستان
AL:ألبانيا
AM:أرمينيا
AO:أنغولا|أنجولا
AR:الأرجنتين
AT:النمسا
AU:أستراليا|استراليا
AZ:أذربيجان
BA:البوسنة والهرسك|البوسنة
BD:بنغلاديش|بنغلادش
BE:بلجيكا
BF:بوركينا فاسو
BG:بلغاريا
BH:البحرين
BI:بوروندي
BJ:بنين
BO:بوليفيا
BR:البرازيل
BT:بوتان
BW:بوتسوانا
BY:بيلاروسيا|روسيا البيضاء
CA:كندا
CD:الكونغو الديمقراطية|جمهورية الكونغو الديمقراطية
CF:أفريقيا الوسطى|جمهورية أفريقيا الوسطى
CG:الكونغو|الكونغو برازافيل
CH:سويسرا
CI:ساحل العاج|كوت ديفوار
CL:تشيلي|تشيلى
CM:الكاميرون
CN:الصين
CO:كولومبيا
CR:كوستاريكا
CU:كوبا
CY:قبرص
CZ:التشيك|جمهورية التشيك
DE:ألمانيا|المانيا
DJ:جيبوتي
DK:الدنمارك|الدانمارك
DZ:الجزائر
EC:الإكوادور
EE:إستونيا
EG:مصر
ER:إريتريا|أريتريا
ES:إسبانيا|اسبانيا
ET:إثيوبيا|أثيوبيا
FI:فنلندا
FR:فرنسا
GA:الغابون
GB:بريطانيا|المملكة المتحدة|إنجلترا|انكلترا
GE:جورجيا
GH:غانا
GM:غامبيا
GN:غينيا
GR:اليونان
GT:غواتيمالا
HN:هندوراس
HR:كرواتيا
HT:هايتي
HU:المجر|هنغاريا
ID:إندونيسيا
IE:أيرلندا|إيرلندا
IL:إسرائيل
IN:الهند
IQ:العراق
IR:إيران
IS:آيسلندا|أيسلندا
IT:إيطاليا
JM:جامايكا
JO:الأردن
JP:اليابان
KE:كينيا
KG:قرغيزستان
KH:كمبوديا
KM:جزر القمر
KP:كوريا الشمالية
KR:كوريا الجنوبية
KW:الكويت
KZ:كازاخستان
LA:لاوس
LB:لبنان
LK:سريلانكا
LR:ليبيريا
LT:ليتوانيا
LU:لوكسمبورغ
LV:لاتفيا
LY:ليبيا
MA:المغرب|المملكة المغربية
MD:مولدوفا
ME:الجبل الأسود
MG:مدغشقر
MK:مقدونيا
ML:مالي
MM:ميانمار|بورما
MN:منغوليا
MR:موريتانيا
MT:مالطا
MU:موريشيوس
MV:جزر المالديف|المالديف
MW:ملاوي
MX:المكسيك
MY:ماليزيا
MZ:موزمبيق
NA:ناميبيا
NE:النيجر
NG:نيجيريا
NI:نيكاراغوا
NL:هولندا
NO:النرويج
NP:نيبال
NZ:نيوزيلندا
OM:عمان|سلطنة عمان
PA:بنما
PE:بيرو
PH:الفلبين
PK:باكستان
PL:بولندا
PS:فلسطين|الأراضي الفلسطينية
PT:البرتغال
PY:باراغواي
QA:قطر
RO:رومانيا
RS:صربيا
RU:روسيا|روسيا الاتحادية
RW:رواندا
SA:السعودية|المملكة العربية السعودية|المملكة السعودية
SD:السودان
SE:السويد
SG:سنغافورة
SI:سلوفينيا
SK:سلوفاكيا
SL:سيراليون
SN:السنغال
SO:الصومال
SS:جنوب السودان
SV:السلفادور
SY:سوريا|سورية|الجمهورية العربية السورية
TD:تشاد
TG:توغو
TH:تايلاند
TJ:طاجيكستان
TM:تركمانستان
TN:تونس
TR:تركيا
TW:تايوان
TZ:تنزانيا
UA:أوكرانيا
UG:أوغندا
US:الولايات المتحدة|الولايات المتحدة الأمريكية|الولايات المتحدة الأميركية|أمريكا|أميركا
UY:الأوروغواي|أوروغواي
UZ:أوزبكستان
VA:الفاتيكان
VE:فنزويلا
VN:فيتنام
YE:اليمن
ZA:جنوب أفريقيا|جنوب إفريقيا
ZM:زامبيا
ZW:زيمبابوي
XK:كوسوفو
""".strip().splitlines()
    )
}


#: Nationality adjectives that are also common words («مالي» financial, «عماني» of Amman).
_AMBIGUOUS = frozenset({"مالي", "ماليه", "تشادي", "كوبي", "توغولي", "عماني", "عمانيه"})
#: Nationality adjectives that the country's name does not yield (أفغانستان، السعودية، الجزائر).
_IRREGULAR = {"افغاني": "AF", "سعودي": "SA", "جزائري": "DZ", "اسرائيلي": "IL", "باكستاني": "PK"}


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, str]:
    """Nationality adjective (normalised, no article) -> ISO code: «كندي»/«كندية» of «كندا»,
    «روسي»/«روسية» of «روسيا»."""
    from marsad.geo.text import norm

    out: dict[str, str] = {}
    for iso, names in COUNTRY_NAMES_AR.items():
        for raw in (n for n in names if " " not in n):
            name = norm(raw)  # «ألمانيا»'s «أل» is no article
            base = (name[2:] if raw.startswith("ال") else name).removesuffix("ا")
            forms = (base, base + "ه") if name.endswith("يا") else (base + "ي", base + "يه")
            out.update({f: iso for f in forms if len(base) >= 3 and f not in _AMBIGUOUS and f not in out})
    for adj, iso in _IRREGULAR.items():
        out.setdefault(adj, iso)
        out.setdefault(adj + "ه", iso)
    return out


def nationality(word: str) -> str | None:
    """The ISO code of the country a normalised nationality adjective names («الكندية» -> CA)."""
    return _nationalities().get(_strip(word))


def _strip(word: str) -> str:
    return word.removeprefix("و").removeprefix("ال")


@lru_cache(maxsize=1)
def _with_prefixes() -> dict[str, str]:
    """:func:`nationality`'s answers by the words as written: each adjective with the
    prefixes it strips, kept only where stripping gives it back (an adjective that itself
    begins with «ال», «الباني», is reached only through «الالباني», as there)."""
    table = _nationalities()
    out: dict[str, str] = {}
    for adj, iso in table.items():
        for prefix in ("", "ال", "و", "وال"):
            if _strip(prefix + adj) == adj:
                out[prefix + adj] = iso
    return out


def nationalities(words: list[str]) -> list[str | None]:
    """:func:`nationality` of each word, in one C-level pass of dict lookups: the geocoder asks
    it of every word of an article."""
    return list(map(_with_prefixes().get, words))

"""Word knowledge the tagger's features draw on: clusters, frequency ranks, gazetteer, triggers.

Loaded once from package data (``marsad/data/ner``); everything is keyed by the
normalised form of :func:`marsad.ner.text.normalize`.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from pathlib import Path

from marsad.ner.text import normalize

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "ner"
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
NAMES_FILE = "names.tsv.gz"

# Words written for marsad that often precede or head a name of a given type.
_PERS_TRIGGERS = """الرئيس رئيس الرئيسة رئيسة الوزير وزير وزيرة الملك الملكة الأمير الأميرة الشيخ
السيد السيدة الدكتور الدكتورة المتحدث الناطق نائب المستشار المستشارة الجنرال العقيد اللواء العميد
المقدم الرائد النقيب المبعوث المندوب السفير السفيرة زعيم قائد الأمين المدير مدير المديرة البابا
الإمام المطران القس الكاتب الكاتبة الصحافي الصحفي المدرب اللاعب الفنان الفنانة المغني المغنية
النائب النائبة عضو المرشح المرشحة الحاكم حاكم المفوض المفتي القاضي الخليفة السلطان الرئيسين""".split()
_ORG_TRIGGERS = """شركة حزب منظمة وكالة جامعة مجلس اتحاد جمعية هيئة مؤسسة بنك مصرف صحيفة وزارة
جبهة حركة تنظيم جيش قوات لجنة نادي فريق محكمة منتخب مجموعة معهد مركز صندوق برلمان الكونغرس
البرلمان الحكومة حكومة المجلس الاتحاد المنظمة الوكالة الشركة الحزب الجبهة الحركة مكتب إذاعة قناة
تلفزيون مجلة البنك المصرف الجامعة اللجنة الهيئة المؤسسة الجمعية النادي الفريق المنتخب الأمم
ائتلاف تحالف التحالف الائتلاف كتائب لواء فيلق ميليشيا ميليشيات فصيل""".split()
_LOC_TRIGGERS = """مدينة محافظة قرية بلدة منطقة ولاية جزيرة نهر بحر عاصمة العاصمة دولة شمال جنوب شرق
غرب ريف حي مخيم إقليم مقاطعة جبل سهل وادي ميناء مطار شمالي جنوبي شرقي غربي أنحاء حدود الحدود
المدينة المحافظة القرية البلدة المنطقة الولاية ضواحي""".split()


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(normalize(w) for w in words)


@dataclass
class Lexicon:
    """Cluster ids and frequency ranks per word, gazetteer names, trigger words."""

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rank: dict[str, int] = field(default_factory=dict)
    places: frozenset[str] = frozenset()
    place_parts: frozenset[str] = frozenset()
    names: dict[str, str] = field(default_factory=dict)
    pers_triggers: frozenset[str] = _norm_set(_PERS_TRIGGERS)
    org_triggers: frozenset[str] = _norm_set(_ORG_TRIGGERS)
    loc_triggers: frozenset[str] = _norm_set(_LOC_TRIGGERS)

    @classmethod
    def load(cls, data_dir: str | Path = DATA_DIR) -> Lexicon:
        """The lexicon shipped in ``data_dir`` (missing files give empty parts)."""
        d = Path(data_dir)
        clusters: dict[str, tuple[str, ...]] = {}
        rank: dict[str, int] = {}
        if (d / CLUSTERS_FILE).exists():
            with gzip.open(d / CLUSTERS_FILE, "rt", encoding="utf-8") as f:
                for i, line in enumerate(f):
                    word, *ids = line.rstrip("\n").split("\t")
                    clusters[word] = tuple(ids)
                    rank[word] = i
        places: set[str] = set()
        parts: set[str] = set()
        if (d / GAZETTEER_FILE).exists():
            with gzip.open(d / GAZETTEER_FILE, "rt", encoding="utf-8") as f:
                for line in f:
                    name = line.rstrip("\n")
                    words = name.split()
                    if len(words) == 1:
                        places.add(name)
                    else:
                        parts.update(w for w in words if len(w) > 2)
        names: dict[str, str] = {}
        if (d / NAMES_FILE).exists():
            with gzip.open(d / NAMES_FILE, "rt", encoding="utf-8") as f:
                names = dict(line.rstrip("\n").split("\t") for line in f)
        return cls(clusters, rank, frozenset(places), frozenset(parts - places), names)

"""Hand-written additions to the gazetteer: named Syrian regions and spelling aliases.

Regions are areas with no P-code of their own (الغوطة الشرقية): they resolve to
their governorate with ACLED geo_precision 3 and an approximate centre. Aliases
are news spellings absent from the OCHA list (كوباني for عين العرب).
"""

from __future__ import annotations

#: Arabic names | English name | governorate P-code | latitude | longitude
REGIONS: tuple[tuple[str, str, str, float, float], ...] = (
    ("الغوطة الشرقية|غوطة دمشق الشرقية|الغوطة|غوطة دمشق|الغوطتين|الغوطتان", "Eastern Ghouta", "SY03", 33.56, 36.40),
    ("الغوطة الغربية", "Western Ghouta", "SY03", 33.45, 36.20),
    ("القلمون|القلمون الغربي", "Qalamoun", "SY03", 33.90, 36.60),
    ("القلمون الشرقي", "Eastern Qalamoun", "SY03", 33.75, 36.85),
    ("الجولان|هضبة الجولان|مرتفعات الجولان|الجولان المحتل", "Golan", "SY14", 33.00, 35.80),
    ("حوران|سهل حوران", "Hauran", "SY12", 32.75, 36.10),
    ("الحولة|سهل الحولة", "Houla", "SY04", 34.88, 36.52),
    ("سهل الغاب|الغاب", "Al-Ghab Plain", "SY05", 35.60, 36.35),
    ("البادية السورية|بادية الشام|البادية", "Syrian Desert", "SY04", 34.60, 38.30),
    ("جبل الزاوية", "Jabal al-Zawiya", "SY07", 35.68, 36.53),
    ("جبل الأكراد", "Jabal al-Akrad", "SY06", 35.73, 36.17),
    ("جبل التركمان", "Jabal al-Turkman", "SY06", 35.83, 36.07),
    ("حوض اليرموك|وادي اليرموك", "Yarmouk Basin", "SY12", 32.75, 35.90),
    ("شرق الفرات", "East of the Euphrates", "SY09", 35.30, 40.30),
    ("جبل الشيخ", "Mount Hermon", "SY03", 33.40, 35.85),
    ("تلول الصفا|الصفا البركانية", "Tulul al-Safa", "SY13", 33.12, 37.07),  # lava field, 33 km from any community
)

#: Military airbases and airports, and a few news places the OCHA list lacks, filed
#: under the P-code of a community: the one they are named after, else the nearest one
#: (found from the site's approximate coordinates, Wikipedia/OpenStreetMap, by distance
#: to the OCHA points). They take that community's OCHA coordinates (hand-picked
#: nearest community, not the site's own position) and ACLED geo_precision 2.
#: Bases (feature "base") and border crossings ("crossing") are filed the same way.
#: Arabic names | English name | community P-code | feature
_SITES: tuple[tuple[str, str, str, str], ...] = (
    ("مطار التيفور|قاعدة التيفور|التيفور|مطار تياس|قاعدة تياس|مطار التياس|مطار T4|قاعدة T4|T4|قاعدة T-4|مطار T-4|T-4"
     "|مطار تي فور|قاعدة تي فور",
     "Tiyas (T4) airbase", "C2662", "airbase"),  # الصفا_التياس, 5 km
    ("مطار الشعيرات|قاعدة الشعيرات", "Shayrat airbase", "C2659", "airbase"),
    ("مطار النيرب|قاعدة النيرب|مطار حلب|مطار حلب الدولي", "Aleppo (Nayrab) airport", "C1007", "airbase"),
    ("مطار المزة|قاعدة المزة", "Mezzeh airbase", "C1001", "airbase"),  # a quarter of Damascus
    ("مطار الضمير|قاعدة الضمير", "Dumayr airbase", "C2346", "airbase"),
    ("مطار كويرس|قاعدة كويرس", "Kweires airbase", "C1294", "airbase"),  # Aleppo, not Kweires of Idleb
    ("مطار أبو الظهور|قاعدة أبو الظهور|مطار أبو الضهور", "Abu al-Duhur airbase", "C3891", "airbase"),
    ("قاعدة حميميم|مطار حميميم", "Hmeimim airbase", "C3588", "airbase"),
    ("مطار دير الزور|قاعدة دير الزور", "Deir ez-Zor airbase", "C5086", "airbase"),
    ("مطار منغ|قاعدة منغ", "Menagh airbase", "C1569", "airbase"),  # منق
    ("مطار حماة|قاعدة حماة", "Hama airbase", "C2987", "airbase"),
    ("الدشيشة", "Dashisha", "C4450", "locality"),  # تل صفوك, 1 km; علوة الدشيشة is 43 km away
    ("خلصة", "Khalsa", "C1167", "locality"),  # زيتان, its neighbour south of Aleppo
    ("غرز|منطقة غرز|سجن غرز", "Gharz", "C5993", "locality"),  # east of Dar'a city, 4 km
    ("مطار دمشق الدولي|مطار دمشق", "Damascus International Airport", "C2375", "airbase"),  # غسولة, 3 km
    ("مطار القامشلي", "Qamishli airport", "C4564", "airbase"),
    ("مطار الطبقة|قاعدة الطبقة|مطار الطبقة العسكري", "Tabqa airbase", "C5929", "airbase"),
    ("مطار خلخلة", "Khalkhala airbase", "C6253", "airbase"),
    ("قاعدة التنف|التنف|معبر التنف", "Al-Tanf base", "C2891", "base"),  # العليانية, 70 km: none nearer
    ("معبر نصيب|معبر جابر نصيب", "Nasib border crossing", "C5999", "crossing"),  # not Jaber: the Jordanian side
    ("معبر باب الهوى|معبر باب الهوا", "Bab al-Hawa border crossing", "C4167", "crossing"),  # راس الحصن, 5 km
    ("معبر باب السلامة", "Bab al-Salama border crossing", "C1561", "crossing"),  # السلامة, 2 km
    ("معبر جرابلس", "Jarablus border crossing", "C2227", "crossing"),
    ("معبر البوكمال|معبر أبو كمال", "Al-Bukamal border crossing", "C5167", "crossing"),  # al-Qaim is Iraq's side
    ("معبر جديدة يابوس", "Jdeidet Yabous border crossing", "C2436", "crossing"),  # al-Masnaa is Lebanon's side
    ("معبر كسب", "Kasab border crossing", "C3557", "crossing"),
    ("معبر اليعربية", "Al-Yarubiyah border crossing", "C4969", "crossing"),  # Rabia is Iraq's side
    ("معبر سيمالكا", "Semalka border crossing", "C4862", "crossing"),  # Fish Khabur is Iraq's side  # حناوية, 2 km
    ("معبر القنيطرة", "Quneitra crossing", "C6268", "crossing"),
)

#: City neighbourhoods and districts the OCHA list lacks, coded (as ACLED does) to
#: their city with geo_precision 1. They are minor places (rank 0): a bare one-word
#: name needs evidence (حي X, a list of districts, its city named nearby), and names
#: that are also words or people (التضامن، تشرين، المالكي) are in COMMON_WORDS. Names
#: shared by districts of several cities (القصور: Homs, Deir ez-Zor, Idleb) are left out.
#: (city P-code, city) -> ((Arabic names, English name), ...); the name becomes «City - Name».
NEIGHBOURHOODS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("C1001", "Damascus"): (
        ("برزة|برزة البلد|مساكن برزة", "Barzeh"), ("جوبر", "Jobar"), ("القابون", "Qaboun"),
        ("تشرين", "Tishreen"), ("التضامن", "Tadamon"), ("القدم", "Qadam"), ("العسالي", "Asali"),
        ("المزة|المزه", "Mezzeh"), ("كفرسوسة|كفر سوسة", "Kafr Sousa"), ("ركن الدين", "Rukn al-Din"),
        ("الميدان", "Midan"), ("باب توما", "Bab Touma"), ("المالكي", "Malki"),
        ("العباسيين", "Abbasiyin"), ("القصاع", "Qassaa"),
        ("الزبلطاني", "Zablatani"), ("الشاغور", "Shaghour"), ("باب شرقي", "Bab Sharqi"),
        ("دمر|مشروع دمر", "Dummar"), ("نهر عيشة", "Nahr Aisha"), ("الدويلعة", "Dwela'a"),
    ),
    ("C1007", "Aleppo"): (
        ("الشيخ مقصود", "Sheikh Maqsoud"), ("الأشرفية", "Ashrafiyeh"), ("صلاح الدين", "Salah al-Din"),
        ("الشيخ سعيد", "Sheikh Saeed"), ("الراموسة", "Ramouseh"), ("حلب الجديدة", "New Aleppo"),
        ("بستان القصر", "Bustan al-Qasr"), ("السكري", "Sukkari"), ("الكلاسة", "Kalasa"),
        ("الصاخور", "Sakhour"), ("مساكن هنانو", "Masakin Hanano"), ("الشعار", "Shaar"),
        ("الأنصاري", "Ansari"), ("الفردوس", "Firdous"), ("بني زيد", "Bani Zaid"),
        ("الحمدانية", "Hamdaniyeh"), ("بستان الباشا", "Bustan al-Basha"), ("الليرمون", "Layramoun"),
    ),
    ("C2528", "Homs"): (
        ("الوعر", "Waer"), ("بابا عمرو", "Baba Amr"), ("الخالدية", "Khalidiyeh"),
        ("جورة الشياح", "Jouret al-Shayah"), ("القرابيص", "Qarabis"), ("الإنشاءات", "Inshaat"),
        ("كرم الزيتون", "Karm al-Zeitoun"), ("دير بعلبة", "Deir Baalbeh"), ("باب السباع", "Bab al-Sebaa"),
        ("باب هود", "Bab Hud"), ("البياضة", "Bayada"),
    ),
    ("C5086", "Deir ez-Zor"): (
        ("الجورة", "Jora"), ("الحويقة", "Huweiqa"), ("الرشدية", "Rushdiyeh"),
        ("الحميدية", "Hamidiyeh"), ("العرفي", "Urfi"), ("هرابش", "Harabesh"), ("الجبيلة", "Jbeileh"),
        ("حويجة صكر", "Huweijet Saqr"),
    ),
}

#: All sites for the build: bases, crossings, localities and neighbourhoods.
SITES: tuple[tuple[str, str, str, str], ...] = _SITES + tuple(
    (names, f"{city} - {en}", pcode, "neighbourhood")
    for (pcode, city), rows in NEIGHBOURHOODS.items() for names, en in rows
)

#: Regions outside Syria coded at precision 3: Arabic names | English | country | ISO | lat | lon
WORLD_REGIONS: tuple[tuple[str, str, str, str, float, float], ...] = (
    ("قطاع غزة", "Gaza Strip", "Palestinian Territory", "PS", 31.42, 34.38),
    ("الضفة الغربية|الضفة الغربية المحتلة", "West Bank", "Palestinian Territory", "PS", 31.95, 35.25),
    # the peninsula; its two governorates are PROVINCES (شمال سيناء، جنوب سيناء)
    ("سيناء|شبه جزيرة سيناء", "Sinai Peninsula", "Egypt", "EG", 29.50, 33.80),
    # the autonomous region of Iraq (Erbil, Dohuk, Sulaymaniyah), at Erbil; «غرب كردستان» (the
    # Kurdish name of north-eastern Syria) is no mention of it (metonymy.inside_name)
    # («كردستان العراق» is two mentions: the region and the country)
    ("إقليم كردستان|كردستان|كوردستان", "Kurdistan Region", "Iraq", "IQ", 36.19, 44.01),
)

#: Alias -> P-code of the community it names.
ALIASES: dict[str, str] = {
    "كوباني": "C1946",
    "أبو الضهور": "C3891",
    "كفريا": "C3952",
    "أبو كمال": "C5167",
    "الطبقة": "C5929",
    "مدينة الطبقة": "C5929",
    "مخيم اليرموك": "C1002",
    "المعضمية": "C2499",
    "سلمية": "C3244",
    "دير الزور": "C5086",
    "حمورية": "C2316",  # OCHA: حمورة
    "الشيفونية": "C2334",  # OCHA: الشفونية
    "منغ": "C1569",  # OCHA: منق
    "الحمورية": "C2316",  # OCHA: حمورة
    "الباغوز": "C5184",  # OCHA: الباغوز فوقاني (Upper Baghuz), the town the news means
    "الغارية الغربية": "C6010",  # OCHA misspells it الغارية الغريبة
    "بيت سوى": "C2318",  # OCHA: بيت سوا (Eastern Ghouta; «بيت سوى» 13 times in ant2018_syria)
}

#: Places outside Syria whose news spelling GeoNames lacks: Arabic name -> GeoNames id.
WORLD_ALIASES: dict[str, int] = {
    "واشنطن": 4140963,
    "سوتشي": 491422,
    "أستانة": 1526273,
    "برمنغهام": 2655603,
    "كوي سنجق": 94220,  # Koysinjaq, Erbil («كوي» alone is a Syrian hamlet)
    "كابول": 1138958,  # Kabul (GeoNames: كابل); without it «كابول» is a village in Israel
    "سالزبري": 2638664,  # Salisbury
    "سالزبيري": 2638664,
    "جنوى": 3176219,  # Genoa
    # news spellings of towns abroad whose GeoNames entry has no Arabic name (or another one)
    "سديروت": 293619,  # Sderot
    "كاركاسون": 3028641,  # Carcassonne (GeoNames: قرقشونة)
    "سيدوارجو": 1627253,  # Sidoarjo
    "دابتشي": 2345172,  # Dapchi
    "مبانداكا": 2312895,  # Mbandaka
    "أغاديز": 2448085,  # Agadez
    "كينغداو": 1797929,  # Qingdao
    "كوبرتينو": 5341145,  # Cupertino
    "زيوريخ": 2657896,  # Zurich (GeoNames: زيورخ)
    "تريب": 2972010,  # Trèbes
    "سوروتش": 300075,  # Suruç
    "سروج": 300075,
    "الطارمية": 98403,  # At Tarmiyah, north of Baghdad
    "زانستاد": 2744114,  # Zaanstad, North Holland (GeoNames has no Arabic name)
    "سانسهيام": 2747751,  # Sassenheim, South Holland
    "الخرطوم": 379252,  # Khartoum (GeoNames: خرطوم; the news always writes the article)
}

#: Provinces abroad (governorates of Iraq, Yemen, Lebanon, Palestine; districts of Libya;
#: Turkish provinces on the Syrian border and a few more):
#: ``feature: "admin1"`` at the coordinates of their seat (a GeoNames city), precision 3.
#: A province that shares its name with its seat («الحديدة») is the city unless the text
#: says «محافظة X»; one without a namesake city («ديالى») resolves in a story set in its
#: country. Arabic names | English name | ISO code | GeoNames id of the seat
PROVINCES: tuple[tuple[str, str, str, int], ...] = (
    ("بغداد", "Baghdad", "IQ", 98182), ("البصرة", "Basra", "IQ", 99532),
    ("نينوى", "Nineveh", "IQ", 99072), ("الأنبار", "Anbar", "IQ", 98717),
    ("ديالى", "Diyala", "IQ", 97990), ("صلاح الدين", "Salah ad Din", "IQ", 90150),
    ("كركوك", "Kirkuk", "IQ", 94787), ("أربيل", "Erbil", "IQ", 95446), ("دهوك", "Dohuk", "IQ", 96994),
    ("السليمانية", "Sulaymaniyah", "IQ", 98463), ("ذي قار", "Dhi Qar", "IQ", 98854),
    ("المثنى", "Muthanna", "IQ", 98530), ("واسط", "Wasit", "IQ", 99131), ("بابل", "Babil", "IQ", 99347),
    ("ميسان", "Maysan", "IQ", 99608), ("النجف", "Najaf", "IQ", 98860), ("كربلاء", "Karbala", "IQ", 94824),
    ("صنعاء|أمانة العاصمة", "Sanaa", "YE", 71137), ("عدن", "Aden", "YE", 415189), ("تعز", "Taiz", "YE", 70225),
    ("الحديدة", "Al Hudaydah", "YE", 79415), ("صعدة", "Saada", "YE", 71334), ("حجة", "Hajjah", "YE", 75337),
    ("عمران", "Amran", "YE", 78428), ("ذمار", "Dhamar", "YE", 76184), ("المحويت", "Al Mahwit", "YE", 78977),
    ("مأرب", "Marib", "YE", 72968), ("الجوف", "Al Jawf", "YE", 79455), ("شبوة", "Shabwah", "YE", 77726),
    ("أبين", "Abyan", "YE", 69426), ("لحج", "Lahij", "YE", 73560), ("الضالع", "Ad Dali", "YE", 80384),
    ("البيضاء", "Al Bayda", "YE", 79836), ("حضرموت", "Hadramawt", "YE", 78754),
    ("المهرة", "Al Mahrah", "YE", 79700), ("سقطرى|أرخبيل سقطرى", "Socotra", "YE", 75427),
    ("جبل لبنان", "Mount Lebanon", "LB", 277226), ("البقاع", "Beqaa", "LB", 266045),
    ("النبطية", "Nabatieh", "LB", 278913), ("عكار", "Akkar", "LB", 274723),
    ("بعلبك الهرمل|بعلبك - الهرمل", "Baalbek-Hermel", "LB", 277130),
    ("طرابلس", "Tripoli", "LY", 2210247), ("بنغازي", "Benghazi", "LY", 88319),
    ("مصراتة", "Misrata", "LY", 2214846), ("درنة", "Derna", "LY", 87205), ("سرت", "Sirte", "LY", 2210554),
    ("سبها", "Sabha", "LY", 2212775), ("الزاوية", "Zawiya", "LY", 2218970), ("المرج", "Marj", "LY", 88903),
    ("البطنان", "Butnan", "LY", 81302), ("الجبل الأخضر", "Jabal al Akhdar", "LY", 89055),
    ("الجفرة", "Jufra", "LY", 2216645), ("الجبل الغربي", "Jabal al Gharbi", "LY", 2217362),
    ("غزة", "Gaza", "PS", 281133), ("شمال غزة", "North Gaza", "PS", 281129),
    ("خان يونس", "Khan Yunis", "PS", 281124), ("رفح", "Rafah", "PS", 281102),
    ("دير البلح", "Deir al-Balah", "PS", 281141), ("جنين", "Jenin", "PS", 283506),
    ("طوباس", "Tubas", "PS", 281581), ("طولكرم", "Tulkarm", "PS", 281577), ("نابلس", "Nablus", "PS", 282615),
    ("قلقيلية", "Qalqilya", "PS", 282457), ("سلفيت", "Salfit", "PS", 282039),
    ("رام الله والبيرة", "Ramallah and al-Bireh", "PS", 282239), ("أريحا", "Jericho", "PS", 284899),
    ("بيت لحم", "Bethlehem", "PS", 284315), ("الخليل", "Hebron", "PS", 285066),
    ("هاتاي|لواء إسكندرون", "Hatay", "TR", 323779), ("غازي عنتاب", "Gaziantep", "TR", 314830),
    ("كلس", "Kilis", "TR", 307864), ("شانلي أورفة|أورفة", "Sanliurfa", "TR", 298333),
    ("عسير|منطقة عسير", "Asir", "SA", 110690),  # seat Abha
    ("ماردين", "Mardin", "TR", 304797), ("ديار بكر", "Diyarbakir", "TR", 316541), ("أضنة", "Adana", "TR", 325363),
    # the south-east of the PKK conflict; GeoNames spells Siirt «سعرد», the news «سيعرت»
    ("سيعرت|سعرت|سعرد", "Siirt", "TR", 300822), ("شرناق", "Sirnak", "TR", 300640),
    ("شمال سيناء", "North Sinai", "EG", 361546), ("جنوب سيناء", "South Sinai", "EG", 359678),  # Arish, El-Tor
    ("هلمند", "Helmand", "AF", 1134720),  # seat Lashkar Gah
)

#: Place names that are also everyday words: a place only with evidence.
COMMON_WORDS: tuple[str, ...] = (
    "المدينة", "مدينة", "السلام", "النصر", "الحرية", "الجيش", "الثورة", "الأمل", "الباب",
    "الوحدة", "الكرامة", "الشام", "العرب", "الدولة", "الإسلام", "الخليج", "الشرق", "الغرب",
    "الجنوب", "الشمال", "الوسط", "الحياة", "البيت", "الجزيرة", "الفرات", "الحسين",
    "المنار", "العربية", "تدمر", "الميادين", "القصير", "الضمير", "التل", "السلمية", "الهامة",
    "الحولة", "أمان", "لأول", "فلاديمير", "البلاد", "جده", "بهرام", "توماهوك", "أمل", "بأنه", "الصور", "الأسد", "ليل", "السفيرة", "نصر الله", "عدوان", "البيضاء", "خليل", "كروم", "حصار", "طراز", "بشار", "هاميلتون", "ميدان", "الحراك", "السيد", "الطبقة", "لومي", "النور", "الفتح", "الرحمة", "المستقبل", "الهدى", "البعث", "الشيخ", "المركز",
    # neighbourhood names that are also words or people (see NEIGHBOURHOODS)
    "التضامن", "القدم", "تشرين", "الميدان", "المالكي", "العباسيين", "دمر", "صلاح الدين",
    "الشيخ سعيد", "السكري", "الشعار", "الأنصاري", "الفردوس", "الإنشاءات", "الأشرفية",
    "الحمدانية", "البياضة", "الجورة", "الرشدية", "كرم الزيتون", "بني زيد", "باب شرقي",
    # provinces abroad (PROVINCES) that are also given names
    "عمران", "المثنى",
)

#: Names never treated as common words although the no-Syria news uses them
#: otherwise (the Russian Duma): too important as places.
NEVER_COMMON: tuple[str, ...] = ("دوما", "القدس", "اليرموك", "نصيب", "حضر", "حميميم", "حمورية")

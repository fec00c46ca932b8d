"""Actors a careful coder infers when the event's own clause leaves a side unnamed.

Three codebook habits, each weaker evidence than a named actor (the coder lowers the
event's confidence when one of them fills a side):

- victims: a remote attack or an attack that kills people named as civilians
  («قتلت 30 شخصا»، «مقتل أربعة مدنيين»، «منازل المواطنين») has actor2 ``Civilians``;
- the air force: in Syria only states fly; an unattributed air strike (or chemical
  attack) on the opposition or on civilians is the Syrian government's, one on the
  government's side is Israel's when the story names Israel; unattributed shelling
  that kills civilians in a story about the government's offensive is the government's;
- the other side of a battle: a clash or a capture whose clause names one side takes
  the nearest opposing armed actor named before it in the story («الذي يسيطر عليه
  مسلحو داعش … استعاد الجيش حي القدم»).
"""

from __future__ import annotations

from marsad.actors.kb import by_name, inter_for, resolve_name
from marsad.actors.text import variants, words
from marsad.events import roles
from marsad.events.camps import ENEMIES, FOREIGN_STRIKERS, REGIME_SIDE, STRIKE_THEATRES, camp
from marsad.events.draft import REMOTE, Story, Words, once_per_article
from marsad.events.triggers import TriggerHit
from marsad.model import Article

#: Violence by a named armed group the story can lend to an unattributed act of the same kind.
GROUP_VIOLENCE = frozenset({"Abduction/forced disappearance", "Attack", "Suicide bomb"})


def note_agent(article: Article, toks: Words, hit: TriggerHit, seg: tuple[int, int], story: Story,
               news: bool = True) -> None:
    """Remember the named attacker of a strike even when its sentence cannot be located
    (strong cues only, and only an actor of the trigger's own segment); and the non-state
    armed group named as the perpetrator of violence («هجوم تنظيم الدولة على السويداء»), also
    in a sentence that is no news of its own (a toll update: «ارتفعت حصيلة التفجيرات التي شنها داعش»)."""
    sub = hit.definition.sub_event_type
    strike = news and sub in REMOTE and (hit.definition.strength == 2 or sub == "Air/drone strike")  # «شنت … ضربات»
    assault = sub in GROUP_VIOLENCE or sub == "Armed clash" and hit.definition.words[0].startswith(("هج", "هاجم"))
    if not strike and not assault:
        return
    a1, _ = roles.pick_actors(article.actors, toks, toks[seg[0]][0], toks[seg[1] - 1][1], hit.start)
    if a1 is not None and a1.actor_type != "civilians":
        if strike:
            story.agent = a1
        if assault and a1.inter in (2, 3) and not a1.name.startswith("Unidentified"):
            story.perpetrator = a1


Sides = tuple[str, int, str, int]

_CIVIL_NOUNS = ("مدني", "شخص", "اشخاص", "اطفال", "طفل", "نساء", "امراه", "عائل", "مواطن", "سكان", "اهالي",
                "نازح", "مسعف", "صحفي")
_CIVIL_SITES = ("منازل", "منزل", "الاحياء", "احياء", "سوق", "مدرسه", "مستشفي", "مشفي", "مخيم", "كنيسه", "مسجد",
                "جامع", "حسينيه")
#: Killed, or harmed: the wounded and the gassed are victims too («إصابة 20 مدنياً»، «حالات اختناق بين المدنيين»).
_KILLED = ("قتل", "مقتل", "قتلت", "قتلي", "مصرع", "ضحي", "حتف", "سقوط", "اصابه", "اصابات", "اصيب", "جرح", "اختناق")
#: Approximators, numbers' companions and conjoined injuries between a killing word and its victims.
_FILLER = frozenset({"ما", "لا", "يقل", "عن", "علي", "الاقل", "اكثر", "من", "نحو", "حوالي", "عدد", "اصيب", "جرح",
                     "واصيب", "بين", "بينهم", "اخرون", "اخرين", "حالات", "حاله"})
_REMOTE = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon",
                     "Remote explosive/landmine/IED", "Suicide bomb", "Attack"})
_BATTLES = frozenset({"Armed clash", "Government regains territory", "Non-state actor overtakes territory"})
#: How much an inferred side lowers the event's confidence.
PENALTY = 0.05


def civilian_victims(seg: Words) -> bool:
    """People named as civilians are killed or their homes are hit in the segment."""
    forms = [variants(w) for _, _, w in seg]
    for k, f in enumerate(forms):
        if any(x.startswith(_KILLED) for x in f):
            after = [g for g in forms[k + 1 : k + 9] if not g & _FILLER][:3]  # «قتل ما لا يقل عن 14 مدنيا»
            if any(any(x.startswith(_CIVIL_NOUNS) for x in g) for g in after):
                return True
        if any(x.startswith(_CIVIL_SITES) for x in f) and k > 0 and forms[k - 1] & {"علي", "استهدف", "استهدفت", "هاجم",
                                                                                  "هاجموا", "هاجمت"}:
            return True
    return False


_STRIKES = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"})
_STATE_WEAPONS = frozenset({"Air/drone strike", "Chemical weapon", "Shelling/artillery/missile attack"})


_IS_FIGHTERS = frozenset({"Global Coalition Against Daesh", "Military Forces of Iraq (2014-)",
                          "Military Forces of the United States"})


def _other_air_force(article: Article) -> bool:
    """The story names another air force that strikes the Islamic State (coalition, Iraq, US)."""
    return any(a.name in _IS_FIGHTERS for a in article.actors)


def _regime_named(article: Article) -> bool:
    """The story names the Syrian government's forces (a siege or an offensive it wages)."""
    return any(a.name == "Military Forces of Syria (2000-)" for a in article.actors)


def one_sided_attack(seg: Words, anchor: int, sub: str, actor2: str) -> bool:
    """«هاجم مسلحون سيارة مدنية وقتلوا 3 أشخاص»، «هاجم بسكين»: an attack with no armed
    opponent on people is Violence against civilians / Attack, not a clash."""
    if sub != "Armed clash" or actor2:
        return False
    word = next((w for a, _, w in seg if a >= anchor), "")
    if not any(f.startswith(("هاجم", "هجوم", "هجمات", "بمهاجم", "مهاجم")) for f in variants(word)):
        return False
    return civilian_victims(seg) or any(
        any(f.startswith(("سكين", "طعن", "ساطور")) for f in variants(w)) for _, _, w in seg)


def _israel_named(article: Article) -> bool:
    return any(a.name == "Military Forces of Israel" for a in article.actors) or any(
        p.country == "Israel" and p.feature == "country" for p in article.places)


_STRIKE_STEMS = ("ضربات", "ضربه", "غارات", "غاره", "قصف", "صواريخ", "نفذت", "نفذتها", "شنت", "شنتها", "هاجمت")
_WESTERN = ("Military Forces of the United States", "Military Forces of the United Kingdom", "Military Forces of France")
#: «الجيش الفرنسي لم يشن ضربات»: a denial names no striker.
_DENIALS = frozenset({"لم", "لن", "ليس", "ليست", "لا", "غير"})
_WESTERN_OF = dict(zip(("United States", "United Kingdom", "France"), _WESTERN, strict=True))


def _western_striker(article: Article) -> str | None:
    """«الضربات التي نفذتها الولايات المتحدة»: a Western state's military named in a story of
    strikes on the government (and no Israel) struck it; the first named of a joint strike
    leads (cells.joint then gives each of them its own event)."""
    return next(iter(western_strikers(article)), None)


@once_per_article
def western_strikers(article: Article) -> tuple[str, ...]:
    """The Western states a story names as striking («شنت الولايات المتحدة وبريطانيا وفرنسا
    ضربات»), in a fixed order (the US first); none when Israel is named (its strikes)."""
    if _israel_named(article):
        return ()
    named = [(a.start, a.end, a.name) for a in article.actors if a.name in _WESTERN] + [
        (p.start, p.end, _WESTERN_OF[p.country]) for p in article.places if p.feature == "country" and p.country in _WESTERN_OF]
    striking: set[str] = set()
    last_end, last_striking = -9, False
    for start, end, name in sorted(named):
        near = words(article.text[max(0, start - 40) : start])[-3:] + words(article.text[end : end + 40])[:3]
        joined = last_striking and start - last_end <= 2 and article.text[start - 1 : start + 1].startswith(("و", " و"))
        denied = any(w in _DENIALS or w.removeprefix("و").startswith(("نفت", "نفي")) for _, _, w in near)
        last_striking = joined or not denied and any(any(f.startswith(_STRIKE_STEMS) for f in variants(w))
                                                     for _, _, w in near)
        if last_striking:
            striking.add(name)  # «الضربات التي نفذتها الولايات المتحدة»، «شنت واشنطن وباريس غارات»
        last_end = end
    return tuple(w for w in _WESTERN if w in striking)


def infer_sides(article: Article, seg: Words, sub: str, country: str, sides: Sides, anchor: int,
                story_agent: bool = False) -> tuple[Sides, bool]:
    """The event's sides with the unnamed ones inferred; True when something was inferred.
    ``story_agent``: the story already named the attacker of its strikes (that one is used)."""
    actor1, inter1, actor2, inter2 = sides
    inferred = False
    if sub in _STRIKES and camp(actor1) is not None and camp(actor1) == camp(actor2):
        actor2, inter2 = "", 0  # «معارك مع القوات الحكومية وغارات لمقاتلات التحالف»: allies do not strike each other
    if not actor2 and sub in _REMOTE and civilian_victims(seg):
        actor2, inter2, inferred = f"Civilians ({country})", 7, True
    if not actor2 and sub == "Attack":
        actor2, inter2, inferred = f"Civilians ({country})", 7, True  # violence against civilians has civilian victims
    if not actor2 and sub == "Abduction/forced disappearance" and any(
            any(f.startswith(("مدني", "مواطن", "اطفال", "نساء", "سكان", "اهالي")) for f in variants(w)) for _, _, w in seg):
        actor2, inter2, inferred = f"Civilians ({country})", 7, True  # «20 مدنيا خطفوا»
    if actor1.startswith("Unidentified") and sub in _STATE_WEAPONS and not story_agent:
        accused = _accused_striker(article)
        if accused is not None and accused[0] != actor2:
            (actor1, inter1), inferred = accused, True
    if actor1.startswith("Unidentified") and sub == "Remote explosive/landmine/IED":
        planter = _planter(article)
        if planter is not None and planter[0] != actor2:
            (actor1, inter1), inferred = planter, True
    own = any(w.startswith(("قواتنا", "طايراتنا", "جيشنا")) for _, _, w in seg)  # a state speaks of its own
    if actor1.startswith("Unidentified") and country == "Syria" and sub in _STATE_WEAPONS and not story_agent \
            and not own and not (actor2.startswith("Islamic State") and _other_air_force(article)):
        if actor2 in REGIME_SIDE:
            western = _western_striker(article)
            if sub == "Air/drone strike" and _israel_named(article):
                actor1, inter1, inferred = "Military Forces of Israel", 8, True
            elif sub != "Chemical weapon" and western is not None:
                actor1, inter1, inferred = western, 8, True
        elif inter2 in (0, 2, 3, 4, 7) and (
                sub != "Shelling/artillery/missile attack" or actor2.startswith("Civilians") and _regime_named(article)):
            actor1, inter1, inferred = "Military Forces of Syria (2000-)", 1, True
    if country == "Yemen" and sub == "Air/drone strike" and (actor1.startswith("Unidentified") or (
            camp(actor1) == "yemeni government" and actor1 != "Operation Restoring Hope")) \
            and not actor2.startswith("Operation Restoring Hope"):
        actor1, inter1, inferred = "Operation Restoring Hope", 8, True  # the only air force over Yemen
    sides, other = _other_sides(article, seg, sub, country, (actor1, inter1, actor2, inter2), anchor)
    return _the_named_faction(article, sub, sides), inferred or other


_GENERIC_REBELS = "Opposition Rebels (Syria)"


def _the_named_faction(article: Article, sub: str, sides: Sides) -> Sides:
    """«مقاتلون معارضون» fighting, leaving or handing over in a story that names one opposition
    faction (and no other) are that faction's fighters («بدأ مقاتلون معارضون مغادرة حرستا» in a
    story of Ahrar al-Sham's deal); fire from afar («قصف نفذته فصائل معارضة») stays generic."""
    if _GENERIC_REBELS not in (sides[0], sides[2]) or sub in _REMOTE:
        return sides
    named = {a.name for a in article.actors if camp(a.name) == "opposition" and a.inter == 2
             and a.name not in (_GENERIC_REBELS, "Free Syrian Army", "Syrian National Army")}
    if len(named) != 1:
        return sides
    faction = named.pop()
    return tuple(faction if x == _GENERIC_REBELS else x for x in sides)  # type: ignore[return-value]


def strikes_abroad(name: str) -> bool:
    """Whether a state's forces strike outside their own country in these theatres (Russia
    and the outside strikers), so a story's lead may lend their name to strikes elsewhere."""
    return name in FOREIGN_STRIKERS or name == "Military Forces of Russia (2000-)"


def foreign_target(article: Article, actor1: str, inter1: int, sub: str, anchor: int, country: str) -> tuple[str, int] | None:
    """The target of an outside state's strike that names none (its nearest enemy the story
    named before ``anchor``), also when the striker was lent by the story's lead."""
    if sub in _STRIKES and actor1 in FOREIGN_STRIKERS:
        return _opponent(article, actor1, inter1, anchor, country)
    return None


def _other_sides(article: Article, seg: Words, sub: str, country: str, sides: Sides,
                 anchor: int) -> tuple[Sides, bool]:
    """A battle or a deal has two sides: a battle with none named is the story's nearest fight
    («تدور معارك على أطراف عفرين» after «تقدمت القوات التركية»); one with a side named takes its
    opponent; a deal an armed group alone concluded («عقد اتفاق مع جيش الإسلام») was made with
    the state whose forces the story names."""
    actor1, inter1, actor2, inter2 = sides
    if sub in _BATTLES and actor1.startswith("Unidentified") and not actor2 and country == "Syria":
        first = _opponent(article, "", 0, anchor, country, any_camp=True, within=_NEAR)
        other = first and _opponent(article, first[0], first[1], anchor, country, within=_NEAR)
        if first and other:
            return (first[0], first[1], other[0], other[1]), True
    if not actor2 and actor1 and (sub in _BATTLES or sub in _STRIKES and actor1 in FOREIGN_STRIKERS):
        other = _opponent(article, actor1, inter1, anchor, country) or _enemy_after(article, actor1, anchor, country)
        if other is not None:
            return (actor1, inter1, other[0], other[1]), True
    lo, hi = (seg[0][0], seg[-1][1]) if seg else (0, 0)
    if sub == "Agreement" and not actor2 and inter1 in (2, 3) and not actor1.startswith("Unidentified") and not any(
            p.feature == "country" and lo <= p.start < hi for p in article.places):  # «اتفاق مع روسيا»: named
        state = next((a for a in article.actors if a.inter == 1 and a.country == country
                      and a.name.startswith("Military Forces")), None)
        if state is not None:
            return (state.name, 1, actor1, inter1), True
    return sides, False


_ACCUSE = ("اتهم", "يتهم", "تتهم", "حمل", "حملت")
_OF_STRIKING = ("بشن", "بتنفيذ", "بالوقوف", "بقصف", "باستهداف", "بضرب", "بالهجوم", "مسووليه")


@once_per_article
def _accused_striker(article: Article) -> tuple[str, int] | None:
    """«اتهمت وسائل الإعلام السورية التحالف الدولي بشن الضربة»، «قال مصدر إن التحالف اعتدى على
    أحد مواقعنا»: the one armed side the story accuses of striking (two accused: none)."""
    accused = set()
    for a in article.actors:
        if a.inter not in (1, 2, 3, 8) or a.name.startswith("Unidentified"):
            continue
        before = words(article.text[max(0, a.start - 50) : a.start])[-5:]  # «اتهمت وكالة الأنباء الرسمية التحالف»
        after = words(article.text[a.end : a.end + 60])[:5]
        k = next((i for i, (_, _, w) in enumerate(after) if w.startswith(_OF_STRIKING)), None)
        blamed = k is not None and any(w.removeprefix("و").startswith(_ACCUSE) for _, _, w in before) \
            and not _names_other(article, a.end, a.end + after[k][0])
        if blamed or after[:1] and after[0][2].startswith(("اعتدي", "اعتدت")):
            accused.add((a.name, a.inter))
    return next(iter(accused)) if len(accused) == 1 else None


_PLANTED = ("زرع", "مخلفات")


@once_per_article
def _planter(article: Article) -> tuple[str, int] | None:
    """«الألغام التي زرعتها ميليشيات الحوثي»، «من مخلفات تنظيم داعش»: the one armed side the
    story says planted or left the mines."""
    found = set()
    for a in article.actors:
        before = words(article.text[max(0, a.start - 25) : a.start])[-2:]
        if a.inter in (1, 2, 3, 8) and any(any(f.startswith(_PLANTED) for f in variants(w)) for _, _, w in before):
            found.add((a.name, a.inter))
    return next(iter(found)) if len(found) == 1 else None


def _names_other(article: Article, start: int, end: int) -> bool:
    """A country or actor named in ``[start, end)`` other than a coalition's leader («بقيادة واشنطن»):
    «تتهم فيها إسرائيل إيران باستهدافها» accuses the next one, not the first."""
    spans = [(p.start, p.end) for p in article.places if p.feature == "country"] + [(a.start, a.end) for a in article.actors]
    for lo, _ in spans:
        if start <= lo < end and not any(w.startswith(("بقياده", "تقوده")) for _, _, w in words(article.text[start:lo])):
            return True
    return False


def _enemy_after(article: Article, actor1: str, anchor: int, country: str) -> tuple[str, int] | None:
    """Turkey's battle or strike in Syria whose story names the Kurdish forces only later («حررت قوات
    الجيش التركي … أربع قرى في منطقة عفرين» before «وحدات حماية الشعب»): those forces (ACLED's YPG or
    SDF, not the PKK Ankara names). Israel's and the Western states' enemies named later were mostly
    not the target (Gaza clashes, strikes on Iraqi militias): no such rule for them."""
    if actor1 != "Military Forces of Turkey (2016-)" or country != "Syria":
        return None
    enemies = ENEMIES["opposition"] - {"PKK: Kurdistan Workers Party"}
    for a in sorted((a for a in article.actors if a.start > anchor), key=lambda a: a.start):
        kb = by_name(a.name)
        name = resolve_name(kb, country) if kb is not None else a.name
        if name in enemies and kb is not None:
            return name, inter_for(kb, country)
    return None


_SOURCE_HEADS = ("مصادر", "مصدر", "بحسب", "وفق", "وكاله", "ناشطون", "ناشطين", "مسوول", "متحدث")


#: How far back (characters) the story's nearest fight is looked for when a battle names no side.
_NEAR = 400


def _opponent(article: Article, actor1: str, inter1: int, anchor: int, country: str,
              any_camp: bool = False, within: int = 10**9) -> tuple[str, int] | None:
    """The nearest armed actor named before ``anchor`` on the other side of ``actor1`` (not a
    reporting source: «مصادر من المعارضة»); ``any_camp``: the nearest armed actor of a known
    camp, whatever its side."""
    for a in sorted((a for a in article.actors if anchor - within <= a.start and a.end <= anchor), key=lambda a: -a.start):
        before = [variants(w) for w in article.text[max(0, a.start - 25) : a.start].split()[-2:]]
        if any(any(f.startswith(_SOURCE_HEADS) for f in forms) for forms in before):
            continue
        kb = by_name(a.name)
        if kb is None or "{country}" in kb.name or kb.actor_type in ("civilians", "protesters", "rioters"):
            continue
        name, inter = resolve_name(kb, country), inter_for(kb, country)
        if name == actor1 or inter not in (1, 2, 3, 8) or camp(name) == "western" or (
                camp(name) == "israel" and country == "Syria"):
            continue  # the Western states and Israel strike Syria from afar: no side of a ground battle
        if actor1 in FOREIGN_STRIKERS:
            if country not in STRIKE_THEATRES:
                return None
            if name in ENEMIES.get(camp(actor1) or "", ()):
                return name, inter
            continue
        if any_camp:
            if camp(name) is not None or country != "Syria":
                return name, inter
            continue
        if country != "Syria" and (inter == 1) != (inter1 == 1) and {inter, inter1} <= {1, 2, 3} and (
                kb.country == country or inter == 1):
            return name, inter  # outside Syria's camps: the local state's forces and a local armed group fight
        if camp(name) is None or camp(actor1) is None or camp(name) == camp(actor1):
            continue  # allies, or a side whose camp is unknown
        return name, inter
    return None

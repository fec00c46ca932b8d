"""Coding one trigger of a sentence: is it news, where, who, which sub-type, when, how many dead.

Each phase reads the trigger's clause (``lo``–``hi``) and its own segment between the
neighbouring triggers (``seg_lo``–``seg_hi``); the coder (events.coder) walks the sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from marsad.actors.kb import country_name
from marsad.actors.text import variants
from marsad.events import cells, context, placing, roles, timeframe, where
from marsad.events.abroad import country_of_clause
from marsad.events.attribution import PENALTY, infer_sides, note_agent, one_sided_attack
from marsad.events.confidence import draft_cues, hedged
from marsad.events.dates import DateRef, age, dates_outside, pick_date, until
from marsad.events.draft import MAX_AGE_DAYS, NO_TOLL, REMOTE, RETALIATORS, Draft, Story, Words
from marsad.events.fatalities import count_deaths, told_before
from marsad.events.listed_places import in_list_province, situated
from marsad.events.newsworthy import not_news
from marsad.events.ontology import event_type_of
from marsad.events.subtypes import (
    DEAL_TERMS,
    REMOTE_SUBS,
    actor_fields,
    air_launched,
    deal_named,
    fighters_side,
    military_target,
    own_part,
    resolve_sub,
    state_forces,
)
from marsad.events.trigger_lexicon import TERRITORY
from marsad.events.triggers import TriggerHit
from marsad.model import Actor, Article, Place, Span


@dataclass(frozen=True, slots=True)
class Clause:
    """A trigger's clause and segment (token indices) with the dates they hold."""

    lo: int
    hi: int
    seg_lo: int
    seg_hi: int
    dates: list[DateRef]  # the sentence's dates outside background phrases
    clause_dates: list[DateRef]

    @property
    def day_dates(self) -> list[DateRef]:
        return [d for d in self.clause_dates if not d.statement]


@dataclass(frozen=True, slots=True)
class Location:
    place: Place
    places: Sequence[Place]  # the usable places the choice was made among
    quoted: tuple[int, int] | None
    elaborated: bool  # given by the next sentence
    borrowed: bool  # named earlier in the article, not in the clause


def code_hit(
    article: Article, toks: Words, hits: list[TriggerHit], k: int, dates: list[DateRef],
    published: datetime | None, story: Story,
) -> list[Draft]:
    """The drafts (one per place × day) of trigger ``hits[k]``, or none when it reports no event."""
    hit = hits[k]
    cl = _clause(article, toks, hits, k, dates)
    if cl is None:
        return []
    dropped = not_news(article, toks, hit, cl, published, story)
    note_agent(article, toks, hit, (cl.seg_lo, cl.seg_hi), story, news=not dropped)
    if dropped:
        return []
    loc = _locate(article, toks, hit, cl, story)
    if loc is None:  # the toll may belong with the next cue («انفجار عبوة … وسقوط قذيفة في دمشق»)
        story.pending_toll = count_deaths(toks[cl.seg_lo : cl.seg_hi]) or story.pending_toll
        if hit.definition.sub_event_type in REMOTE | REMOTE_SUBS and story.unplaced is None:
            story.unplaced = pick_date(cl.clause_dates, cl.dates, hit.start, published)
        return []
    country = country_name(loc.place.country) or "Syria"
    answered = _answered(toks, hit, cl)
    a1, a2 = _actors(article, toks, hit, answered, country, loc.elaborated, story)
    typed = _sub_type(article, toks, hit, cl, a1, a2, country)
    if typed is None:
        return []
    sub, a1, a2 = typed
    when, precision, date_conf = _event_day(article, toks, hit, cl, sub, published, story)
    if not -MAX_AGE_DAYS <= age(when, published) <= 1:
        return []
    if (age(when, published) < -1 or not cl.day_dates) and timeframe.pluperfect(toks, cl.lo, hit.first):
        return []  # «وكانت … قد شنت» days before: background to today's news
    if sub == "Chemical weapon" and (date_conf < 0 or not cl.day_dates and not dates_outside(cl.dates, cl.clause_dates)
                                     or (a1 is not None and a1.country in RETALIATORS)):
        return []  # an undated chemical attack is the one everybody refers to; strikes answering it are no such attack
    stale = age(when, published) < -1
    draft = _draft(article, toks, hit, cl, loc, sub, (a1, a2), country, (when, precision, date_conf), story, stale)
    if draft is None:
        return []
    if answered is not cl:  # the attack a reply answers: no event later sentences refer back to (coder)
        draft = replace(draft, cues=draft.cues | {"answered"})
    listed = where.enumerated_places(article, toks[cl.seg_lo : cl.seg_hi], story.following) \
        or placing.coordinated(loc.places, article.text, loc.place)
    if len(listed) >= 3 and not cl.clause_dates and cells.spread(listed):
        return []  # «في محافظات دمشق وريفها وحلب وحماة» undated: a summary, not events
    listed = in_list_province(situated(listed, article.places, article.text))
    last_day = until(article.text, cl.clause_dates, when)
    days: list[date | None] = [when + timedelta(days=k) for k in range((last_day - when).days + 1)] \
        if when and last_day else [when]
    dead = bool(draft.fatalities or count_deaths(toks[cl.lo : cl.hi]))
    return cells.expand(draft, toks, (cl.seg_lo, cl.seg_hi), listed or [loc.place], days, country, dead, article, story)


def _event_day(article: Article, toks: Words, hit: TriggerHit, cl: Clause, sub: str, published: datetime | None,
               story: Story) -> tuple[date | None, int, float]:
    """(day, precision, date confidence): the clause's, else the earlier sentence's the event continues."""
    own = [d for d in cl.clause_dates if d.start >= hit.end] if not hit.definition.verbal else []
    # «ناقش المجلس، الاثنين، الهجوم الذي وقع، السبت»: a noun's own day follows it; the one before dates the verb
    picked = pick_date(own or cl.clause_dates, cl.dates, hit.start, published)
    last = story.last
    if not cl.dates and last is not None and last.sub_event_type == sub and last.time_precision == 1 and \
            where.paragraph_start(article.text, last.evidence.start) == where.paragraph_start(article.text, toks[0][0]):
        return last.event_date, 1, 0.0  # «… اعتقلت الاثنين رجلا. وتم توقيف ثالث في …»
    if not cl.dates and last is None and story.unplaced is not None and hit.definite:
        return story.unplaced  # «… ضربات السبت. وقالت سانا إن الضربات استهدفت …»
    return picked


def _clause(article: Article, toks: Words, hits: list[TriggerHit], k: int, dates: list[DateRef]) -> Clause | None:
    """The trigger's clause and segment, or None when the clause is unreal or background."""
    hit = hits[k]
    lo, hi = context.clause_bounds(article.text, toks, hit.first, hit.last)
    hi = timeframe.before_tally_update(toks, hit.last, hi)
    soon = toks[min(hit.last + 4, len(toks) - 1)][1]
    dated_after = any(hit.end <= d.start <= soon and not d.statement for d in dates)
    own_date = any(hit.end <= d.start < toks[hi - 1][1] and not d.statement for d in dates)
    fresh = any(hit.end <= d.start < toks[hi - 1][1] and not d.statement
                and -timeframe.RECAP_DAYS < age(d.date, article.published) <= 0 for d in dates)
    # «ردا على إطلاق صواريخ … فجر الخميس»: a reply's cause of this week is news; older, a reference point
    last = deal_named(toks, hit, hi)  # «اتفاق هدنة ينص على»: the deal's terms, not a plan
    if context.is_unreal(toks, lo, hit.first, last, hi, own_date) or context.is_background(
        article.text, toks, lo, hit.first, dated_after, fresh
    ):
        return None
    dates = [d for d in dates if not timeframe.in_background_phrase(toks, d.start) and not timeframe.of_people(toks, hit.end, d.start)]
    clause_dates = [d for d in dates if toks[lo][0] <= d.start < toks[hi - 1][1]]
    seg_lo = max([lo] + [h.last + 1 for h in hits[:k] if h.last < hit.first and h.last + 1 > lo])
    seg_hi = min([hi] + [h.first for h in hits[k + 1 :] if h.first < hi])
    return Clause(lo, hi, seg_lo, seg_hi, dates, clause_dates)


_NEW_PHRASE = frozenset({"ان", "انه", "انها", "التي", "الذي", "الذين", "حيث", "بينما", "فيما", "كما", "بعد", "قبل"})


def _locate(article: Article, toks: Words, hit: TriggerHit, cl: Clause, story: Story) -> Location | None:
    """The event's place: in its segment or clause, the sentence's only one, the next sentence's
    («… أربع قرى. وهي …»), the place just referred to, else one named earlier."""
    lo, hi, seg_lo, seg_hi = cl.lo, cl.hi, cl.seg_lo, cl.seg_hi
    skip = placing.dateline_end(article.text)
    places: Sequence[Place] = story.usable_places(article)
    quoted = placing.quote_around(article.text, toks[0][0], toks[-1][1], hit.start)
    if quoted is not None:  # a trigger inside a quotation happened where the quotation says
        places = [p for p in places if quoted[0] <= p.start < quoted[1]]
    terms = next((a for a, _, w in toks[hit.last + 1 : hi] if w in DEAL_TERMS), None)
    if hit.definition.sub_event_type == "Agreement" and terms is not None:  # «ينص على … إجلاء … في محافظة إدلب»
        places = [p for p in places if p.start < terms or p.geo_precision < 3]  # a province in its terms is no place
    talks = hit.definition.sub_event_type == "Agreement"  # a deal is made where its meeting is
    place = placing.pick_place(places, article.actors, toks, seg_lo, seg_hi, hit.start, skip, talks)
    place = place or placing.pick_place(places, article.actors, toks, lo, seg_hi, hit.start, skip, talks)
    if (place is None or place.start < hit.start) and seg_hi < hi and hit.definition.sub_event_type in REMOTE \
            and toks[seg_hi][2][:1] in "وب" and not any(w in _NEW_PHRASE for _, _, w in toks[seg_hi:hi]):
        # «بقصف سوري بالبراميل وغارات روسية على … بلدتي X وY»: conjoined strikes share their target
        place = placing.pick_place(places, article.actors, toks, seg_hi, hi, toks[seg_hi][0], skip, talks) or place
    if place is None and hit.definition.sub_event_type == "Agreement" and seg_hi < hi:
        # «اتفاق … يسمح لهم بمغادرة دوما»: the deal's terms (another cue) name its place
        place = placing.pick_place(places, article.actors, toks, seg_hi, hi, toks[seg_hi][0], skip, talks)
    place = place or placing.sole_place(places, article.actors, toks, hit.start, skip, talks)
    elaborated = place is None and hit.definition.strength == 2 and story.next_place(article) is not None
    if elaborated:
        place = story.next_place(article)
    own_day = any(not d.statement for d in cl.clause_dates)
    borrowed = place is None and hit.definition.strength == 2 and quoted is None and own_day
    anaphoric = place is None and quoted is None and where.anaphoric_place(
        article, article.places, toks[seg_lo:seg_hi], toks[0][0]) is not None
    if anaphoric:  # «على البلدة»: the town just named
        place = where.anaphoric_place(article, article.places, toks[seg_lo:seg_hi], toks[0][0])
        borrowed = True
    elif borrowed:  # named earlier in the paragraph, else the story's own place (headline included)
        place = where.preceding_place(article, places, toks[0][0]) or story.dominant_place(article, places)
        home = country_of_clause(article.places, article.actors, toks, lo, hi)
        if home is not None and (place is None or place.country != home.country):
            place = home  # «اعتقلت السلطات البحرينية، السبت، …»: only the country is known
        elif place is not None and _names_other_country(article, toks, lo, hi, place):
            place = None  # «الهجوم الذي نفذته إيران على مقر حزب كردي»: another theatre
    if place is None and quoted is None:
        place = where.renamed_place(article, toks[lo:hi])
    if place is None:
        return None
    return Location(place, places, quoted, elaborated, borrowed)


def _answered(toks: Words, hit: TriggerHit, cl: Clause) -> Clause:
    """The clause from «ردا على» on, for the actors of the attack a reply answers («ونفذت فرنسا ضربات …
    ردا على هجوم كيميائي وقع في …»): the answering side named before it is not its attacker."""
    k = next((k for k in range(hit.first - 1, max(cl.lo, hit.first - 4) - 1, -1)
              if variants(toks[k][2]) & context.REPLY), None)
    return cl if k is None else replace(cl, lo=k + 1, seg_lo=max(cl.seg_lo, k + 1))


def _capture_genitive(article: Article, toks: Words, hit: TriggerHit) -> Actor | None:
    """The actor right after a capture noun is its agent («أفاد المرصد عن سيطرة قوات النظام على …»;
    roles leaves it out, as it does the side after «تحت سيطرة»)."""
    nxt = toks[hit.last + 1] if hit.last + 1 < len(toks) else None  # the word after the trigger
    if hit.definition.sub_event_type != TERRITORY or hit.definition.verbal or nxt is None:
        return None
    return next((a for a in article.actors if nxt[0] <= a.start < nxt[1] and a.inter in (1, 2, 3, 8)), None)


def _actors(
    article: Article, toks: Words, hit: TriggerHit, cl: Clause, country: str, elaborated: bool, story: Story
) -> tuple[Actor | None, Actor | None]:
    """Actor 1 and 2: named in the segment, else the clause; nationality adjectives; the next
    sentence's pair; a relative clause's antecedent; the country that fired."""
    lo, hi, seg_lo, seg_hi = cl.lo, cl.hi, cl.seg_lo, cl.seg_hi
    a1, a2 = roles.pick_actors(article.actors, toks, toks[seg_lo][0], toks[seg_hi - 1][1], hit.start)
    if a2 is None:
        c1, c2 = roles.pick_actors(article.actors, toks, toks[lo][0], toks[hi - 1][1], hit.start)
        a1, a2 = (a1 or c1), next((c for c in (c1, c2) if c is not None and a1 is not None and c.name != a1.name), None)
    if a1 is None or a2 is None:
        n1, n2 = roles.nationality_actors(toks, seg_lo, seg_hi, country)
        if a1 is None:
            a1 = n1
        if a2 is None and n2 is not None and (a1 is None or n2.name != a1.name):
            a2 = n2
        if a1 is None:  # «المعسكر الروسي … استهدف مدينة اللطامنة بصواريخ»: the clause's subject
            a1 = roles.nationality_actors(toks, lo, hi, country)[0]
    if a1 is None and elaborated and story.following is not None:  # «اشتباكات بين الطرفين. وقال المرصد إن القتال بدأ بين X وY»
        a1, a2 = where.elaboration_actors(article, story.following)
    if a1 is None:
        a1 = _antecedent(article, toks, hit) or roles.country_agent(article.places, toks, seg_lo, seg_hi, country)
    if a2 is None and hit.definition.sub_event_type == "Agreement":  # «أبرمت روسيا وفصائل معارضة اتفاق هدنة»
        a2 = roles.country_agent(article.places, toks, lo, hi, country, ("ابرم", "توصل", "وقع"))
    if a1 is None and hit.definition.sub_event_type == TERRITORY:
        a1, _ = roles.pick_actors(article.actors, toks, toks[0][0], hit.start, hit.start)
    if a1 is None:
        a1 = _capture_genitive(article, toks, hit)  # «أفاد المرصد عن سيطرة قوات النظام على بلدة …»
    if a1 is not None and a2 is not None and hit.definition.sub_event_type not in ("Armed clash", "Agreement") and \
            roles.conjoined(a1, a2, toks):
        a2 = None  # «حررت قوات الجيش التركي والجيش السوري الحر …»: an ally joined to the agent is no target
    if a1 is not None and a2 is not None and roles.supports(a1, a2, toks):  # the ally is no side; the next one is
        a2 = next((a for a in article.actors if toks[seg_lo][0] <= a.start < toks[seg_hi - 1][1]
                   and a.name not in (a1.name, a2.name) and a.actor_type not in ("civilians", "protesters")), None)
    return roles.loyalists(a1, toks), roles.loyalists(a2, toks)


def _sub_type(
    article: Article, toks: Words, hit: TriggerHit, cl: Clause, a1: Actor | None, a2: Actor | None,
    country: str = "",
) -> tuple[str, Actor | None, Actor | None] | None:
    """The sub-event type, with the actors swapped where a withdrawal or handover says who acts.
    A state's forces abroad (Turkey's in Afrin) are external: their capture is the codebook's
    "Non-state actor overtakes territory" (non-state or foreign state actors), not a government's."""
    sub = resolve_sub(hit, toks[cl.seg_lo : cl.seg_hi], a1, a2)
    if sub == "Government regains territory" and a1 is not None and a1.country and country \
            and a1.country != country:
        sub = "Non-state actor overtakes territory"
    if a1 is None and a2 is not None and sub in ("Non-violent transfer of territory", "Change to group/activity"):
        a1, a2 = a2, None  # «خروج مسلحين معارضين»: who withdraws / hands over acts
    elif hit.definition.words[0] == "تسلمت" and sub == "Non-violent transfer of territory":
        a1, a2 = a2, a1  # «تسلمت قوات النظام مدينة X من الفصائل»: who hands over acts, the taker is actor 2
    if sub is None:
        return None
    if a1 is None and a2 is not None and sub == "Attack" and a2.actor_type != "civilians":
        a1, a2 = a2, None  # «قتلا برصاص الجيش الإسرائيلي»: the one armed side named shot them
    return sub, a1, a2


def _draft(
    article: Article, toks: Words, hit: TriggerHit, cl: Clause, loc: Location, sub: str,
    pair: tuple[Actor | None, Actor | None], country: str, dated: tuple[date | None, int, float], story: Story,
    stale: bool,
) -> Draft | None:
    """The draft's actor fields (inferred sides, civilians, rioters), toll and confidence."""
    lo, hi, seg_lo, seg_hi = cl.lo, cl.hi, cl.seg_lo, cl.seg_hi
    a1, a2 = pair
    when, precision, date_conf = dated
    told = None if sub in NO_TOLL else told_before(toks[seg_lo:seg_hi], story.toll_told())
    if told:  # counted once, by the events of the sentence that tells them again
        story.retold()
    toll = 0 if sub in NO_TOLL else (told or count_deaths(own_part(sub, toks[seg_lo:seg_hi])) or 0)
    names = actor_fields(sub, a1, a2, country)
    if names is None:
        return None
    actor1, inter1, actor2, inter2 = names
    if not actor2 and sub in REMOTE_SUBS and (military_target(toks[seg_lo:seg_hi]) or loc.place.feature in _BASES):
        actor2, inter2 = state_forces(country, actor1)  # «مطار الشعيرات»، «قاعدة "تيفور"»: a named base
    actor1, inter1, actor2, inter2 = fighters_side(sub, (actor1, inter1, actor2, inter2), toks[seg_lo:seg_hi], country)
    if not actor2 and sub == "Non-violent transfer of territory" and inter1 == 2 and _state_in_story(article, country):
        actor2, inter2 = state_forces(country, actor1)  # rebels who hand over a town hand it to the state
    if one_sided_attack(toks[seg_lo:seg_hi], hit.start, sub, actor2):
        sub, actor2, inter2 = "Attack", f"Civilians ({country})", 7
    (actor1, inter1, actor2, inter2), inferred = infer_sides(
        article, toks[seg_lo:seg_hi], sub, country, (actor1, inter1, actor2, inter2), hit.start, story.agent is not None)
    sub = air_launched(sub, actor1, country, toks[lo:hi])
    if sub == "Armed clash" and actor2.startswith("Civilians"):
        sub = "Attack"
    if inter1 == 6 and event_type_of(sub) in ("Battles", "Violence against civilians") or (
        inter1 == 6 and sub == "Looting/property destruction"
    ):
        sub, actor1, inter1 = "Violent demonstration", f"Rioters ({country})", 5  # protesters who storm or burn
    if sub == "Armed clash" and _riot_clash(toks[lo:hi], hit):
        if not actor2 or inter2 in (0, 3, 5, 6):
            actor2, inter2 = (actor1, inter1) if inter1 in (1, 8) else ("", 0)
        sub, actor1, inter1 = "Violent demonstration", f"Rioters ({country})", 5
    confidence = 0.55 + 0.15 * (hit.definition.strength == 2) + date_conf + 0.1 * (a1 is not None)
    confidence -= where.PENALTY * loc.borrowed + PENALTY * inferred
    cues = draft_cues(strong=hit.definition.strength == 2, date_conf=date_conf, named=a1 is not None,
                      inferred=bool(inferred), borrowed=bool(loc.borrowed), hedge=hedged(w for _, _, w in toks[lo:hi]),
                      position=toks[0][0] / max(1, len(article.text)), quoted=loc.quoted is not None,
                      stale=stale)
    seg = Span(toks[seg_lo][0], toks[seg_hi - 1][1])
    return Draft(sub, when, precision, loc.place, actor1, inter1, actor2, inter2, toll, seg,
                 round(min(confidence, 0.95), 2), cues)


_BASES = frozenset({"airbase", "base"})
#: Who the clashes of :func:`_riot_clash` involve: protesters, protests, riots, a crowd of youths.
#: «مظاهرات/مظاهرة» only: the bare stem is also «المظاهر المسلحة» (armed displays).
_PROTEST_WORDS = ("متظاهر", "محتج", "مظاهره", "مظاهرات", "احتجاج", "تظاهر", "شغب", "شبان")
#: A crowd's weapons: stones, petrol bombs («رشق بالحجارة»، «زجاجات حارقة»، «مولوتوف»).
_CROWD_ARMS = ("حجاره", "حارقه", "مولوتوف", "رشق", "يرشق", "يرشقون")


def _riot_clash(clause: Words, hit: TriggerHit) -> bool:
    """«جرت مواجهات وأعمال شغب عنيفة»، «خرجت مظاهرات … واندلعت اشتباكات مع قوات الأمن»: clashes
    in a clause about protesters or riots are a violent demonstration, not a battle (ant2018_syria:
    5 such Armed clash events read, 5 riots at Gaza's fence, in Tehran and in the Moroccan Rif).
    So are clashes of youths («شبان») and an attack or clash with stones or petrol bombs («هاجم أربعة
    أشخاص السفارة بزجاجات حارقة»): the codebook's rioters, not an armed group (round ten's draw)."""
    forms = [(k, f) for k, (_, _, w) in enumerate(clause) for f in variants(w)]
    if hit.definition.words[0].startswith(("هاجم", "هجوم")):
        return any(f.startswith(_CROWD_ARMS) for _, f in forms)
    if not hit.definition.words[0].startswith(("مواجه", "اشتباك", "اشتبك")):
        return False
    return any(f.startswith(_PROTEST_WORDS + _CROWD_ARMS)
               and not (f == "شغب" and k and "مكافحه" in variants(clause[k - 1][2]))
               for k, f in forms)  # «قوات مكافحة الشغب»: riot police


def _state_in_story(article: Article, country: str) -> bool:
    """Whether the article names the country's own state forces (inter 1) anywhere."""
    return any(a.inter == 1 and a.country == country for a in article.actors)


#: Syria or Syrian: a clause that names it is about the Syrian theatre, not a borrowed place abroad.
_SYRIA = frozenset({"سوري", "سوريه", "سوريا"})


def _names_other_country(article: Article, toks: Words, lo: int, hi: int, place: Place) -> bool:
    """The clause names another country than the borrowed place's as the attacker or the
    place («نفذته إيران»، «في العراق»), not as a dateline or a party to talks."""
    start, end = max(toks[lo][0], placing.dateline_end(article.text)), toks[hi - 1][1]
    for p in article.places:
        if p.feature != "country" or not start <= p.start < end or p.country == place.country:
            continue
        prev = [w for a, b, w in toks if b <= p.start][-1:]
        if prev and (prev[0] in ("في", "داخل") or prev[0].startswith(("نفذ", "شن", "اطلق", "قصف"))):
            return True
    if place.country != "Syria" and any(w.removeprefix("و").removeprefix("ل").removeprefix("ال") in _SYRIA
                                        for _, _, w in toks[lo:hi]):
        return True  # «مواقع تابعة للنظام السوري»، «شمال شرقي سوريا» with Moscow as the story's place
    return False


_RELATIVE = frozenset({"الذين", "الذي", "التي", "اللذين", "اللتين"})


def _antecedent(article: Article, toks: Words, hit: TriggerHit) -> Actor | None:
    """«مقاتلو الجيش الحر الذين اجتاحوا عفرين»: the actor a relative clause's verb trigger is about."""
    if not hit.definition.verbal or hit.first == 0 or toks[hit.first - 1][2] not in _RELATIVE:
        return None
    rel_start = toks[hit.first - 1][0]
    floor = toks[max(0, hit.first - 8)][0]
    before = [a for a in article.actors if floor <= a.start and a.end <= rel_start and a.actor_type != "civilians"]
    return max(before, key=lambda a: a.end) if before else None

"""From an analysed article to its ACLED events (before merging).

For each sentence: find triggers, drop the weak ones when a strong one is there,
drop triggers that did not happen (context filters), then read the event's place,
actors, date and toll from the trigger's segment of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta

from marsad.actors.kb import by_name, country_name, inter_for
from marsad.actors.text import variants, words
from marsad.events import context, roles, where
from marsad.events.abroad import country_of_clause
from marsad.events.attribution import PENALTY, infer_sides, one_sided_attack
from marsad.events.confidence import draft_cues, hedged
from marsad.events.dates import DateRef, find_event_dates
from marsad.events.fatalities import count_deaths
from marsad.events.ontology import event_type_of
from marsad.events.subtypes import (
    REMOTE_SUBS,
    actor_fields,
    air_launched,
    handed_over,
    military_target,
    percent_after,
    resolve_sub,
    state_forces,
    supported,
)
from marsad.events.triggers import SHELL_OR_AIR, TERRITORY, TriggerHit, find_triggers
from marsad.model import Actor, Article, Place, Span

Words = list[tuple[int, int, str]]

#: Events dated longer before publication are background, not news (the codebook codes
#: an event from the reports that cover it when it happens).
MAX_AGE_DAYS = 14
#: States whose strikes in these years answered chemical attacks (never the users in the reports).
_RETALIATORS = frozenset({"United States", "United Kingdom", "France", "Israel"})
_NO_TOLL = frozenset({"Arrests", "Agreement", "Peaceful protest", "Headquarters or base established",
                      "Non-violent transfer of territory", "Change to group/activity", "Disrupted weapons use"})


@dataclass(frozen=True, slots=True)
class Draft:
    """One coded event before merging."""

    sub_event_type: str
    event_date: date
    time_precision: int
    place: Place
    actor1: str
    inter1: int
    actor2: str
    inter2: int
    fatalities: int
    evidence: Span
    confidence: float
    cues: frozenset[str] = frozenset()  # evidence flags for the confidence model (events.confidence)


def sentence_spans(article: Article) -> list[Span]:
    """The article's sentences (Arabic layer), else a local split on end punctuation and lines."""
    if article.sentences:
        return list(article.sentences)
    out, start = [], 0
    for i, ch in enumerate(article.text):
        if ch in ".!?؟\n" and not (ch == "." and 0 < i < len(article.text) - 1 and article.text[i + 1].isdigit()):
            if i + 1 > start and article.text[start : i + 1].strip():
                out.append(Span(start, i + 1))
            start = i + 1
    if article.text[start:].strip():
        out.append(Span(start, len(article.text)))
    return out


def draft_events(article: Article) -> list[Draft]:
    text = article.text
    published = article.published or datetime.now()
    drafts: list[Draft] = []
    story = Story()
    spans = sentence_spans(article)
    for i, sent in enumerate(spans):
        toks = [(a + sent.start, b + sent.start, w) for a, b, w in words(text[sent.start : sent.end])]
        if not toks:
            continue
        story.next_place = where.elaboration_place(article, spans[i + 1]) if i + 1 < len(spans) else None
        story.next_span = spans[i + 1] if story.next_place is not None else None
        found = find_triggers(toks)
        if not found:
            continue
        dates = [
            DateRef(d.start + sent.start, d.end + sent.start, d.date, d.precision, _is_statement_date(text, d.end + sent.start))
            for d in find_event_dates(text[sent.start : sent.end], published)
        ]
        strong = _kept_hits([h for h in found if h.definition.strength == 2])
        weak = [h for h in found if h.definition.strength == 1]
        tactic = [h for h in weak if h.definition.sub_event_type != "Attack"]
        weak = _kept_hits(tactic or weak)  # «قتل … في انفجار»: the killing is the blast's toll
        coded = _code_hits(article, toks, strong, dates, published, story)
        if not coded:  # a weak cue counts when no strong one in the sentence held up
            coded = _code_hits(article, toks, weak, dates, published, story)
        drafts.extend(coded)
    for old, new in story.tolls:
        drafts = [new if d is old else d for d in drafts]
    return drafts


@dataclass
class Story:
    """What earlier sentences of the article established: the last named remote-violence agent."""

    agent: Actor | None = None
    last: Draft | None = None
    tolls: list[tuple[Draft, Draft]] = field(default_factory=list)
    pending_toll: int = 0
    next_place: Place | None = None
    next_span: Span | None = None
    group: list[Draft] = field(default_factory=list)  # the drafts of the last coded cue (places × days)


_REMOTE = frozenset({SHELL_OR_AIR, "Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon"})


def _with_story_agent(draft: Draft, story: Story) -> Draft:
    """An unattributed strike in a story whose lead named the attacker takes that attacker."""
    if draft.actor1.startswith("Unidentified") and story.agent is not None and (
        draft.sub_event_type in _REMOTE
    ):
        country = country_name(draft.place.country) or "Syria"
        kb = by_name(story.agent.name)
        inter = inter_for(kb, country) if kb else story.agent.inter
        if story.agent.name != draft.actor2:
            draft = replace(draft, actor1=story.agent.name, inter1=inter)
    story.last = draft
    return draft


def _code_hits(
    article: Article, toks: Words, hits: list[TriggerHit], dates: list[DateRef], published: datetime, story: Story
) -> list[Draft]:
    out: list[Draft] = []
    story.pending_toll = 0
    for k in range(len(hits)):
        group = []
        for draft in _code_hit(article, toks, hits, k, dates, published, story):
            if story.pending_toll and draft.sub_event_type not in _NO_TOLL:
                draft = replace(draft, fatalities=max(draft.fatalities, story.pending_toll))
                story.pending_toll = 0
            group.append(_with_story_agent(draft, story))
        if group:
            story.group = group
        out.extend(group)
    return out


def _kept_hits(hits: list[TriggerHit]) -> list[TriggerHit]:
    """Adjacent triggers of one tactic join into one."""
    out: list[TriggerHit] = []
    for h in hits:
        if out and h.first - out[-1].last <= 2 and _joinable(out[-1], h):
            prev = out[-1]
            best = h if prev.definition.sub_event_type in (SHELL_OR_AIR,) or prev.definition.verbal else prev
            out[-1] = TriggerHit(prev.first, h.last, prev.start, h.end, best.definition, prev.definite and h.definite)
        else:
            out.append(h)
    return out


def _joinable(a: TriggerHit, b: TriggerHit) -> bool:
    sa, sb = a.definition.sub_event_type, b.definition.sub_event_type
    return sa == sb or SHELL_OR_AIR in (sa, sb)


def _code_hit(
    article: Article, toks: Words, hits: list[TriggerHit], k: int, dates: list[DateRef], published: datetime,
    story: Story,
) -> list[Draft]:
    hit = hits[k]
    lo, hi = context.clause_bounds(article.text, toks, hit.first, hit.last)
    hi = context.before_tally_update(toks, hit.last, hi)
    soon = toks[min(hit.last + 4, len(toks) - 1)][1]
    dated_after = any(hit.end <= d.start <= soon and not d.statement for d in dates)
    own_date = any(hit.end <= d.start < toks[hi - 1][1] and not d.statement for d in dates)
    if context.is_unreal(toks, lo, hit.first, hit.last, hi, own_date) or context.is_background(
        article.text, toks, lo, hit.first, dated_after
    ):
        return []
    dates = [d for d in dates if not context.in_background_phrase(toks, d.start)]
    clause_dates = [d for d in dates if toks[lo][0] <= d.start < toks[hi - 1][1]]
    seg_lo = max([lo] + [h.last + 1 for h in hits[:k] if h.last < hit.first and h.last + 1 > lo])
    seg_hi = min([hi] + [h.first for h in hits[k + 1 :] if h.first < hi])
    if hit.definite and not hit.definition.verbal and not [d for d in clause_dates if not d.statement]:
        toll = count_deaths(toks[lo:hi])
        if toll is not None and not _has_place(article, toks, lo, hi):
            if not _other_party(article, toks, lo, hi, hit, story.last):
                _add_toll(story, hit, toll)
            return []
        if toll is None and not _lead_report(article, toks, lo, hi, hit, story):
            return []
    if hit.definition.strength == 1 and not hit.definition.verbal and not supported(toks[lo:hi], hit):
        return []
    if hit.definition.sub_event_type == TERRITORY and percent_after(toks, hit.last):
        return []
    trend = context.has_trend(toks, 0, hit.first) or context.has_trend(toks, lo, hi)
    if context.depicted(toks, lo, hit.first):
        return []  # what a video shows is not the report of an event
    if hit.first > 0 and toks[hit.first - 1][2] == "وسط" and not clause_dates:
        return []  # «وسط معارك لا يبدو أنها ستنتهي»: the setting, not an event
    if context.long_ago(toks, lo, hit.first, hi, published.year):
        return []  # «في 14 أبريل من عام 2001»، «قبل نحو شهر»: an old event recalled
    day_dates = [d for d in clause_dates if not d.statement]
    if not day_dates and (context.present_state(toks, lo, hit.first) or context.old_year(toks, lo, hi, published.year)):
        return []  # «فيما تستمر الغارات»، «عام 2012 لقيت حتفها في قصف»: no event of these days
    if not clause_dates and (trend or context.open_ended_since(toks, lo, hi)):
        return []
    if context.open_ended_since(toks, hit.last + 1, hi) or context.period_summary(toks, lo, hi, bool(clause_dates)):
        return []
    if not hit.definition.verbal and _after_ba3d(toks, lo, hit.first) and not clause_dates \
            and count_deaths(toks[lo : hit.first]) is None:
        return []  # «… بعد قصف عنيف خلف قتلى» recalls; «قتل 100 … بعد غارات» reports
    _note_agent(article, toks, hit, seg_lo, seg_hi, story)
    skip = roles.dateline_end(article.text)
    places = roles.usable_places(article.text, article.places, article.entities)
    quoted = roles.quote_around(article.text, toks[0][0], toks[-1][1], hit.start)
    if quoted is not None:  # a trigger inside a quotation happened where the quotation says
        places = [p for p in places if quoted[0] <= p.start < quoted[1]]
    place = roles.pick_place(places, article.actors, toks, seg_lo, seg_hi, hit.start, skip)
    place = place or roles.pick_place(places, article.actors, toks, lo, seg_hi, hit.start, skip)
    place = place or roles.sole_place(places, article.actors, toks, hit.start, skip)
    elaborated = place is None and story.next_place is not None and hit.definition.strength == 2
    if elaborated:
        place = story.next_place
    own_day = any(not d.statement for d in clause_dates)
    borrowed = place is None and hit.definition.strength == 2 and quoted is None and own_day
    anaphoric = place is None and quoted is None and where.anaphoric_place(
        article, article.places, toks[seg_lo:seg_hi], toks[0][0]) is not None
    if anaphoric:  # «على البلدة»: the town just named
        place = where.anaphoric_place(article, article.places, toks[seg_lo:seg_hi], toks[0][0])
        borrowed = True
    elif borrowed:  # named earlier in the paragraph, else the story's own place (headline included)
        place = where.preceding_place(article, places, toks[0][0]) or where.dominant_place(article, places)
        home = country_of_clause(article.places, article.actors, toks, lo, hi)
        if home is not None and (place is None or place.country != home.country):
            place = home  # «اعتقلت السلطات البحرينية، السبت، …»: only the country is known
        elif place is not None and _names_other_country(article, toks, lo, hi, place):
            place = None  # «الهجوم الذي نفذته إيران على مقر حزب كردي»: another theatre
    if place is None:  # the toll may belong with the next cue («انفجار عبوة … وسقوط قذيفة في دمشق»)
        story.pending_toll = count_deaths(toks[seg_lo:seg_hi]) or story.pending_toll
        return []
    country = country_name(place.country) or "Syria"
    seg_start, seg_end = toks[seg_lo][0], toks[seg_hi - 1][1]
    a1, a2 = roles.pick_actors(article.actors, toks, seg_start, seg_end, hit.start)
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
    if a1 is None and elaborated and story.next_span is not None:  # «اشتباكات بين الطرفين. وقال المرصد إن القتال بدأ بين X وY»
        a1, a2 = where.elaboration_actors(article, story.next_span)
    if a1 is None:
        a1 = _antecedent(article, toks, hit) or roles.country_agent(article.places, toks, seg_lo, seg_hi, country)
    if a1 is None and hit.definition.sub_event_type == TERRITORY:
        a1, _ = roles.pick_actors(article.actors, toks, toks[0][0], hit.start, hit.start)
    a1, a2 = roles.loyalists(a1, toks), roles.loyalists(a2, toks)
    sub = resolve_sub(hit, toks[seg_lo:seg_hi], a1, a2)
    if a1 is None and a2 is not None and sub in ("Non-violent transfer of territory", "Change to group/activity"):
        a1, a2 = a2, None  # «خروج مسلحين معارضين»: who withdraws / hands over acts
    if sub is None:
        return []
    if sub == "Government regains territory" and a2 is not None and handed_over(article, toks[lo:hi]):
        a1, a2, sub = a2, a1, "Non-violent transfer of territory"
    when, precision, date_conf = _pick_date(clause_dates, dates, hit, published)
    last = story.last
    if not dates and last is not None and last.sub_event_type == sub and last.time_precision == 1 and \
            where.paragraph_start(article.text, last.evidence.start) == where.paragraph_start(article.text, toks[0][0]):
        when, precision, date_conf = last.event_date, 1, 0.0  # «… اعتقلت الاثنين رجلا. وتم توقيف ثالث في …»
    if not -MAX_AGE_DAYS <= (when - published.date()).days <= 1:
        return []
    if ((when - published.date()).days < -1 or not day_dates) and context.pluperfect(toks, lo, hit.first):
        return []  # «وكانت … قد شنت» days before: background to today's news
    if sub == "Chemical weapon" and (date_conf < 0 or not day_dates and not dates_outside(dates, clause_dates) or (
            a1 is not None and a1.country in _RETALIATORS)):
        return []  # an undated chemical attack is the one everybody refers to; strikes answering it are no such attack
    toll = 0 if sub in _NO_TOLL else (count_deaths(toks[seg_lo:seg_hi]) or 0)
    names = actor_fields(sub, a1, a2, country)
    if names is None:
        return []
    actor1, inter1, actor2, inter2 = names
    if not actor2 and sub in REMOTE_SUBS and military_target(toks[seg_lo:seg_hi]):
        actor2, inter2 = state_forces(country, actor1)
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
    confidence = 0.55 + 0.15 * (hit.definition.strength == 2) + date_conf + 0.1 * (a1 is not None)
    confidence -= where.PENALTY * borrowed + PENALTY * inferred
    cues = draft_cues(strong=hit.definition.strength == 2, date_conf=date_conf, named=a1 is not None,
                      inferred=bool(inferred), borrowed=bool(borrowed), hedge=hedged(w for _, _, w in toks[lo:hi]),
                      position=toks[0][0] / max(1, len(article.text)), quoted=quoted is not None,
                      stale=(when - published.date()).days < -1)
    draft = Draft(sub, when, precision, place, actor1, inter1, actor2, inter2, toll,
                  Span(seg_start, seg_end), round(min(confidence, 0.95), 2), cues)
    listed = roles.coordinated(places, article.text, place)
    if len(listed) >= 3 and not clause_dates:
        return []  # «في محافظات دمشق وريفها وحلب وحماة» undated: a summary, not events
    last_day = _until(article.text, clause_dates, when)
    return _split(draft, listed or [place], [when + timedelta(days=k) for k in range((last_day - when).days + 1)])


def dates_outside(dates: list[DateRef], clause_dates: list[DateRef]) -> bool:
    """A day of the event's own stated elsewhere in the sentence (not the statement's)."""
    return any(not d.statement and d not in clause_dates for d in dates)


def _split(draft: Draft, places: list[Place], days: list[date]) -> list[Draft]:
    """«في حرستا وعربين … مقتل ثمانية»، «ليل السبت واستمرت حتى الأحد»: one event per place and
    day, the toll split evenly, the remainder to the first (codebook)."""
    cells = [(d, p) for d in days for p in places]
    if len(cells) < 2:
        return [replace(draft, place=places[0])] if places else [draft]
    share, rest = divmod(draft.fatalities, len(cells))
    return [replace(draft, event_date=d, place=p, fatalities=share + (rest if i == 0 else 0))
            for i, (d, p) in enumerate(cells)]


def _until(text: str, clause_dates: list[DateRef], start: date) -> date:
    """The last day of a fight that «استمرت حتى الأحد» (at most a week), else ``start``."""
    for d in clause_dates:
        before = words(text[max(0, d.start - 30) : d.start])[-3:]
        if any(w == "حتي" or w == "حتى" for _, _, w in before) and any(
            w.removeprefix("و").startswith(("استمر", "تواصل", "امتد")) for _, _, w in before
        ) and 0 < (d.date - start).days <= 7 and d.precision == 1:
            return d.date
    return start


def _pick_date(
    clause_dates: list[DateRef], dates: list[DateRef], hit: TriggerHit, published: datetime
) -> tuple[date, int, float]:
    """Nearest day in the clause (else the sentence); a statement's date counts last."""
    pool = clause_dates or dates
    if pool:
        best = min(pool, key=lambda d: (d.precision, d.statement, abs(d.start - hit.start)))
        return best.date, best.precision, 0.1
    return published.date(), 2, -0.1


def _state_in_story(article: Article, country: str) -> bool:
    """Whether the article names the country's own state forces (inter 1) anywhere."""
    return any(a.inter == 1 and a.country == country for a in article.actors)


def _note_agent(article: Article, toks: Words, hit: TriggerHit, lo: int, hi: int, story: Story) -> None:
    """Remember the named attacker of a strike even when its sentence cannot be located
    (strong cues only, and only an actor of the trigger's own segment)."""
    if hit.definition.sub_event_type not in _REMOTE or hit.definition.strength < 2 and (
            hit.definition.sub_event_type != "Air/drone strike"):
        return  # «شنت الولايات المتحدة وبريطانيا وفرنسا ضربات»: a weak strike cue with its named attacker counts too
    a1, _ = roles.pick_actors(article.actors, toks, toks[lo][0], toks[hi - 1][1], hit.start)
    if a1 is not None and a1.actor_type != "civilians":
        story.agent = a1


def _other_party(article: Article, toks: Words, lo: int, hi: int, hit: TriggerHit, last: Draft | None) -> bool:
    """A toll sentence that names another attacker (an actor, or a country other than the last
    event's and its attacker's) is about another attack, not the last event's toll."""
    if last is None:
        return False
    start, end = toks[lo][0], toks[hi - 1][1]
    agent, _ = roles.pick_actors(article.actors, toks, start, end, hit.start)
    if agent is not None and agent.name not in (last.actor1, last.actor2) and agent.actor_type != "civilians":
        kb = by_name(agent.name)
        return kb is None or kb.name not in (last.actor1, last.actor2) and not last.actor1.startswith(kb.name)
    adjective, _ = roles.nationality_actors(toks, lo, hi, country_name(last.place.country) or "Syria")
    if adjective is not None and adjective.name != last.actor1:
        return True  # «الضربات الإسرائيلية أسفرت عن مقتل 23» after Iran's rockets: Israel's strikes' toll
    known = {last.place.country} | {a.country for a in article.actors if a.name == last.actor1}
    return any(p.feature == "country" and start <= p.start < end and p.country not in known for p in article.places)


def _names_other_country(article: Article, toks: Words, lo: int, hi: int, place: Place) -> bool:
    """The clause names another country than the borrowed place's as the attacker or the
    place («نفذته إيران»، «في العراق»), not as a dateline or a party to talks."""
    start, end = max(toks[lo][0], roles.dateline_end(article.text)), toks[hi - 1][1]
    for p in article.places:
        if p.feature != "country" or not start <= p.start < end or p.country == place.country:
            continue
        prev = [w for a, b, w in toks if b <= p.start][-1:]
        if prev and (prev[0] in ("في", "داخل") or prev[0].startswith(("نفذ", "شن", "اطلق", "قصف"))):
            return True
    if place.country != "Syria" and any(w.removeprefix("و").removeprefix("ل").removeprefix("ال") in ("سوري", "سوريه")
                                        for _, _, w in toks[lo:hi]):
        return True  # «مواقع تابعة للنظام السوري» with Moscow as the story's place: another theatre
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


def _lead_report(article: Article, toks: Words, lo: int, hi: int, hit: TriggerHit, story: Story) -> bool:
    """«أفادت مصادر في مدينة نوى بخروج المشفى عن الخدمة نتيجة القصف المكثف لقوات النظام على
    المدينة»: a definite strike noun in the article's first sentence, with its attacker and
    place, reports the news (nothing earlier for it to refer back to)."""
    if story.last is not None or toks[0][0] > len(article.title) + 2 or hit.definition.strength < 2:
        return False
    start, end = toks[lo][0], toks[hi - 1][1]
    armed = any(start <= a.start and a.end <= end and a.actor_type != "civilians" for a in article.actors)
    return armed and _has_place(article, toks, lo, hi)


def _has_place(article: Article, toks: Words, lo: int, hi: int) -> bool:
    start, end = toks[lo][0], toks[hi - 1][1]
    return any(start <= p.start < end and p.feature != "country" for p in article.places)


def _add_toll(story: Story, hit: TriggerHit, toll: int) -> None:
    """«وأسفرت الغارة عن مقتل 14»: a toll sentence about the event just coded."""
    last = story.last
    if last is None or hit.definition.sub_event_type not in (_REMOTE | {last.sub_event_type}):
        return
    if not (last.sub_event_type in _REMOTE or last.sub_event_type == hit.definition.sub_event_type):
        return
    group = story.group if any(d is last for d in story.group) else [last]
    share, rest = divmod(toll, len(group))  # a toll over an event split by place or day is split too
    for i, d in enumerate(group):
        new = replace(d, fatalities=max(d.fatalities, share + (rest if i == 0 else 0)))
        story.tolls.append((d, new))
        if d is last:
            story.last = new


def _is_statement_date(text: str, end: int) -> bool:
    """«أعلنت، الثلاثاء، أن …»: the date is followed by أن/إن, so it dates the statement."""
    following = words(text[end : end + 25])[:2]
    if any(w in ("ان", "انه", "انها", "بان") for _, _, w in following[:1]) or [w for _, _, w in following] in (
            ["في", "بيان"], ["عبر", "بيان"]):
        return True  # «قال، السبت، إن …» (but «السبت، يعتقد أنه …» dates the event)
    before = [w for _, _, w in words(text[max(0, end - 80) : end])][-7:]
    pairs = zip(before, before[1:], strict=False)
    if "حسبما" in before or any(w in ("وفق", "بحسب", "حسب") and n == "ما" for w, n in pairs):
        return True  # «… حسبما أعلن المرصد السبت»: the day of the report
    # «أعلن الحرس الثوري، الأحد، مسؤوليته عن …»، «أعلن الجيش، الأحد، عن …»: the announcement's day
    speech = any(w.removeprefix("و").startswith(("اعلن", "تبن", "كشف", "اكد"))
                 for _, _, w in words(text[max(0, end - 60) : end])[-5:])
    return speech and any(w == "عن" or w.startswith(("مسووليت", "مسؤوليت")) for _, _, w in following[:1])


def _after_ba3d(toks: Words, lo: int, first: int) -> bool:
    """«بعد حصار طويل وقصف عنيف»: a nominal trigger after «بعد» recalls what came before."""
    return any("بعد" in variants(w) for _, _, w in toks[max(lo, first - 3) : first])

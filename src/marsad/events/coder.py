"""From an analysed article to its ACLED events (before merging).

For each sentence: find triggers, drop the weak ones when a strong one is there,
drop triggers that did not happen (context filters), then read the event's place,
actors, date and toll from the trigger's segment of the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime

from marsad.actors.kb import KBActor, by_name, country_name, inter_for, load_kb, resolve_name
from marsad.actors.text import variants, words
from marsad.events import context, roles
from marsad.events.dates import DateRef, find_event_dates
from marsad.events.fatalities import count_deaths
from marsad.events.ontology import event_type_of
from marsad.events.triggers import SHELL_OR_AIR, TERRITORY, TriggerHit, find_triggers
from marsad.model import Actor, Article, Place, Span

Words = list[tuple[int, int, str]]

_AIR = ("طيران", "طاير", "جوي", "غار", "مروحي", "مقاتلات", "مسير", "حربي")
_ARTILLERY = ("مدفع", "صاروخ", "قذاي", "هاون", "راجم", "دباب")
#: Events dated longer before publication are background, not news (the codebook codes
#: an event from the reports that cover it when it happens).
MAX_AGE_DAYS = 14
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
        story.next_place = _elaboration_place(article, spans[i + 1]) if i + 1 < len(spans) else None
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
        for draft in _code_hit(article, toks, hits, k, dates, published, story):
            if story.pending_toll and draft.sub_event_type not in _NO_TOLL:
                draft = replace(draft, fatalities=max(draft.fatalities, story.pending_toll))
                story.pending_toll = 0
            out.append(_with_story_agent(draft, story))
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
    soon = toks[min(hit.last + 4, len(toks) - 1)][1]
    dated_after = any(hit.end <= d.start <= soon and not d.statement for d in dates)
    if context.is_unreal(toks, lo, hit.first, hit.last) or context.is_background(
        article.text, toks, lo, hit.first, dated_after
    ):
        return []
    dates = [d for d in dates if not context.in_background_phrase(toks, d.start)]
    clause_dates = [d for d in dates if toks[lo][0] <= d.start < toks[hi - 1][1]]
    seg_lo = max([lo] + [h.last + 1 for h in hits[:k] if h.last < hit.first and h.last + 1 > lo])
    seg_hi = min([hi] + [h.first for h in hits[k + 1 :] if h.first < hi])
    if hit.definite and not [d for d in clause_dates if not d.statement]:
        toll = count_deaths(toks[lo:hi])
        if toll is not None and not _has_place(article, toks, lo, hi):
            _add_toll(story, hit, toll)
            return []
        if toll is None:
            return []
    if hit.definition.strength == 1 and not hit.definition.verbal and not _supported(toks[lo:hi], hit):
        return []
    if hit.definition.sub_event_type == TERRITORY and _percent_after(toks, hit.last):
        return []
    trend = context.has_trend(toks, 0, hit.first) or context.has_trend(toks, lo, hi)
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
    if place is None and story.next_place is not None and hit.definition.strength == 2:
        place = story.next_place
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
    if a1 is None and hit.definition.sub_event_type == TERRITORY:
        a1, _ = roles.pick_actors(article.actors, toks, toks[0][0], hit.start, hit.start)
    sub = _resolve_sub(hit, toks[seg_lo:seg_hi], a1, a2)
    if a1 is None and a2 is not None and sub in ("Non-violent transfer of territory", "Change to group/activity"):
        a1, a2 = a2, None  # «خروج مسلحين معارضين»: who withdraws / hands over acts
    if sub is None:
        return []
    when, precision, date_conf = _pick_date(clause_dates, dates, hit, published)
    if not -MAX_AGE_DAYS <= (when - published.date()).days <= 1:
        return []
    toll = 0 if sub in _NO_TOLL else (count_deaths(toks[seg_lo:seg_hi]) or 0)
    names = _actor_fields(sub, a1, a2, country)
    if names is None:
        return []
    actor1, inter1, actor2, inter2 = names
    if not actor2 and sub in _REMOTE_SUBS and _military_target(toks[seg_lo:seg_hi]):
        actor2, inter2 = _state_forces(country, actor1)
    if sub == "Armed clash" and actor2.startswith("Civilians"):
        sub = "Attack"
    if inter1 == 6 and event_type_of(sub) in ("Battles", "Violence against civilians") or (
        inter1 == 6 and sub == "Looting/property destruction"
    ):
        sub, actor1, inter1 = "Violent demonstration", f"Rioters ({country})", 5  # protesters who storm or burn
    confidence = 0.55 + 0.15 * (hit.definition.strength == 2) + date_conf + 0.1 * (a1 is not None)
    draft = Draft(sub, when, precision, place, actor1, inter1, actor2, inter2, toll,
                  Span(seg_start, seg_end), round(min(confidence, 0.95), 2))
    listed = roles.coordinated(places, article.text, place)
    if len(listed) >= 3 and not clause_dates:
        return []  # «في محافظات دمشق وريفها وحلب وحماة» undated: a summary, not events
    return _split_over_places(draft, listed)


def _split_over_places(draft: Draft, places: list[Place]) -> list[Draft]:
    """«في حرستا وعربين … مقتل ثمانية»: one event per place, the toll split evenly (codebook)."""
    if len(places) < 2:
        return [draft]
    share, rest = divmod(draft.fatalities, len(places))
    return [replace(draft, place=p, fatalities=share + (rest if i == 0 else 0)) for i, p in enumerate(places)]


def _pick_date(
    clause_dates: list[DateRef], dates: list[DateRef], hit: TriggerHit, published: datetime
) -> tuple[date, int, float]:
    """Nearest day in the clause (else the sentence); a statement's date counts last."""
    pool = clause_dates or dates
    if pool:
        best = min(pool, key=lambda d: (d.precision, d.statement, abs(d.start - hit.start)))
        return best.date, best.precision, 0.1
    return published.date(), 2, -0.1


def _resolve_sub(hit: TriggerHit, seg: Words, a1: Actor | None, a2: Actor | None) -> str | None:
    sub = hit.definition.sub_event_type
    forms = [f for _, _, w in seg for f in variants(w)]
    actor_text = " ".join(a.text for a in (a1, a2) if a is not None)
    if sub == SHELL_OR_AIR:
        if any(f.startswith(_AIR) for f in forms) or any(c in actor_text for c in ("طيران", "طائر", "مقاتلات")):
            return "Air/drone strike"
        if any(f.startswith(_ARTILLERY) for f in forms) or any(
            w.startswith(("قصف", "تقصف", "يقصف")) for w in hit.definition.words
        ):
            return "Shelling/artillery/missile attack"
        return None
    if sub == "Armed clash" and hit.definition.words[0].startswith("هج"):
        nxt = _next_forms(seg, hit)
        if any(f.startswith(("صاروخ", "مدفع", "قذاي")) for f in nxt):
            return "Shelling/artillery/missile attack"
        if any(f.startswith(("جوي", "بطاير", "طاير")) for f in nxt):
            return "Air/drone strike"
        if any(f.startswith("انتحار") for f in nxt):
            return "Suicide bomb"
        if any(f.startswith(("كيم", "كيماو")) for f in nxt):
            return "Chemical weapon"
    nxt3 = [f for _, _, w in [t for t in seg if t[0] >= hit.end][:3] for f in variants(w)]
    if sub == "Armed clash" and hit.definition.words[0].startswith("هاجم") and any(
        f.startswith(("مشارك", "تصريح", "سياس", "قرار", "موقف", "بشده", "الرئيس", "وزير", "الحكوم", "الاعلام"))
        for f in nxt3
    ):
        return None
    objects = nxt3 if hit.definition.verbal else [f for _, _, w in [t for t in seg if t[0] >= hit.end][:1]
                                                  for f in variants(w)]
    if sub == "Disrupted weapons use" and not hit.definition.words[0].startswith("تصدت") and not any(
        f.startswith(("طاير", "مقاتل", "صاروخ", "صواريخ", "مسير", "درون", "سوخوي", "مروحي")) for f in objects
    ) and not _pronoun_object(hit, seg):
        return None
    if sub == "Disrupted weapons use" and any(f.startswith(("مروحي", "مقاتله", "سوخوي")) for f in objects):
        return "Armed clash"  # a manned aircraft shot down is a fight between armed actors
    if sub == "Shelling/artillery/missile attack" and _aimed_at_aircraft(seg, hit):
        return "Disrupted weapons use"
    if sub == TERRITORY:
        if a1 is None:
            return None
        return "Government regains territory" if a1.inter == 1 else "Non-state actor overtakes territory"
    if sub == "Peaceful protest":
        if any(f.startswith(("فرق", "تفريق", "مسيل")) for f in forms):
            return "Protest with intervention"
        if any(f.startswith(("رصاص", "قتل", "مقتل")) for f in forms):
            return "Excessive force against protesters"
    if sub == "Attack" and hit.definition.strength == 1 and (a2 is None or a2.actor_type != "civilians"):
        return None
    return sub


_REMOTE_SUBS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Chemical weapon",
                          "Remote explosive/landmine/IED", "Suicide bomb"})
_SITES = ("موقع", "مواقع", "مطار", "قاعده", "قواعد", "معسكر", "ثكن", "مقر", "مقرات", "نقاط", "كتيبه", "لواء")


def _military_target(seg: Words) -> bool:
    """«موقع عسكري»، «مطار … العسكري»، «قاعدة جوية»: the state's forces were hit."""
    words_ = [w for _, _, w in seg]
    for k, w in enumerate(words_):
        if any(f.startswith(_SITES) for f in variants(w)):
            near = words_[k + 1 : k + 4]
            if any(n.startswith(("عسكري", "العسكري", "جوي", "الجوي", "للجيش", "الجيش", "للنظام", "النظام", "الاركان"))
                   for n in near):
                return True
    return False


def _state_forces(country: str, actor1: str) -> tuple[str, int]:
    for kb in load_kb():
        if kb.name == "Military Forces of {country}":
            name = resolve_name(kb, country)
            if name != actor1 and "{" not in name:
                return name, inter_for(kb, country)
            break
    return "", 0


_ELABORATE = ("وقال", "وافاد", "واضاف", "واوضح", "وذكر", "وافادت", "وقالت", "واضافت", "واوضحت", "وذكرت")


def _elaboration_place(article: Article, nxt: Span) -> Place | None:
    """«… اشتباكات بين الطرفين. وقال المرصد إن القتال بدأ في بلدة كفر حلب»: the next sentence,
    when it elaborates (a reporting verb first) and names one place, locates the event."""
    head = words(article.text[nxt.start : nxt.end])[:2]
    if not head or not head[0][2].startswith(_ELABORATE):
        return None
    found = {p.name_en: p for p in article.places
             if nxt.start <= p.start < nxt.end and p.feature not in ("country", "capital_metonym")}
    return next(iter(found.values())) if len(found) == 1 else None


def _note_agent(article: Article, toks: Words, hit: TriggerHit, lo: int, hi: int, story: Story) -> None:
    """Remember the named attacker of a strike even when its sentence cannot be located
    (strong cues only, and only an actor of the trigger's own segment)."""
    if hit.definition.sub_event_type not in _REMOTE or hit.definition.strength < 2:
        return
    a1, _ = roles.pick_actors(article.actors, toks, toks[lo][0], toks[hi - 1][1], hit.start)
    if a1 is not None and a1.actor_type != "civilians":
        story.agent = a1


def _has_place(article: Article, toks: Words, lo: int, hi: int) -> bool:
    start, end = toks[lo][0], toks[hi - 1][1]
    return any(start <= p.start < end and p.feature != "country" for p in article.places)


def _add_toll(story: Story, hit: TriggerHit, toll: int) -> None:
    """«وأسفرت الغارة عن مقتل 14»: a toll sentence about the event just coded."""
    last = story.last
    if last is None or hit.definition.sub_event_type not in (_REMOTE | {last.sub_event_type}):
        return
    if last.sub_event_type in _REMOTE or last.sub_event_type == hit.definition.sub_event_type:
        story.last = replace(last, fatalities=max(last.fatalities, toll))
        story.tolls.append((last, story.last))


def _is_statement_date(text: str, end: int) -> bool:
    """«أعلنت، الثلاثاء، أن …»: the date is followed by أن/إن, so it dates the statement."""
    following = words(text[end : end + 25])[:2]
    return any(w in ("ان", "انه", "انها", "بان") for _, _, w in following)


def _after_ba3d(toks: Words, lo: int, first: int) -> bool:
    """«بعد حصار طويل وقصف عنيف»: a nominal trigger after «بعد» recalls what came before."""
    return any("بعد" in variants(w) for _, _, w in toks[max(lo, first - 3) : first])


def _supported(clause: Words, hit: TriggerHit) -> bool:
    """A weak noun trigger («صواريخ») counts only with a toll or an attack verb in its clause;
    «مغادرة» only when fighters are the ones leaving."""
    if hit.definition.sub_event_type == "Non-violent transfer of territory":
        return any(f.startswith(("مقاتل", "مسلح")) for _, _, w in clause for f in variants(w))
    if hit.definition.sub_event_type == "Chemical weapon":
        return count_deaths(clause) is not None  # «السلاح الكيماوي» alone is a topic
    if count_deaths(clause) is not None:
        return True
    return any(f.startswith(("اطلق", "سقط", "استهدف", "قصف", "ضرب", "تعرض")) for _, _, w in clause for f in variants(w))


def _percent_after(toks: Words, last: int) -> bool:
    """«سيطرت على أكثر من 80 في المئة» is a running total, not a capture."""
    return any(w in ("المئه", "بالمئه", "المايه", "بالمايه", "%") for _, _, w in toks[last + 1 : last + 13])


def _pronoun_object(hit: TriggerHit, seg: Words) -> bool:
    """«وأسقطتها»: the downed object is a pronoun referring back to the aircraft."""
    word = next((w for a, _, w in seg if a == hit.start), "")
    return word.endswith(("ها", "ه")) and len(word) > 6


def _aimed_at_aircraft(seg: Words, hit: TriggerHit) -> bool:
    """«أطلقت صاروخا على طائرة مسيرة»: a missile fired at an aircraft is an interception."""
    after = [variants(w) for a, _, w in seg if a >= hit.end][:6]
    for k, forms in enumerate(after[:-1]):
        if forms & {"علي", "باتجاه", "نحو"} and any(
            f.startswith(("طاير", "مسير", "درون", "مقاتله")) for f in after[k + 1]
        ):
            return True
    return False


def _next_forms(seg: Words, hit: TriggerHit) -> list[str]:
    """Clitic variants of the two words after the trigger (its modifiers)."""
    after = [w for a, _, w in seg if a >= hit.end][:2]
    return [f for w in after for f in variants(w)]


def _actor_fields(
    sub: str, a1: Actor | None, a2: Actor | None, country: str
) -> tuple[str, int, str, int] | None:
    """Canonical names and inter codes for the event's country, with the codebook's defaults."""
    def name_inter(actor: Actor | None) -> tuple[str, int]:
        if actor is None:
            return "", 0
        kb = by_name(actor.name) or _generic(actor)
        if kb is None:
            return actor.name, actor.inter
        return resolve_name(kb, country), inter_for(kb, country)

    n1, i1 = name_inter(a1)
    n2, i2 = name_inter(a2)
    if not n1:
        if sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"):
            n1, i1 = f"Protesters ({country})", 6
        elif sub == "Arrests":
            n1, i1 = f"Police Forces of {country}", 1
        elif sub == "Disrupted weapons use" and _state_forces(country, "")[0]:
            n1, i1 = _state_forces(country, "")  # the state's air defences intercept
        else:
            n1, i1 = f"Unidentified Armed Group ({country})", 3
    if sub in ("Peaceful protest", "Protest with intervention", "Excessive force against protesters") and i1 not in (5, 6):
        n1, i1 = f"Protesters ({country})", 6  # who protests acts; the protest's target is no actor
    if n1 == n2 or sub == "Peaceful protest":
        n2, i2 = "", 0
    return n1, i1, n2, i2


def _generic(actor: Actor) -> KBActor | None:
    """The template entry («Civilians ({country})») a linked generic name came from."""
    for kb in load_kb():
        if "{country}" in kb.name and resolve_name(kb, actor.country) == actor.name:
            return kb
    return None

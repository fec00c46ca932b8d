"""From an analysed article to its ACLED events (before merging).

For each sentence: find triggers, drop the weak ones when a strong one is there,
drop triggers that did not happen (context filters), then read the event's place,
actors, date and toll from the trigger's segment of the sentence (events.hit).
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from datetime import datetime

from marsad.actors.kb import by_name, country_name, inter_for
from marsad.actors.text import text_split, variants, words
from marsad.events import asides, cells, roles
from marsad.events.attribution import GROUP_VIOLENCE, foreign_target, strikes_abroad
from marsad.events.camps import allied
from marsad.events.dates import DateRef, find_event_dates
from marsad.events.draft import NO_TOLL, REMOTE, Draft, Story, Words
from marsad.events.features_lex import with_lexical_cues
from marsad.events.hit import code_hit
from marsad.events.trigger_lexicon import SHELL_OR_AIR
from marsad.events.triggers import TriggerHit, candidates_of, find_triggers, might_trigger
from marsad.memo import RecentTexts
from marsad.model import Article, Span


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


#: One sentence that holds a trigger: its index, its words (article offsets), its triggers.
SentenceHits = tuple[int, Words, list[TriggerHit]]
#: The trigger passes of the last articles (a batch's worth), keyed by the identity of their
#: texts (held, so never reused) and checked against their sentences.
_RECENT_PASSES: RecentTexts[tuple[tuple[Span, ...], list[Span], tuple[SentenceHits, ...]]] = RecentTexts()


def trigger_pass(article: Article) -> tuple[list[Span], tuple[SentenceHits, ...]]:
    """The article's sentences and those that hold a trigger, with their words and triggers.

    The entity step's gate (:func:`marsad.ner.step.event_sentences`) and the coder read the
    same search, so it runs once per article: a memo of a batch's articles keyed by the
    identity of their texts (steps replace the frozen article but keep its text and
    sentences; :meth:`marsad.pipeline.Pipeline.process_many` gates a whole batch before
    the coder reads any). Callers must not mutate what it returns.

    The gate reads the candidate triggers of the whole text's normalised words (found once,
    :func:`marsad.actors.text.text_split`, and read again by the linker) in one pass over a
    per-word memo (:func:`candidates_of`): :func:`find_triggers` reads only the sentences where
    a word may start a trigger, and tries only those words. Without the Arabic layer's
    sentences, each sentence's text is normalised."""
    last = _RECENT_PASSES.get(article.text)
    if last is not None and last[0] == article.sentences:
        return last[1], last[2]
    text, spans = article.text, sentence_spans(article)
    every, forms = text_split(text) if article.sentences else (None, [])  # words never cross its sentences
    starts = [a for a, _, _ in every] if every is not None else []
    found = candidates_of(forms)  # the split's own list of normal forms
    out: list[SentenceHits] = []
    for i, sent in enumerate(spans):
        if every is not None:  # the gate: a word of the sentence may start a trigger
            lo, hi = bisect_left(starts, sent.start), bisect_left(starts, sent.end)
            if not any(found[lo:hi]):
                continue
            toks = every[lo:hi]
            hits = find_triggers(toks, found[lo:hi])
        elif might_trigger(text[sent.start : sent.end]):
            toks = [(a + sent.start, b + sent.start, w) for a, b, w in words(text[sent.start : sent.end])]
            hits = find_triggers(toks)
        else:
            continue
        if hits:
            out.append((i, toks, hits))
    passed = tuple(out)
    _RECENT_PASSES.put(text, (article.sentences, spans, passed))
    return spans, passed


def draft_events(article: Article) -> list[Draft]:
    text = article.text
    published = article.published  # None: only dates with their own year resolve (events.dates)
    drafts: list[Draft] = []
    story = Story()
    spans, passed = trigger_pass(article)
    for i, toks, hits in passed:  # the story's fields below are only read while coding a trigger
        sent = spans[i]
        found = [h for h in hits if h.definition.sub_event_type not in _STRIKES or not _sport(toks)]
        if not found or asides.teaser_line(text, sent.start, sent.end):
            continue  # (a related story's headline inside the page: furniture)
        story.following = spans[i + 1] if i + 1 < len(spans) else None
        story.elaboration_asked = False  # the next sentence's place, when a trigger asks (Story.next_place)
        dates = [
            DateRef(d.start + sent.start, d.end + sent.start, d.date, d.precision, _is_statement_date(text, d.end + sent.start))
            for d in find_event_dates(text[sent.start : sent.end], published)
        ]
        found = [_on_front(h, toks) for h in found]
        strong = _kept_hits([h for h in found if h.definition.strength == 2], toks)
        weak = [h for h in found if h.definition.strength == 1]
        tactic = [h for h in weak if h.definition.sub_event_type != "Attack"]
        weak = _kept_hits(tactic or weak, toks)  # «قتل … في انفجار»: the killing is the blast's toll
        coded = _code_hits(article, toks, strong, dates, published, story)
        if not coded:  # a weak cue counts when no strong one in the sentence held up
            coded = _code_hits(article, toks, weak, dates, published, story)
        drafts.extend(coded)
        story.told_toll, story.told_words = None, toks  # counted if a later draft asks (Story.toll_told)
    for old, new in story.tolls:
        drafts = [new if d is old else d for d in drafts]
    day = published.date() if published else None
    return with_lexical_cues(text, spans, passed, drafts, day)  # for the confidence model




def _lendable(agent: str, target: str, country: str) -> bool:
    """Whether the story's attacker may be lent to a strike on ``target`` in ``country``: not
    the target itself or its ally («أعلن الجيش الروسي … جراء الضربات الأمريكية»: Russia never
    strikes the Syrian army), nor a state that fights at home striking another country."""
    kb = by_name(agent)
    at_home = kb is not None and kb.name.startswith("Military Forces") and not strikes_abroad(kb.name)
    return agent != target and not allied(agent, target) and not (at_home and kb is not None and kb.country != country)


def _with_story_agent(article: Article, draft: Draft, story: Story) -> Draft:
    """An unattributed strike in a story whose lead named the attacker takes that attacker (and,
    an outside state's, the target its strikes hit); a state that fights at home lends its name
    to no strike in another country («وفي العراق، قصفت الطائرات الحربية»)."""
    if draft.actor1.startswith("Unidentified") and story.agent is not None and (
        draft.sub_event_type in REMOTE
    ):
        country = country_name(draft.place.country) or "Syria"
        kb = by_name(story.agent.name)
        inter = inter_for(kb, country) if kb else story.agent.inter
        if _lendable(story.agent.name, draft.actor2, country):
            draft = replace(draft, actor1=story.agent.name, inter1=inter)
            target = None if draft.actor2 else foreign_target(
                article, draft.actor1, inter, draft.sub_event_type, draft.evidence.start, country)
            if target is not None:  # «الضربات استهدفت مركز البحوث» after «ضربات على أهداف للنظام»
                draft = replace(draft, actor2=target[0], inter2=target[1])
    elif draft.actor1.startswith("Unidentified") and story.perpetrator is not None and (
            draft.sub_event_type in GROUP_VIOLENCE) and draft.actor2 != story.perpetrator.name and (
            draft.actor2.startswith("Civilians") or draft.sub_event_type == "Suicide bomb"):
        # «36 مدنياً خطفوا الأربعاء»، «تفجيرين انتحاريين في سوق» in a story of the Islamic State's attack: that group's
        draft = replace(draft, actor1=story.perpetrator.name, inter1=story.perpetrator.inter)
    if "answered" not in draft.cues:  # «ردا على إطلاق صواريخ … في الجولان»: the reply's strikes stay the story's
        story.last = draft
    return draft


def _code_hits(
    article: Article, toks: Words, hits: list[TriggerHit], dates: list[DateRef], published: datetime | None,
    story: Story,
) -> list[Draft]:
    out: list[Draft] = []
    story.pending_toll = 0
    for k in range(len(hits)):
        group = []
        for draft in code_hit(article, toks, hits, k, dates, published, story):
            if story.pending_toll and draft.sub_event_type not in NO_TOLL:
                draft = replace(draft, fatalities=max(draft.fatalities, story.pending_toll))
                story.pending_toll = 0
            lent = _with_story_agent(article, draft, story)
            group.extend(cells.allies(lent, article) if lent.actor1 != draft.actor1 else [lent])
        if group:
            story.group = group
        out.extend(group)
    return out


#: What an attack «على» is aimed at when it is a ground assault on the other side's lines.
_FRONT = ("محاور", "محور", "مواقع", "موقع", "نقاط", "نقطه", "خطوط", "خط", "رتل", "ثكنه", "حواجز", "حاجز")


def _on_front(hit: TriggerHit, toks: Words) -> TriggerHit:
    """«نفذوا هجوماً معاكساً … على محاور التماس»: an attack on front lines or positions is a
    battle of its own, so the blasts that «accompanied the attack» are its tactics, not the
    event (the codebook's priority: Battles first)."""
    if hit.definition.sub_event_type != "Armed clash" or hit.definition.strength != 1:
        return hit
    after = [variants(w) for _, _, w in toks[hit.last + 1 : hit.last + 6]]
    for k, forms in enumerate(after[:-1]):
        if "علي" in forms:
            if any(f.startswith(_FRONT) for f in after[k + 1]):
                return replace(hit, definition=replace(hit.definition, strength=2))
            return hit
    return hit


def _kept_hits(hits: list[TriggerHit], toks: Words) -> list[TriggerHit]:
    """Adjacent triggers of one tactic join into one (not when each names its own state:
    «بقصف سوري بالبراميل وغارات روسية»)."""
    out: list[TriggerHit] = []
    for h in hits:
        if out and h.first - out[-1].last <= 2 and _joinable(out[-1], h) and not _own_states(out[-1], h, toks):
            prev = out[-1]
            best = h if prev.definition.sub_event_type in (SHELL_OR_AIR,) or prev.definition.verbal and (
                h.definition.words[0] != "القبض") or (  # «ألقت السلطات القبض على»: the verb keeps the cue
                prev.definition.sub_event_type == "Armed clash" and h.definition.sub_event_type == SHELL_OR_AIR) else prev
            # «الضربة استهدفت»: a definite noun and the verb it is the subject of refer back together
            definite = prev.definite and (h.definite or h.definition.verbal and not prev.definition.verbal)
            told = replace(best.definition, verbal=True) if prev.definition.verbal and not h.definite and \
                prev.definition.sub_event_type == SHELL_OR_AIR else best.definition  # «استهدفت صواريخ»: the verb tells it
            out[-1] = TriggerHit(prev.first, h.last, prev.start, h.end, told, definite)
        else:
            out.append(h)
    return out


#: A match report's «ضربة قوية»، «تسديدة صاروخية» are no strikes.
_SPORT = frozenset({"الكره", "المرمي", "مرمي", "المباراه", "مباراه", "ركله", "الشباك", "تسديده", "اللاعب"})
_STRIKES = REMOTE | {"Air/drone strike"}


def _sport(toks: Words) -> bool:
    return any(variants(w) & _SPORT for _, _, w in toks)


def _own_states(a: TriggerHit, b: TriggerHit, toks: Words) -> bool:
    """The second trigger is qualified by its own state's adjective, not the first's (the
    adjective of a later conjunct «… بالبراميل المتفجرة وغارات روسية» is not the second's)."""
    first, _ = roles.nationality_actors(toks, a.first, b.first, "")
    end = min(len(toks), b.last + 3)
    end = next((k for k in range(b.last + 1, end) if toks[k][2].startswith("و")), end)
    second, _ = roles.nationality_actors(toks, b.first, end, "")
    return first is not None and second is not None and first.name != second.name


def _joinable(a: TriggerHit, b: TriggerHit) -> bool:
    sa, sb = a.definition.sub_event_type, b.definition.sub_event_type
    return sa == sb or SHELL_OR_AIR in (sa, sb)


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



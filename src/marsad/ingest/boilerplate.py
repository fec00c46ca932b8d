"""Boilerplate removal: the first pipeline step, before any span is computed.

News pages and scraped text carry lines that are not the article: comment-form
footers («اترك تعليقاً», «لن يتم نشر عنوان بريدك الإلكتروني»), share/subscribe and
"follow us" lines, «اقرأ أيضا» links, comment policies and copyright notices.
They are removed line by line; only whole short lines that match are dropped, so
a sentence such as «شارك الآلاف في التظاهرة» stays. A comment-form marker ends
the article: everything after it (the form, the comments) goes too.

``clean_article`` changes ``Article.text`` but keeps ``content_hash`` (the hash of
the text as read), so re-ingesting the same input is recognised as unchanged.
"""

from __future__ import annotations

import re

from marsad.model import Article

#: Lines longer than this (in words) are article text, whatever they start with.
MAX_BOILERPLATE_WORDS = 30
#: Comment policies are long, but their wording is specific enough to match anywhere.
MAX_POLICY_WORDS = 90

_A = "[اأإآ]"  # alef with or without hamza, as scraped text mixes them
_TANWIN = "[اًٌٍَُِ]*"
_NETWORKS = (
    r"فيسبوك|فيس بوك|تويتر|واتساب|واتس اب|تلغرام|تليجرام|تيليجرام|يوتيوب|انستغرام|إنستغرام|انستجرام"
    r"|لينكد إن|facebook|twitter|whatsapp|telegram|youtube|instagram|linkedin"
)

# A short line that starts like this ends the article: the comment form and comments follow.
_COMMENT_FORM = re.compile(
    rf"^(?:{_A}ترك(?:وا)? (?:تعليق{_TANWIN}|رد{_TANWIN}|ردا)|{_A}ضف (?:تعليق|رد)\S*"
    r"|(?:ال)?تعليقات(?: \(\d+\))?\s*[:：]?$"
    rf"|لن يتم نشر عنوان بريدك {_A}ل{_A}لكتروني"
    r"|Leave a (?:Reply|Comment)|Comments?\s*[:：]?$)",
    re.IGNORECASE,
)
# A comment policy anywhere in a line also ends the article.
_COMMENT_POLICY = re.compile(
    r"(?:الآراء|التعليقات)(?: الواردة| المنشورة)?(?: أدناه| في التعليقات)? لا تعبر عن رأي"
    r"|مراجعة التعليقات قبل نشرها|الحقول الإلزامية مشار إليها",
    re.IGNORECASE,
)

# Short lines that are "read also" links, sharing prompts, tags or legal notices.
_BOILERPLATE_LINE = re.compile(
    r"^(?:"
    rf"(?:{_A}قر{_A}|طالع|شاهد) {_A}يض{_TANWIN}|{_A}قر{_A} (?:{_A}لمزيد|{_A}لخبر|{_A}لتفاصيل)"
    r"|للمزيد(?: من (?:المعلومات|التفاصيل|الأخبار))?\s*(?:[:：]|$)"
    r"|المزيد من (?:الأخبار|المقالات|التفاصيل)|اخترنا لك(?:م)?\s*[:：]?$|مواضيع ذات صلة"
    r"|(?:أخبار|مقالات|مواد|روابط) ذات صلة|ذات صلة\s*[:：]"
    r"|(?:تابع(?:ونا|نا)|{a}شترك(?:وا)?|للاشتراك)\s*[:：]?$"
    r"|شارك(?:وا)?(?: (?:الخبر|المقال|الموضوع|هذا (?:الخبر|المقال|الموضوع)))?\s*[:：]?$"
    r"|شارك(?:وا)? (?:\S+ )?(?:على|عبر|في) (?:{n})"
    r"|(?:مشاركة|طباعة|أرسل لصديق|نسخ الرابط)(?: الخبر| المقال)?\s*[:：]?$"
    r"|(?:ال)?وسوم\s*[:：]|كلمات (?:مفتاحية|دالة)\s*[:：]|الكلمات (?:المفتاحية|الدالة)"
    r"|©|\(c\)|copyright\b|(?:جميع|كل|كافة) الحقوق محفوظة|حقوق (?:النشر|الطبع) محفوظة"
    r"|(?:read (?:also|more)|related (?:articles|news|stories)|share|tweet|follow us|subscribe)\b"
    r")".replace("{a}", _A).replace("{n}", _NETWORKS),
    re.IGNORECASE,
)
# Follow/subscribe prompts: a call to action naming a network or "our" channel/newsletter.
_OURS = r"قناتنا|صفحتنا|حسابنا|حساباتنا|نشرتنا|تطبيقنا|موقعنا"
_FOLLOW = re.compile(
    rf"^(?:(?:تابع(?:ونا|نا)|{_A}شترك(?:وا)?|للاشتراك|حمّ?ل(?:وا)? تطبيق)\b"
    rf".*(?:{_NETWORKS}|{_OURS}|{_A}لنشرة {_A}لبريدية|مواقع التواصل)"
    rf"|(?:تابعوا|{_A}نضم(?:وا)?)\b.*(?:{_OURS}))",
    re.IGNORECASE,
)
_RIGHTS = re.compile(r"(?:جميع|كل|كافة) الحقوق محفوظة|all rights reserved", re.IGNORECASE)
# A line made only of network names and separators ("فيسبوك تويتر واتساب"), naming a
# network: two tests, as a look-ahead for the name re-scanned the line at every position.
_SOCIAL_ONLY = re.compile(
    rf"(?:[\s|,،•·/\-–]|{_NETWORKS}|email|البريد {_A}ل{_A}لكتروني)+", re.IGNORECASE
)
_NETWORK = re.compile(_NETWORKS, re.IGNORECASE)


KEEP, DROP, END = 0, 1, 2


def classify_line(line: str) -> int:
    """KEEP (article text), DROP (boilerplate line) or END (comment form: the article ends).

    Cheap tests first: most lines are long paragraphs that no pattern can match.
    """
    text = line.strip()
    if not text:
        return KEEP
    words = text.count(" ") + 1  # over-counts double spaces: errs towards keeping
    if words > MAX_POLICY_WORDS:
        return KEEP
    if _COMMENT_POLICY.search(text):
        return END
    if words > MAX_BOILERPLATE_WORDS:
        return KEEP
    if _COMMENT_FORM.match(text):
        return END
    if (
        _BOILERPLATE_LINE.match(text)
        or _FOLLOW.match(text)
        or _RIGHTS.search(text)
        or (_SOCIAL_ONLY.fullmatch(text) and _NETWORK.search(text))
    ):
        return DROP
    return KEEP


def ends_article(line: str) -> bool:
    """Whether a line starts the comment form/section, after which nothing is article text."""
    return classify_line(line) == END


def is_boilerplate(line: str) -> bool:
    """Whether one line is boilerplate (share, follow, "read also", tags, rights) rather than text."""
    return classify_line(line) == DROP


def clean_text(text: str) -> str:
    """Text without boilerplate lines; blank-line paragraph breaks kept, ends stripped."""
    kept: list[str] = []
    for line in text.split("\n"):
        kind = classify_line(line)
        if kind == END:
            break
        if kind == DROP:
            # Drop the blank line the removed line leaves behind.
            if kept and not kept[-1].strip():
                kept.pop()
            continue
        kept.append(line)
    return "\n".join(kept).strip()


def clean_article(article: Article) -> Article:
    """Pipeline step: boilerplate removed from the text (content_hash kept as read)."""
    cleaned = clean_text(article.text)
    if cleaned == article.text:
        return article
    if not cleaned:
        return article.with_error("clean: no article text left after boilerplate removal")
    return article.evolve(text=cleaned)

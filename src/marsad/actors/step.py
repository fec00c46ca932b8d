"""Pipeline step: link actor mentions of the article to the knowledge base."""

from __future__ import annotations

from marsad.actors.linker import dominant_country, link_text
from marsad.model import Article


def link_article(article: Article) -> Article:
    """Set ``article.actors`` (the theatre's country decides inter 8 for foreign forces)."""
    from marsad.events.placing import dateline_end

    country = dominant_country(article.places)
    filed = dateline_end(article.text)  # «أتلانتا، الولايات المتحدة (CNN)»: where the story was filed, no actor
    return article.evolve(actors=tuple(a for a in link_text(article.text, country) if a.start >= filed))

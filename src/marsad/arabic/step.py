"""Pipeline step placeholder: replaced by the area's real implementation."""

from __future__ import annotations

from marsad.model import Article


def annotate(article: Article) -> Article:
    """Placeholder: returns the article unchanged until this area lands."""
    return article

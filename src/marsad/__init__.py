"""marsad: Arabic news to ACLED-style event records, traceable to their evidence.

Importing this package is cheap: models and gazetteers load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["analyze", "__version__"]

if TYPE_CHECKING:
    from marsad.model import Article


def analyze(text: str, **kwargs: Any) -> Article:
    """Analyse one Arabic news text; see :func:`marsad.pipeline.analyze`."""
    from marsad.pipeline import analyze as _analyze

    return _analyze(text, **kwargs)

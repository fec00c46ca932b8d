"""Actor knowledge base (ACLED-style names, types, inter codes) and the linker."""

from __future__ import annotations

from marsad.actors.kb import KBActor, load_kb
from marsad.actors.linker import link_text

__all__ = ["KBActor", "link_text", "load_kb"]

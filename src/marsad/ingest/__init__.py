"""Ingest: readers for JSON Lines, text, HTML, WARC and feeds; encodings; boilerplate.

Heavy libraries (trafilatura, fastwarc, feedparser) load only when a file needs them.
"""

from marsad.ingest.fields import ANT_MAPPING, FieldMapping, parse_datetime
from marsad.ingest.readers import read_inputs, read_records

__all__ = ["ANT_MAPPING", "FieldMapping", "parse_datetime", "read_inputs", "read_records"]

"""marsad.engines."""

"""marsad.geo."""

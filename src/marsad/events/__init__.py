"""marsad.events."""

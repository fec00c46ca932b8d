"""marsad.actors."""

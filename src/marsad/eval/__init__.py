"""marsad.eval."""

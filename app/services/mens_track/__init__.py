"""The men's track: men in contact and the VASKA talks held with them."""

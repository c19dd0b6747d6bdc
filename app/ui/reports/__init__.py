"""The report screen and its widgets."""

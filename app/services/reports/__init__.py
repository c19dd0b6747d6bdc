"""Statistics for a period, report tables and exports, the team meeting's week view."""

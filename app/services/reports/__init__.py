"""Statistics for a period and its exports (JSON, CSV, XLSX, PDF), the team meeting's week view."""

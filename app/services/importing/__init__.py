"""Importing a team's spreadsheet of women, cases and decisions (docs/import.md)."""

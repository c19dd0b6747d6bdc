"""Clients, their cases and decisions, diary entries, smaller records, search, status, export and printouts."""

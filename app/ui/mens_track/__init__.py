"""The men's track in the desktop app: its own Idag, list, search, case view and statistics."""

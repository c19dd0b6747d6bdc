"""Use cases in plain Python: every read and write of the UI, CLI and sync goes through here. No Qt."""

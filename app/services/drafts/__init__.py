"""Drafts of unsaved text in open editors, and where she was when the diary locked."""

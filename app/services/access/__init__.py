"""Passphrase strength when a diary is created or its passphrase changed."""

"""Subcommands of the ``athena`` CLI, one module per feature."""

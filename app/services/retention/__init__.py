"""Retention (gallring): data-driven rules, a previewed and confirmed purge, and the purge log."""

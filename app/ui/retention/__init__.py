"""The team lead's retention (gallring) screen."""

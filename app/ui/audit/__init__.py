"""The team lead's log follow-up screen."""

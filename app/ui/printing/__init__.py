"""Print preview pages and printing, shared by every printed document."""

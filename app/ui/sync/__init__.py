"""Background sync, the status bar, and the two-versions dialog."""

"""Creating and unlocking a diary, and locking it (idle, sleep, Ctrl+L, clipboard)."""

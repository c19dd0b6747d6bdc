"""What needs the worker's attention today (Idag)."""

"""Athena: an offline-first, encrypted case diary for women's and men's support workers."""

__version__ = "0.1.0"

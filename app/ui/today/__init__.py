"""Idag: what needs the worker's attention today."""

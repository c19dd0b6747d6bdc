"""Synthetic demo diaries (clients, cases, entries, risk assessments) for demos and benchmarks."""

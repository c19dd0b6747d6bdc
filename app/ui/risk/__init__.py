"""The risk panel: assessments, the incident calendar and risk over time."""

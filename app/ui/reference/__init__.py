"""Editing the team's reference lists."""

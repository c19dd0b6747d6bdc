"""Safety plans: saved versions and their printout (section texts and numbers are in app.reference)."""

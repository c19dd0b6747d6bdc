"""The PySide6 desktop app. Widgets call app.services (in worker threads for anything slow), never SQL."""

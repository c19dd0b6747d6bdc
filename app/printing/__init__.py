"""The document layer: read models in, PDF bytes out (reportlab); never reads the database or writes a file."""

"""The safety-plan panel and its print dialog."""
